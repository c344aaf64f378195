using System.Linq;
using Compliance.Model.Documents;
using System.Text.Json.Nodes;

namespace Compliance.Oscal;

// component-definition.json: the programme as one component, with one control-implementation per framework in scope.

public static partial class OscalExport
{
    private static JsonObject ComponentDefinition(ExportContext c)
    {
        var implementations = new JsonArray();
        foreach (var framework in c.FrameworksInScope)
        {
            var requirements = new JsonArray();
            foreach (var requirement in framework.Requirements.Where(r => c.InScope.Contains(r.Id.Value) && c.ControlsFor(r.Id.Value).Count > 0).Distinct())
            {
                var controls = c.ControlsFor(requirement.Id.Value);
                var props = new JsonArray(Prop("label", requirement.Id.Value));
                foreach (var control in controls)
                {
                    props.Add(Prop("control", control.Id.Value));
                }

                requirements.Add((JsonNode)new JsonObject
                {
                    ["uuid"] = c.Uuid("implemented-requirement", framework.Id.Value, requirement.Id.Value),
                    ["control-id"] = OscalIds.Token(requirement.Id.Value),
                    ["description"] = $"{requirement.Id.Value} ({requirement.Title}) is implemented by " +
                        string.Join("; ", controls.Select(ctl => $"{ctl.Id.Value}, {ctl.Title} ({ctl.Status.Spelled()})")) + ".",
                    ["props"] = props,
                });
            }

            if (requirements.Count == 0)
            {
                continue;
            }

            implementations.Add((JsonNode)new JsonObject
            {
                ["uuid"] = c.Uuid("control-implementation", framework.Id.Value),
                ["source"] = "#" + c.FrameworkResource(framework.Id.Value),
                ["description"] = $"How the controls of {c.Name} implement {framework.Title}.",
                ["props"] = new JsonArray(Prop("framework", framework.Id.Value)),
                ["implemented-requirements"] = requirements,
            });
        }

        var component = new JsonObject
        {
            ["uuid"] = c.Uuid("component"),
            ["type"] = "process-procedure",
            ["title"] = $"{c.Name} compliance programme",
            ["description"] = c.Programme?.Description ?? $"The controls of the {c.Name} compliance programme.",
            ["props"] = new JsonArray(Prop("programme", c.ProgrammeId)),
        };
        if (implementations.Count > 0)
        {
            component["control-implementations"] = implementations;
        }

        return new JsonObject
        {
            ["uuid"] = c.Uuid("component-definition"),
            ["metadata"] = c.Metadata($"{c.Name}: controls", OscalVersion),
            ["components"] = new JsonArray(component),
            ["back-matter"] = new JsonObject { ["resources"] = c.FrameworkResources() },
        };
    }
}
