using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.Engine;

namespace Compliance.Oscal;

/// <summary>One exported OSCAL document.</summary>
public sealed record OscalDocument(string FileName, string Json);

/// <summary>
/// Writes a check result as NIST OSCAL JSON:
/// <list type="bullet">
/// <item>component-definition.json (OSCAL 1.1.2): one component, the programme, with one control-implementation per
/// framework in scope whose implemented-requirements are the requirements the controls map to;</item>
/// <item>assessment-results.json (OSCAL 1.1.2): the as-of run, one observation per evidence artifact (link, SHA-256,
/// collected and expiry dates) and one finding per in-scope requirement, satisfied or not-satisfied;</item>
/// <item>mapping-collection.json (OSCAL 1.2.0, the first release with the mapping model): the crosswalks.</item>
/// </list>
/// Deterministic: the same result and version give the same bytes. UUIDs are version-5 UUIDs of stable
/// names (programme, kind, IDs); every timestamp is the as-of date at 00:00 UTC.
/// </summary>
public static partial class OscalExport
{
    public const string OscalVersion = "1.1.2";
    public const string MappingOscalVersion = "1.2.0";

    /// <summary>The namespace of the toolkit's own props (OSCAL requires one for names it does not define).</summary>
    public const string Ns = "urn:evidence-as-code:compliance";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };

    /// <param name="result">The check run to export.</param>
    /// <param name="toolVersion">The toolkit version, recorded in the metadata.</param>
    /// <param name="rootHref">The programme root relative to the folder the documents are written to (e.g. "../../"): evidence links are relative to the documents.</param>
    public static IReadOnlyList<OscalDocument> Export(CheckResult result, string toolVersion, string rootHref)
    {
        var context = new ExportContext(result, toolVersion, rootHref);
        return new[]
        {
            new OscalDocument("component-definition.json", Write("component-definition", ComponentDefinition(context))),
            new OscalDocument("assessment-results.json", Write("assessment-results", AssessmentResults(context))),
            new OscalDocument("mapping-collection.json", Write("mapping-collection", MappingCollection(context))),
        };
    }

    private static string Write(string root, JsonObject document) =>
        new JsonObject { [root] = document }.ToJsonString(Options) + "\n";

    // Array items are JsonNodes (a cast, or JsonArray's params constructor): for a JsonObject, Add<T> and a collection
    // initializer bind to the generic, reflection-based overload, which the Native AOT CLI does not have.
    internal static JsonNode Prop(string name, string value) => new JsonObject { ["name"] = name, ["ns"] = Ns, ["value"] = value };

    public static string Iso(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "(no date)";
}
