using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Compliance.Engine;
using Compliance.Engine.Checks;
using Compliance.Engine.Collection;
using Compliance.Engine.Evidence;
using Compliance.Engine.Git;
using Compliance.Engine.Loading;

// usage: Compliance.CollectBench collect N | reconcile USERS GROUPS
// collect: N controls, each with one requirement whose collector is '/bin/echo ok'; times the plan (the
//   check), the collection, and the same N process starts done directly, so the difference is the
//   toolkit's own overhead per artifact.
// reconcile: a SCIM export of USERS users in GROUPS groups against a registry of USERS people.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Compliance.CollectBench collect N | reconcile USERS GROUPS");
    return 2;
}

var root = Path.Combine(Path.GetTempPath(), $"compliance-collect-bench-{Guid.NewGuid():N}");
var asOf = new DateOnly(2026, 11, 1);
var now = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
try
{
    return args[0] switch
    {
        "collect" => Collect(int.Parse(args[1])),
        "reconcile" => Reconcile(int.Parse(args[1]), int.Parse(args[2])),
        _ => 2,
    };
}
finally
{
    Directory.Delete(root, recursive: true);
}

int Collect(int n)
{
    Write("controls/programme.yaml", "programme:\n  id: bench\n  name: Bench\n  scope:\n    - framework: mini\n");
    Write("controls/frameworks/mini.yaml", "framework:\n  id: mini\n  title: Mini\nrequirements:\n  - id: M-1\n    title: One\n    kind: standard\n");
    Write("policies/people.yaml", "people:\n  - id: alice\n    name: Alice\n    email: alice@bench.example\n    role: Owner\n    phi_access: false\n    status: active\n");
    var controls = new StringBuilder("controls:\n");
    for (var i = 0; i < n; i++)
    {
        controls.Append($"  - id: C-{i:D5}\n    title: Control {i}\n    description: Trivial.\n    owner: alice\n    status: implemented\n    maps_to: [M-1]\n    evidence:\n")
            .Append($"      - id: r\n        description: Trivial.\n        collection: automated\n        freshness_days: 30\n        collector:\n          job: bench\n          run: [/bin/echo, ok]\n          output: out-{{date}}.txt\n");
    }

    Write("controls/controls.yaml", controls.ToString());
    var watch = Stopwatch.StartNew();
    var check = ComplianceCheck.Run(new CheckOptions(root, asOf));
    var planned = CollectionPlan.Select(check, CollectionMode.Due, null);
    var planMs = watch.Elapsed.TotalMilliseconds;

    watch.Restart();
    var collectCpu = Process.GetCurrentProcess().TotalProcessorTime;
    var outcomes = EvidenceCollection.Run(root, check.Programme, planned, () => now, _ => null);
    var collectMs = watch.Elapsed.TotalMilliseconds;
    var collectCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - collectCpu).TotalMilliseconds;
    var collected = outcomes.Count(o => o.Collected);

    watch.Restart();
    for (var i = 0; i < n; i++)
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/echo", "ok") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false })!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
    }

    var spawnMs = watch.Elapsed.TotalMilliseconds;

    // The runner alone (limits, clean environment, staging file), without storing or the audit log.
    watch.Restart();
    var staging = Path.Combine(root, "staging.tmp");
    foreach (var item in planned)
    {
        CollectorProcess.Run(root, item.Collector, staging, _ => null);
        File.Delete(staging);
    }

    Console.WriteLine($"runner alone: {watch.Elapsed.TotalMilliseconds / n:0.00} ms each");
    // The log already holds the n events of the collection: an append's cost must not grow with it.
    watch.Restart();
    var window = Math.Max(1, n / 10);
    double firstMs = 0;
    for (var i = 0; i < n; i++)
    {
        Compliance.Engine.Audit.AuditLog.ForRoot(root).Append("bench", "job:bench", null, new System.Collections.Generic.Dictionary<string, string>(), () => now);
        if (i == window - 1)
        {
            firstMs = watch.Elapsed.TotalMilliseconds;
        }

        if (i == n - window - 1)
        {
            watch.Restart();
        }
    }

    Console.WriteLine($"audit append alone: {firstMs / window:0.00} ms each with {n}-{n + window} events in the log, {watch.Elapsed.TotalMilliseconds / window:0.00} ms each with {2 * n - window}-{2 * n} events");
    Console.WriteLine($"collect {n}: plan (whole check) {planMs:0} ms; collected {collected}/{planned.Count} in {collectMs:0} ms ({collectMs / n:0.00} ms each); bare process starts {spawnMs:0} ms ({spawnMs / n:0.00} ms each); toolkit overhead {(collectMs - spawnMs) / n:0.00} ms per artifact; the collect's own CPU {collectCpuMs / n:0.00} ms per artifact (child processes excluded)");
    return collected == n ? 0 : 1;
}

int Reconcile(int users, int groups)
{
    Write("controls/programme.yaml", "programme:\n  id: bench\n  name: Bench\n  scope:\n    - framework: mini\n  identity_provider:\n    phi_groups: [group-0, group-1, group-2]\n    access_review: C-1/idp\n");
    Write("controls/frameworks/mini.yaml", "framework:\n  id: mini\n  title: Mini\nrequirements:\n  - id: M-1\n    title: One\n    kind: standard\n");
    Write("controls/controls.yaml", "controls:\n  - id: C-1\n    title: Access\n    description: Review.\n    owner: p00000\n    status: implemented\n    maps_to: [M-1]\n    evidence:\n      - id: idp\n        description: SCIM.\n        collection: automated\n        freshness_days: 90\n");
    var people = new StringBuilder("people:\n");
    var scim = new StringBuilder("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":").Append(users + groups).Append(",\"Resources\":[");
    for (var i = 0; i < users; i++)
    {
        var phi = i % groups < 3;
        people.Append($"  - id: p{i:D5}\n    name: Person {i}\n    email: p{i:D5}@bench.example\n    role: Staff\n    phi_access: {(phi ? "true" : "false")}\n    status: active\n");
        scim.Append(i == 0 ? string.Empty : ",").Append($"{{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"id\":\"u{i}\",\"userName\":\"p{i:D5}@bench.example\",\"active\":true,\"emails\":[{{\"value\":\"p{i:D5}@bench.example\"}}]}}");
    }

    for (var g = 0; g < groups; g++)
    {
        var members = Enumerable.Range(0, users).Where(i => i % groups == g).Select(i => $"{{\"value\":\"u{i}\"}}");
        scim.Append($",{{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"id\":\"g{g}\",\"displayName\":\"group-{g}\",\"members\":[{string.Join(",", members)}]}}");
    }

    Write("policies/people.yaml", people.ToString());
    Write("evidence/c-1/idp/scim.json", scim.Append("]}").ToString());
    var sha = EvidenceInventory.Sha256(Path.Combine(root, "evidence/c-1/idp/scim.json"));
    Write("evidence/c-1/idp/scim.json.evidence.yaml", $"evidence:\n  artifact: scim.json\n  control: C-1\n  requirement: idp\n  collected_on: 2026-10-31\n  collector: p00000\n  sha256: {sha}\n");

    var watch = Stopwatch.StartNew();
    var programme = ProgrammeLoader.Load(root);
    var loadMs = watch.Elapsed.TotalMilliseconds;
    var provenance = Provenance.Unavailable("benchmark");
    var artifacts = EvidenceInventory.Build(root, programme, provenance);
    var context = new CheckContext(new CheckOptions(root, asOf), programme, provenance, artifacts);
    var evidence = EvidenceChecks.Run(context, EvidenceFolderScan.Scan(root));
    watch.Restart();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var review = AccessReviewChecks.Run(context, evidence)!;
    var reconcileMs = watch.Elapsed.TotalMilliseconds;
    var reconcileCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
    Console.WriteLine($"reconcile {users} users / {groups} groups / {programme.People.Count} people: read + reconcile {reconcileMs:0} ms wall, {reconcileCpuMs:0} ms CPU ({review.Findings.Count} findings); loading the programme (people.yaml parse) {loadMs:0} ms");
    return review.Findings.Count == 0 ? 0 : 1;
}

void Write(string relative, string content)
{
    var path = Path.Combine(root, relative);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllText(path, content);
}
