using System.Collections.Generic;
using System.Linq;
using Compliance.Generator.Pipeline;
using Compliance.Model.Documents;

namespace Compliance.Generator.Emit;

/// <summary>Emits one typed member per control, with its evidence requirements.</summary>
internal sealed class ControlsEmitter : Emitter
{
    private ControlsEmitter(GeneratorOptions options)
        : base(options)
    {
    }

    public static EmittedSource Emit(ControlsPart part, GeneratorOptions options) => new ControlsEmitter(options).Run(part);

    private static string Status(string status) => status switch
    {
        ControlStatuses.Implemented => "Implemented",
        ControlStatuses.PartiallyImplemented => "PartiallyImplemented",
        ControlStatuses.Planned => "Planned",
        _ => "NotApplicable",
    };

    private EmittedSource Run(ControlsPart part)
    {
        Writer.Line("/// <summary>The programme's controls.</summary>");
        Writer.Open("public static partial class Controls");
        var names = new MemberNames("Controls", Findings);
        var members = new List<string>();
        foreach (var control in part.Controls)
        {
            var name = names.Assign(control.Id);
            members.Add(name);
            var evidence = control.Evidence.Select(e =>
                $"new {T("EvidenceRequirement")}({CSharp.Literal(e.Id.Value)}, {CSharp.Literal(e.Description)}, {T("EvidenceCollection")}.{(e.Collection == "manual" ? "Manual" : "Automated")}, {CSharp.Literal(e.FreshnessDays)})").ToList();
            var evidenceArray = evidence.Count == 0
                ? $"global::System.Array.Empty<{T("EvidenceRequirement")}>()"
                : $"new {T("EvidenceRequirement")}[] {{ {string.Join(", ", evidence)} }}";
            Writer.Line($"/// <summary>{CSharp.Doc($"{control.Id.Value}: {control.Title}")}</summary>");
            Writer.Line($"public static readonly {T("Control")} {name} = new {T("Control")}({CSharp.Literal(control.Id.Value)}, {CSharp.Literal(control.Title)}, {CSharp.Literal(control.Description)}, {CSharp.Literal(control.Owner?.Value)}, {T("ImplementationStatus")}.{Status(control.Status)}, {CSharp.Strings(control.MapsTo.Select(m => m.Value))}, {evidenceArray}, {Source(control.Id.Span)});");
        }

        EmitAll("Control", members);
        Writer.Close();
        return Finish("Compliance.Controls.g.cs");
    }
}
