using System;
using System.IO;
using Compliance.Engine.Progress;

namespace Compliance.Cli.Progress;

/// <summary>Whether progress is shown: on stderr when it is a terminal, nowhere when it is redirected (CI, MSBuild, a pipe).</summary>
public static class ConsoleProgress
{
    public static IWorkProgress For(bool stderrIsTerminal, TextWriter stderr) =>
        stderrIsTerminal ? new TerminalProgress(stderr) : NoProgress.Instance;

    /// <summary>The process's own stderr; TERM=dumb (an editor's or a CI's pseudo-terminal) counts as no terminal.</summary>
    public static IWorkProgress ForStandardError() =>
        For(!Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") != "dumb", Console.Error);
}
