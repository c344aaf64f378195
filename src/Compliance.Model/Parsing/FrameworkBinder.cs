using Compliance.Model.Binding;
using Compliance.Model.Documents;
using Compliance.Model.Text;

namespace Compliance.Model.Parsing;

internal static class FrameworkBinder
{
    public static FrameworkDefinition? Bind(MappingReader root)
    {
        var reader = root.Mapping(DocumentKinds.Framework, required: true, "the framework");
        if (reader is null)
        {
            root.List("requirements", required: false);
            return null;
        }

        var id = ListBinding.IdentifiedAs(reader, "framework");
        var title = reader.String("title", required: true);
        var citation = reader.String("citation", required: false);
        var source = reader.String("source", required: false);
        reader.Finish();

        var frameworkId = id?.Value ?? string.Empty;
        var requirements = ListBinding.Each(root, "requirements", required: true, "requirement", item => BindRequirement(item, frameworkId), id?.Value);
        if (id is not null && title is null)
        {
            // Dropped for an invalid field, which is already reported: keep it and the requirements read by identity,
            // as a list keeps an item it drops, so controls mapping them resolve and coverage waits on it.
            root.Context.Incomplete.Add(new IncompleteItem("framework", id));
            foreach (var requirement in requirements)
            {
                root.Context.Incomplete.Add(new IncompleteItem("requirement", requirement.Id, id.Value));
            }

            return null;
        }

        return id is null ? null : new FrameworkDefinition(id, title!, citation, source, requirements);
    }

    /// <summary>One requirement of a framework's list; a framework part binds its own with the same reader.</summary>
    internal static RequirementDefinition? BindRequirement(MappingReader reader, string frameworkId)
    {
        var id = ListBinding.IdentifiedAs(reader, "requirement");
        var title = reader.String("title", required: true);
        var kind = reader.Enum("kind", required: true, RequirementKinds.All);
        var parent = reader.Reference("parent", required: false);
        var required = reader.Bool("required", required: false);
        var category = reader.String("category", required: false);
        var summary = reader.String("summary", required: false);
        var informative = reader.Bool("informative", required: false) ?? false;
        return id is null || title is null || kind is null
            ? null
            : new RequirementDefinition(id, frameworkId, title, Vocabulary<RequirementKind>.Parse(kind), parent, required, category, summary, informative);
    }
}

internal static class CrosswalkBinder
{
    public static CrosswalkDefinition? Bind(MappingReader root)
    {
        var reader = root.Mapping(DocumentKinds.Crosswalk, required: true, "the crosswalk");
        if (reader is null)
        {
            root.List("mappings", required: false);
            return null;
        }

        var id = ListBinding.IdentifiedAs(reader, "crosswalk");
        var title = reader.String("title", required: true);
        var source = reader.Reference("source", required: true);
        var target = reader.Reference("target", required: true);
        reader.Finish();

        var mappings = ListBinding.Each(root, "mappings", required: true, "mapping", item =>
        {
            var from = item.Reference("source", required: true);
            var to = item.Reference("target", required: true);
            if (from is not null && to is not null)
            {
                item.What = $"mapping {from.Value} -> {to.Value}";
            }

            var relationship = item.Enum("relationship", required: true, CrosswalkRelationships.All);
            var area = item.String("area", required: false);
            var rationale = item.String("rationale", required: true);
            return from is null || to is null || relationship is null || rationale is null
                ? null
                : new CrosswalkMapping(from, to, relationship, area, rationale, item.Span);
        });
        if (id is not null && (title is null || source is null || target is null))
        {
            // Dropped for an invalid field, which is already reported: kept by identity, as a list keeps an item it drops.
            root.Context.Incomplete.Add(new IncompleteItem("crosswalk", id));
            return null;
        }

        return id is null ? null : new CrosswalkDefinition(id, title!, source!, target!, mappings);
    }
}
