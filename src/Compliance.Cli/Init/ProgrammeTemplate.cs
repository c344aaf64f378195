using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Compliance.Model.Schema;

namespace Compliance.Cli.Init;

/// <summary>What 'compliance init' was asked for.</summary>
public sealed record InitOptions(string Name, IReadOnlyList<string> Frameworks, DateOnly Today, string ToolkitVersion);

/// <summary>One file of a new programme: its path relative to the programme root, and its text.</summary>
public sealed record ScaffoldFile(string Path, string Content);

/// <summary>
/// The files of a new programme: the framework catalogs (copies of this repository's controls/frameworks/,
/// embedded in the CLI), a starter crosswalk, example controls, a policy template, the registries,
/// evidence/README.md, .gitignore, a GitHub Actions workflow, a programme project, and the editor schemas.
/// Pure: the same options give the same files, so tests can pin them.
/// </summary>
public static class ProgrammeTemplate
{
    /// <summary>The frameworks a user can name, and the catalogs each selects.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> FrameworkChoices = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["hipaa"] = new[] { HipaaSecurity, HipaaBreach },
        [HipaaSecurity] = new[] { HipaaSecurity },
        [HipaaBreach] = new[] { HipaaBreach },
        ["soc2"] = new[] { Soc2 },
    };

    private const string HipaaSecurity = "hipaa-security";
    private const string HipaaBreach = "hipaa-breach";
    private const string Soc2 = "soc2";
    private static readonly string[] CatalogOrder = { HipaaSecurity, HipaaBreach, Soc2 };

    /// <summary>Turns "hipaa,soc2" into the framework IDs in scope, in a stable order.</summary>
    public static IReadOnlyList<string> ParseFrameworks(string? list)
    {
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in (list ?? "hipaa,soc2").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!FrameworkChoices.TryGetValue(name, out var ids))
            {
                throw new UsageException($"--frameworks takes a comma-separated list of {string.Join(", ", FrameworkChoices.Keys)}; '{name}' is not one of them.");
            }

            chosen.UnionWith(ids);
        }

        if (chosen.Count == 0)
        {
            throw new UsageException("--frameworks needs at least one framework.");
        }

        return CatalogOrder.Where(chosen.Contains).ToList();
    }

    public static IReadOnlyList<ScaffoldFile> Files(InitOptions options)
    {
        var id = Slug(options.Name);
        var ns = Identifier(options.Name) + ".Compliance";
        var project = $"compliance/{Identifier(options.Name)}.Compliance.csproj";
        var controls = ExampleControls(options.Frameworks);
        var files = new List<ScaffoldFile>
        {
            new("controls/programme.yaml", Programme(options, id)),
        };

        foreach (var framework in options.Frameworks)
        {
            files.Add(new($"controls/frameworks/{framework}.yaml", Modeline("framework", 2) + Resource($"frameworks.{framework}.yaml")));
        }

        if (options.Frameworks.Contains(Soc2))
        {
            foreach (var hipaa in new[] { HipaaSecurity, HipaaBreach }.Where(options.Frameworks.Contains))
            {
                files.Add(new($"controls/crosswalks/soc2-{hipaa}.yaml", Crosswalk(hipaa)));
            }
        }

        files.Add(new("controls/examples.yaml", Controls(controls)));
        if (options.Frameworks.Contains(HipaaSecurity))
        {
            files.Add(new("controls/decisions.yaml", Decisions()));
        }

        files.Add(new("policies/information-security.md", Policy(options, controls)));
        files.Add(new("policies/people.yaml", People(id)));
        files.Add(new("policies/vendors.yaml", Vendors()));
        files.Add(new("policies/waivers.yaml", Waivers()));
        files.Add(new("policies/incidents.yaml", Incidents()));
        files.Add(new("evidence/README.md", EvidenceReadme()));
        files.Add(new(".gitignore", "# Reports and the audit site are build output.\nartifacts/\nbin/\nobj/\n"));
        files.Add(new(".github/workflows/compliance.yml", Workflow(project)));
        files.Add(new(project, ProjectFile(options, ns)));
        files.Add(new(".vscode/settings.json", VsCodeSettings()));
        foreach (var (name, content) in JsonSchemaGenerator.GenerateAll())
        {
            files.Add(new($"schemas/{name}", content));
        }

        return files;
    }

    /// <summary>A programme ID from a name: lower-case words joined by hyphens ("Acme Health" → acme-health).</summary>
    public static string Slug(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "programme" : slug;
    }

    /// <summary>A C# identifier from a name ("Acme Health" → AcmeHealth).</summary>
    public static string Identifier(string name)
    {
        var builder = new StringBuilder();
        foreach (var word in System.Text.RegularExpressions.Regex.Split(name, "[^A-Za-z0-9]+"))
        {
            if (word.Length > 0)
            {
                builder.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            }
        }

        var identifier = builder.ToString();
        return identifier.Length == 0 || !char.IsAsciiLetter(identifier[0]) ? "Programme" + identifier : identifier;
    }

    private static string Modeline(string kind, int depth) =>
        $"# yaml-language-server: $schema={string.Concat(Enumerable.Repeat("../", depth))}schemas/{kind}.schema.json\n";

    private static string Programme(InitOptions options, string id)
    {
        var text = new StringBuilder(Modeline("programme", 1));
        text.Append($$"""
            # The programme: its name and the frameworks in scope (docs: schema.md in the toolkit's repository).
            programme:
              id: {{id}}
              name: {{Quote(options.Name)}}
              description: >-
                Replace with what the programme covers: the systems, the data and why these frameworks apply.
              scope:

            """);
        foreach (var framework in options.Frameworks)
        {
            text.Append($"    - framework: {framework}\n");
            if (framework == Soc2)
            {
                text.Append("      # Security (the common criteria) is in every SOC 2 examination; add Availability,\n");
                text.Append("      # Confidentiality, Processing Integrity or Privacy if your report covers them.\n");
                text.Append("      categories: [Security]\n");
            }
        }

        return text.ToString();
    }

    private static string Crosswalk(string hipaa)
    {
        var source = Resource($"crosswalks.soc2-{hipaa}.yaml").Replace("\r\n", "\n");
        // Drop the source repository's header comment; say what the file is instead.
        var lines = source.Split('\n').SkipWhile(l => l.StartsWith('#') || l.Length == 0);
        return Modeline("crosswalk", 2) + $$"""
            # A starter crosswalk from the compliance toolkit: how SOC 2 criteria relate to the {{hipaa}} requirements.
            # relationship is the SOC 2 criterion relative to the HIPAA requirement: equivalent, subset, superset or
            # intersects. Every pairing and rationale is the toolkit authors' judgement, not an authoritative mapping:
            # review it before you rely on it, and edit it freely.

            """ + string.Join("\n", lines);
    }

    private sealed record ExampleControl(string Id, string Title, string Description, string[] MapsTo, string Evidence, string EvidenceDescription, string Collection, int FreshnessDays);

    private static IReadOnlyList<ExampleControl> ExampleControls(IReadOnlyList<string> frameworks)
    {
        string[] Maps(params (string Framework, string Requirement)[] maps) =>
            maps.Where(m => frameworks.Contains(m.Framework)).Select(m => m.Requirement).ToArray();

        var all = new[]
        {
            new ExampleControl("GOV-01", "Security officer and annual risk assessment",
                "A named security officer owns the programme and runs a risk analysis of the systems that hold sensitive data every year, and whenever the environment changes.",
                Maps((HipaaSecurity, "164.308(a)(1)(ii)(A)"), (HipaaSecurity, "164.308(a)(2)"), (Soc2, "CC3.2")),
                "risk-assessment", "The signed risk assessment report of the year.", "manual", 365),
            new ExampleControl("IAM-01", "Single sign-on with phishing-resistant MFA",
                "Every workforce login to a production system goes through the identity provider, which requires a phishing-resistant second factor.",
                Maps((HipaaSecurity, "164.312(d)"), (Soc2, "CC6.1")),
                "sso-config", "An export of the identity provider's authentication policy.", "automated", 90),
            new ExampleControl("LOG-01", "Audit logging of production systems",
                "Production systems send audit logs to a central store that keeps them for a year; alerts go to the on-call engineer.",
                Maps((HipaaSecurity, "164.312(b)"), (Soc2, "CC7.2")),
                "log-config", "An export of the log sinks and their retention settings.", "automated", 90),
            new ExampleControl("IR-01", "Incident response and breach notification",
                "Security incidents are triaged, investigated and, when they are breaches, notified within the deadlines; the procedure is exercised every year.",
                Maps((HipaaBreach, "164.410"), (Soc2, "CC7.4")),
                "tabletop-exercise", "The notes of the yearly incident response exercise.", "manual", 365),
        };
        return all.Where(c => c.MapsTo.Length > 0).ToList();
    }

    private static string Controls(IReadOnlyList<ExampleControl> controls)
    {
        var text = new StringBuilder(Modeline("controls", 1));
        text.Append("""
            # Example controls: edit them, split them into several files (any file under controls/ whose root key
            # is 'controls' is read) and add your own. Every requirement of the frameworks in scope must be mapped
            # by a control (or carry a decision): 'dotnet build' lists the ones that are not.
            controls:
            """);
        foreach (var control in controls)
        {
            text.Append($$"""

                  - id: {{control.Id}}
                    title: {{Quote(control.Title)}}
                    description: >-
                      {{control.Description}}
                    owner: security-officer
                    status: planned
                    maps_to: [{{string.Join(", ", control.MapsTo.Select(Quote))}}]
                    evidence:
                      - id: {{control.Evidence}}
                        description: {{Quote(control.EvidenceDescription)}}
                        collection: {{control.Collection}}
                        freshness_days: {{control.FreshnessDays.ToString(CultureInfo.InvariantCulture)}}
                """);
        }

        return text.Append('\n').ToString();
    }

    private static string Decisions() => Modeline("decisions", 1) + """
        # Decisions on HIPAA addressable specifications (164.306(d)(3)): implement an equivalent alternative,
        # or document why the specification is not reasonable and appropriate. For example:
        #   - requirement: "164.310(a)(2)(iv)"
        #     decision: alternative
        #     rationale: Facility access records are kept by the data centre provider under its BAA.
        #     alternative: The provider's quarterly access-review report is collected as evidence.
        #     approved_by: security-officer
        #     approved_on: 2026-01-15
        decisions: []

        """;

    private static string Policy(InitOptions options, IReadOnlyList<ExampleControl> controls) => $$"""
        ---
        id: POL-INFOSEC
        title: Information Security Policy
        owner: security-officer
        version: "0.1"
        approved_by: security-officer
        approved_on: {{options.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}}
        review_interval_days: 365
        governs: [{{string.Join(", ", controls.Select(c => c.Id))}}]
        ---
        # Information Security Policy

        A template: replace each section with what {{options.Name}} does. The front matter above is checked by
        the build (owner and approver must be people in policies/people.yaml; a review falls due
        review_interval_days after approved_on).

        ## Purpose and scope
        Which systems, data and people this policy covers.

        ## Roles and responsibilities
        The security officer, system owners, the workforce.

        ## Policy statements
        What must be done, by whom, and how often. Each statement should be implemented by a control
        listed in `governs`.

        ## Exceptions
        Exceptions are approved by the security officer and recorded as waivers (policies/waivers.yaml)
        with an expiry date.

        ## Review
        This policy is reviewed at least every 365 days and whenever the environment changes.

        """;

    private static string People(string id) => Modeline("people", 1) + $$"""
        # The workforce registry: everyone who owns a control, approves a policy or collects evidence.
        # When someone leaves, set status: revoked and revoked_on; never delete them (history refers to them).
        people:
          - id: security-officer
            name: Replace With A Name
            email: security@{{id}}.example
            role: Security Officer
            phi_access: false
            status: active

        """;

    private static string Vendors() => Modeline("vendors", 1) + """
        # The vendor and BAA registry. A vendor that handles PHI needs a BAA whose signed copy is under evidence/.
        # For example:
        #   - id: cloud-provider
        #     name: Cloud Provider Inc.
        #     handles_phi: true
        #     services:
        #       - id: object-storage
        #         name: Object storage
        #     baa:
        #       signed_on: 2026-01-10
        #       effective_on: 2026-01-15
        #       expires_on: 2028-01-14
        #       evidence: evidence/baa/cloud-provider-baa.pdf
        vendors: []

        """;

    private static string Waivers() => Modeline("waivers", 1) + """
        # Waivers turn one gate finding (CMP1xxx) into a warning until they expire. An expired or unused waiver
        # is an error. Structure (CMP0xxx) is never waived. For example:
        #   - id: WVR-2026-001
        #     rule: CMP1201
        #     target: IAM-01/sso-config
        #     reason: The identity provider export job is being rebuilt; a manual export is due on 2026-02-01.
        #     approved_by: security-officer
        #     approved_on: 2026-01-10
        #     expires_on: 2026-02-15
        waivers: []

        """;

    private static string Incidents() => Modeline("incidents", 1) + """
        # Security incidents and the breach-notification clock (45 CFR 164.400-414). For example:
        #   - id: SIR-2026-001
        #     title: Misdirected email with one patient's appointment details
        #     discovered_on: 2026-03-02
        #     breach: true
        #     individuals_affected: 1
        #     individuals_notified_on: 2026-03-10
        incidents: []

        """;

    private static string EvidenceReadme() => """
        # Evidence

        Each evidence artifact (a JSON export, a CSV, a PDF, a screenshot, a Markdown record) sits in this folder
        with a sidecar beside it, `NAME.evidence.yaml`, committed together. Artifacts are never edited: new evidence
        is a new file with a new sidecar.

        ```yaml
        evidence:
          artifact: okta-authentication-policy-2026-10-15.json   # relative to this sidecar's folder
          control: IAM-01                                          # the control
          requirement: sso-config                                  # the control's evidence requirement
          collected_on: 2026-10-15                                 # the day the evidence was produced
          collector: job:okta-export                               # a person's ID, or job:NAME
          sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08   # sha256sum FILE
        ```

        The build checks that every artifact exists, matches its SHA-256, is not newer than the commit that added it,
        and that the newest artifact of every evidence requirement is within its `freshness_days`.
        Keep the full git history in CI (`fetch-depth: 0`): provenance comes from it.

        """;

    private static string Workflow(string project) => $$"""
        # The compliance gate: 'dotnet build' of the programme project fails when the programme is not compliant.
        name: compliance

        on:
          pull_request:
          push:
            branches: [main]
          schedule:
            # Evidence goes stale and BAAs expire without any commit: check every day too.
            - cron: "17 6 * * *"
          workflow_dispatch:

        permissions:
          contents: read
          security-events: write

        jobs:
          gate:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
                with:
                  # Provenance, retention and collected-on checks read the full history; a shallow clone
                  # skips them with a warning (CMP1001).
                  fetch-depth: 0

              - uses: actions/setup-dotnet@v4
                with:
                  dotnet-version: 10.0.x

              - name: Compliance gate
                run: dotnet build {{project}}

              - name: Upload the findings to code scanning
                if: always()
                uses: github/codeql-action/upload-sarif@v3
                with:
                  sarif_file: artifacts/compliance/compliance.sarif

              - name: Publish the audit site
                if: always()
                uses: actions/upload-artifact@v4
                with:
                  name: compliance-site
                  path: artifacts/site
                  if-no-files-found: warn

              - name: Publish the reports
                if: always()
                uses: actions/upload-artifact@v4
                with:
                  name: compliance-reports
                  path: artifacts/compliance
                  if-no-files-found: warn

        """;

    private static string ProjectFile(InitOptions options, string ns) => $$"""
        <Project Sdk="Microsoft.NET.Sdk">
          <!-- The compliance programme: building this project compiles controls/ and policies/ into typed C#
               (namespace {{ns}}) and runs the compliance gate. 'dotnet build' fails when the programme is not compliant. -->
          <PropertyGroup>
            <TargetFramework>net8.0</TargetFramework>
            <!-- The folder that holds controls/, policies/ and evidence/. -->
            <ComplianceRoot>$(MSBuildThisFileDirectory)../</ComplianceRoot>
            <ComplianceNamespace>{{ns}}</ComplianceNamespace>
            <!-- Leave unset to check as of today (UTC); set YYYY-MM-DD (or -p:ComplianceAsOf=...) to pin a date. -->
            <ComplianceAsOf></ComplianceAsOf>
            <IsPackable>false</IsPackable>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Compliance.Sdk" Version="{{options.ToolkitVersion}}" PrivateAssets="all" />
          </ItemGroup>
        </Project>

        """;

    private static string VsCodeSettings() => """
        {
          "yaml.schemas": {
            "./schemas/programme-file.schema.json": ["controls/**/*.yaml", "controls/**/*.yml", "policies/**/*.yaml", "policies/**/*.yml"],
            "./schemas/evidence.schema.json": ["evidence/**/*.evidence.yaml"]
          }
        }

        """;

    private static readonly string[] PlainWordsThatAreNotText = { "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~" };

    /// <summary>A YAML scalar: plain when it is unambiguous text, double-quoted otherwise.</summary>
    private static string Quote(string text) =>
        text.Length > 0 && char.IsAsciiLetter(text[0])
            && text.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '.' or ',')
            && !text.EndsWith(' ')
            && Array.IndexOf(PlainWordsThatAreNotText, text.ToLowerInvariant()) < 0
            ? text
            : "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string Resource(string name)
    {
        var assembly = typeof(ProgrammeTemplate).Assembly;
        using var stream = assembly.GetManifestResourceStream("Compliance.Cli.Init." + name)
            ?? throw new InvalidOperationException($"The CLI was built without its embedded resource '{name}'.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
