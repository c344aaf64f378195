using Compliance.Model.Binding;
using Compliance.Model.Documents;

namespace Compliance.Model.Parsing;

/// <summary>
/// Binds <c>framework_part: { framework: ID }</c> and its <c>requirements:</c>, read exactly as a framework's own:
/// a split catalog must mean what the one file would.
/// </summary>
internal static class FrameworkPartBinder
{
    public static FrameworkPartDefinition? Bind(MappingReader root)
    {
        var reader = root.Mapping(DocumentKinds.FrameworkPart, required: true, "the framework part");
        if (reader is null)
        {
            root.List("requirements", required: false);
            return null;
        }

        var framework = reader.Reference("framework", required: true);
        reader.Finish();

        var frameworkId = framework?.Value ?? string.Empty;
        var requirements = ListBinding.Each(root, "requirements", required: true, "requirement", item => FrameworkBinder.BindRequirement(item, frameworkId), framework?.Value);
        return framework is null ? null : new FrameworkPartDefinition(framework, requirements);
    }
}
