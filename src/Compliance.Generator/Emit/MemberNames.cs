using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Model.Binding;
using Compliance.Model.Diagnostics;

namespace Compliance.Generator.Emit;

/// <summary>Gives each ID a distinct member name within one generated class, reporting IDs that collide.</summary>
internal sealed class MemberNames
{
    private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);
    private readonly List<Finding> _findings;

    /// <param name="alsoReserved">Other members the emitter declares in the class, e.g. a helper method.</param>
    public MemberNames(string className, List<Finding> findings, params string[] alsoReserved)
    {
        _findings = findings;
        foreach (var reserved in new[] { className, "All", "Equals", "GetHashCode", "ToString", "GetType", "ReferenceEquals", "MemberwiseClone", "Finalize" }.Concat(alsoReserved))
        {
            _owners[reserved] = string.Empty;
        }
    }

    public string Assign(Located id)
    {
        var name = CSharp.Identifier(id.Value);
        var candidate = name;
        for (var suffix = 2; _owners.TryGetValue(candidate.TrimStart('@'), out var owner); suffix++)
        {
            if (suffix == 2 && owner.Length > 0)
            {
                _findings.Add(Rules.IdentifierCollision.At(id.Span,
                    $"The ID '{id.Value}' and the ID '{owner}' both become the C# name '{name}'; this one is generated as '{name}_{suffix}'."));
            }

            candidate = $"{name.TrimStart('@')}_{suffix}";
        }

        _owners[candidate.TrimStart('@')] = id.Value;
        return candidate;
    }
}
