using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using Compliance.Engine.Json;
using Compliance.Engine.Period;
using Compliance.Engine.Sampling;

namespace Compliance.Engine.Reports;

/// <summary>
/// The auditor's exports of a period: the populations, the samples and the PBC (provided-by-client)
/// request list, as CSV and JSON with stable columns (documented in docs/period.md). They show the
/// engine's values; nothing is decided here.
/// </summary>
public static class SampleExports
{
    public static readonly string[] PopulationColumns = { "population", "title", "source", "frequency", "item_key", "item_day", "item_summary", "evidence" };
    public static readonly string[] SampleColumns = { "seed", "population", "frequency", "population_size", "sample_size", "rank", "score", "item_key", "item_day", "item_summary", "evidence" };
    public static readonly string[] PbcColumns = { "request_id", "population", "rank", "item_key", "item_day", "requested", "evidence" };

    private static readonly JsonSerializerOptions Json = JsonMetadata.From(EngineJson.Default, new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>File name to content, for the caller to write atomically.</summary>
    public static IReadOnlyDictionary<string, string> Render(DayRange period, SampleSet samples)
    {
        var populations = samples.Samples.Select(s => s.Population).ToList();
        var populationRows = populations.SelectMany(p => p.Items.Select(i => Row(p.Id, p.Title, p.Source, Frequency(p), i.Key, DayRange.Iso(i.Day), i.Summary, Links(i)))).ToList();
        var sampleRows = samples.Samples.SelectMany(s => s.Items.Select(i => Row(samples.Seed, s.Population.Id, Frequency(s.Population),
            Number(s.Population.Items.Count), Number(s.Size), Number(i.Rank), i.Score, i.Item.Key, DayRange.Iso(i.Item.Day), i.Item.Summary, Links(i.Item)))).ToList();
        var requests = Pbc(samples);

        return new SortedDictionary<string, string>(System.StringComparer.Ordinal)
        {
            ["populations.csv"] = Csv.Render(PopulationColumns, populationRows),
            ["samples.csv"] = Csv.Render(SampleColumns, sampleRows),
            ["pbc.csv"] = Csv.Render(PbcColumns, requests.Select(r => Row(r.RequestId, r.Population, Number(r.Rank), r.ItemKey, r.ItemDay, r.Requested, r.Evidence))),
            ["populations.json"] = Serialise(new PopulationsExport(period.ToString(), populations.Select(p => new PopulationExport(p.Id, p.Title, p.Source, Frequency(p), p.Items.Select(Item))))),
            ["samples.json"] = Serialise(new SamplesExport(
                period.ToString(),
                samples.Seed,
                "score = sha256(utf8(SEED + \"\\n\" + POPULATION + \"\\n\" + ITEM_KEY)) as lower-case hex; the sample is the SIZE items with the smallest scores",
                samples.Sizes.Entries.ToDictionary(e => ControlFrequencies.Name(e.Frequency), e => e.Size),
                samples.Samples.Select(s => new SampleExport(
                    s.Population.Id,
                    Frequency(s.Population),
                    s.Population.Items.Count,
                    s.Size,
                    s.Items.Select(i => new SampledItemExport(i.Rank, i.Score, Item(i.Item))))))),
            ["pbc.json"] = Serialise(new PbcExport(period.ToString(), samples.Seed, requests)),
        };
    }

    /// <summary>One request per piece of evidence each sampled item needs, numbered in sample order.</summary>
    public static List<PbcRequest> Pbc(SampleSet samples)
    {
        var requests = new List<PbcRequest>();
        foreach (var sample in samples.Samples)
        {
            foreach (var item in sample.Items)
            {
                foreach (var evidence in item.Item.Evidence)
                {
                    requests.Add(new PbcRequest($"PBC-{(requests.Count + 1).ToString("D4", CultureInfo.InvariantCulture)}", sample.Population.Id, item.Rank, item.Item.Key,
                        DayRange.Iso(item.Item.Day), $"{sample.Population.Title}: {item.Item.Summary}", evidence));
                }
            }
        }

        return requests;
    }

    private static ItemExport Item(PopulationItem item) => new(item.Key, DayRange.Iso(item.Day), item.Summary, item.Evidence);

    private static string Frequency(Population population) => ControlFrequencies.Name(population.Frequency);

    private static string Links(PopulationItem item) => string.Join(" | ", item.Evidence);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static IReadOnlyList<string> Row(params string[] fields) => fields;

    private static string Serialise<T>(T value) => JsonSerializer.Serialize(value, JsonMetadata.Of<T>(Json)).Replace("\r\n", "\n") + "\n";
}

public sealed record PbcRequest(string RequestId, string Population, int Rank, string ItemKey, string ItemDay, string Requested, string Evidence);
