using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Compliance.Engine;

namespace Compliance.Engine.Tests;

/// <summary>
/// A small, valid programme in a temporary folder, optionally a git repository whose commits carry
/// fixed dates. Tests change one thing and assert the exact finding.
/// </summary>
public sealed class TestProgramme : IDisposable
{
    public static readonly DateOnly AsOf = new(2026, 11, 1);

    public TestProgramme(bool git = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "compliance-engine-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Write("controls/programme.yaml", """
            programme:
              id: acme
              name: Acme Health
              scope:
                - framework: mini
            """);
        Write("controls/frameworks/mini.yaml", """
            framework:
              id: mini
              title: Mini framework
            requirements:
              - id: M-1
                title: Encrypt data
                kind: standard
            """);
        Write("controls/controls.yaml", """
            controls:
              - id: CRY-01
                title: Encryption at rest
                description: Disks are encrypted.
                owner: alice
                status: implemented
                maps_to: [M-1]
                evidence:
                  - id: kms-keys
                    description: Key inventory.
                    collection: automated
                    freshness_days: 30
            """);
        Write("policies/people.yaml", """
            people:
              - id: alice
                name: Alice
                email: alice@acme.example
                role: Security Officer
                phi_access: true
                status: active
              - id: bob
                name: Bob
                email: bob@acme.example
                role: Engineer
                phi_access: true
                status: revoked
                revoked_on: 2026-06-30
            """);
        Write("policies/vendors.yaml", """
            vendors:
              - id: cloud
                name: Cloud Inc
                handles_phi: true
                services:
                  - id: kms.cloud.example
                    name: KMS
                baa:
                  signed_on: 2025-01-01
                  effective_on: 2025-01-01
                  expires_on: 2027-12-31
                  evidence: evidence/baa/cloud.md
            """);
        Write("evidence/baa/cloud.md", "Signed BAA with Cloud Inc.\n");
        Write("policies/security.md", """
            ---
            id: POL-SEC
            title: Security Policy
            owner: alice
            version: "1.0"
            approved_by: alice
            approved_on: 2026-03-01
            review_interval_days: 365
            governs: [CRY-01]
            ---
            # Security Policy
            """);
        AddEvidence("kms-2026-10-20.json", "{\"keys\": 3}\n", "2026-10-20");
        if (git)
        {
            Git("init", "-q", "-b", "main");
            Commit("Initial programme", "2026-10-25T10:00:00Z");
        }
    }

    public string Root { get; }

    public string Write(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.Replace("\r\n", "\n").TrimEnd('\n') + "\n");
        return path;
    }

    public void Delete(string relative) => File.Delete(Path.Combine(Root, relative));

    /// <summary>Writes an artifact for CRY-01/kms-keys with a correct sidecar.</summary>
    public void AddEvidence(string name, string content, string collectedOn, string folder = "evidence/cry-01/kms-keys", string? sha = null, string collector = "job:kms-export")
    {
        Write($"{folder}/{name}", content);
        var digest = sha ?? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(Root, folder, name))));
        Write($"{folder}/{name}.evidence.yaml", $"""
            evidence:
              artifact: {name}
              control: CRY-01
              requirement: kms-keys
              collected_on: {collectedOn}
              collector: {collector}
              sha256: {digest}
            """);
    }

    public void Commit(string message, string isoDate)
    {
        Git("add", "-A");
        Git(new Dictionary<string, string> { ["GIT_AUTHOR_DATE"] = isoDate, ["GIT_COMMITTER_DATE"] = isoDate }, "commit", "-q", "--allow-empty", "-m", message);
    }

    public string Git(params string[] args) => Git(new Dictionary<string, string>(), args);

    public string Git(IDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-c", "user.name=Test Author", "-c", "user.email=author@acme.example", "-c", "commit.gpgsign=false" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {error}");
        }

        return output;
    }

    public CheckResult Check(DateOnly? asOf = null, Func<CheckOptions, CheckOptions>? configure = null)
    {
        var options = new CheckOptions(Root, asOf ?? AsOf);
        return ComplianceCheck.Run(configure?.Invoke(options) ?? options);
    }

    /// <summary>The findings as canonical lines, the form the build prints.</summary>
    /// <remarks>CMP1001 (no git history) is left out unless asked for: most tests run without a repository.</remarks>
    public static IReadOnlyList<string> Lines(CheckResult result, string? rulePrefix = "CMP1", bool includeProvenance = false) => result.Findings
        .Where(f => rulePrefix is null || f.RuleId.StartsWith(rulePrefix, StringComparison.Ordinal))
        .Where(f => includeProvenance || f.RuleId != Model.Diagnostics.Rules.ProvenanceUnavailable.Id)
        .Select(f => Reports.TextReport.Canonical(f))
        .ToList();

    public void Dispose()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
