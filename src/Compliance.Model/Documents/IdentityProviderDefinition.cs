using Compliance.Model.Binding;
using Compliance.Model.Text;

namespace Compliance.Model.Documents;

/// <summary>
/// The identity provider the access review is reconciled with: which of its groups grant access to
/// ePHI, and which evidence requirement holds its SCIM export (the access-review artifact).
/// </summary>
public sealed record IdentityProviderDefinition(EquatableArray<string> PhiGroups, Located AccessReview, SourceSpan Span);
