using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Compliance.Cli.Commands;
using Compliance.Engine.Audit;
using Compliance.Engine.Period;
using Compliance.Engine.Reports;
using Compliance.Engine.Sampling;
using Compliance.Model.Documents;
using Compliance.Model.Binding;
using Compliance.Model.Text;

namespace Compliance.Engine.Tests.Period;

public class SamplingTests
{
    private static readonly DayRange Year2026 = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

    private static Population Items(int count, ControlFrequency frequency, string id = "pop") => new(id, "Test", "test", frequency,
        Enumerable.Range(1, count).Select(i => new PopulationItem($"item-{i:D4}", new DateOnly(2026, 1, 1).AddDays(i % 365), $"Item {i}", new[] { $"evidence/{i}" })).ToList());

    [Fact]
    public void The_same_seed_draws_the_same_sample_and_another_seed_a_different_one()
    {
        var population = Items(200, ControlFrequency.Daily);

        var first = Sampler.Draw(population, "audit-2026", SampleSizeTable.Default).Items.Select(i => i.Item.Key).ToList();
        var again = Sampler.Draw(population, "audit-2026", SampleSizeTable.Default).Items.Select(i => i.Item.Key).ToList();
        var other = Sampler.Draw(population, "audit-2027", SampleSizeTable.Default).Items.Select(i => i.Item.Key).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void An_items_score_is_the_documented_sha256_so_an_auditor_can_re_derive_it()
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("seed-1\npop\nitem-0001")));

        Assert.Equal(expected, Sampler.Score("seed-1", "pop", "item-0001"));
        var sample = Sampler.Draw(Items(50, ControlFrequency.Weekly), "seed-1", SampleSizeTable.Default);
        Assert.Equal(sample.Items.Select(i => i.Score).OrderBy(s => s, StringComparer.Ordinal), sample.Items.Select(i => i.Score));
        var smallest = Items(50, ControlFrequency.Weekly).Items.Select(i => Sampler.Score("seed-1", "pop", i.Key)).OrderBy(s => s, StringComparer.Ordinal).First();
        Assert.Equal(smallest, sample.Items[0].Score);
    }

    [Theory]
    [InlineData(ControlFrequency.Annual, 1)]
    [InlineData(ControlFrequency.Quarterly, 2)]
    [InlineData(ControlFrequency.Monthly, 3)]
    [InlineData(ControlFrequency.Weekly, 10)]
    [InlineData(ControlFrequency.Daily, 25)]
    [InlineData(ControlFrequency.MultipleTimesDaily, 40)]
    public void The_default_sample_size_follows_the_frequency(ControlFrequency frequency, int size)
    {
        Assert.Equal(size, Sampler.Draw(Items(500, frequency), "s", SampleSizeTable.Default).Items.Count);
    }

    [Fact]
    public void A_population_smaller_than_its_sample_size_is_tested_in_full()
    {
        Assert.Equal(7, Sampler.Draw(Items(7, ControlFrequency.Daily), "s", SampleSizeTable.Default).Items.Count);
        Assert.Empty(Sampler.Draw(Items(0, ControlFrequency.Daily), "s", SampleSizeTable.Default).Items);
    }

    [Fact]
    public void The_size_table_can_be_overridden_per_frequency_and_rejects_nonsense()
    {
        var sizes = SampleSizeTable.Parse("daily=30, weekly=8", out var error)!;

        Assert.Null(error);
        Assert.Equal(30, sizes.SizeFor(ControlFrequency.Daily, 1000));
        Assert.Equal(8, sizes.SizeFor(ControlFrequency.Weekly, 1000));
        Assert.Equal(2, sizes.SizeFor(ControlFrequency.Quarterly, 1000));
        Assert.Null(SampleSizeTable.Parse("hourly=3", out _));
        Assert.Null(SampleSizeTable.Parse("daily=0", out _));
    }

    [Theory]
    [InlineData(ControlFrequency.Quarterly, 91, 1)]
    [InlineData(ControlFrequency.Quarterly, 273, 2)]
    [InlineData(ControlFrequency.Monthly, 91, 1)]
    [InlineData(ControlFrequency.Monthly, 182, 2)]
    [InlineData(ControlFrequency.Weekly, 91, 3)]
    [InlineData(ControlFrequency.Weekly, 182, 5)]
    [InlineData(ControlFrequency.Daily, 91, 7)]
    [InlineData(ControlFrequency.Daily, 182, 13)]
    [InlineData(ControlFrequency.Daily, 273, 19)]
    [InlineData(ControlFrequency.MultipleTimesDaily, 91, 10)]
    [InlineData(ControlFrequency.Annual, 30, 1)]
    [InlineData(ControlFrequency.Daily, 1, 1)]
    [InlineData(ControlFrequency.Daily, 365, 25)]
    [InlineData(ControlFrequency.Daily, 730, 25)]
    public void A_shorter_period_scales_the_sample_size_down_by_its_share_of_a_year_rounded_up(ControlFrequency frequency, int periodDays, int size)
    {
        Assert.Equal(size, SampleSizeTable.Default.ForPeriod(periodDays).SizeFor(frequency, 1000));
    }

    [Fact]
    public void An_overridden_size_is_scaled_to_the_period_like_a_default()
    {
        var sizes = SampleSizeTable.Parse("daily=40", out _)!.ForPeriod(182);

        Assert.Equal(20, sizes.SizeFor(ControlFrequency.Daily, 1000));
        Assert.Equal(5, sizes.SizeFor(ControlFrequency.Weekly, 1000));
    }

    [Fact]
    public void A_quarter_period_draws_the_scaled_sizes_and_the_exports_print_them()
    {
        using var programme = YearFixture.Build();
        var quarter = new DayRange(new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30));

        var samples = programme.Check(new DateOnly(2026, 6, 30), o => o with { Period = quarter }).Period!.Samples!;

        Assert.Equal(7, samples.Sizes.SizeFor(ControlFrequency.Daily, 1000));
        Assert.All(samples.Samples, s => Assert.Equal(Math.Min(samples.Sizes.SizeFor(s.Population.Frequency, int.MaxValue), s.Population.Items.Count), s.Size));
        Assert.Contains("\"daily\": 7", SampleExports.Render(quarter, samples)["samples.json"]);
    }

    [Fact]
    public void Every_population_item_can_be_drawn_by_some_seed()
    {
        var population = Items(12, ControlFrequency.Annual);
        var drawn = new HashSet<string>();

        for (var seed = 0; seed < 500 && drawn.Count < 12; seed++)
        {
            drawn.Add(Sampler.Draw(population, seed.ToString(), SampleSizeTable.Default).Items.Single().Item.Key);
        }

        Assert.Equal(population.Items.Select(i => i.Key).ToHashSet(), drawn);
    }

    [Theory]
    [InlineData(1, ControlFrequency.Daily)]
    [InlineData(7, ControlFrequency.Weekly)]
    [InlineData(30, ControlFrequency.Monthly)]
    [InlineData(90, ControlFrequency.Quarterly)]
    [InlineData(365, ControlFrequency.Annual)]
    public void The_frequency_is_derived_from_the_freshness_window_when_not_declared(int freshnessDays, ControlFrequency expected)
    {
        var requirement = new EvidenceRequirementDefinition(new Located("r", new SourceSpan("controls/c.yaml", 0, 1, 1, 1, 1, 2)), "d", EvidenceCollection.Manual, freshnessDays);

        Assert.Equal(expected, ControlFrequencies.Of(requirement));
        Assert.Equal(ControlFrequency.MultipleTimesDaily, ControlFrequencies.Of(requirement with { Frequency = "multiple-times-daily" }));
    }

    [Fact]
    public void The_year_fixture_has_populations_of_changes_terminations_deploys_and_evidence_collections()
    {
        using var programme = YearFixture.Build();
        var log = AuditLog.ForRoot(programme.Root);
        var day = new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);
        log.Append(AuditEventTypes.Deploy, "alice@acme.example", "sha256:aaaa", new Dictionary<string, string>(), () => day);
        log.Append(AuditEventTypes.Deploy, "alice@acme.example", "sha256:bbbb", new Dictionary<string, string>(), () => day.AddDays(30));

        var populations = programme.Check(new DateOnly(2026, 12, 31), o => o with { Period = Year2026 }).Period!.Populations.ToDictionary(p => p.Id);

        // Every commit but the first (2025-12-15) lands in 2026.
        Assert.Equal(int.Parse(programme.Git("rev-list", "--count", "HEAD").Trim()) - 1, populations["changes"].Items.Count);
        var bob = Assert.Single(populations["terminations"].Items);
        Assert.Equal(("bob", new DateOnly(2026, 6, 30)), (bob.Key, bob.Day));
        Assert.Equal(2, populations["deploys"].Items.Count);
        Assert.Contains($"{AuditLog.DefaultPath}#seq=1", populations["deploys"].Items[0].Evidence);
        var kms = populations["evidence:CRY-01/kms-keys"];
        Assert.Equal(ControlFrequency.Monthly, kms.Frequency);
        Assert.Equal(12, kms.Items.Count); // 2026-01-18 through 2026-12-30; the 2025-12-10 collection is before the period
        Assert.Contains("evidence/cry-01/kms-keys/kms-2026-08-05.json", kms.Items.Single(i => i.Day == new DateOnly(2026, 8, 5)).Evidence);
        Assert.Equal(ControlFrequency.Quarterly, populations["evidence:IAM-01/review"].Frequency);
    }

    [Fact]
    public void The_sample_command_writes_the_six_exports_with_stable_columns_byte_identical_per_seed()
    {
        using var programme = YearFixture.Build();
        var outA = Path.Combine(programme.Root, "artifacts", "a");
        var outB = Path.Combine(programme.Root, "artifacts", "b");
        var output = new StringWriter();

        Assert.Equal(0, SampleCommand.Run(new[] { "--root", programme.Root, "--period", "2026-01-01..2026-12-31", "--seed", "fy2026", "--out", outA }, output, () => throw new InvalidOperationException()));
        SampleCommand.Run(new[] { "--root", programme.Root, "--period", "2026-01-01..2026-12-31", "--seed", "fy2026", "--out", outB }, TextWriter.Null, () => throw new InvalidOperationException());

        Assert.Contains("seed fy2026", output.ToString());
        var files = Directory.GetFiles(outA).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "pbc.csv", "pbc.json", "populations.csv", "populations.json", "samples.csv", "samples.json" }, files);
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(outA, file!)), File.ReadAllBytes(Path.Combine(outB, file!)));
        }

        Assert.Equal(string.Join(",", SampleExports.SampleColumns), File.ReadLines(Path.Combine(outA, "samples.csv")).First());
        Assert.Equal(string.Join(",", SampleExports.PbcColumns), File.ReadLines(Path.Combine(outA, "pbc.csv")).First());
        Assert.StartsWith("PBC-0001,", File.ReadLines(Path.Combine(outA, "pbc.csv")).Skip(1).First());
    }

    [Fact]
    public void Csv_quotes_only_fields_that_need_it()
    {
        Assert.Equal("a,b\nplain,\"with, comma and \"\"quote\"\"\"\n", Csv.Render(new[] { "a", "b" }, new[] { new[] { "plain", "with, comma and \"quote\"" } }));
    }
}
