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
        Writer.Close();
        return Finish("Compliance.Programme.g.cs");
    }
}
