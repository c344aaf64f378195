using System.Linq;
using Compliance.Model.Binding;
using Compliance.Model.Diagnostics;
using Compliance.Model.Documents;

namespace Compliance.Model.Parsing;

internal static class EvidenceBinder
{
    public static EvidenceRecord? Bind(MappingReader root)
    {
        var reader = root.Mapping(DocumentKinds.Evidence, required: true, "the evidence record");
        if (reader is null)
        {
            return null;
        }

        var artifact = reader.Reference("artifact", required: true);
        if (artifact is not null)
        {
            reader.What = $"the evidence record of '{artifact.Value}'";
        }

        var control = reader.Reference("control", required: true);
        var requirement = reader.Reference("requirement", required: true);
        var collectedOn = reader.Date("collected_on", required: true);
        var collector = reader.Reference("collector", required: true);
        var sha256 = reader.Reference("sha256", required: true);
        var description = reader.String("description", required: false);
        var type = reader.Enum("type", required: false, EvidenceTypes.All) ?? EvidenceTypes.Artifact;
        var endpoint = reader.Reference("endpoint", required: type == EvidenceTypes.TlsVerification);
        reader.Finish();

        if (sha256 is not null && (sha256.Value.Length != 64 || !sha256.Value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f')))
        {
            reader.Report(Rules.InvalidValue, sha256.Span, $"The sha256 of {reader.What} is not 64 lower-case hexadecimal digits.", "Write the digest printed by 'sha256sum FILE'.");
            sha256 = null;
        }

        return artifact is null || control is null || requirement is null || collector is null || sha256 is null
            ? null
            : new EvidenceRecord(artifact, control, requirement, collectedOn, collector, sha256, description, reader.Span) { CollectedOnSpan = reader.ValueSpan("collected_on"), Type = type, Endpoint = endpoint };
    }
}
