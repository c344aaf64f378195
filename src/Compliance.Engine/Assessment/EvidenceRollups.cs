using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Checks;
using Compliance.Model.Documents;
using Compliance.Model.Linking;
using Compliance.Model.Text;

namespace Compliance.Engine.Assessment;

/// <summary>The worst evidence state over a set of evidence requirements, or that there is none to show. Worse states sort later.</summary>
public enum EvidenceRollup
{
    Fresh,
    NearlyStale,
    Stale,
    Missing,
    None,
}

/// <summary>
/// Decides, once, the evidence state of each control (the worst of its evidence requirements) and of each
/// requirement: the worst of the controls that implement it, or, for a requirement covered only through its
/// in-scope children, the worst of theirs. A decision, an out-of-scope or an informative requirement has none.
/// </summary>
public sealed class EvidenceRollups
{
    // Deeper catalogs than this are malformed; the structure checks report them.
    private const int MaxDepth = 64;

    private readonly LinkedProgramme _programme;
    // Held as ints: a dictionary of an enum of ours is JIT-compiled on every run (ReadyToRun cannot precompile the
    // framework's generic code over our value types), and this index is built on every check.
    private readonly IntMap<string> _controls = new(StringComparer.Ordinal);
    private readonly IntMap<string> _requirements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RequirementDefinition>> _children = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inScope;

    public EvidenceRollups(LinkedProgramme programme, IReadOnlyList<EvidenceStatus> evidence)
    {
        _programme = programme;
        _inScope = new HashSet<string>(programme.InScopeRequirements, StringComparer.Ordinal);
        var states = new Dictionary<string, EvidenceStatus>(StringComparer.Ordinal);
        foreach (var status in evidence)
        {
            states.TryAdd(status.Key, status);
        }

        foreach (var control in programme.Controls)
        {
            var id = control.Id.Value;
            var worst = EvidenceRollup.None;
            foreach (var requirement in control.Evidence)
            {
                worst = Worse(worst, Of(states.TryGetValue($"{id}/{requirement.Id.Value}", out var status) ? status.State : EvidenceState.Missing));
            }

            _controls[id] = (int)worst;
        }

        foreach (var framework in programme.Frameworks)
        {
            var members = new HashSet<string>(framework.Requirements.Select(r => r.Id.Value), StringComparer.Ordinal);
            foreach (var requirement in framework.Requirements)
            {
                if (requirement.Parent is { } parent && members.Contains(parent.Value))
                {
                    if (!_children.TryGetValue(parent.Value, out var list))
                    {
                        _children[parent.Value] = list = new List<RequirementDefinition>();
                    }

                    list.Add(requirement);
                }
            }
        }

        // Decided here, all at once, so that readers on any thread see a finished, unchanging index.
        foreach (var requirement in programme.Frameworks.SelectMany(f => f.Requirements))
        {
            Requirement(requirement.Id.Value, 0);
        }
    }

    /// <summary>The worst state of the control's evidence requirements; none when it declares none or is not defined.</summary>
    public EvidenceRollup Control(string id) => _controls.TryGetValue(id, out var rollup) ? (EvidenceRollup)rollup : EvidenceRollup.None;

    /// <summary>The requirement's evidence state; none for a requirement no framework defines.</summary>
    public EvidenceRollup Requirement(string id) => _requirements.TryGetValue(id, out var rollup) ? (EvidenceRollup)rollup : EvidenceRollup.None;

    private EvidenceRollup Requirement(string id, int depth)
    {
        if (_requirements.TryGetValue(id, out var known))
        {
            return (EvidenceRollup)known;
        }

        _requirements[id] = (int)EvidenceRollup.None; // a cycle in the catalog counts for nothing, and ends here
        var coverage = _programme.Lookups.Coverage(id);
        var result = EvidenceRollup.None;
        if (coverage is { Controls.Count: > 0 })
        {
            foreach (var control in coverage.Controls)
            {
                result = Worse(result, Control(control));
            }
        }
        else if (coverage is not null && coverage.State is not (CoverageState.OutOfScope or CoverageState.Informative or CoverageState.Decided) && depth < MaxDepth
            && _children.TryGetValue(id, out var kids))
        {
            foreach (var kid in kids)
            {
                if (_inScope.Contains(kid.Id.Value) && !kid.Informative)
                {
                    result = Worse(result, Requirement(kid.Id.Value, depth + 1));
                }
            }
        }

        _requirements[id] = (int)result;
        return result;
    }

    public static EvidenceRollup Of(EvidenceState state) => state switch
    {
        EvidenceState.Fresh => EvidenceRollup.Fresh,
        EvidenceState.NearlyStale => EvidenceRollup.NearlyStale,
        EvidenceState.Stale => EvidenceRollup.Stale,
        _ => EvidenceRollup.Missing,
    };

    /// <summary>The worse of two states, ignoring none.</summary>
    public static EvidenceRollup Worse(EvidenceRollup a, EvidenceRollup b) =>
        b != EvidenceRollup.None && (a == EvidenceRollup.None || b > a) ? b : a;
}
