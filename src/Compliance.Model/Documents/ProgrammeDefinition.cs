using Compliance.Model.Binding;
using Compliance.Model.Text;

namespace Compliance.Model.Documents;

/// <summary>The programme's identity and scope: which frameworks, and which of their categories, are audited.</summary>
public sealed record ProgrammeDefinition(Located Id, string Name, string? Description, EquatableArray<ScopeEntry> Scope);

/// <summary>One framework in scope, optionally narrowed to some requirement categories (SOC 2 categories).</summary>
public sealed record ScopeEntry(Located Framework, EquatableArray<Located> Categories);
