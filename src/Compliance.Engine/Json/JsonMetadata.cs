using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Compliance.Engine.Json;

/// <summary>
/// Serializer options whose types' metadata comes from a source-generated context (EngineJson, the CLI's CliJson): the
/// Native AOT CLI has no reflection-based serialization. A writer keeps its own settings (a naming policy, an encoder),
/// so its output is what the reflected serializer wrote.
/// </summary>
public static class JsonMetadata
{
    /// <summary><paramref name="options"/>, resolving its types through <paramref name="context"/>.</summary>
    public static JsonSerializerOptions From(IJsonTypeInfoResolver context, JsonSerializerOptions options)
    {
        options.TypeInfoResolver = context;
        return options;
    }

    /// <summary>The metadata of <typeparamref name="T"/> under options made by <see cref="From"/>.</summary>
    public static JsonTypeInfo<T> Of<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
