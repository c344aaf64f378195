using System.Collections.Generic;

namespace Compliance.Engine.Reports;

// The JSON exports' shapes (docs/period.md), property by property in their order; the exports' snake_case policy
// names them. Typed rather than anonymous so their metadata is generated (Json/EngineJson.cs).

internal sealed record PopulationsExport(string Period, IEnumerable<PopulationExport> Populations);

internal sealed record PopulationExport(string Id, string Title, string Source, string Frequency, IEnumerable<ItemExport> Items);

internal sealed record ItemExport(string Key, string Day, string Summary, IReadOnlyList<string> Evidence);

internal sealed record SamplesExport(string Period, string Seed, string Algorithm, Dictionary<string, int> Sizes, IEnumerable<SampleExport> Samples);

internal sealed record SampleExport(string Population, string Frequency, int PopulationSize, int SampleSize, IEnumerable<SampledItemExport> Items);

internal sealed record SampledItemExport(int Rank, string Score, ItemExport Item);

internal sealed record PbcExport(string Period, string Seed, List<PbcRequest> Requests);
