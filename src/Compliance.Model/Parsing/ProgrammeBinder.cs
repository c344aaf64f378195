using Compliance.Model.Binding;
using Compliance.Model.Documents;

namespace Compliance.Model.Parsing;

internal static class ProgrammeBinder
{
    public static ProgrammeDefinition? Bind(MappingReader root)
    {
        var reader = root.Mapping(DocumentKinds.Programme, required: true, "the programme");
        if (reader is null)
        {
            return null;
        }

        var id = ListBinding.IdentifiedAs(reader, "programme");
        var name = reader.String("name", required: true);
        var description = reader.String("description", required: false);
        var scope = ListBinding.Each(reader, "scope", required: true, "scope entry", entry =>
        {
            var framework = entry.Reference("framework", required: true);
            var categories = entry.References("categories");
            return framework is null ? null : new ScopeEntry(framework, categories);
        });
        reader.Finish();
        return id is null || name is null ? null : new ProgrammeDefinition(id, name, description, scope);
    }
}
