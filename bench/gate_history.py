#!/usr/bin/env python3
"""Writes a synthetic programme for the gate benchmark, as a git repository built with git fast-import:
5,000 controls, 50,000 evidence files, 500 vendors, 300 policies, over 50,000 commits.

Commit 1 adds the programme; each later commit adds one evidence artifact and its sidecar (so every
commit touches evidence/, the worst case for the provenance walk), every 100th also revises a policy,
and a few delete an old artifact (retention findings). Dates run from 2019-01-01 to 2026-10-31.

usage: gate_history.py OUT_DIR [--controls 5000] [--evidence 50000] [--vendors 500] [--policies 300] [--commits 50000] [--layout flat|sharded]
"""
import argparse, datetime, hashlib, os, subprocess, sys

p = argparse.ArgumentParser()
p.add_argument("out")
p.add_argument("--controls", type=int, default=5000)
p.add_argument("--evidence", type=int, default=50000)
p.add_argument("--vendors", type=int, default=500)
p.add_argument("--policies", type=int, default=300)
p.add_argument("--people", type=int, default=200)
p.add_argument("--requirements", type=int, default=1000)
p.add_argument("--commits", type=int, default=50000)
p.add_argument("--layout", choices=["flat", "sharded"], default="flat",
               help="flat: evidence/<control>/<req>/ (5,000 folders in evidence/); sharded: evidence/<area>/<control>/<req>/ (100 areas of 50)")
a = p.parse_args()

os.makedirs(a.out, exist_ok=True)
subprocess.run(["git", "init", "-q", "-b", "main", a.out], check=True)
start = datetime.datetime(2019, 1, 1, 9, 0, tzinfo=datetime.timezone.utc)
end = datetime.datetime(2026, 10, 31, 9, 0, tzinfo=datetime.timezone.utc)
span = (end - start).total_seconds()
people = [f"p{i:03d}" for i in range(a.people)]

def files_initial():
    f = {}
    f["controls/programme.yaml"] = "programme:\n  id: bench\n  name: Bench Health\n  scope:\n    - framework: bench\n"
    reqs = ["framework:\n  id: bench\n  title: Bench framework\nrequirements:\n"]
    for r in range(a.requirements):
        reqs.append(f"  - id: R-{r:04d}\n    title: Requirement {r}\n    kind: standard\n    required: true\n")
    f["controls/frameworks/bench.yaml"] = "".join(reqs)
    per_file = 50
    for start_c in range(0, a.controls, per_file):
        out = ["controls:\n"]
        for c in range(start_c, min(a.controls, start_c + per_file)):
            out.append(f"  - id: C-{c:05d}\n    title: Control {c}\n    description: Synthetic control {c}.\n"
                       f"    owner: {people[c % len(people)]}\n    status: implemented\n"
                       f"    maps_to: [R-{c % a.requirements:04d}]\n    evidence:\n"
                       f"      - id: e1\n        description: First evidence.\n        collection: automated\n        freshness_days: 3650\n"
                       f"      - id: e2\n        description: Second evidence.\n        collection: manual\n        freshness_days: 3650\n")
        f[f"controls/area-{start_c // per_file:03d}.yaml"] = "".join(out)
    pp = ["people:\n"]
    for i, pid in enumerate(people):
        pp.append(f"  - id: {pid}\n    name: Person {i}\n    email: {pid}@bench.example\n    role: Engineer\n    phi_access: true\n    status: active\n")
    f["policies/people.yaml"] = "".join(pp)
    vv = ["vendors:\n"]
    for v in range(a.vendors):
        vv.append(f"  - id: v{v:03d}\n    name: Vendor {v}\n    handles_phi: true\n    services:\n      - id: svc{v:03d}.bench.example\n        name: Service {v}\n"
                  f"    baa:\n      signed_on: 2025-01-01\n      effective_on: 2025-01-01\n      expires_on: 2028-12-31\n      evidence: evidence/baa/v{v:03d}.md\n")
        f[f"evidence/baa/v{v:03d}.md"] = f"Signed BAA with Vendor {v}.\n"
    f["policies/vendors.yaml"] = "".join(vv)
    for i in range(a.policies):
        governs = ", ".join(f"C-{(i * 16 + k) % a.controls:05d}" for k in range(16))
        f[f"policies/pol-{i:03d}.md"] = (f"---\nid: POL-{i:03d}\ntitle: Policy {i}\nowner: {people[i % len(people)]}\nversion: \"1.0\"\n"
                                         f"approved_by: {people[(i + 1) % len(people)]}\napproved_on: 2026-06-01\nreview_interval_days: 365\n"
                                         f"governs: [{governs}]\n---\n# Policy {i}\n\nSynthetic policy text.\n")
    f["src/app.txt"] = "application code\n"
    return f

out = subprocess.Popen(["git", "-C", a.out, "fast-import", "--quiet"], stdin=subprocess.PIPE)
w = out.stdin

def data(b):
    w.write(b"data %d\n" % len(b)); w.write(b); w.write(b"\n")

def commit(n, when, msg, changes):
    t = int(when.timestamp())
    w.write(b"commit refs/heads/main\nmark :%d\n" % n)
    w.write(b"author Bench <bench@bench.example> %d +0000\ncommitter Bench <bench@bench.example> %d +0000\n" % (t, t))
    data(msg.encode())
    if n > 1:
        w.write(b"from :%d\n" % (n - 1))
    for path, content in changes:
        if content is None:
            w.write(b"D %s\n" % path.encode())
        else:
            w.write(b"M 100644 inline %s\n" % path.encode()); data(content.encode())

commit(1, start, "Programme", sorted(files_initial().items()))
added = []
for i in range(a.commits - 1):
    when = start + datetime.timedelta(seconds=span * (i + 1) / a.commits)
    changes = []
    if i < a.evidence:
        c, req, k = i % a.controls, "e1" if (i // a.controls) % 2 == 0 else "e2", i // (2 * a.controls)
        folder = f"evidence/c-{c:05d}/{req}" if a.layout == "flat" else f"evidence/area-{c // 50:03d}/c-{c:05d}/{req}"
        name = f"{when:%Y-%m-%d}-{i:05d}.json"
        body = f'{{"control": "C-{c:05d}", "requirement": "{req}", "collection": {k}, "sequence": {i}}}\n'
        sha = hashlib.sha256(body.encode()).hexdigest()
        side = (f"evidence:\n  artifact: {name}\n  control: C-{c:05d}\n  requirement: {req}\n  collected_on: {when:%Y-%m-%d}\n"
                f"  collector: job:bench\n  sha256: {sha}\n")
        changes += [(f"{folder}/{name}", body), (f"{folder}/{name}.evidence.yaml", side)]
        added.append(f"{folder}/{name}")
    else:
        changes.append(("src/app.txt", f"application code {i}\n"))
    if i % 100 == 0:
        pol = (i // 100) % a.policies
        changes.append((f"policies/pol-{pol:03d}.md", f"---\nid: POL-{pol:03d}\ntitle: Policy {pol}\nowner: {people[pol % len(people)]}\nversion: \"1.{i}\"\n"
                        f"approved_by: {people[(pol + 1) % len(people)]}\napproved_on: 2026-06-01\nreview_interval_days: 365\n"
                        f"governs: [C-{(pol * 16) % a.controls:05d}]\n---\n# Policy {pol}\n\nRevision {i}.\n"))
    if i % 10000 == 5000 and len(added) > 10:
        gone = added.pop(3)
        changes += [(gone, None), (gone + ".evidence.yaml", None)]
    commit(i + 2, when, f"Collect evidence {i}", changes)
w.close()
if out.wait() != 0:
    sys.exit("git fast-import failed")
subprocess.run(["git", "-C", a.out, "checkout", "-q", "-f", "main"], check=True)
print(f"wrote {a.out}: {a.controls} controls, {min(a.evidence, a.commits - 1)} evidence files, {a.vendors} vendors, {a.policies} policies, {a.commits} commits")
