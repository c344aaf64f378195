using Compliance.Model.Binding;
using Compliance.Model.Text;

namespace Compliance.Model.Documents;

/// <summary>
/// More requirements of a framework defined in another file (controls/frameworks/*.yaml): a catalog too
/// large for one file, or one file per family. The linker merges every part into the framework it names,
/// in ordinal path order, so a split framework is the same framework as the one file would be.
/// </summary>
/// <param name="Framework">The framework it belongs to, as written in <c>framework_part.framework</c>.</param>
public sealed record FrameworkPartDefinition(Located Framework, EquatableArray<RequirementDefinition> Requirements);
