using System.Linq;
using Compliance.Generator.Pipeline;
using Compliance.Model.Documents;
using Compliance.Model.Text;

namespace Compliance.Generator.Emit;

/// <summary>Emits one typed member per control, with its evidence requirements: one file per controls YAML file, and the All list.</summary>
internal sealed class ControlsEmitter : Emitter
{
    private ControlsEmitter(GeneratorOptions options)
        : base(options)
    {
    }

    public static EmittedSource EmitFile(ControlsFilePart part, GeneratorOptions options) => new ControlsEmitter(options).File(part);

    public static EmittedSource EmitIndex(ControlsIndexPart part, GeneratorOptions options) => new ControlsEmitter(options).Index(part);

    // The generated enums have the model's member names.
    private static string Status(ControlStatus status) => status.ToString();

    private EmittedSource File(ControlsFilePart part)
    {
        Writer.Open("public static partial class Controls");
        foreach (var (name, control) in part.Controls.Select(c => (c.Member, c.Control)))
        {
            Writer.Line($"/// <summary>{CSharp.Doc($"{control.Id.Value}: {control.Title}")}</summary>");
            Writer.Line($"public static {T("Control")} {name} => {part.Holder}.{name};");
        }

        // A class per file: its controls are created on first use of any of them, and its initializers bind and
        // run apart from other files' (initializers of one partial class would form one static constructor).
        Writer.Line();
        Writer.Open($"private static class {part.Holder}");
        foreach (var (name, control) in part.Controls.Select(c => (c.Member, c.Control)))
        {
            var evidence = control.Evidence.Select(e =>
                $"new {T("EvidenceRequirement")}({CSharp.Literal(e.Id.Value)}, {CSharp.Literal(e.Description)}, {T("EvidenceCollection")}.{e.Collection}, {CSharp.Literal(e.FreshnessDays)})").ToList();
            var evidenceArray = evidence.Count == 0
                ? $"global::System.Array.Empty<{T("EvidenceRequirement")}>()"
                : $"new {T("EvidenceRequirement")}[] {{ {string.Join(", ", evidence)} }}";
            Writer.Line($"internal static readonly {T("Control")} {name} = new {T("Control")}({CSharp.Literal(control.Id.Value)}, {CSharp.Literal(control.Title)}, {CSharp.Literal(control.Description)}, {CSharp.Literal(control.Owner?.Value)}, {T("ImplementationStatus")}.{Status(control.Status)}, {CSharp.Strings(control.MapsTo.Select(m => m.Value))}, {evidenceArray}, {Source(control.Id.Span)});");
        }

        Writer.Close();
        Writer.Close();
        return Finish(part.HintName);
    }

    private EmittedSource Index(ControlsIndexPart part)
    {
        Findings.AddRange(part.Findings);
        Writer.Line("/// <summary>The programme's controls, one generated file per controls YAML file.</summary>");
        Writer.Open("public static partial class Controls");
        var items = part.Members.Count == 0 ? $"global::System.Array.Empty<{T("Control")}>()" : $"new {T("Control")}[] {{ {string.Join(", ", part.Members)} }}";
        Writer.Line("/// <summary>All of them, in the order the programme defines them.</summary>");
        Writer.Line($"public static {ReadOnlyList("Control")} All => {ControlsLayout.AllHolder}.Items;");
        Writer.Line();
        Writer.Line("// Built on first use, from the controls of every file.");
        Writer.Open($"private static class {ControlsLayout.AllHolder}");
        Writer.Line($"internal static readonly {T("Control")}[] Items = {items};");
        Writer.Close();
        Writer.Close();
        return Finish(ControlsLayout.IndexHintName);
    }
}
