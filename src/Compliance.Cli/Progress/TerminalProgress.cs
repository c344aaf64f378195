using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Compliance.Engine.Progress;

namespace Compliance.Cli.Progress;

/// <summary>
/// Progress for a person at a terminal: one line on stderr, rewritten in place (count, total and rate), at most
/// ten times a second, and finished with the count and the time taken. Only ever used when stderr is a terminal
/// (<see cref="ConsoleProgress"/>), so CI logs and MSBuild output never see it.
/// </summary>
public sealed class TerminalProgress : IWorkProgress
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly TextWriter _terminal;
    private readonly object _lock = new();

    public TerminalProgress(TextWriter terminal) => _terminal = terminal;

    public IProgressCounter Start(string operation, long? total) => new Counter(this, operation, total);

    private void Write(string line, bool final)
    {
        lock (_lock)
        {
            // \r returns to the line's start; the padding clears what a longer earlier line left behind.
            _terminal.Write("\r" + line.PadRight(72) + (final ? "\n" : string.Empty));
            _terminal.Flush();
        }
    }

    private sealed class Counter : IProgressCounter
    {
        private readonly TerminalProgress _owner;
        private readonly string _operation;
        private readonly long? _total;
        private readonly ProgressCount _count = new();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _nextTicks;

        public Counter(TerminalProgress owner, string operation, long? total)
        {
            _owner = owner;
            _operation = operation;
            _total = total;
        }

        public void Advance(long count = 1)
        {
            var done = _count.Add(count);
            var now = _clock.Elapsed.Ticks;
            var next = System.Threading.Interlocked.Read(ref _nextTicks);
            if (now >= next && System.Threading.Interlocked.CompareExchange(ref _nextTicks, now + Interval.Ticks, next) == next)
            {
                _owner.Write(Line(done), final: false);
            }
        }

        public void Dispose()
        {
            // A step that had nothing to do says nothing.
            if (_count.Value > 0)
            {
                _owner.Write(Line(_count.Value) + $" in {_clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s", final: true);
            }
        }

        private string Line(long done)
        {
            var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
            var rate = (done / seconds).ToString("0", CultureInfo.InvariantCulture);
            var of = _total is { } total ? $"/{total.ToString(CultureInfo.InvariantCulture)}" : string.Empty;
            return $"{_operation}: {done.ToString(CultureInfo.InvariantCulture)}{of} ({rate}/s)";
        }
    }
}
