using System.Text.Json.Serialization;

namespace Compliance.Engine.Git;

/// <summary>
/// The cache file's serialisation metadata, generated at compile time: with reflection, a run that merely read
/// the cache spent longer building its serialiser (and JIT-compiling it) than walking a one-commit history.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ProvenanceCache.CacheDocument))]
internal sealed partial class ProvenanceCacheJson : JsonSerializerContext;
