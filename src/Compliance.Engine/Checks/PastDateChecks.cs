using Compliance.Model.Binding;

namespace Compliance.Engine.Checks;

/// <summary>
/// Every date that records the past (<see cref="PastDateFields"/>: collected, approved, signed, revoked, discovered,
/// notified), in every file kind, held to the as-of date: one check, one list of fields.
/// </summary>
public static class PastDateChecks
{
    // Evidence findings name their control/requirement key, which waivers of CMP1107 target; others name the file.
    private static string Subject(CheckContext context, Model.Documents.RecordedDate recorded)
    {
        foreach (var record in context.Programme.Evidence)
        {
            if (record.Span.Path == recorded.Span.Path)
            {
                return record.Key;
            }
        }

        return recorded.Span.Path;
    }

    public static void Run(CheckContext context)
    {
        foreach (var recorded in context.Programme.RecordedDates)
        {
            var day = CheckContext.Day(recorded.Date);
            if (day <= context.AsOf || PastDateFields.Find(recorded.Field) is not { } field)
            {
                continue;
            }

            context.Report(field.Rule, recorded.Span, Subject(context, recorded),
                $"The field '{recorded.Field}' of {recorded.What} says it was {field.Verb} on {CheckContext.Iso(day)}, after the as-of date {CheckContext.Iso(context.AsOf)}: a date that records what already happened cannot lie in the future.");
        }
    }
}
