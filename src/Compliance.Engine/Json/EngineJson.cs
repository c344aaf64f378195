using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Compliance.Engine.Encryption;
using Compliance.Engine.Reports;

namespace Compliance.Engine.Json;

/// <summary>
/// The metadata of every type the engine writes or reads as JSON, generated at compile time: the Native AOT CLI has no
/// reflection-based serialization. Its own options are the defaults; a writer with other options (a naming policy, an
/// encoder) keeps them and resolves its type through this context (<see cref="TypeInfo{T}"/>), so its output is unchanged.
/// </summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(TlsVerificationRecord))]
[JsonSerializable(typeof(PopulationsExport))]
[JsonSerializable(typeof(SamplesExport))]
[JsonSerializable(typeof(PbcExport))]
internal sealed partial class EngineJson : JsonSerializerContext
{
    /// <summary>Options that keep their own settings and take their metadata from this context.</summary>
    public static JsonSerializerOptions WithMetadata(JsonSerializerOptions options)
    {
        options.TypeInfoResolver = Default;
        return options;
    }

    /// <summary>The metadata of <typeparamref name="T"/> under <paramref name="options"/> (made by <see cref="WithMetadata"/>).</summary>
    public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
