using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Compliance.Engine;
using Compliance.Oscal;
using Newtonsoft.Json.Linq;

namespace Compliance.Oscal.Tests;

/// <summary>The example programme exported once as of its pinned date, and once years later when its evidence is stale.</summary>
public sealed class ExportFixture
{
    public static readonly DateOnly AsOf = new(2026, 11, 1);
    public static readonly DateOnly Later = new(2031, 1, 1);

    public ExportFixture()
    {
        Current = Export(AsOf);
        Stale = Export(Later);
    }

    public static string Root { get; } = FindRoot();

    public Exported Current { get; }

    public Exported Stale { get; }

    public static Exported Export(DateOnly asOf)
    {
        var result = ComplianceCheck.Run(new CheckOptions(Root, asOf));
        var documents = OscalExport.Export(result, "0.1.0", "../../");
        return new Exported(result, documents, documents.ToDictionary(d => d.FileName, d => Parse(d.Json)));
    }

    /// <summary>Strings stay strings: Json.NET would otherwise turn date-times into DateTime values.</summary>
    public static JObject Parse(string json) =>
        JObject.Load(new Newtonsoft.Json.JsonTextReader(new StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None });

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Compliance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Compliance.sln not found.");
    }
}

public sealed record Exported(CheckResult Result, IReadOnlyList<OscalDocument> Documents, IReadOnlyDictionary<string, JObject> Json)
{
    public JObject ComponentDefinition => (JObject)Json["component-definition.json"]["component-definition"]!;

    public JObject AssessmentResults => (JObject)Json["assessment-results.json"]["assessment-results"]!;

    public JObject MappingCollection => (JObject)Json["mapping-collection.json"]["mapping-collection"]!;

    public JObject Finding(string requirement) => (JObject)AssessmentResults["results"]![0]!["findings"]!
        .Single(f => f["props"]!.Any(p => (string?)p["name"] == "label" && (string?)p["value"] == requirement));
}
