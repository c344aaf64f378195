using System;
using System.Text.Json.Nodes;

namespace Compliance.Oscal;

// mapping-collection.json (OSCAL 1.2.0): the crosswalks.

public static partial class OscalExport
{
    private static JsonObject MappingCollection(ExportContext c)
    {
        var mappings = new JsonArray();
        foreach (var crosswalk in c.Result.Programme.Crosswalks)
        {
            var maps = new JsonArray();
            foreach (var mapping in crosswalk.Mappings)
            {
                var map = new JsonObject
                {
                    ["uuid"] = c.Uuid("map", crosswalk.Id.Value, mapping.Source.Value, mapping.Target.Value),
                    ["relationship"] = Relationship(mapping.Relationship),
                    ["sources"] = new JsonArray(Item(mapping.Source.Value)),
                    ["targets"] = new JsonArray(Item(mapping.Target.Value)),
                    ["remarks"] = mapping.Rationale,
                };
                if (mapping.Area is { Length: > 0 } area)
                {
                    map["props"] = new JsonArray(Prop("area", area));
                }

                maps.Add((JsonNode)map);
            }

            if (maps.Count == 0)
            {
                continue;
            }

            mappings.Add((JsonNode)new JsonObject
            {
                ["uuid"] = c.Uuid("mapping", crosswalk.Id.Value),
                ["source-resource"] = new JsonObject { ["type"] = "catalog", ["href"] = "#" + c.FrameworkResource(crosswalk.Source.Value) },
                ["target-resource"] = new JsonObject { ["type"] = "catalog", ["href"] = "#" + c.FrameworkResource(crosswalk.Target.Value) },
                ["maps"] = maps,
                ["props"] = new JsonArray(Prop("crosswalk", crosswalk.Id.Value)),
                ["remarks"] = crosswalk.Title,
            });
        }

        var collection = new JsonObject
        {
            ["uuid"] = c.Uuid("mapping-collection"),
            ["metadata"] = c.Metadata($"{c.Name}: crosswalks", MappingOscalVersion),
            ["provenance"] = new JsonObject
            {
                ["method"] = "human",
                ["matching-rationale"] = "semantic",
                ["status"] = "complete",
                ["mapping-description"] = "The programme's crosswalks (controls/crosswalks/): each relationship is the source requirement relative to the target, judged on what each obligation asks an organisation to do.",
            },
        };
        collection["mappings"] = mappings;
        collection["back-matter"] = new JsonObject { ["resources"] = c.FrameworkResources() };
        return collection;
    }

    /// <summary>The crosswalk relationship names of the YAML schema, as OSCAL 1.2 names them.</summary>
    public static string Relationship(string relationship) => relationship switch
    {
        "equivalent" => "equivalent-to",
        "subset" => "subset-of",
        "superset" => "superset-of",
        "intersects" => "intersects-with",
        _ => throw new ArgumentOutOfRangeException(nameof(relationship), relationship, "Not a crosswalk relationship."),
    };

    private static JsonObject Item(string requirement) => new()
    {
        ["type"] = "control",
        ["id-ref"] = OscalIds.Token(requirement),
        ["props"] = new JsonArray(Prop("label", requirement)),
    };
}
