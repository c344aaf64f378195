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
        var runners = ListBinding.Each(reader, "runners", required: false, "runner", entry =>
        {
            var runnerId = ListBinding.IdentifiedAs(entry, "runner");
            var signed = entry.Bool("require_signed", required: false) ?? false;
            var runnerDescription = entry.String("description", required: false);
            return runnerId is null ? null : new RunnerDefinition(runnerId, signed, runnerDescription);
        });
        var endpoints = ListBinding.Each(reader, "endpoints", required: false, "endpoint", entry =>
        {
            var endpointId = ListBinding.IdentifiedAs(entry, "endpoint");
            var url = entry.String("url", required: true);
            var evidence = entry.Reference("evidence", required: true);
            if (url is not null && !url.StartsWith("https://", System.StringComparison.Ordinal))
            {
                entry.Report(Diagnostics.Rules.InvalidValue, entry.ValueSpan("url")!, $"The url of {entry.What} must start with https://.", "Write the endpoint as https://host[:port].");
                url = null;
            }

            return endpointId is null || url is null || evidence is null ? null : new EndpointDefinition(endpointId, url, evidence);
        });
        var role = reader.Enum("role", required: false, ProgrammeRoles.All);
        var coveredEntities = CoveredEntityBinder.Bind(reader);
        reader.Finish();
        return id is null || name is null
            ? null
            : new ProgrammeDefinition(id, name, description, scope)
            {
                Runners = runners,
                Endpoints = endpoints,
                Role = ProgrammeRoles.Parse(role),
                RoleSpan = reader.ValueSpan("role"),
                CoveredEntities = coveredEntities,
            };
    }
}
