using Compliance.Model.Binding;
using Compliance.Model.Documents;
using Compliance.Model.Text;

namespace Compliance.Model.Parsing;

internal static class IncidentBinder
{
    public static EquatableArray<IncidentDefinition> Bind(MappingReader root) =>
        ListBinding.Each(root, DocumentKinds.Incidents, required: true, "incident", reader =>
        {
            var id = ListBinding.IdentifiedAs(reader, "incident");
            var title = reader.String("title", required: true);
            var discovered = reader.Date("discovered_on", required: true);
            var breach = reader.Bool("breach", required: true);
            var affected = reader.Int("individuals_affected", required: breach == true, 0, 100_000_000) ?? 0;
            var states = ListBinding.Each(reader, "states", required: false, "state count", item =>
            {
                var state = item.Reference("state", required: true);
                var residents = item.Int("residents", required: true, 0, 100_000_000);
                return state is null || residents is null ? null : new StateCount(state, residents.Value);
            });
            var coveredEntities = ListBinding.Each(reader, "covered_entities", required: false, "affected covered entity", item =>
            {
                var entity = item.Reference("covered_entity", required: true);
                var notified = item.Date("notified_on", required: false);
                return entity is null ? null : new AffectedCoveredEntity(entity, notified, item.Span);
            });
            var individuals = reader.Date("individuals_notified_on", required: false);
            var hhs = reader.Date("hhs_notified_on", required: false);
            var media = reader.Date("media_notified_on", required: false);
            var delay = BindDelay(reader);
            var summary = reader.String("summary", required: false);
            return id is null || title is null || breach is null
                ? null
                : new IncidentDefinition(id, title, discovered, breach.Value, affected, states, individuals, hhs, media, delay, summary, reader.Span)
                {
                    CoveredEntities = coveredEntities,
                };
        });

    // 164.412 asks for the statement itself, not only an end date: when, how, from whom, and the record.
    private static LawEnforcementDelay? BindDelay(MappingReader reader)
    {
        if (reader.Mapping("law_enforcement_delay", required: false, $"the law-enforcement delay of {reader.What}") is not { } delay)
        {
            return null;
        }

        var statementOn = delay.Date("statement_on", required: true);
        var form = delay.Enum("form", required: true, StatementForms.All);
        var agency = delay.String("agency", required: true);
        var until = delay.Date("until", required: true);
        var writtenOn = delay.Date("written_statement_on", required: false);
        var evidence = delay.Reference("evidence", required: true);
        if (form == StatementForms.Written && writtenOn is not null)
        {
            delay.Report(Diagnostics.Rules.InvalidValue, delay.ValueSpan("written_statement_on")!,
                $"{delay.What} is written; written_statement_on is for an oral statement that a written one followed.",
                "Remove written_statement_on, or set form: oral and keep the date of the written statement that followed.");
        }

        delay.Finish();
        return form is null || agency is null ? null : new LawEnforcementDelay(statementOn, form, agency, until, writtenOn, evidence, delay.Span);
    }
}
