using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Audit;

namespace Compliance.Engine.Collection;

public enum ProductionMethod
{
    /// <summary>No evidence-collected event names the artifact: it was placed by hand.</summary>
    Unrecorded,

    /// <summary>'compliance evidence add' by a person or job.</summary>
    EvidenceAdd,

    /// <summary>A collector the programme declares, run by 'compliance collect'.</summary>
    DeclaredCollector,

    /// <summary>A collector built into the toolkit (e.g. verify-tls).</summary>
    BuiltIn,
}

/// <summary>How one artifact was produced, and the audit event that recorded it (by seq and hash).</summary>
public sealed record ArtifactProduction(string Artifact, ProductionMethod Method, string Actor, string? Job, string? Command, long? EventSeq, string? EventHash);

/// <summary>
/// Joins artifacts to the evidence-collected (and encryption-verified) events that recorded them. The
/// engine decides the method once; the site and reports show it.
/// </summary>
public static class ArtifactProductions
{
    public static IReadOnlyDictionary<string, ArtifactProduction> From(IEnumerable<AuditEvent> events)
    {
        var productions = new Dictionary<string, ArtifactProduction>(StringComparer.Ordinal);
        foreach (var recorded in events)
        {
            if (recorded.Field("evidence") is not { } artifact || productions.ContainsKey(artifact))
            {
                continue;
            }

            var method = recorded.Type switch
            {
                AuditEventTypes.EncryptionVerified => ProductionMethod.BuiltIn,
                AuditEventTypes.EvidenceCollected => recorded.Field("method") switch
                {
                    EvidenceAddition.Method => ProductionMethod.EvidenceAdd,
                    EvidenceCollection.Method => ProductionMethod.DeclaredCollector,
                    _ => ProductionMethod.BuiltIn,
                },
                _ => (ProductionMethod?)null,
            };
            if (method is { } known)
            {
                productions[artifact] = new ArtifactProduction(artifact, known, recorded.Actor, recorded.Field("job"), recorded.Field("command"), recorded.Seq, recorded.Hash);
            }
        }

        return productions;
    }

    public static ArtifactProduction Of(IReadOnlyDictionary<string, ArtifactProduction> productions, string artifact) =>
        productions.TryGetValue(artifact, out var production) ? production : new ArtifactProduction(artifact, ProductionMethod.Unrecorded, string.Empty, null, null, null, null);
}
