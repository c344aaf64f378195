using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Generator.Pipeline;
using Compliance.Model.Documents;

namespace Compliance.Generator.Emit;

/// <summary>Emits the frameworks, crosswalks and decisions (the index), and each framework's requirements in a file of its own (see <see cref="RequirementsLayout"/>).</summary>
internal sealed class RequirementsEmitter : Emitter
{
    private RequirementsEmitter(GeneratorOptions options)
        : base(options)
    {
    }

    public static EmittedSource EmitIndex(RequirementsIndexPart part, GeneratorOptions options) => new RequirementsEmitter(options).Index(part);

    public static EmittedSource EmitFramework(FrameworkRequirementsPart part, GeneratorOptions options) => new RequirementsEmitter(options).Framework(part);

    // The generated enum has the model's member names.
    private static string Kind(RequirementKind kind) => kind.ToString();

    private static string Relationship(string relationship) => char.ToUpperInvariant(relationship[0]) + relationship.Substring(1);

    private static string Decision(string decision) => decision switch
    {
        DecisionKinds.Alternative => "Alternative",
        DecisionKinds.NotReasonable => "NotReasonable",
        _ => "NotApplicable",
    };

    private EmittedSource Framework(FrameworkRequirementsPart part)
    {
        var inScope = new HashSet<string>(part.InScope, StringComparer.Ordinal);
        Writer.Open("public static partial class Requirements");
        Writer.Line($"/// <summary>{CSharp.Doc(part.Title)}</summary>");
        Writer.Open($"public static partial class {part.ClassName}");
        var names = new MemberNames(part.ClassName, Findings);
        var members = new List<string>();
        foreach (var requirement in part.Requirements)
        {
            var name = names.Assign(requirement.Id);
            members.Add(name);
            Writer.Line($"/// <summary>{CSharp.Doc($"{requirement.Id.Value}: {requirement.Title}")}</summary>");
            Writer.Line($"public static readonly {T("Requirement")} {name} = new {T("Requirement")}({CSharp.Literal(requirement.Id.Value)}, {CSharp.Literal(requirement.FrameworkId)}, {CSharp.Literal(requirement.Title)}, {T("RequirementKind")}.{Kind(requirement.Kind)}, {CSharp.Literal(requirement.Parent?.Value)}, {CSharp.Literal(requirement.Required)}, {CSharp.Literal(requirement.Category)}, {CSharp.Literal(requirement.Summary)}, {CSharp.Literal(requirement.Informative)}, {CSharp.Literal(inScope.Contains(requirement.Id.Value))}, {Source(requirement.Id.Span)});");
        }

        EmitAll("Requirement", members);
        Writer.Close();
        Writer.Close();
        return Finish(part.HintName);
    }

    private EmittedSource Index(RequirementsIndexPart part)
    {
        Findings.AddRange(part.Findings);
        Writer.Line("/// <summary>The framework catalogs of the programme.</summary>");
        Writer.Open("public static partial class Frameworks");
        foreach (var framework in part.Frameworks)
        {
            Writer.Line($"/// <summary>{CSharp.Doc(framework.Title)}</summary>");
            Writer.Line($"public static readonly {T("Framework")} {framework.Member} = new {T("Framework")}({CSharp.Literal(framework.Id.Value)}, {CSharp.Literal(framework.Title)}, {CSharp.Literal(framework.Citation)}, {CSharp.Literal(framework.InScope)}, {Source(framework.Id.Span)});");
        }

        EmitAll("Framework", part.Frameworks.Select(f => f.Member));
        Writer.Close();
        Writer.Line();

        Writer.Line("/// <summary>Every requirement of every framework, one nested class per framework, each in a generated file of its own.</summary>");
        Writer.Open("public static partial class Requirements");
        Writer.Line("/// <summary>All requirements of all frameworks, in catalog order.</summary>");
        Writer.Line($"public static {ReadOnlyList("Requirement")} All {{ get; }} = {RequirementsLayout.CollectMethod}();");
        Writer.Line();
        Writer.Open($"private static {T("Requirement")}[] {RequirementsLayout.CollectMethod}()");
        Writer.Line($"var all = new global::System.Collections.Generic.List<{T("Requirement")}>();");
        foreach (var framework in part.Frameworks)
        {
            Writer.Line($"all.AddRange({framework.ClassName}.All);");
        }

        Writer.Line("return all.ToArray();");
        Writer.Close();
        Writer.Close();
        Writer.Line();

        Writer.Line("/// <summary>Requirement-to-requirement crosswalks between frameworks.</summary>");
        Writer.Open("public static partial class Crosswalks");
        var crosswalkNames = new MemberNames("Crosswalks", Findings);
        var crosswalkMembers = new List<string>();
        foreach (var crosswalk in part.Crosswalks)
        {
            var name = crosswalkNames.Assign(crosswalk.Id);
            crosswalkMembers.Add(name);
            Writer.Line($"/// <summary>{CSharp.Doc(crosswalk.Title)}</summary>");
            Writer.Line($"public static readonly {T("Crosswalk")} {name} = new {T("Crosswalk")}({CSharp.Literal(crosswalk.Id.Value)}, {CSharp.Literal(crosswalk.Title)}, {CSharp.Literal(crosswalk.Source.Value)}, {CSharp.Literal(crosswalk.Target.Value)}, new {T("CrosswalkLink")}[]");
            Writer.Line("{");
            foreach (var mapping in crosswalk.Mappings)
            {
                Writer.Line($"    new {T("CrosswalkLink")}({CSharp.Literal(mapping.Source.Value)}, {CSharp.Literal(mapping.Target.Value)}, {T("CrosswalkRelationship")}.{Relationship(mapping.Relationship)}, {CSharp.Literal(mapping.Area)}, {CSharp.Literal(mapping.Rationale)}),");
            }

            Writer.Line($"}}, {Source(crosswalk.Id.Span)});");
        }

        EmitAll("Crosswalk", crosswalkMembers);
        Writer.Close();
        Writer.Line();

        Writer.Line("/// <summary>Documented decisions on HIPAA specifications (alternative measures, not applicable).</summary>");
        Writer.Open("public static partial class Decisions");
        var decisions = part.Decisions.Select(d =>
            $"new {T("RequirementDecision")}({CSharp.Literal(d.Requirement.Value)}, {T("DecisionKind")}.{Decision(d.Decision)}, {CSharp.Literal(d.Rationale)}, {CSharp.Literal(d.Alternative)}, {CSharp.Literal(d.ApprovedBy?.Value)}, {CSharp.Date(d.ApprovedOn)})");
        Writer.Line("/// <summary>All decisions, in the order the programme defines them.</summary>");
        Writer.Line($"public static {ReadOnlyList("RequirementDecision")} All {{ get; }} = new {T("RequirementDecision")}[]");
        Writer.Line("{");
        foreach (var decision in decisions)
        {
            Writer.Line($"    {decision},");
        }

        Writer.Line("};");
        Writer.Close();
        return Finish(RequirementsLayout.IndexHintName);
    }
}
