using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Text;

namespace Compliance.Bench;

/// <summary>How big a synthetic programme to write.</summary>
/// <param name="Plain">The shape of issue 15's comparison with its peers: each control maps exactly one requirement,
/// states no evidence requirements and there are no vendors, so the run measures the check and the site rather than
/// evidence lookups.</param>
internal sealed record WriterSettings(int Controls, int Vendors, int Policies, int People, int Requirements, int ControlFiles, int VendorFiles, bool Gate, bool Plain = false);

/// <summary>
/// Writes a synthetic programme of realistic shape that builds clean: one framework of sections and
/// standards in which every leaf is mapped by some control, controls spread over many files with
/// evidence requirements, a people registry, vendors with services and BAAs, and policies as
/// Markdown with front matter that govern the controls. Deterministic: the same settings write the
/// same bytes. Also writes Programme.csproj and the Directory.Build.* files that load the toolkit
/// from this repository and the generator from this bench's output folder.
/// </summary>
internal static class ProgrammeWriter
{
    public const string Namespace = "Bench.Compliance";
    private const string FrameworkId = "bench";

    private static readonly string[] Verbs = { "Enforce", "Review", "Monitor", "Restrict", "Encrypt", "Log", "Rotate", "Approve", "Test", "Retain", "Back up", "Patch", "Scan", "Train", "Document" };
    private static readonly string[] Objects = { "production access", "database credentials", "audit logs", "laptop disks", "service accounts", "backups", "vendor access", "API keys", "change requests", "incident records", "network rules", "container images", "support tooling", "customer exports", "on-call runbooks" };
    private static readonly string[] Areas = { "Access control", "Audit and accountability", "Configuration management", "Contingency planning", "Identification and authentication", "Incident response", "Maintenance", "Media protection", "Personnel security", "Risk assessment", "System and communications protection", "System integrity" };
    private static readonly string[] Categories = { "Security", "Availability", "Confidentiality" };
    private static readonly string[] FirstNames = { "Alice", "Bob", "Chen", "Dana", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kofi", "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tomas" };
    private static readonly string[] LastNames = { "Moreno", "Park", "Okafor", "Lindqvist", "Raman", "Cho", "Alvarez", "Novak", "Haddad", "Kim" };
    private static readonly string[] Roles = { "Software Engineer", "Site Reliability Engineer", "Support Specialist", "Security Engineer", "Engineering Manager", "Data Analyst", "Product Manager", "Compliance Analyst" };

    public static string Write(string outDir, WriterSettings settings)
    {
        if (settings.People < 2)
        {
            throw new ArgumentException("--people must be at least 2.");
        }

        var root = Path.GetFullPath(outDir);
        if (Directory.Exists(Path.Combine(root, "controls")) || Directory.Exists(Path.Combine(root, "policies")))
        {
            throw new ArgumentException($"{root} already holds a programme; write to an empty folder.");
        }

        Directory.CreateDirectory(root);
        var random = new Random(20260115);
        var leaves = WriteFramework(root, settings.Requirements);
        var activePeople = WritePeople(root, settings.People);
        var controlIds = WriteControls(root, settings, leaves, activePeople, random);
        if (!settings.Plain)
        {
            WriteVendors(root, settings, random);
        }

        WritePolicies(root, settings.Policies, controlIds, activePeople);
        WriteProgramme(root);
        WriteProject(root, settings.Gate);

        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/") && !f.Contains("/bin/")).ToList();
        var bytes = files.Sum(f => new FileInfo(f).Length);
        return $"Wrote {root}: {settings.Requirements} requirements ({leaves.Count} leaves), {controlIds.Count} controls in {settings.ControlFiles} files, "
            + $"{settings.Vendors} vendors in {settings.VendorFiles} files, {settings.Policies} policies, {settings.People} people; {files.Count} files, {bytes / 1024.0 / 1024.0:0.0} MiB.";
    }

    /// <summary>Sections of standards: about one section per twenty requirements. Returns the leaf IDs, which controls must cover.</summary>
    private static List<string> WriteFramework(string root, int requirements)
    {
        var sections = Math.Max(1, requirements / 20);
        var perSection = Math.Max(1, (requirements - sections) / sections);
        var leaves = new List<string>();
        var text = new StringBuilder();
        text.Append("# Synthetic framework for the generator benchmark.\n");
        text.Append("framework:\n");
        text.Append($"  id: {FrameworkId}\n");
        text.Append("  title: Benchmark Security Framework\n");
        text.Append("  citation: Synthetic catalog, not a real standard\n");
        text.Append("requirements:\n");
        var written = 0;
        for (var s = 1; s <= sections && written < requirements; s++)
        {
            var sectionId = $"BF-{s:00}";
            var area = Areas[(s - 1) % Areas.Length];
            text.Append($"  - id: {sectionId}\n    title: \"{area} ({s})\"\n    kind: section\n    category: {Categories[s % Categories.Length]}\n");
            written++;
            var count = s == sections ? requirements - written : Math.Min(perSection, requirements - written);
            for (var r = 1; r <= count; r++)
            {
                var id = $"BF-{s:00}.{r:00}";
                leaves.Add(id);
                text.Append($"  - id: {id}\n");
                text.Append($"    title: \"{Verbs[(s + r) % Verbs.Length]} {Objects[(s * 3 + r) % Objects.Length]}\"\n");
                text.Append("    kind: standard\n");
                text.Append($"    parent: {sectionId}\n");
                text.Append($"    required: {(r % 3 == 0 ? "false" : "true")}\n");
                text.Append($"    category: {Categories[s % Categories.Length]}\n");
                text.Append($"    summary: The organisation must {Verbs[(s + r) % Verbs.Length].ToLowerInvariant()} {Objects[(s * 3 + r) % Objects.Length]} in line with the {area.ToLowerInvariant()} standard.\n");
                written++;
            }
        }

        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(root, "controls", "frameworks")).FullName, "bench.yaml"), text.ToString());
        return leaves;
    }

    /// <summary>Everyone but the last few is active; only active people own or approve anything.</summary>
    private static List<string> WritePeople(string root, int people)
    {
        var active = new List<string>();
        var revokedFrom = people - Math.Max(1, people / 20);
        var text = new StringBuilder("# Synthetic workforce registry.\npeople:\n");
        for (var i = 1; i <= people; i++)
        {
            var id = $"person-{i:000}";
            var first = FirstNames[i % FirstNames.Length];
            var last = LastNames[(i / FirstNames.Length) % LastNames.Length];
            var revoked = i > revokedFrom;
            text.Append($"  - id: {id}\n    name: {first} {last}\n    email: {id}@bench.example\n    role: {Roles[i % Roles.Length]}\n");
            text.Append($"    phi_access: {(i % 4 == 0 && !revoked ? "true" : "false")}\n");
            text.Append(revoked ? "    status: revoked\n    revoked_on: 2025-12-01\n" : "    status: active\n");
            text.Append('\n');
            if (!revoked)
            {
                active.Add(id);
            }
        }

        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(root, "policies")).FullName, "people.yaml"), text.ToString());
        return active;
    }

    /// <summary>
    /// Control i maps leaf i mod L (so every leaf is covered once there are at least L controls) and, for most
    /// controls, one or two more leaves. Every twentieth control is planned; the leaf-covering mapping keeps
    /// every Required leaf covered by an implemented control as well.
    /// </summary>
    private static List<string> WriteControls(string root, WriterSettings settings, List<string> leaves, List<string> people, Random random)
    {
        if (settings.Controls < leaves.Count)
        {
            throw new ArgumentException($"--controls must be at least the number of leaf requirements ({leaves.Count}) for the programme to build.");
        }

        var ids = new List<string>();
        var perFile = (settings.Controls + settings.ControlFiles - 1) / settings.ControlFiles;
        var controlsDir = Path.Combine(root, "controls");
        for (var file = 0; file < settings.ControlFiles; file++)
        {
            var first = file * perFile;
            var last = Math.Min(settings.Controls, first + perFile);
            if (first >= last)
            {
                break;
            }

            var area = Areas[file % Areas.Length];
            var folder = Directory.CreateDirectory(Path.Combine(controlsDir, Slug(area))).FullName;
            var text = new StringBuilder($"# {area} controls, part {file + 1}.\ncontrols:\n");
            for (var i = first; i < last; i++)
            {
                var id = $"CTL-{i + 1:0000}";
                ids.Add(id);
                var maps = new List<string> { leaves[i % leaves.Count] };
                for (var extra = settings.Plain ? 0 : random.Next(0, 3); extra > 0; extra--)
                {
                    var leaf = leaves[random.Next(leaves.Count)];
                    if (!maps.Contains(leaf))
                    {
                        maps.Add(leaf);
                    }
                }

                var verb = Verbs[random.Next(Verbs.Length)];
                var obj = Objects[random.Next(Objects.Length)];
                var status = i % 20 == 19 ? "planned" : i % 7 == 3 ? "partially-implemented" : "implemented";
                text.Append($"  - id: {id}\n");
                text.Append($"    title: {verb} {obj} ({id})\n");
                text.Append("    description: |\n");
                text.Append($"      {verb} {obj} for every system in scope. The owner checks the configuration each quarter\n");
                text.Append($"      and records the result; exceptions go through the waiver process with a dated expiry.\n");
                text.Append($"    owner: {people[i % people.Count]}\n");
                text.Append($"    status: {status}\n");
                text.Append($"    maps_to: [{string.Join(", ", maps)}]\n");
                if (settings.Plain)
                {
                    text.Append('\n');
                    continue;
                }

                text.Append("    evidence:\n");
                var evidenceCount = 1 + (i % 3 == 0 ? 1 : 0);
                for (var e = 1; e <= evidenceCount; e++)
                {
                    var automated = (i + e) % 3 != 0;
                    text.Append($"      - id: {(automated ? "export" : "record")}-{e}\n");
                    text.Append($"        description: {(automated ? "Automated export of" : "Signed record of")} the {obj} configuration.\n");
                    text.Append($"        collection: {(automated ? "automated" : "manual")}\n");
                    text.Append($"        freshness_days: {(automated ? 30 : 90) * e}\n");
                }

                text.Append('\n');
            }

            File.WriteAllText(Path.Combine(folder, $"controls-{file + 1:000}.yaml"), text.ToString());
        }

        return ids;
    }

    private static void WriteVendors(string root, WriterSettings settings, Random random)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "policies", "vendors")).FullName;
        var perFile = (settings.Vendors + settings.VendorFiles - 1) / settings.VendorFiles;
        var phiVendors = new List<string>();
        for (var file = 0; file < settings.VendorFiles; file++)
        {
            var text = new StringBuilder($"# Vendor and BAA registry, part {file + 1}.\nvendors:\n");
            var any = false;
            for (var i = file * perFile; i < Math.Min(settings.Vendors, (file + 1) * perFile); i++)
            {
                any = true;
                var id = $"vendor-{i + 1:000}";
                var phi = i % 5 < 2;
                text.Append($"  - id: {id}\n    name: Vendor {i + 1:000} Inc.\n    handles_phi: {(phi ? "true" : "false")}\n    services:\n");
                for (var s = 1; s <= 1 + (i % 3); s++)
                {
                    text.Append($"      - id: svc{s}.{id}.example\n        name: Vendor {i + 1:000} service {s}\n");
                }

                if (phi)
                {
                    var signed = new DateTime(2024, 1, 1).AddDays(random.Next(0, 600));
                    text.Append("    baa:\n");
                    text.Append($"      signed_on: {signed:yyyy-MM-dd}\n");
                    text.Append($"      effective_on: {signed.AddDays(5):yyyy-MM-dd}\n");
                    text.Append($"      expires_on: {signed.AddYears(3):yyyy-MM-dd}\n");
                    text.Append($"      evidence: evidence/baa/{id}-baa.md\n");
                    if (phiVendors.Count > 0 && i % 4 == 0)
                    {
                        text.Append($"    subcontractors: [{phiVendors[random.Next(phiVendors.Count)]}]\n");
                    }

                    phiVendors.Add(id);
                }
                else
                {
                    text.Append("    notes: Kept away from PHI by contract and by network policy.\n");
                }

                text.Append('\n');
            }

            if (any)
            {
                File.WriteAllText(Path.Combine(folder, $"vendors-{file + 1:00}.yaml"), text.ToString());
            }
        }
    }

    /// <summary>Each control is governed by exactly one policy; the controls are shared out in order.</summary>
    private static void WritePolicies(string root, int policies, List<string> controls, List<string> people)
    {
        var folder = Path.Combine(root, "policies");
        for (var p = 0; p < policies; p++)
        {
            var from = (int)((long)p * controls.Count / policies);
            var to = (int)((long)(p + 1) * controls.Count / policies);
            var governed = controls.Skip(from).Take(to - from).ToList();
            var id = $"POL-{p + 1:000}";
            var area = Areas[p % Areas.Length];
            var text = new StringBuilder();
            text.Append("---\n");
            text.Append($"id: {id}\n");
            text.Append($"title: {area} Policy {p + 1}\n");
            text.Append($"owner: {people[p % people.Count]}\n");
            text.Append($"version: \"{1 + p % 4}.{p % 10}\"\n");
            text.Append($"approved_by: {people[(p + 1) % people.Count]}\n");
            text.Append($"approved_on: 2026-01-{1 + p % 28:00}\n");
            text.Append("review_interval_days: 365\n");
            text.Append($"governs: [{string.Join(", ", governed)}]\n");
            text.Append("---\n");
            text.Append($"# {area} Policy {p + 1}\n\n");
            text.Append("## Purpose\n\n");
            text.Append($"This policy sets the rules for {area.ToLowerInvariant()} across every system that stores or processes customer data.\n\n");
            text.Append("## Scope\n\n");
            text.Append("All workforce members, contractors and vendors with access to production systems.\n\n");
            text.Append("## Policy\n\n");
            for (var rule = 1; rule <= 8; rule++)
            {
                text.Append($"{rule}. {Verbs[(p + rule) % Verbs.Length]} {Objects[(p * 2 + rule) % Objects.Length]} as the governed controls describe, and keep the evidence.\n");
            }

            text.Append("\n## Review\n\nThe owner reviews this policy every year, or sooner after a significant change.\n");
            File.WriteAllText(Path.Combine(folder, $"{Slug(area)}-{p + 1:000}.md"), text.ToString());
        }
    }

    private static void WriteProgramme(string root) => File.WriteAllText(Path.Combine(root, "controls", "programme.yaml"), $"""
        # Synthetic programme for the generator benchmark (bench/run.sh).
        programme:
          id: bench
          name: Benchmark Programme
          description: A synthetic programme of realistic shape, written by Compliance.Bench.
          scope:
            - framework: {FrameworkId}

        """);

    /// <summary>The same approach as the end-to-end harness: Directory.Build.* load the toolkit from this repository.</summary>
    private static void WriteProject(string root, bool gate)
    {
        // The gate needs evidence artifacts, which this programme does not have; it has its own benchmark (bench/gate.sh).
        var gateSetting = gate ? string.Empty : "<ComplianceCheck>false</ComplianceCheck>";
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), $"""
            <Project>
              <!-- Written by Compliance.Bench: this folder is a compliance programme. -->
              <PropertyGroup>
                <RepoRoot>$(MSBuildThisFileDirectory)</RepoRoot>
                <IsComplianceProgramme>true</IsComplianceProgramme>
                <ComplianceAnalyzerDir>{SecurityElement.Escape(RepoPaths.AnalyzerDir)}</ComplianceAnalyzerDir>
                {gateSetting}
              </PropertyGroup>
            </Project>

            """);
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), $"""
            <Project>
              <Import Project="{SecurityElement.Escape(RepoPaths.SdkProps)}" Condition="'$(IsComplianceProgramme)' == 'true'" />
              <Import Project="{SecurityElement.Escape(RepoPaths.SdkTargets)}" Condition="'$(IsComplianceProgramme)' == 'true'" />
            </Project>

            """);
        File.WriteAllText(Path.Combine(root, "Programme.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ComplianceNamespace>{Namespace}</ComplianceNamespace>
                <ComplianceAsOf>2026-02-01</ComplianceAsOf>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
              </PropertyGroup>
            </Project>

            """);
        File.WriteAllText(Path.Combine(root, ".gitignore"), "bin/\nobj/\nartifacts/\n");
    }

    private static string Slug(string text) => new(text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
}
