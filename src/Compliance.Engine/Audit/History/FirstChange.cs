using System.Linq;

namespace Compliance.Engine.Audit.History;

/// <summary>What the offending commit did to its parent's log, found by reading both versions in full (only on failure).</summary>
internal static class FirstChange
{
    public static (AuditHistoryChange Change, AuditEvent? Event, string Description) Between(string? before, string? beforeHead, string? after, string? afterHead)
    {
        var old = AuditLogText.Lines(before ?? string.Empty).ToList();
        var current = AuditLogText.Lines(after ?? string.Empty).ToList();
        var index = Enumerable.Range(0, old.Count).FirstOrDefault(i => i >= current.Count || old[i] != current[i], -1);
        if (index < 0)
        {
            // The log itself only grew: the head file is what changed against it.
            var recorded = afterHead is null ? null : AuditLogText.ParseHead(afterHead);
            var last = AuditLogText.Events(after ?? string.Empty).LastOrDefault();
            return (AuditHistoryChange.HeadRewritten, last,
                recorded is { } head
                    ? $"rewrote the head file to record seq {head.Seq} ({head.Hash}), which does not match the log's last event (seq {last?.Seq ?? 0}) as later versions have it"
                    : beforeHead is not null && afterHead is null ? "deleted the head file, so truncation can no longer be detected" : "left the head file out of step with the log");
        }

        var changed = AuditEvent.Parse(old[index]);
        var what = changed is null ? $"line {index + 1}" : $"event seq {changed.Seq}{(changed.Id is null ? string.Empty : $" (id {changed.Id})")} {changed.Hash}";
        if (index >= current.Count)
        {
            return (AuditHistoryChange.Removed, changed, $"cut the log from {old.Count} to {current.Count} event(s), removing {what} and every event after it");
        }

        // Events re-chained into another order have new lines, so an event is recognised by what it records.
        var moved = changed is null ? null : Identity(changed);
        if (moved is not null && AuditLogText.Events(after ?? string.Empty).Skip(index + 1).Any(e => Identity(e) == moved))
        {
            return (AuditHistoryChange.Reordered, changed, $"reordered events, moving {what} from line {index + 1}");
        }

        return current.Contains(old[index]) || current.Count < old.Count
            ? (AuditHistoryChange.Removed, changed, $"removed or replaced {what} at line {index + 1}")
            : (AuditHistoryChange.Edited, changed, $"edited or replaced {what} at line {index + 1}");
    }

    /// <summary>What an event records, apart from where it sits in the chain.</summary>
    private static string Identity(AuditEvent e) =>
        e.Id ?? string.Join("\u001f", new[] { e.Time.ToString("O", System.Globalization.CultureInfo.InvariantCulture), e.Type, e.Actor, e.Artifact ?? string.Empty }.Concat(e.Fields.Select(f => f.Key + "=" + f.Value)));
}
