using System;
using System.IO;
using System.Linq;
using Compliance.Cli.Commands;
using Compliance.Engine.Audit;

using Compliance.Engine.Tests;

namespace Compliance.Cli.Tests;

public class GateCliTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 30, 0, TimeSpan.Zero);

    private static TestProgramme WithRunners()
    {
        var programme = new TestProgramme(git: false);
        programme.Write("controls/programme.yaml", """
            programme:
              id: acme
              name: Acme Health
              scope:
                - framework: mini
              runners:
                - id: prod
                  require_signed: true
                - id: staging
            """);
        return programme;
    }

    private static (int Exit, string Output) Gate(TestProgramme programme, params string[] args)
    {
        var output = new StringWriter();
        var exit = GateCommand.Run(args.Concat(new[] { "--root", programme.Root }).ToArray(), new StringReader(string.Empty), output, () => Now);
        return (exit, output.ToString());
    }

    [Fact]
    public void A_compliant_deploy_is_allowed_and_recorded()
    {
        using var programme = WithRunners();

        var (exit, output) = Gate(programme, "--actor", "alice@acme.example", "--service", "kms.cloud.example", "--runner", "prod", "--runner-signed", "--artifact", "sha256:" + new string('1', 64));

        Assert.Equal(0, exit);
        Assert.StartsWith("allow: deploy by alice@acme.example on runner prod touching 1 service(s) as of 2026-11-01", output);
        var decision = Assert.Single(AuditLog.ForRoot(programme.Root).Read());
        Assert.Equal(("gate-decision", "allow"), (decision.Type, decision.Field("decision")));
        Assert.Equal(Now, decision.Time);
    }

    [Fact]
    public void Each_deny_reason_is_one_line_naming_its_subject_and_rule()
    {
        using var programme = WithRunners();

        var (exit, output) = Gate(programme, "--actor", "bob@acme.example", "--service", "kms.cloud.example", "--service", "unknown.example", "--runner", "prod");

        Assert.Equal(1, exit);
        var lines = output.Split('\n').Where(l => l.StartsWith("deny ", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[]
        {
            "deny CMP2101: service 'unknown.example' is not provided by any vendor in the BAA registry.",
            "deny CMP2104: actor 'bob@acme.example' was revoked on 2026-06-30.",
            "deny CMP2107: runner 'prod' requires signed deploys and this one is not signed.",
        }, lines);
        Assert.Equal("deny", AuditLog.ForRoot(programme.Root).Read().Single().Field("decision"));
    }

    [Fact]
    public void A_revoked_person_is_allowed_until_the_day_of_revocation()
    {
        using var programme = WithRunners();
        Assert.Equal(0, Gate(programme, "--actor", "bob@acme.example", "--service", "kms.cloud.example", "--runner", "staging", "--as-of", "2026-06-29").Exit);
        Assert.Equal(1, Gate(programme, "--actor", "bob@acme.example", "--service", "kms.cloud.example", "--runner", "staging", "--as-of", "2026-06-30").Exit);
    }

    [Fact]
    public void An_expired_BAA_down_the_chain_denies_the_service()
    {
        using var programme = WithRunners();
        programme.Write("policies/vendors.yaml", """
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
                subcontractors: [dc]
              - id: dc
                name: Datacentre
                handles_phi: true
                services:
                  - id: dc.example
                    name: Racks
                baa:
                  signed_on: 2024-01-01
                  effective_on: 2024-01-01
                  expires_on: 2026-10-01
                  evidence: evidence/baa/cloud.md
            """);

        var (exit, output) = Gate(programme, "--actor", "alice", "--service", "kms.cloud.example", "--runner", "staging");

        Assert.Equal(1, exit);
        Assert.Contains("deny CMP2102: service 'kms.cloud.example': vendor 'dc' has a BAA that expired on 2026-10-01 (BAA chain cloud -> dc).", output);
    }

    [Fact]
    public void A_deploy_context_can_come_as_json_on_stdin()
    {
        using var programme = WithRunners();
        var output = new StringWriter();
        var json = """{"actor": "alice@acme.example", "services": ["kms.cloud.example"], "runner": "prod", "runnerSigned": true}""";

        Assert.Equal(0, GateCommand.Run(new[] { "--context", "-", "--root", programme.Root }, new StringReader(json), output, () => Now));
    }

    [Fact]
    public void Audit_append_refuses_a_revoked_actor_and_query_joins_deploys_to_their_gate_decision()
    {
        using var programme = WithRunners();
        var artifact = "sha256:" + new string('2', 64);
        Gate(programme, "--actor", "alice@acme.example", "--service", "kms.cloud.example", "--runner", "prod", "--runner-signed", "--artifact", artifact);
        var decision = AuditLog.ForRoot(programme.Root).Read().Single().Hash;

        var refused = new StringWriter();
        Assert.Equal(1, AuditCommand.Run(new[] { "append", "--type", "deploy", "--actor", "bob@acme.example", "--artifact", artifact, "--root", programme.Root }, refused, () => Now));
        Assert.Equal("deny CMP2104: actor 'bob@acme.example' was revoked on 2026-06-30.\n", refused.ToString().Replace("\r\n", "\n"));

        Assert.Equal(0, AuditCommand.Run(new[] { "append", "--type", "deploy", "--actor", "alice@acme.example", "--artifact", artifact, "--field", $"gate-decision={decision}", "--field", "runner=prod", "--root", programme.Root }, new StringWriter(), () => Now.AddMinutes(3)));

        var query = new StringWriter();
        AuditCommand.Run(new[] { "query", "--artifact", artifact, "--type", "deploy", "--root", programme.Root }, query, () => Now);
        var lines = query.ToString().Replace("\r\n", "\n").Split('\n');
        Assert.Equal("1 event(s)", lines[0]);
        Assert.Equal($"2026-11-01T09:33:00Z  #2  alice@acme.example deployed {artifact}  runner=prod", lines[1]);
        Assert.Equal("    through gate decision #1 (allow) by alice@acme.example at 2026-11-01T09:30:00Z on runner prod", lines[2]);

        var json = new StringWriter();
        AuditCommand.Run(new[] { "query", "--actor", "alice@acme.example", "--format", "json", "--root", programme.Root }, json, () => Now);
        Assert.Contains("\"decision\": \"allow\"", json.ToString());

        var verify = new StringWriter();
        Assert.Equal(0, AuditCommand.Run(new[] { "verify", "--root", programme.Root }, verify, () => Now));
        Assert.Equal("evidence/audit/audit-log.jsonl: 2 event(s), hash chain intact.\n", verify.ToString().Replace("\r\n", "\n"));
    }

    [Fact]
    public void The_build_check_fails_on_a_tampered_audit_log_naming_the_line()
    {
        using var programme = WithRunners();
        Gate(programme, "--actor", "alice@acme.example", "--service", "kms.cloud.example", "--runner", "staging");
        Gate(programme, "--actor", "alice@acme.example", "--service", "kms.cloud.example", "--runner", "staging");
        var log = Path.Combine(programme.Root, AuditLog.DefaultPath);
        File.WriteAllText(log, File.ReadAllText(log).Replace("\"decision\":\"allow\"", "\"decision\":\"deny\""));

        Assert.Contains("evidence/audit/audit-log.jsonl(1,1): error CMP2201: Line 1 (seq 1) was edited: its content no longer matches its hash. Fix: Restore the log from git history; never edit, delete or reorder events. Investigate the change as a security incident.", TestProgramme.Lines(programme.Check(), rulePrefix: "CMP2"));
    }

    [Fact]
    public void Incident_scope_lists_deploys_artifacts_and_actors_in_the_window()
    {
        using var programme = WithRunners();
        var artifact = "sha256:" + new string('3', 64);
        AuditCommand.Run(new[] { "append", "--type", "deploy", "--actor", "alice@acme.example", "--artifact", artifact, "--root", programme.Root }, new StringWriter(), () => Now);
        AuditCommand.Run(new[] { "append", "--type", "deploy", "--actor", "alice@acme.example", "--artifact", "sha256:" + new string('4', 64), "--root", programme.Root }, new StringWriter(), () => Now.AddDays(10));
        var output = new StringWriter();

        IncidentCommand.Run(new[] { "scope", "--since", "2026-10-25", "--until", "2026-11-05", "--root", programme.Root }, output);

        var text = output.ToString();
        Assert.StartsWith("Incident scope 2026-10-25 .. 2026-11-05: 1 event(s), 1 deploy(s), 0 denied gate decision(s)", text);
        Assert.Contains(artifact, text);
        Assert.DoesNotContain(new string('4', 64), text);
    }

    [Fact]
    public void Query_and_incident_scope_say_when_the_log_does_not_verify_instead_of_dropping_lines()
    {
        using var programme = WithRunners();
        var artifact = "sha256:" + new string('5', 64);
        AuditCommand.Run(new[] { "append", "--type", "deploy", "--actor", "alice@acme.example", "--artifact", artifact, "--root", programme.Root }, new StringWriter(), () => Now);
        AuditCommand.Run(new[] { "append", "--type", "deploy", "--actor", "alice@acme.example", "--artifact", artifact, "--root", programme.Root }, new StringWriter(), () => Now.AddMinutes(5));
        var log = Path.Combine(programme.Root, AuditLog.DefaultPath);
        var lines = File.ReadAllLines(log);
        File.WriteAllLines(log, new[] { lines[0], "{\"seq\": 2, \"type\": \"deploy\", not json", lines[1] });

        var output = new StringWriter();
        var errors = new StringWriter();
        Assert.Equal(1, AuditCommand.Run(new[] { "query", "--type", "deploy", "--root", programme.Root }, output, () => Now, errors));
        Assert.StartsWith("evidence/audit/audit-log.jsonl(2,1): error CMP2201: ", errors.ToString());
        Assert.Contains("may be incomplete or altered", errors.ToString());
        Assert.StartsWith("2 event(s)", output.ToString());

        var scope = new StringWriter();
        errors = new StringWriter();
        Assert.Equal(1, IncidentCommand.Run(new[] { "scope", "--since", "2026-10-25", "--until", "2026-11-05", "--root", programme.Root }, scope, errors));
        Assert.StartsWith("evidence/audit/audit-log.jsonl(2,1): error CMP2201: ", errors.ToString());

        // Intact again: no warning, exit code 0.
        File.WriteAllLines(log, lines);
        errors = new StringWriter();
        Assert.Equal(0, AuditCommand.Run(new[] { "query", "--root", programme.Root }, new StringWriter(), () => Now, errors));
        Assert.Equal(string.Empty, errors.ToString());
    }

    [Fact]
    public void A_deploy_that_did_not_go_through_an_allowing_decision_fails_the_build_until_an_active_person_reviews_it()
    {
        using var programme = WithRunners();
        var artifact = "sha256:" + new string('6', 64);
        Assert.Equal(1, Gate(programme, "--actor", "alice@acme.example", "--service", "unknown.example", "--runner", "prod", "--runner-signed", "--artifact", artifact).Exit);
        var denied = AuditLog.ForRoot(programme.Root).Read().Single().Hash;
        Assert.Equal(0, Gate(programme, "--actor", "alice@acme.example", "--service", "kms.cloud.example", "--runner", "prod", "--runner-signed", "--artifact", artifact).Exit);
        var allowed = AuditLog.ForRoot(programme.Root).Read().Last().Hash;

        void Append(params string[] args) => Assert.Equal(0, AuditCommand.Run(args.Concat(new[] { "--root", programme.Root }).ToArray(), new StringWriter(), () => Now.AddMinutes(5)));
        Append("append", "--type", "deploy", "--actor", "alice@acme.example", "--artifact", artifact, "--field", $"gate-decision={allowed}");
        Append("append", "--type", "deploy", "--actor", "alice@acme.example", "--artifact", artifact, "--field", $"gate-decision={denied}");
        Append("append", "--type", "deploy", "--actor", "alice@acme.example", "--artifact", "sha256:" + new string('7', 64), "--field", $"gate-decision={allowed}");
        Append("append", "--type", "deploy", "--actor", "alice@acme.example", "--artifact", artifact);
        var events = AuditLog.ForRoot(programme.Root).Read();

        var lines = TestProgramme.Lines(programme.Check(), rulePrefix: "CMP2204");
        Assert.Equal(new[]
        {
            $"evidence/audit/audit-log.jsonl(4,1): error CMP2204: The deploy at line 4 (seq 4, 2026-11-01, by alice@acme.example, {artifact}) did not go through an allowing gate decision: the gate denied it. No review of it is recorded. Fix: {Model.Diagnostics.Rules.DeployWithoutAllowingDecision.Fix}",
            $"evidence/audit/audit-log.jsonl(5,1): error CMP2204: The deploy at line 5 (seq 5, 2026-11-01, by alice@acme.example, sha256:{new string('7', 64)}) did not go through an allowing gate decision: the gate decision it names was for another artifact. No review of it is recorded. Fix: {Model.Diagnostics.Rules.DeployWithoutAllowingDecision.Fix}",
            $"evidence/audit/audit-log.jsonl(6,1): error CMP2204: The deploy at line 6 (seq 6, 2026-11-01, by alice@acme.example, {artifact}) did not go through an allowing gate decision: it names no gate decision. No review of it is recorded. Fix: {Model.Diagnostics.Rules.DeployWithoutAllowingDecision.Fix}",
        }, lines);

        // A review without a reason does not count; one with a reason by an active person clears its deploy.
        Append("append", "--type", "deploy-reviewed", "--actor", "alice@acme.example", "--field", $"deploy={events[3].Hash}");
        Append("append", "--type", "deploy-reviewed", "--actor", "alice@acme.example", "--field", $"deploy={events[4].Hash}", "--field", "reason=Wrong digest typed by hand; the deployed image was the allowed one (INC-7).");
        Append("append", "--type", "deploy-reviewed", "--actor", "alice@acme.example", "--field", $"deploy={events[5].Hash}", "--field", "reason=Break-glass restore during INC-8, approved by the security officer.");

        lines = TestProgramme.Lines(programme.Check(), rulePrefix: "CMP2204");
        Assert.Single(lines);
        Assert.StartsWith("evidence/audit/audit-log.jsonl(4,1): error CMP2204: ", lines[0]);
    }
}
