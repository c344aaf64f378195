using System;
using System.Linq;

namespace Compliance.Engine.Audit.Remote;

public enum PushOutcome
{
    Landed,

    /// <summary>Someone else pushed first (or held the ref's lock): fetch again, append on top, push again.</summary>
    Behind,

    /// <summary>The remote refused for a reason a retry cannot fix: permissions, a hook, a protection rule.</summary>
    Refused,
}

/// <summary>Reads git's result of a push. Only the rejections that mean "behind" are retried, so a refusal never becomes a retry storm.</summary>
public static class PushOutcomes
{
    // git's own wording (C locale) for a ref that moved under the pusher, client side and server side.
    private static readonly string[] BehindMarkers =
    {
        "(fetch first)", "(non-fast-forward)", "(stale info)", "failed to update ref", "cannot lock ref", "failed to lock", "incorrect old value",
    };

    public static PushOutcome Classify(GitResult push)
    {
        if (push.Succeeded)
        {
            return PushOutcome.Landed;
        }

        var text = push.Output + "\n" + push.Error;
        return BehindMarkers.Any(marker => text.Contains(marker, StringComparison.Ordinal)) ? PushOutcome.Behind : PushOutcome.Refused;
    }

    /// <summary>The line of git's output that says why the push failed, for the error message.</summary>
    public static string Reason(GitResult push)
    {
        var lines = (push.Output + "\n" + push.Error).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var reason = lines.FirstOrDefault(l => l.StartsWith("!", StringComparison.Ordinal))
            ?? lines.FirstOrDefault(l => l.StartsWith("remote:", StringComparison.Ordinal) || l.StartsWith("fatal:", StringComparison.Ordinal) || l.StartsWith("error:", StringComparison.Ordinal))
            ?? lines.LastOrDefault();
        return reason ?? $"git exited with code {push.ExitCode}";
    }
}
