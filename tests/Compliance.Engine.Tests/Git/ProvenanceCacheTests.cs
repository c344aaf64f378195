using System.IO;
using System.Linq;
using Compliance.Engine.Git;
using Compliance.Engine.Reports;

namespace Compliance.Engine.Tests;

public class ProvenanceCacheTests
{
    [Fact]
    public void A_cached_run_gives_the_same_result_as_a_full_walk_after_new_commits()
    {
        using var programme = new TestProgramme();
        var cache = Path.Combine(programme.Root, "artifacts/compliance/cache");
        var first = programme.Check(configure: o => o with { CacheDirectory = cache });
        Assert.True(File.Exists(Path.Combine(cache, "provenance.json")));

        programme.AddEvidence("2026-10-30.json", "{}\n", "2026-10-30");
        programme.Commit("Add evidence", "2026-10-30T10:00:00Z");
        programme.Delete("evidence/cry-01/kms-keys/2026-10-30.json");
        programme.Delete("evidence/cry-01/kms-keys/2026-10-30.json.evidence.yaml");
        programme.Commit("Delete evidence", "2026-10-31T10:00:00Z");

        var cached = programme.Check(configure: o => o with { CacheDirectory = cache });
        var full = programme.Check();

        Assert.Equal(JsonReport.Render(full), JsonReport.Render(cached));
        Assert.Contains(cached.Findings, f => f.RuleId == "CMP1601");
        Assert.Equal(3, cached.Provenance.CommitsWalked);
        Assert.NotEqual(JsonReport.Render(first), JsonReport.Render(cached));
    }

    [Fact]
    public void A_cache_that_already_describes_head_is_read_and_not_written_again()
    {
        using var programme = new TestProgramme();
        var cache = Path.Combine(programme.Root, "artifacts/compliance/cache");
        var first = programme.Check(configure: o => o with { CacheDirectory = cache });
        var file = Path.Combine(cache, "provenance.json");
        var written = File.ReadAllText(file);
        var longAgo = new System.DateTime(2020, 1, 1, 0, 0, 0, System.DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(file, longAgo);

        var again = programme.Check(configure: o => o with { CacheDirectory = cache });

        Assert.Equal(longAgo, File.GetLastWriteTimeUtc(file));
        Assert.Equal(written, File.ReadAllText(file));
        Assert.False(again.Provenance.HasFullHistory);
        Assert.Equal(JsonReport.Render(first), JsonReport.Render(again));

        programme.Write("policies/security.md", File.ReadAllText(Path.Combine(programme.Root, "policies/security.md")) + "\nv2\n");
        programme.Commit("Revise", "2026-10-28T10:00:00Z");
        programme.Check(configure: o => o with { CacheDirectory = cache });

        Assert.NotEqual(longAgo, File.GetLastWriteTimeUtc(file));
    }

    [Fact]
    public void A_rewritten_history_is_walked_again_in_full()
    {
        using var programme = new TestProgramme();
        var cache = Path.Combine(programme.Root, "artifacts/compliance/cache");
        programme.Write("policies/security.md", File.ReadAllText(Path.Combine(programme.Root, "policies/security.md")) + "\nv2\n");
        programme.Commit("Revise", "2026-10-28T10:00:00Z");
        programme.Check(configure: o => o with { CacheDirectory = cache });

        // Rewrite the last commit: the cached commit is no longer in the history.
        programme.Git("reset", "-q", "--hard", "HEAD~1");
        programme.Write("policies/security.md", File.ReadAllText(Path.Combine(programme.Root, "policies/security.md")) + "\nv2 rewritten\n");
        programme.Commit("Revise differently", "2026-10-29T10:00:00Z");

        var cached = programme.Check(configure: o => o with { CacheDirectory = cache });
        var full = programme.Check();

        Assert.Equal(JsonReport.Render(full), JsonReport.Render(cached));
        Assert.Equal("Revise differently", cached.Provenance.Find("policies/security.md")!.LastChanged.Summary);
    }

    [Fact]
    public void A_corrupt_cache_is_ignored()
    {
        using var programme = new TestProgramme();
        var cache = Path.Combine(programme.Root, "artifacts/compliance/cache");
        Directory.CreateDirectory(cache);
        File.WriteAllText(Path.Combine(cache, "provenance.json"), "{ not json");

        var result = programme.Check(configure: o => o with { CacheDirectory = cache });

        Assert.True(result.Provenance.Available);
        Assert.Equal("Initial programme", result.Provenance.Find("policies/security.md")!.Added.Summary);
    }
}
