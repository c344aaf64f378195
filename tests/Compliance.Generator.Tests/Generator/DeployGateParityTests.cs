using System;
using System.Collections.Generic;
using System.Linq;
using Compliance.Engine.Deploy;
using Compliance.Generator.Tests.Infrastructure;
using Compliance.Model.Linking;
using Compliance.Model.Parsing;
using Xunit;
using static Compliance.Generator.Tests.Infrastructure.GeneratedAssembly;

namespace Compliance.Generator.Tests.Generator;

/// <summary>
/// The engine's 'compliance gate' and the generated DeployGate run the same cases over the same programme
/// and must give the same (rule, subject, message) lists: every deny rule, the BAA boundary days, a revoked
/// actor on the day of revocation, an unsigned runner and an unknown service.
/// </summary>
public sealed class DeployGateParityTests
{
    private const string Vendors = """
vendors:
  - id: cloud-co
    name: Cloud Co
    handles_phi: true
    services:
      - id: compute.cloud.example
        name: Compute
      - id: kms.cloud.example
        name: Key Management
    baa:
      signed_on: 2025-01-10
      effective_on: 2025-01-15
      expires_on: 2027-01-14
      evidence: evidence/baa/cloud-co-baa.pdf
    subcontractors: [backup-co, mail-co]
  - id: backup-co
    name: Backup Co
    handles_phi: true
    services:
      - id: backup.example
        name: Backups
    baa:
      signed_on: 2026-05-01
      effective_on: 2026-06-01
      expires_on: 2026-12-31
      evidence: evidence/baa/backup-co-baa.pdf
  - id: mail-co
    name: Mail Co
    handles_phi: false
    services:
      - id: smtp.mail.example
        name: Transactional e-mail
  - id: fax-co
    name: Fax Co
    handles_phi: true
    services:
      - id: fax.example
        name: Fax gateway
""";

    private static readonly (string Path, string Text)[] Files = Fixtures.Load("mini")
        .Select(f => f.Path == "policies/vendors.yaml" ? (f.Path, Vendors) : f)
        .ToArray();

    private static readonly Lazy<GeneratedAssembly> Generated = new(() => GeneratedAssembly.Load(GeneratorHarness.Run(Files)));

    private static readonly Lazy<LinkedProgramme> Linked = new(() =>
        ProgrammeLinker.Link(Files.Select(f => ProgrammeFileParser.Parse(GeneratorHarness.PathOf(f.Path), f.Text))));

    public static TheoryData<string, string, string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, string, string, bool>();
        void Add(string name, string actor, string services, string runner, bool signed) => data.Add(name, actor, services, runner, signed);

        // Actors: by ID, by e-mail in any case, unknown, revoked (before, on and after the day), without PHI access.
        Add("2026-06-01", "alice", "kms.cloud.example", "prod-runner", true);
        Add("2026-06-01", "ALICE@mini.example", "kms.cloud.example", "prod-runner", true);
        Add("2026-06-01", "bob@mini.example", "compute.cloud.example", "staging-runner", false);
        Add("2026-06-01", "mallory", "kms.cloud.example", "prod-runner", true);
        Add("2026-02-28", "carol", "smtp.mail.example", "staging-runner", false);
        Add("2026-03-01", "carol", "smtp.mail.example", "staging-runner", false);
        Add("2026-03-02", "carol@mini.example", "smtp.mail.example", "staging-runner", false);
        Add("2026-02-28", "carol", "kms.cloud.example", "prod-runner", true);
        // BAA boundaries: the day before effect, the first day, the last day and the day after expiry.
        Add("2025-01-14", "alice", "kms.cloud.example", "prod-runner", true);
        Add("2025-01-15", "alice", "kms.cloud.example", "prod-runner", true);
        Add("2027-01-14", "alice", "compute.cloud.example", "prod-runner", true);
        Add("2027-01-15", "alice", "compute.cloud.example", "prod-runner", true);
        // The PHI subcontractor's own BAA breaks the chain before it takes effect and after it ends.
        Add("2026-05-31", "alice", "kms.cloud.example", "prod-runner", true);
        Add("2026-12-31", "alice", "kms.cloud.example", "prod-runner", true);
        Add("2027-01-01", "alice", "kms.cloud.example", "prod-runner", true);
        Add("2026-05-31", "alice", "backup.example", "prod-runner", true);
        Add("2027-01-01", "alice", "backup.example", "prod-runner", true);
        // A vendor that handles PHI with no BAA; one that handles none needs none.
        Add("2026-06-01", "alice", "fax.example", "prod-runner", true);
        Add("2026-06-01", "alice", "smtp.mail.example", "prod-runner", true);
        // Unknown services, a repeated service, several at once, and none at all.
        Add("2026-06-01", "alice", "nowhere.example", "prod-runner", true);
        Add("2026-06-01", "alice", "kms.cloud.example,kms.cloud.example", "prod-runner", true);
        Add("2026-06-01", "alice", "nowhere.example,fax.example,kms.cloud.example", "prod-runner", true);
        Add("2026-06-01", "alice", "", "prod-runner", true);
        // Runners: unsigned on a runner that requires signing, one that does not, and an undeclared one.
        Add("2026-06-01", "alice", "kms.cloud.example", "prod-runner", false);
        Add("2026-06-01", "alice", "kms.cloud.example", "staging-runner", false);
        Add("2026-06-01", "alice", "kms.cloud.example", "staging-runner", true);
        Add("2026-06-01", "alice", "kms.cloud.example", "laptop", true);
        Add("2026-06-01", "alice", "kms.cloud.example", "PROD-RUNNER", true);
        // Every reason at once, and combinations across the boundaries.
        Add("2027-01-15", "carol", "nowhere.example,kms.cloud.example,fax.example", "prod-runner", false);
        Add("2027-01-15", "mallory", "backup.example", "laptop", false);
        Add("2025-01-14", "bob", "compute.cloud.example,smtp.mail.example", "staging-runner", false);
        Add("2026-03-01", "carol", "fax.example", "laptop", true);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Both_gates_give_the_same_decision(string day, string actor, string services, string runner, bool signed)
    {
        var asOf = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var list = services.Length == 0 ? Array.Empty<string>() : services.Split(',');

        var engine = DeployGate.Evaluate(Linked.Value, new DeployContext(actor, list, runner, signed), asOf);
        var generated = Generated.Value.Call("DeployGate", "Evaluate", Activator.CreateInstance(Generated.Value.Type("DeployContext"), actor, list, runner, signed)!, asOf);

        var generatedDenials = ((System.Collections.IEnumerable)Get(generated, "Denials")!).Cast<object>()
            .Select(d => ((string)Get(d, "RuleId")!, (string)Get(d, "Subject")!, (string)Get(d, "Message")!))
            .ToList();
        Assert.Equal(engine.Denials.Select(d => (d.RuleId, d.Subject, d.Message)).ToList(), generatedDenials);
        Assert.Equal(engine.Allowed, (bool)Get(generated, "Allowed")!);
    }

    [Fact]
    public void The_table_reaches_every_deny_rule()
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in Cases())
        {
            var services = ((string)row[2]).Length == 0 ? Array.Empty<string>() : ((string)row[2]).Split(',');
            var decision = DeployGate.Evaluate(Linked.Value, new DeployContext((string)row[1], services, (string)row[3], (bool)row[4]), DateOnly.Parse((string)row[0], System.Globalization.CultureInfo.InvariantCulture));
            reached.UnionWith(decision.Denials.Select(d => d.RuleId));
        }

        Assert.True(Cases().Count() >= 30);
        Assert.Equal(Compliance.Model.Diagnostics.Rules.All.Where(r => r.Stage == Compliance.Model.Diagnostics.RuleStage.Deploy).Select(r => r.Id), reached.OrderBy(id => id, StringComparer.Ordinal));
    }
}
