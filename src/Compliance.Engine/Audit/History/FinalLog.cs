using System;
using System.Collections.Generic;
using System.Text;

namespace Compliance.Engine.Audit.History;

/// <summary>
/// The newest committed log, as the yardstick for every earlier version: where each event's line ends, and
/// each event's hash, parsed only for the events an earlier version ends at.
/// </summary>
internal sealed class FinalLog
{
    private readonly byte[] _bytes;
    private readonly List<int> _lineEnds = new();
    private readonly Dictionary<long, string?> _hashes = new();

    public FinalLog(byte[] bytes)
    {
        _bytes = bytes;
        var start = 0;
        while (start < bytes.Length)
        {
            var newline = Array.IndexOf(bytes, (byte)'\n', start);
            var end = newline < 0 ? bytes.Length : newline + 1;
            if (end - start > 1 || newline < 0)
            {
                _lineEnds.Add(end);
            }

            start = end;
        }
    }

    public int Events => _lineEnds.Count;

    /// <summary>Whether a version of <paramref name="size"/> bytes whose last event is (seq, hash) is a prefix of this log.</summary>
    public bool Fits(long seq, string hash, long size)
    {
        if (seq == 0)
        {
            return size == 0;
        }

        return seq <= _lineEnds.Count && _lineEnds[(int)seq - 1] == size && HashOf(seq) == hash;
    }

    /// <summary>The number of events in the prefix of this log that is <paramref name="size"/> bytes long, or null when no event ends there.</summary>
    public int? EventsEndingAt(long size)
    {
        if (size == 0)
        {
            return 0;
        }

        var index = _lineEnds.BinarySearch(checked((int)Math.Min(size, int.MaxValue)));
        return index >= 0 && _lineEnds[index] == size ? index + 1 : null;
    }

    /// <summary>Whether <paramref name="bytes"/> are this log's first lines, byte for byte.</summary>
    public bool StartsWith(byte[] bytes, out long events)
    {
        events = 0;
        if (bytes.Length > _bytes.Length || !_bytes.AsSpan(0, bytes.Length).SequenceEqual(bytes))
        {
            return false;
        }

        events = _lineEnds.BinarySearch(bytes.Length) is var index and >= 0 ? index + 1 : -1;
        return bytes.Length == 0 ? (events = 0) == 0 : events > 0;
    }

    /// <summary>The hash of the event at <paramref name="seq"/> (1 to Events).</summary>
    public string? HashOf(long seq)
    {
        if (!_hashes.TryGetValue(seq, out var hash))
        {
            var start = seq == 1 ? 0 : _lineEnds[(int)seq - 2];
            var line = Encoding.UTF8.GetString(_bytes, start, _lineEnds[(int)seq - 1] - start).TrimEnd('\n');
            _hashes[seq] = hash = AuditEvent.Parse(line)?.Hash;
        }

        return hash;
    }
}
