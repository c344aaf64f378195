using System;
using System.Threading;

namespace Compliance.Engine.Progress;

/// <summary>
/// How a long operation (the history walk, the site render, evidence collection, an access-review reconciliation)
/// says how far it is. The engine only counts; the CLI decides whether anyone sees it (a terminal on stderr).
/// </summary>
public interface IWorkProgress
{
    /// <summary>Starts counting one operation; <paramref name="total"/> is null when it is not known up front.</summary>
    IProgressCounter Start(string operation, long? total);
}

/// <summary>One operation's count. <see cref="Advance"/> may be called from several threads at once.</summary>
public interface IProgressCounter : IDisposable
{
    void Advance(long count = 1);
}

/// <summary>Progress that goes nowhere: the default, so engine code never checks for null.</summary>
public sealed class NoProgress : IWorkProgress, IProgressCounter
{
    public static readonly NoProgress Instance = new();

    private NoProgress()
    {
    }

    public IProgressCounter Start(string operation, long? total) => this;

    public void Advance(long count = 1)
    {
    }

    public void Dispose()
    {
    }
}

/// <summary>A thread-safe count for <see cref="IProgressCounter"/> implementations.</summary>
public sealed class ProgressCount
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public long Add(long count) => Interlocked.Add(ref _value, count);
}
