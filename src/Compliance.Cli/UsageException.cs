using System;

namespace Compliance.Cli;

/// <summary>Wrong usage of the command line: reported on stderr with exit code 2, never as a check failure.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}
