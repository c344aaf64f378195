using System;
using System.Collections.Generic;

namespace Compliance.Cli;

/// <summary>A small, strict parser for '--name value' and '--flag' options: an unknown option is an error, never ignored.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private Arguments()
    {
    }

    public static Arguments Parse(IReadOnlyList<string> args, ISet<string> valueOptions, ISet<string> flagOptions)
    {
        var parsed = new Arguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string name;
            string? inline = null;
            var equals = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                name = arg.Substring(0, equals);
                inline = arg.Substring(equals + 1);
            }
            else
            {
                name = arg;
            }

            if (flagOptions.Contains(name) && inline is null)
            {
                parsed._flags.Add(name);
            }
            else if (valueOptions.Contains(name))
            {
                var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"{name} needs a value."));
                if (!parsed._values.TryGetValue(name, out var list))
                {
                    parsed._values[name] = list = new List<string>();
                }

                list.Add(value);
            }
            else
            {
                throw new UsageException($"Unknown option '{arg}'.");
            }
        }

        return parsed;
    }

    public string? Value(string name) => _values.TryGetValue(name, out var list) ? list[^1] : null;

    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var list) ? list : Array.Empty<string>();

    public bool Flag(string name) => _flags.Contains(name);

    public int Int(string name, int fallback) => Value(name) is { } text
        ? int.TryParse(text, out var value) && value >= 0 ? value : throw new UsageException($"{name} takes a whole number of days, not '{text}'.")
        : fallback;
}

public sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}
