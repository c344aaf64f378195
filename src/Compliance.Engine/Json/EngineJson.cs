using System.Collections.Generic;
using System.Text.Json.Serialization;
using Compliance.Engine.Encryption;
using Compliance.Engine.Reports;

namespace Compliance.Engine.Json;

/// <summary>
/// The metadata of every type the engine writes or reads as JSON, generated at compile time: the Native AOT CLI has no
/// reflection-based serialization. Its own options are the defaults; a writer with other options (a naming policy, an
/// encoder) keeps them and resolves its type through this context (<see cref="JsonMetadata"/>), so its output is unchanged.
/// </summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(TlsVerificationRecord))]
[JsonSerializable(typeof(PopulationsExport))]
[JsonSerializable(typeof(SamplesExport))]
[JsonSerializable(typeof(PbcExport))]
internal sealed partial class EngineJson : JsonSerializerContext;
