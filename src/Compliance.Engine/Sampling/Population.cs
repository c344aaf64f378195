using System;
using System.Collections.Generic;

namespace Compliance.Engine.Sampling;

/// <summary>One item of a population: a deploy, a change, a termination, an evidence collection, an incident.</summary>
/// <param name="Key">Stable and unique within its population (an event hash, a commit, a path): the sample is drawn on it.</param>
/// <param name="Evidence">Where the evidence for the item is: repository paths, "commit:SHA" or "PATH#seq=N".</param>
public sealed record PopulationItem(string Key, DateOnly Day, string Summary, IReadOnlyList<string> Evidence);

/// <summary>A population for the period, the frequency its sample is sized by, and where it came from.</summary>
public sealed record Population(string Id, string Title, string Source, ControlFrequency Frequency, IReadOnlyList<PopulationItem> Items);

/// <summary>An item drawn into a sample, with its rank and the score that ranked it (so it can be re-derived).</summary>
public sealed record SampledItem(int Rank, string Score, PopulationItem Item);

public sealed record Sample(Population Population, int Size, IReadOnlyList<SampledItem> Items);

/// <summary>Every population's sample for one seed.</summary>
public sealed record SampleSet(string Seed, IReadOnlyList<Sample> Samples)
{
    /// <summary>The sizes the samples were drawn with (scaled to the period), for the exports to print.</summary>
    public SampleSizeTable Sizes { get; init; } = SampleSizeTable.Default;
}
