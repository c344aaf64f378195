using System.IO;
using System.Linq;
using System.Text;

namespace Compliance.Site.Tests.Infrastructure;

/// <summary>A programme of a given size: one framework of that many requirements, a control per requirement, a policy per ten controls, a vendor per ten.</summary>
internal static class SyntheticProgramme
{
    public static void Write(string root, int size)
    {
        var controls = Directory.CreateDirectory(Path.Combine(root, "controls")).FullName;
        var policies = Directory.CreateDirectory(Path.Combine(root, "policies")).FullName;
        File.WriteAllText(Path.Combine(controls, "programme.yaml"), "programme:\n  id: growth\n  name: Growth\n  scope:\n    - framework: growth\n");
        File.WriteAllText(Path.Combine(policies, "people.yaml"), "people:\n  - id: alice\n    name: Alice\n    email: alice@example.invalid\n    role: Engineer\n    status: active\n");

        var framework = new StringBuilder("framework:\n  id: growth\n  title: Growth Framework\nrequirements:\n");
        var controlText = new StringBuilder("controls:\n");
        for (var i = 1; i <= size; i++)
        {
            framework.Append($"  - id: GR-{i:0000}\n    title: Requirement {i}\n    kind: standard\n");
            controlText.Append($"  - id: CTL-{i:0000}\n    title: Control {i}\n    description: Control {i}.\n    owner: alice\n    status: implemented\n    maps_to: [GR-{i:0000}]\n");
            controlText.Append("    evidence:\n      - id: export\n        description: An export.\n        collection: automated\n        freshness_days: 30\n");
        }

        File.WriteAllText(Path.Combine(controls, "framework.yaml"), framework.ToString());
        File.WriteAllText(Path.Combine(controls, "controls.yaml"), controlText.ToString());

        var vendors = new StringBuilder("vendors:\n");
        for (var p = 1; p <= size / 10; p++)
        {
            var governed = string.Join(", ", Enumerable.Range((p - 1) * 10 + 1, 10).Select(i => $"CTL-{i:0000}"));
            File.WriteAllText(
                Path.Combine(policies, $"policy-{p:000}.md"),
                $"---\nid: POL-{p:000}\ntitle: Policy {p}\nowner: alice\nversion: \"1.0\"\napproved_by: alice\napproved_on: 2026-01-05\nreview_interval_days: 365\ngoverns: [{governed}]\n---\n# Policy {p}\n");
            vendors.Append($"  - id: vendor-{p:000}\n    name: Vendor {p}\n    handles_phi: false\n");
        }

        File.WriteAllText(Path.Combine(policies, "vendors.yaml"), vendors.ToString());
    }
}
