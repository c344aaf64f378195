using Compliance.Generator.Pipeline;

namespace Compliance.Generator.Emit;

/// <summary>Emits the programme's identity onto the <c>Programme</c> class.</summary>
internal sealed class ProgrammeEmitter : Emitter
{
    private ProgrammeEmitter(GeneratorOptions options)
        : base(options)
    {
    }

    public static EmittedSource Emit(ProgrammePart part, GeneratorOptions options) => new ProgrammeEmitter(options).Run(part);

    private EmittedSource Run(ProgrammePart part)
    {
        Writer.Open("public static partial class Programme");
        Writer.Line($"public const string Id = {CSharp.Literal(part.Programme?.Id.Value ?? string.Empty)};");
        Writer.Line($"public const string Name = {CSharp.Literal(part.Programme?.Name ?? string.Empty)};");
        Writer.Line($"public const string? Description = {CSharp.Literal(part.Programme?.Description)};");
        Writer.Line($"/// <summary>The runners allowed to deploy in-scope systems.</summary>");
        Writer.Line($"public static {ReadOnlyList("Runner")} Runners => global::{Options.Namespace}.Runners.All;");
        Writer.Close();
        Writer.Line();
        Writer.Line("/// <summary>The programme's in-scope deploy runners.</summary>");
        Writer.Open("public static partial class Runners");
        var names = new MemberNames("Runners", Findings);
        var members = new System.Collections.Generic.List<string>();
        foreach (var runner in part.Programme?.Runners ?? default)
        {
            var name = names.Assign(runner.Id);
            members.Add(name);
            Writer.Line($"/// <summary>{CSharp.Doc(runner.Description ?? runner.Id.Value)}</summary>");
            Writer.Line($"public static readonly {T("Runner")} {name} = new {T("Runner")}({CSharp.Literal(runner.Id.Value)}, {CSharp.Literal(runner.RequireSigned)}, {CSharp.Literal(runner.Description)});");
        }

        EmitAll("Runner", members);
        Writer.Close();
        return Finish("Compliance.Programme.g.cs");
    }
}
