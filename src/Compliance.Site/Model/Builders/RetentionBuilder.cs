using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Checks;

namespace Compliance.Site.Model;

/// <summary>The retention check's documents, as the site lists them: every date and verdict is the engine's.</summary>
internal static class RetentionBuilder
{
    public static IReadOnlyList<RetainedDocumentModel> Build(IReadOnlyList<RetainedDocument> documents) => documents
        .Select(d => new RetainedDocumentModel(
            d.Path,
            d.DeletedOn is not null && d.EffectEnd == EffectEnd.UntilDeleted ? RetentionReason.Deleted
                : d.EffectEnd == EffectEnd.Retired ? RetentionReason.Retired
                : RetentionReason.Superseded,
            d.LastInEffectOn,
            d.RetainUntil,
            d.SupersededBy,
            d.DeletedOn,
            d.LastVersionCommit,
            d.Violated))
        .ToList();
}
