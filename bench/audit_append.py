#!/usr/bin/env python3
"""Audit-trail benchmark, part 2: RUNNERS concurrent appenders, each running `compliance audit append --push`
APPENDS times from its own clone, against a local bare remote with receive.denyNonFastForwards and
receive.denyDeletes. Prints events/s and the p50/p95 latency of one append (process start to exit,
retries included).

usage: audit_append.py OUT_DIR [--runners 16] [--appends 25] [--cli PATH/compliance.dll]
"""
import argparse, os, shutil, statistics, subprocess, sys, threading, time

p = argparse.ArgumentParser()
p.add_argument("out")
p.add_argument("--runners", type=int, default=16)
p.add_argument("--appends", type=int, default=25)
p.add_argument("--cli", default=os.path.join(os.path.dirname(__file__), "..", "src", "Compliance.Cli", "bin", "Release", "net10.0", "compliance.dll"))
a = p.parse_args()

def git(*args, cwd=None):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)

shutil.rmtree(a.out, ignore_errors=True)
seed, bare = os.path.join(a.out, "seed"), os.path.join(a.out, "remote.git")
os.makedirs(os.path.join(seed, "controls"))
with open(os.path.join(seed, "controls", "programme.yaml"), "w") as f:
    f.write("programme:\n  id: bench\n  name: Bench\n  scope: []\n  audit_log:\n    ref: refs/heads/compliance-audit\n")
git("init", "-q", "-b", "main", seed)
git("-c", "user.name=b", "-c", "user.email=b@example.com", "commit", "-q", "--allow-empty", "-m", "seed", cwd=seed)
git("add", "-A", cwd=seed)
git("-c", "user.name=b", "-c", "user.email=b@example.com", "commit", "-q", "-m", "programme", cwd=seed)
git("init", "-q", "--bare", "-b", "main", bare)
for setting in ("receive.denyNonFastForwards", "receive.denyDeletes"):
    git("config", setting, "true", cwd=bare)
git("push", "-q", bare, "main", cwd=seed)
clones = []
for r in range(a.runners):
    clone = os.path.join(a.out, f"runner{r}")
    git("clone", "-q", bare, clone)
    clones.append(clone)

latencies, failures = [], []
lock = threading.Lock()
def runner(r):
    for n in range(a.appends):
        start = time.perf_counter()
        result = subprocess.run(["dotnet", a.cli, "audit", "append", "--type", "bench", "--actor", "job:bench", "--id", f"r{r}-e{n}", "--push", "--root", clones[r]], capture_output=True, text=True)
        with lock:
            latencies.append(time.perf_counter() - start)
            if result.returncode != 0:
                failures.append(result.stdout.strip())

start = time.perf_counter()
threads = [threading.Thread(target=runner, args=(r,)) for r in range(a.runners)]
for t in threads: t.start()
for t in threads: t.join()
wall = time.perf_counter() - start
count = int(subprocess.run(["git", "rev-list", "--count", "refs/heads/compliance-audit"], cwd=bare, capture_output=True, text=True).stdout.strip() or 0)
lat = sorted(latencies)
print(f"runners={a.runners} appends={a.appends} landed={count} failures={len(failures)} wall={wall:.1f}s")
print(f"events/s {count / wall:.2f}  p50 {statistics.median(lat) * 1000:.0f} ms  p95 {lat[int(0.95 * (len(lat) - 1))] * 1000:.0f} ms")
for f in failures[:3]: print("failure:", f)
