using System.IO;
using System.Linq;
using Compliance.Engine.Checks;
using Compliance.Engine.Reports;
using Compliance.Engine.Tests.Collection;

namespace Compliance.Engine.Tests;

/// <summary>CMP1004 in the CI summary: each new or changed collector command with its old and new argv, as the engine found them.</summary>
public class StepSummaryCollectorTests
{
    [Fact]
    public void A_changed_and_a_new_collector_command_are_listed_with_their_old_and_new_argv()
    {
        using var programme = new TestProgramme(git: true);
        CollectorProgramme.Declare(programme, "[scripts/collect.sh, --policies]");
        programme.Commit("Declare the collector", "2026-10-26T10:00:00Z");
        CollectorProgramme.Declare(programme, "[scripts/collect.sh, --policies, \"--upload|https://x.example\"]");
        var controls = Path.Combine(programme.Root, "controls/controls.yaml");
        File.WriteAllText(controls, File.ReadAllText(controls) + """
                  - id: history
                    description: History.
                    collection: automated
                    freshness_days: 30
                    collector:
                      builtin: git-history

            """);

        var result = programme.Check();
        var text = StepSummaryReport.Render(result, null);

        Assert.Equal(new[] { "CRY-01/history", "CRY-01/kms-keys" }, result.CollectorChanges.Select(c => c.Requirement).OrderBy(k => k));
        Assert.Equal(CollectorChangeKind.Changed, result.CollectorChanges.Single(c => c.Requirement == "CRY-01/kms-keys").Kind);
        Assert.Contains("### Collector commands to review ([CMP1004](", text);
        Assert.Contains("| CRY-01/kms-keys | changed | `[\"scripts/collect.sh\",\"--policies\"]` as `job:kms-export` | `[\"scripts/collect.sh\",\"--policies\",\"--upload\\|https://x.example\"]` as `job:kms-export` |", text);
        Assert.Contains("| CRY-01/history | new | – | `built-in git-history` as `job:git-history` |", text);
    }

    [Fact]
    public void Without_a_changed_collector_the_summary_has_no_collector_section()
    {
        using var programme = new TestProgramme(git: true);
        CollectorProgramme.Declare(programme, "[scripts/collect.sh]");
        programme.Commit("Declare the collector", "2026-10-26T10:00:00Z");

        var result = programme.Check();

        Assert.Empty(result.CollectorChanges);
        Assert.DoesNotContain("Collector commands to review", StepSummaryReport.Render(result, null));
    }
}
