using System.Linq;
using System.Text;
using Compliance.Engine.Checks;
using Compliance.Model.Diagnostics;

namespace Compliance.Engine.Reports;

/// <summary>
/// The terminal report: what was checked and when, the waivers in force, a one-line summary, and
/// last every finding as canonical 'path(line,col): error CODE: message', which MSBuild, IDEs and
/// GitHub Actions annotate.
/// </summary>
public static class TextReport
{
    /// <param name="gateOnly">Leave out the structural findings (CMP0xxx), which the compiler reports itself.</param>
    /// <param name="pathRoot">
    /// Print finding paths under this folder as full paths, as the compiler prints its own (for MSBuild: IDEs resolve
    /// a relative path against the project's folder, not the repository's). Null keeps them relative to the repo.
    /// </param>
    public static string Render(CheckResult result, bool gateOnly = false, string? pathRoot = null)
    {
        var text = new StringBuilder();
        var head = result.Provenance.Head;
        text.Append($"Compliance check of '{result.Programme.Programme?.Name ?? "(no programme)"}' as of {CheckContext.Iso(result.Options.AsOf)}");
        text.Append(head is null ? ", no git commit" : $", commit {head.ShortSha}{(result.Provenance.Branch is { } branch ? $" ({branch})" : string.Empty)}");
        text.Append('\n');

        var inForce = result.Waivers.Where(w => w.State == WaiverState.InForce).ToList();
        if (inForce.Count > 0)
        {
            text.Append($"Waivers in force: {inForce.Count}\n");
            foreach (var status in inForce)
            {
                var waiver = result.Programme.Waivers.First(w => w.Id.Value == status.WaiverId);
                text.Append($"  {waiver.Id.Value}: {waiver.Rule.Value} on '{waiver.Target.Value}' until {waiver.ExpiresOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}, approved by {waiver.ApprovedBy?.Value}: {waiver.Reason}\n");
            }
        }

        var shown = result.Findings.Where(f => !gateOnly || Rules.Find(f.RuleId)?.Stage != RuleStage.Structure).ToList();
        text.Append($"Summary: {result.Errors} error(s), {result.Warnings} warning(s), {result.Waived} waived; ");
        text.Append($"{result.Programme.Controls.Count} controls, {result.Evidence.Count} evidence requirements, {result.Artifacts.Count} artifacts, {result.Programme.Vendors.Count} vendors, {result.Programme.Policies.Count} policies.\n");
        foreach (var finding in shown)
        {
            text.Append(Canonical(finding, pathRoot)).Append('\n');
        }

        return text.ToString();
    }

    public static string Canonical(Finding finding, string? pathRoot = null)
    {
        var severity = finding.Severity == Severity.Error ? "error" : finding.Severity == Severity.Warning ? "warning" : "info";
        var location = finding.Location is { } at ? $"{(pathRoot is null || System.IO.Path.IsPathRooted(at.Path) ? at.Path : System.IO.Path.Combine(pathRoot, at.Path))}({at.Line},{at.Column}): " : "compliance: ";
        return $"{location}{severity} {finding.RuleId}: {finding.Text}";
    }
}
