using System.Collections.Generic;
using Compliance.Model.Diagnostics;

namespace Compliance.Site.Model;

// The findings of the check and the rules they break.

public sealed record FindingModel(
    int Number,
    string RuleId,
    string RuleTitle,
    PageRef? RulePage,
    Severity Severity,
    string Message,
    string Fix,
    string? Location,
    string? Target,
    ItemLink? Item,
    string? WaivedBy)
{
    /// <summary>
    /// The findings in number order, each once (a finding's number is its identity). Sorted in place with a comparison rather
    /// than LINQ's DistinctBy and OrderBy on an int key, whose instantiations ReadyToRun cannot precompile (issue 15).
    /// </summary>
    public static List<FindingModel> ByNumber(List<FindingModel> findings)
    {
        findings.Sort(static (a, b) => a.Number.CompareTo(b.Number));
        var kept = 0;
        for (var i = 0; i < findings.Count; i++)
        {
            if (kept == 0 || findings[kept - 1].Number != findings[i].Number)
            {
                findings[kept++] = findings[i];
            }
        }

        findings.RemoveRange(kept, findings.Count - kept);
        return findings;
    }
}

public sealed record RuleModel(string Id, string Title, Severity Severity, string Category, string Fix, int Findings, PageRef Anchor);
