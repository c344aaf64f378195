using System;
using System.Linq;
using System.Text;
using Compliance.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Compliance.Generator.Tests.Generator;

/// <summary>
/// Text from YAML lands in C# string literals and /// comments. Whatever it holds, it must stay text:
/// the generated code compiles, declares nothing the YAML wrote, and gives back the exact string.
/// </summary>
public sealed class InjectionTests
{
    /// <summary>Closes a string, a block comment and a doc comment, ends lines in every way C# knows, and declares types.</summary>
    private const string Payload =
        "\"; System.Environment.Exit(1); // */ </summary> <c>&amp; \\\" \\u0022\n"
        + "public class Evil {}\r\n"
        + "#error evil directive\u2028public class Evil {}\u2029public class Evil2 {}\u0085public class Evil3 {}\u000Bpublic class Evil4 {}\t\"\"\" raw \"\"\" {0} {{x}} @\"verbatim\" $\"{Evil}\"";

    /// <summary>A YAML double-quoted scalar that reads back as <paramref name="value"/>.</summary>
    private static string Quoted(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when c < ' ' || c > '~' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    private const string Braces = "{}";

    private static GeneratorRun RunPayload() => GeneratorHarness.Run(Fixtures.BaseWith(
        (Fixtures.ProgrammePath, $"""
            programme:
              id: test
              name: {Quoted(Payload)}
              description: {Quoted(Payload)}
              scope:
                - framework: fw

            """),
        (Fixtures.ControlsPath, $"""
            controls:
              - id: C-1
                title: {Quoted(Payload)}
                description: {Quoted(Payload)}
                owner: alice
                status: implemented
                maps_to: [R1, R2]
                evidence:
                  - id: e1
                    description: {Quoted(Payload)}
                    collection: manual
                    freshness_days: 30
              - id: 'x";Evil();//*/</summary>'
                title: An ID that tries to close a string
                description: |
                  Line one. */ </summary>
                  public class Evil {Braces}
                owner: alice
                status: implemented
                maps_to: [R1]

            """),
        (Fixtures.PeoplePath, $"""
            people:
              - id: alice
                name: {Quoted(Payload)}
                email: alice@example.test
                role: {Quoted(Payload)}
                phi_access: true
                status: active

            """)));

    [Fact]
    public void Hostile_text_compiles_without_errors()
    {
        var run = RunPayload();
        Assert.True(run.Diagnostics.IsEmpty, run.Describe());
        Assert.Empty(run.CompilationErrors.Select(GeneratorRun.Format));
    }

    [Fact]
    public void Hostile_text_declares_no_type()
    {
        var run = RunPayload();
        foreach (var name in new[] { "Evil", "Evil2", "Evil3", "Evil4" })
        {
            Assert.Empty(run.Output.GetSymbolsWithName(name, SymbolFilter.All));
        }

        // The same programme without the hostile text declares exactly the same types.
        var plain = GeneratorHarness.Run(Fixtures.BaseWith());
        Assert.Equal(DeclaredTypes(plain), DeclaredTypes(run));
        Assert.Contains($"{GeneratorHarness.Namespace}.Programme", DeclaredTypes(run));
    }

    private static string[] DeclaredTypes(GeneratorRun run) =>
        run.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type).Select(t => t.ToDisplayString()).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Hostile_text_round_trips_as_constants()
    {
        var programme = RunPayload().Output.GetTypeByMetadataName($"{GeneratorHarness.Namespace}.Programme")!;
        Assert.Equal(Payload, programme.GetMembers("Name").OfType<IFieldSymbol>().Single().ConstantValue);
        Assert.Equal(Payload, programme.GetMembers("Description").OfType<IFieldSymbol>().Single().ConstantValue);
    }

    [Fact]
    public void Hostile_text_round_trips_at_run_time()
    {
        var generated = GeneratedAssembly.Load(RunPayload());
        var control = generated.Call("Programme", "FindControl", "C-1");
        Assert.Equal(Payload, GeneratedAssembly.Get(control, "Title"));
        Assert.Equal(Payload, GeneratedAssembly.Get(control, "Description"));
        var evidence = ((System.Collections.IEnumerable)GeneratedAssembly.Get(control, "Evidence")!).Cast<object>().Single();
        Assert.Equal(Payload, GeneratedAssembly.Get(evidence, "Description"));

        var odd = generated.Call("Programme", "FindControl", "x\";Evil();//*/</summary>");
        Assert.Equal("Line one. */ </summary>\npublic class Evil {}\n", GeneratedAssembly.Get(odd, "Description"));

        var alice = generated.Call("Programme", "FindPerson", "alice");
        Assert.Equal(Payload, GeneratedAssembly.Get(alice, "Name"));
        Assert.Equal(Payload, GeneratedAssembly.Get(alice, "Role"));
    }

    [Fact]
    public void Hostile_text_stays_on_one_line_in_doc_comments()
    {
        var controls = RunPayload().ControlsSource();
        var docLines = controls.Split('\n').Where(line => line.TrimStart().StartsWith("///", StringComparison.Ordinal)).ToList();
        Assert.All(docLines, line => Assert.EndsWith("</summary>", line));
        Assert.DoesNotContain(docLines, line => line.IndexOfAny(new[] { '\r', '\u2028', '\u2029', '\u0085' }) >= 0);
        Assert.Equal(2, controls.Split('\n').Count(line => line.Contains("internal static readonly global::Test.Compliance.Control ", StringComparison.Ordinal)));
    }
}
