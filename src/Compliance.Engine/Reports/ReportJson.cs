using System.Text.Json.Serialization;

namespace Compliance.Engine.Reports;

/// <summary>
/// The JSON report's serialisation metadata, generated at compile time rather than built by reflection at
/// each run (which cost a short check more than writing the report). The runtime options in
/// <see cref="JsonReport"/> still decide the output: the same settings are repeated here for the generator.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReportDocument))]
internal sealed partial class ReportJson : JsonSerializerContext;
