using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Linking;

namespace Compliance.Site.Model;

/// <summary>The items dropped for an invalid field, in the model's order (path, then position).</summary>
internal static class NotEvaluatedBuilder
{
    public static IReadOnlyList<NotEvaluatedModel> Build(LinkedProgramme programme) =>
        programme.Incomplete
            .Select(i => new NotEvaluatedModel(i.Kind, i.Id.Value, i.Parent, i.Span.Path, i.Span.Line, i.Span.Column))
            .ToList();
}
