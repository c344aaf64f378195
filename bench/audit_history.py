#!/usr/bin/env python3
"""Audit-trail benchmark, part 1: the append-only history check (CMP2206).

Writes two git repositories with git fast-import, both ending with the same valid log of EVENTS events:
  many/  the log grew over COMMITS commits (EVENTS/COMMITS events each), head file updated every time;
  once/  the final log in a single commit.
Then times `compliance audit verify` on each (it verifies the chain and walks the history): the ratio
many/once is the cost of the history walk over reading and verifying the final log once (target <= 2x).

usage: audit_history.py OUT_DIR [--events 100000] [--commits 10000] [--runs 3] [--cli PATH/compliance.dll]
The full size streams every version into fast-import (about EVENTS*COMMITS*110 bytes, ~110 GB at
100,000/10,000); run it smaller on a shared machine, e.g. --events 4000 --commits 400.
"""
import argparse, hashlib, json, os, shutil, statistics, subprocess, sys, time

p = argparse.ArgumentParser()
p.add_argument("out")
p.add_argument("--events", type=int, default=100000)
p.add_argument("--commits", type=int, default=10000)
p.add_argument("--runs", type=int, default=3)
p.add_argument("--cli", default=os.path.join(os.path.dirname(__file__), "..", "src", "Compliance.Cli", "bin", "Release", "net10.0", "compliance.dll"))
a = p.parse_args()

def events(n):
    prev = "sha256:" + "0" * 64
    for seq in range(1, n + 1):
        body = {"seq": seq, "id": f"e{seq}", "time": f"2026-10-{1 + seq % 28:02d}T09:00:00.000Z", "type": "backup-restored",
                "actor": "job:backup", "fields": {"n": str(seq)}, "prev": prev}
        canonical = json.dumps(body, separators=(",", ":"))
        digest = "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()
        body["hash"] = digest
        prev = digest
        yield seq, digest, json.dumps(body, separators=(",", ":")) + "\n"

def write_repo(path, commits):
    shutil.rmtree(path, ignore_errors=True)
    subprocess.run(["git", "init", "-q", "-b", "main", path], check=True)
    fi = subprocess.Popen(["git", "fast-import", "--quiet"], cwd=path, stdin=subprocess.PIPE)
    per = max(1, a.events // commits)
    log, when, mark = [], 1_700_000_000, 0
    programme = b"programme:\n  id: bench\n  name: Bench\n  scope: []\n"
    for seq, digest, line in events(a.events):
        log.append(line)
        if seq % per != 0 and seq != a.events:
            continue
        text = "".join(log).encode()
        head = json.dumps({"seq": seq, "hash": digest}, separators=(",", ":")).encode() + b"\n"
        mark += 1
        out = [f"commit refs/heads/main\ncommitter Bench <bench@example.com> {when + mark} +0000\ndata 6\naudit\n".encode()]
        if mark == 1:
            out.append(b"M 100644 inline controls/programme.yaml\ndata %d\n%s\n" % (len(programme), programme))
        out.append(b"M 100644 inline evidence/audit/audit-log.jsonl\ndata %d\n%s\n" % (len(text), text))
        out.append(b"M 100644 inline evidence/audit/audit-log.jsonl.head\ndata %d\n%s\n" % (len(head), head))
        fi.stdin.write(b"".join(out))
    fi.stdin.close()
    if fi.wait() != 0:
        sys.exit("git fast-import failed")
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=path, check=True)
    subprocess.run(["git", "gc", "-q"], cwd=path, check=True)
    return mark

def time_verify(path):
    times = []
    for _ in range(a.runs):
        start = time.perf_counter()
        result = subprocess.run(["dotnet", a.cli, "audit", "verify", "--root", path], capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            sys.exit(f"audit verify failed in {path}: {result.stdout}{result.stderr}")
    return statistics.median(times), result.stdout.strip()

many = os.path.join(a.out, "many")
once = os.path.join(a.out, "once")
built = write_repo(many, a.commits)
write_repo(once, 1)
m, m_out = time_verify(many)
o, o_out = time_verify(once)
print(f"events={a.events} commits={built} runs={a.runs}")
print(f"history of {built} commits: median {m * 1000:.0f} ms  ({m_out})")
print(f"final log in one commit:    median {o * 1000:.0f} ms  ({o_out})")
print(f"ratio {m / o:.2f}x (target <= 2x)")
