using Compliance.Model.Binding;
using Compliance.Model.Text;

namespace Compliance.Model.Documents;

/// <summary>
/// The event types of the audit log that must carry a signature by a key of the programme (for example
/// deploy and gate-decision), so that writing an actor's name into an event is not enough to forge it.
/// </summary>
public sealed record AuditSigningDefinition(EquatableArray<Located> RequiredFor, SourceSpan Span);
