using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Compliance.Cli.Commands;

namespace Compliance.Cli;

/// <summary>
/// The metadata of every type the commands print as JSON, generated at compile time: the Native AOT CLI has no
/// reflection-based serialization. A command keeps its own options and resolves its type through this context.
/// </summary>
[JsonSerializable(typeof(List<AuditCommand.QueryRow>))]
[JsonSerializable(typeof(IncidentCommand.IncidentScope))]
internal sealed partial class CliJson : JsonSerializerContext
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
