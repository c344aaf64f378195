using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Collections.Generic;

namespace Compliance.Engine.Sampling;

/// <summary>
/// Draws deterministic samples an auditor can re-derive without this tool. Each item's score is the
/// lower-case hex SHA-256 of the UTF-8 text "SEED\nPOPULATION-ID\nITEM-KEY"; the sample is the items
/// with the smallest scores (ordinal order; ties, impossible in practice, by key), as many as the size
/// table gives the population's frequency. An item's score does not depend on the other items, so
/// adding an item to a population never changes whether another is drawn unless it displaces it.
/// </summary>
public static class Sampler
{
    public static SampleSet Draw(IEnumerable<Population> populations, string seed, SampleSizeTable sizes) =>
        new(seed, populations.Select(p => Draw(p, seed, sizes)).ToList()) { Sizes = sizes };

    public static Sample Draw(Population population, string seed, SampleSizeTable sizes)
    {
        var size = sizes.SizeFor(population.Frequency, population.Items.Count);
        var ranked = population.Items
            .Select(item => (Score: Score(seed, population.Id, item.Key), Item: item))
            .OrderBy(p => p.Score, StringComparer.Ordinal)
            .ThenBy(p => p.Item.Key, StringComparer.Ordinal)
            .Take(size)
            .Select((p, i) => new SampledItem(i + 1, p.Score, p.Item))
            .ToList();
        return new Sample(population, size, ranked);
    }

    /// <summary>The same as: printf '%s\n%s\n%s' "$SEED" "$POPULATION" "$KEY" | sha256sum</summary>
    public static string Score(string seed, string populationId, string itemKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}\n{populationId}\n{itemKey}")));
}
