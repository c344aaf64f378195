using System;
using System.IO;
using System.Text;

namespace Compliance.Engine.Audit;

public sealed partial class AuditLog
{
    /// <summary>
    /// The end of the log as an append finds it, read backwards from the end so that its cost does not
    /// grow with the log. An append writes its line at the end, flushes it to disk, and only then replaces
    /// the head file, so a crash leaves one of:
    /// <list type="bullet">
    /// <item>the old log and head (the line was never written);</item>
    /// <item>a torn tail: bytes after the last newline that are not an event. The append never returned,
    /// so no one was told the event exists; the verifier reports it, and the next append cuts it off before
    /// writing, but only when the head agrees that nothing after the last whole line was acknowledged;</item>
    /// <item>the new line with the old head (the rename did not happen): a valid log that the next append's
    /// head catches up with.</item>
    /// </list>
    /// </summary>
    private sealed class AuditLogTail
    {
        private const int Window = 16 * 1024;

        private AuditLogTail(long writeAt, string lastLineText, bool needsNewline, bool torn)
        {
            WriteAt = writeAt;
            LastLineText = lastLineText;
            NeedsNewline = needsNewline;
            Torn = torn;
        }

        /// <summary>Where the new line starts: after the last whole line (a torn tail is overwritten).</summary>
        public long WriteAt { get; }

        /// <summary>The last event's line with its newline, or empty for an empty log: enough to chain the next event.</summary>
        public string LastLineText { get; }

        /// <summary>The last event was written whole but without its newline (a log edited by hand): one is written first.</summary>
        public bool NeedsNewline { get; }

        public bool Torn { get; }

        public static AuditLogTail Read(FileStream log, string? head)
        {
            var length = log.Length;
            for (long window = Window; ; window *= 2)
            {
                var start = Math.Max(0, length - window);
                var bytes = new byte[length - start];
                log.Position = start;
                log.ReadExactly(bytes);
                if (Find(bytes, start, head) is { } tail)
                {
                    return tail;
                }
            }
        }

        /// <summary>Every whole line of the log, for an append that must look for its event ID.</summary>
        public string CompleteText(FileStream log)
        {
            var end = NeedsNewline ? log.Length : WriteAt;
            var bytes = new byte[end];
            log.Position = 0;
            log.ReadExactly(bytes);
            return Encoding.UTF8.GetString(bytes) + (NeedsNewline ? "\n" : string.Empty);
        }

        public void Write(FileStream log, byte[] line)
        {
            if (Torn)
            {
                log.SetLength(WriteAt);
            }

            log.Position = NeedsNewline ? log.Length : WriteAt;
            if (NeedsNewline)
            {
                log.WriteByte((byte)'\n');
            }

            log.Write(line);
            log.Flush(flushToDisk: true);
        }

        /// <summary>The tail within the last bytes of the log (starting at <paramref name="start"/>), or null when a larger window is needed.</summary>
        private static AuditLogTail? Find(byte[] bytes, long start, string? head)
        {
            var end = Array.LastIndexOf(bytes, (byte)'\n');
            if (end < 0 && start > 0)
            {
                return null;
            }

            var fragment = Encoding.UTF8.GetString(bytes, end + 1, bytes.Length - end - 1);
            if (fragment.Length > 0 && AuditEvent.Parse(fragment) is not null)
            {
                return new AuditLogTail(start + bytes.Length, fragment + "\n", needsNewline: true, torn: false);
            }

            // The last non-empty whole line (blank lines are not events).
            var lineEnd = end;
            while (lineEnd >= 0)
            {
                var lineStart = lineEnd == 0 ? -1 : Array.LastIndexOf(bytes, (byte)'\n', lineEnd - 1);
                if (lineStart < 0 && start > 0)
                {
                    return null;
                }

                if (lineEnd - lineStart > 1)
                {
                    var line = Encoding.UTF8.GetString(bytes, lineStart + 1, lineEnd - lineStart - 1);
                    return Checked(start + end + 1, line, fragment, head);
                }

                lineEnd = lineStart;
            }

            return Checked(start + end + 1, null, fragment, head);
        }

        private static AuditLogTail Checked(long writeAt, string? lastLine, string fragment, string? head)
        {
            var last = lastLine is null ? null : AuditEvent.Parse(lastLine)
                ?? throw new InvalidDataException("The last line of the audit log is not an event: run 'compliance audit verify' before appending.");
            if (fragment.Length > 0 && head is not null && AuditLogText.ParseHead(head) is { } recorded && recorded.Seq > (last?.Seq ?? 0))
            {
                // The head acknowledged an event that is not whole in the log: that is a cut, not a crashed append.
                throw new InvalidDataException(
                    $"The audit log ends in a partial line but its head file records seq {recorded.Seq}: run 'compliance audit verify'; nothing was appended.");
            }

            return new AuditLogTail(writeAt, lastLine is null ? string.Empty : lastLine + "\n", needsNewline: false, torn: fragment.Length > 0);
        }
    }
}
