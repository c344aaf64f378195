using System;
using System.Collections.Generic;
using Compliance.Model.Binding;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;
using Compliance.Model.Text;

namespace Compliance.Model.Parsing;

internal static class ControlBinder
{
    public static EquatableArray<ControlDefinition> Bind(MappingReader root) =>
        ListBinding.Each(root, DocumentKinds.Controls, required: true, "control", BindControl);

    private static ControlDefinition? BindControl(MappingReader reader)
    {
        var id = ListBinding.IdentifiedAs(reader, "control");
        var title = reader.String("title", required: true);
        var description = reader.String("description", required: true);
        var owner = reader.Reference("owner", required: true);
        var status = reader.Enum("status", required: true, ControlStatuses.All);
        var mapsTo = reader.References("maps_to");
        var evidence = ListBinding.Each(reader, "evidence", required: false, "evidence requirement", item =>
        {
            var evidenceId = item.Id();
            if (evidenceId is not null)
            {
                item.What = $"evidence requirement '{evidenceId.Value}' of {reader.What}";
            }

            var evidenceDescription = item.String("description", required: true);
            var collection = item.Enum("collection", required: true, EvidenceCollections.All);
            var freshness = item.Int("freshness_days", required: true, 1, 3650);
            var collector = CollectorBinder.Bind(item);
            var frequency = item.Enum("frequency", required: false, EvidenceFrequencies.All);
            return evidenceId is null || evidenceDescription is null || collection is null || freshness is null
                ? null
                : new EvidenceRequirementDefinition(evidenceId, evidenceDescription, Vocabulary<EvidenceCollection>.Parse(collection), freshness.Value) { Collector = collector, Frequency = frequency };
        });

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in evidence)
        {
            if (!seen.Add(item.Id.Value))
            {
                reader.Report(Rules.DuplicateId, item.Id.Span, $"{reader.What} lists the evidence requirement '{item.Id.Value}' twice.", "Give each evidence requirement of a control its own ID.");
            }
        }

        return id is null || title is null || description is null || status is null
            ? null
            : new ControlDefinition(id, title, description, owner, Vocabulary<ControlStatus>.Parse(status), mapsTo, evidence, reader.Span);
    }
}
