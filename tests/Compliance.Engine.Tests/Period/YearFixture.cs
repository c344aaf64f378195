using System;
using System.IO;

namespace Compliance.Engine.Tests.Period;

/// <summary>
/// A programme whose history covers 2026 with fixed commit dates. Every exception it should produce
/// is written out by hand in <see cref="PeriodHistoryTests"/>; the comments here say which step causes which.
/// </summary>
public static class YearFixture
{
    public static TestProgramme Build()
    {
        var programme = new TestProgramme(git: false);
        programme.Delete("evidence/cry-01/kms-keys/kms-2026-10-20.json");
        programme.Delete("evidence/cry-01/kms-keys/kms-2026-10-20.json.evidence.yaml");
        Replace(programme, "policies/security.md", "approved_on: 2026-03-01", "approved_on: 2025-03-01");
        Replace(programme, "policies/vendors.yaml", "expires_on: 2027-12-31", "expires_on: 2026-05-31");
        Replace(programme, "policies/people.yaml", "status: revoked\n    revoked_on: 2026-06-30", "status: active");
        programme.Git("init", "-q", "-b", "main");

        // Fresh 2025-12-10..2026-01-09; nothing new until 2026-01-20, so stale 01-10..01-19.
        Evidence(programme, "2025-12-10", "2025-12-15");
        Evidence(programme, "2026-01-18", "2026-01-20"); // collected before its commit: counts from 01-20
        Evidence(programme, "2026-02-10", "2026-02-10");

        // Review due 2026-03-01 (2025-03-01 + 365): overdue 03-02..03-04, re-approved in the 03-05 commit.
        Replace(programme, "policies/security.md", "approved_on: 2025-03-01", "approved_on: 2026-03-04");
        programme.Commit("Re-approve the security policy", "2026-03-05T09:00:00Z");

        Evidence(programme, "2026-03-10", "2026-03-10");

        // Tampered on 04-01 (content no longer matches its sidecar): coverage ends 03-31, stale 04-01..04-14.
        programme.Write("evidence/cry-01/kms-keys/kms-2026-03-10.json", "{\"keys\": 99}\n");
        programme.Commit("Edit an artifact", "2026-04-01T09:00:00Z");
        Evidence(programme, "2026-04-15", "2026-04-15");

        // Fresh to 05-15; a waiver approved 05-16..05-31 covers part of the gap, stale 06-01..06-09.
        programme.Write("policies/waivers.yaml", """
            waivers:
              - id: WVR-2026-001
                rule: CMP1102
                target: CRY-01/kms-keys
                reason: Key export job migrated to the new KMS project.
                approved_by: alice
                approved_on: 2026-05-16
                expires_on: 2026-05-31
            """);
        programme.Commit("Waive the key inventory during the migration", "2026-05-02T09:00:00Z");
        Evidence(programme, "2026-06-10", "2026-06-10");

        // The BAA expired 05-31 and the renewal was committed 06-20: not in force 06-01..06-19.
        Replace(programme, "policies/vendors.yaml", "effective_on: 2025-01-01\n      expires_on: 2026-05-31", "effective_on: 2026-06-15\n      expires_on: 2027-06-14");
        programme.Commit("Renew the cloud BAA", "2026-06-20T09:00:00Z");

        // Bob revoked in the 07-01 commit.
        Replace(programme, "policies/people.yaml", "role: Engineer\n    phi_access: true\n    status: active", "role: Engineer\n    phi_access: true\n    status: revoked\n    revoked_on: 2026-06-30");
        programme.Commit("Revoke bob", "2026-07-01T09:00:00Z");
        Evidence(programme, "2026-07-10", "2026-07-10");

        // M-2 added 07-15, its control only 08-01: uncovered 07-15..07-31.
        Replace(programme, "controls/frameworks/mini.yaml", "    kind: standard", "    kind: standard\n  - id: M-2\n    title: Review access\n    kind: standard");
        programme.Commit("Add M-2", "2026-07-15T09:00:00Z");

        // IAM-01 (owner bob, revoked) from 08-01, owner fixed 08-20: revoked owner 08-01..08-19. Its evidence
        // is first committed 08-25: missing 08-01..08-24; fresh 90 days to 11-23, stale 11-24..12-31.
        File.AppendAllText(Path.Combine(programme.Root, "controls/controls.yaml"), """
              - id: IAM-01
                title: Access reviews
                description: Quarterly access reviews.
                owner: bob
                status: implemented
                maps_to: [M-2]
                evidence:
                  - id: review
                    description: The signed review.
                    collection: manual
                    freshness_days: 90

            """);
        // Deleting the 07-10 artifact on 08-01 ends its coverage on 07-31: stale 08-01..08-04.
        programme.Delete("evidence/cry-01/kms-keys/kms-2026-07-10.json");
        programme.Delete("evidence/cry-01/kms-keys/kms-2026-07-10.json.evidence.yaml");
        programme.Commit("Add IAM-01; drop an artifact", "2026-08-01T09:00:00Z");
        Evidence(programme, "2026-08-05", "2026-08-05");
        Replace(programme, "controls/controls.yaml", "owner: bob", "owner: alice");
        programme.Commit("Reassign IAM-01", "2026-08-20T09:00:00Z");
        programme.AddEvidence("review-2026-08-25.md", "Reviewed.\n", "2026-08-25", folder: "evidence/iam-01/review");
        Replace(programme, "evidence/iam-01/review/review-2026-08-25.md.evidence.yaml", "control: CRY-01\n  requirement: kms-keys", "control: IAM-01\n  requirement: review");
        programme.Commit("Access review", "2026-08-25T09:00:00Z");

        foreach (var day in new[] { "2026-09-04", "2026-10-01", "2026-10-31", "2026-11-30", "2026-12-30" })
        {
            Evidence(programme, day, day);
        }

        return programme;
    }

    private static void Evidence(TestProgramme programme, string collectedOn, string committedOn)
    {
        programme.AddEvidence($"kms-{collectedOn}.json", $"{{\"keys\": 3, \"on\": \"{collectedOn}\"}}\n", collectedOn);
        programme.Commit($"Key inventory {collectedOn}", $"{committedOn}T12:00:00Z");
    }

    private static void Replace(TestProgramme programme, string relative, string from, string to)
    {
        var path = Path.Combine(programme.Root, relative);
        var text = File.ReadAllText(path);
        if (!text.Contains(from, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The fixture expected '{from}' in {relative}.");
        }

        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }
}
