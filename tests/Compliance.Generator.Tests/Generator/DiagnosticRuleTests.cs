using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Compliance.Generator.Pipeline;
using Compliance.Generator.Tests.Infrastructure;
using Compliance.Model.Diagnostics;
using Microsoft.CodeAnalysis;
using static Compliance.Generator.Tests.Infrastructure.DiagnosticAssert;

namespace Compliance.Generator.Tests.Generator;

/// <summary>
/// One test per rule of the catalog: the smallest input that breaks it, and the exact rule ID,
/// severity, file, 1-based line and column, and message the build prints. Each test is named
/// after its rule (CMPnnnn_...), and <see cref="Every_rule_in_the_catalog_has_a_test"/> keeps the
/// list complete: a rule added to <see cref="Rules"/> without a test here fails the build.
/// </summary>
public sealed partial class DiagnosticRuleTests
{
    /// <summary>Rules no input can produce, with the reason. Empty: every rule has a test below.</summary>
    private static readonly Dictionary<string, string> Unreachable = new(StringComparer.Ordinal);

    /// <summary>Gate-series rules that the generator reports itself because they need only the files' text.</summary>
    private static readonly string[] GeneratorGateRules = { "CMP1503" };

    private const DiagnosticSeverity Error = DiagnosticSeverity.Error;
    private const DiagnosticSeverity Warning = DiagnosticSeverity.Warning;

    private const string Extra = "controls/extra.yaml";

    [Fact]
    public void Every_rule_in_the_catalog_has_a_test()
    {
        var tested = typeof(DiagnosticRuleTests).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttributes<FactAttribute>().Any())
            .Select(m => Regex.Match(m.Name, "^(CMP[0-9]{4})_"))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);
        var structural = Rules.All.Select(r => r.Id).Where(id => id.StartsWith("CMP0", StringComparison.Ordinal)).Concat(GeneratorGateRules);
        var missing = structural.Where(id => !tested.Contains(id) && !Unreachable.ContainsKey(id)).ToList();
        Assert.True(missing.Count == 0, $"Rules without a test in {nameof(DiagnosticRuleTests)} (add a [Fact] named CMPnnnn_...): {string.Join(", ", missing)}");
        Assert.DoesNotContain(tested, id => Rules.Find(id) is null);
        Assert.DoesNotContain(Unreachable.Keys, tested.Contains);
    }

    [Fact]
    public void Base_programme_is_clean()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith());
        Assert.True(run.Diagnostics.IsEmpty, run.Describe());
        DidNotCrash(run);
    }

    [Fact]
    public void CMP1503_waiver_of_a_structural_rule()
    {
        var run = GeneratorHarness.Run(Fixtures.BaseWith(("policies/waivers.yaml", """
            waivers:
              - id: W-1
                rule: CMP0031
                target: C-1
                reason: Testing.
                approved_by: alice
                approved_on: 2026-01-01
                expires_on: 2026-12-31

            """)));
        var d = SingleAt(run, "CMP1503", Error, "policies/waivers.yaml", 3, 11);
        Assert.StartsWith("The waiver 'W-1' names the rule 'CMP0031', which cannot be waived", Message(d));
        Assert.EndsWith($" Fix: {Rules.WaiverNotWaivable.Fix}", Message(d));
        Assert.Equal(new[] { "CMP1503" }, Ids(run));
        DidNotCrash(run);
    }

    [Fact]
    public void Every_rule_has_a_descriptor_with_its_title_severity_and_help_link()
    {
        foreach (var rule in Rules.All)
        {
            var d = DiagnosticFactory.Create(rule.At(null, "message"));
            Assert.Equal(rule.Id, d.Id);
            Assert.Equal(rule.Title, d.Descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(rule.Severity == Severity.Error ? Error : rule.Severity == Severity.Warning ? Warning : DiagnosticSeverity.Info, d.Severity);
            Assert.Equal($"{Rule.DefaultDocumentationUrl}#{rule.Id.ToLowerInvariant()}", d.Descriptor.HelpLinkUri);
        }
    }
}
