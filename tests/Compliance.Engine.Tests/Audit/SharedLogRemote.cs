using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Compliance.Engine.Audit;

namespace Compliance.Engine.Tests.AuditTrail;

/// <summary>
/// A bare repository protected as git hosts protect a branch (no non-fast-forward updates, no deletions,
/// every ref update logged), the programme pushed to it, and clones of it: one per runner.
/// </summary>
internal sealed class SharedLogRemote : IDisposable
{
    public const string LogRef = "refs/heads/compliance-audit";

    private readonly TestProgramme _seed;
    private int _clones;

    public SharedLogRemote()
    {
        _seed = new TestProgramme(git: false);
        _seed.Write("controls/programme.yaml", $"""
            programme:
              id: acme
              name: Acme Health
              scope:
                - framework: mini
              audit_log:
                ref: {LogRef}
            """);
        _seed.Git("init", "-q", "-b", "main");
        _seed.Commit("Initial programme", "2026-10-25T10:00:00Z");
        Bare = Path.Combine(_seed.Root, "..", Path.GetFileName(_seed.Root) + ".remote.git");
        Run(_seed.Root, "init", "-q", "--bare", "-b", "main", Bare);
        foreach (var setting in new[] { "receive.denyNonFastForwards=true", "receive.denyDeletes=true", "core.logAllRefUpdates=always" })
        {
            var (key, value) = (setting.Split('=')[0], setting.Split('=')[1]);
            Run(Bare, "config", key, value);
        }

        _seed.Git("remote", "add", "origin", Bare);
        _seed.Git("push", "-q", "origin", "main");
    }

    public string Bare { get; }

    /// <summary>A fresh clone of the remote, as an ephemeral runner has.</summary>
    public string Clone()
    {
        var clone = Path.Combine(Path.GetDirectoryName(Bare)!, Path.GetFileName(_seed.Root) + ".runner" + _clones++);
        Run(Path.GetDirectoryName(Bare)!, "clone", "-q", Bare, clone);
        Run(clone, "config", "user.name", "CI Runner");
        Run(clone, "config", "user.email", "ci@acme.example");
        return clone;
    }

    /// <summary>The log as the remote holds it on the ref, or null when the ref does not exist.</summary>
    public string? RemoteLog() => TryRun(Bare, "show", $"{LogRef}:audit-log.jsonl");

    public IReadOnlyList<AuditEvent> RemoteEvents() => AuditLogText.Events(RemoteLog() ?? string.Empty);

    public AuditVerification VerifyRemote() => AuditLogText.Verify(RemoteLog(), TryRun(Bare, "show", $"{LogRef}:audit-log.jsonl.head"), null);

    /// <summary>Every value the ref has held, from the remote's ref log (core.logAllRefUpdates=always).</summary>
    public IReadOnlyList<string> RefHistory() => (TryRun(Bare, "log", "-g", "--format=%H", LogRef) ?? string.Empty)
        .Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlySet<string> CommitsOnRef() => Run(Bare, "rev-list", LogRef).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet();

    public static string Run(string directory, params string[] args) =>
        TryRun(directory, args) ?? throw new InvalidOperationException($"git {string.Join(' ', args)} failed in {directory}");

    public static string? TryRun(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-c", "commit.gpgsign=false" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        _ = error.Result;
        return process.ExitCode == 0 ? output : null;
    }

    public void Dispose()
    {
        var parent = Path.GetDirectoryName(Bare)!;
        var prefix = Path.GetFileName(_seed.Root) + ".";
        _seed.Dispose();
        foreach (var directory in Directory.EnumerateDirectories(parent, prefix + "*"))
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
