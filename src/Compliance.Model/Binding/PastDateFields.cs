using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Diagnostics;

namespace Compliance.Model.Binding;

/// <summary>
/// The one list of date fields that record something that already happened. Every such date, in every file
/// kind, is registered as it is read (<see cref="MappingReader.Date"/>) and checked against the as-of date by
/// the gate: a recorded-past date in the future makes every clock computed from it meaningless.
/// Dates that look ahead are not listed: expires_on, effective_on, a law-enforcement delay's until, retain-until.
/// </summary>
public static class PastDateFields
{
    public static readonly IReadOnlyList<PastDateField> All = new[]
    {
        // Evidence keeps its own rule ID (CMP1107), which reports and waivers already name.
        new PastDateField("collected_on", "collected", Rules.CollectedInFuture),
        new PastDateField("approved_on", "approved", Rules.RecordedDateInFuture),
        new PastDateField("signed_on", "signed", Rules.RecordedDateInFuture),
        new PastDateField("revoked_on", "revoked", Rules.RecordedDateInFuture),
        new PastDateField("discovered_on", "discovered", Rules.RecordedDateInFuture),
        new PastDateField("individuals_notified_on", "notified to individuals", Rules.RecordedDateInFuture),
        new PastDateField("hhs_notified_on", "notified to HHS", Rules.RecordedDateInFuture),
        new PastDateField("media_notified_on", "notified to the media", Rules.RecordedDateInFuture),
        // A business associate's notice to a covered entity (164.410), and a law-enforcement statement (164.412).
        new PastDateField("notified_on", "notified", Rules.RecordedDateInFuture),
        new PastDateField("statement_on", "stated", Rules.RecordedDateInFuture),
        new PastDateField("written_statement_on", "stated in writing", Rules.RecordedDateInFuture),
        new PastDateField("retired_on", "retired", Rules.RecordedDateInFuture),
    };

    private static readonly Dictionary<string, PastDateField> ByKey = All.ToDictionary(f => f.Key, System.StringComparer.Ordinal);

    public static PastDateField? Find(string key) => ByKey.TryGetValue(key, out var field) ? field : null;
}

/// <summary>A date field that records the past: its key, the verb for messages, and the rule a future value breaks.</summary>
public sealed record PastDateField(string Key, string Verb, Rule Rule);
