using System.Collections.Generic;
using System.Text.Json.Serialization;
using Compliance.Cli.Commands;

namespace Compliance.Cli;

/// <summary>
/// The metadata of every type the commands print as JSON, generated at compile time: the Native AOT CLI has no
/// reflection-based serialization. A command keeps its own options and resolves its type through this context (JsonMetadata).
/// </summary>
[JsonSerializable(typeof(List<AuditCommand.QueryRow>))]
[JsonSerializable(typeof(IncidentCommand.IncidentScope))]
internal sealed partial class CliJson : JsonSerializerContext;
