using Compliance.Model.Binding;
using Compliance.Model.Text;

namespace Compliance.Model.Documents;

/// <summary>
/// How the audit log is anchored outside the repository: the RFC 3161 timestamp authorities whose tokens are
/// trusted (their certificates, PEM), and the most days that may pass between anchors.
/// </summary>
public sealed record AuditAnchoringDefinition(int IntervalDays, EquatableArray<Located> TsaCertificates, SourceSpan Span);
