#!/usr/bin/env bash
# Gate benchmark (issue 3): the whole check, provenance included, against a baseline that only
# reads and parses every YAML file once, on 5,000 controls, 50,000 evidence files, 500 vendors,
# 300 policies and 50,000 commits. Target: check within 3x of the baseline.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${GATE_BENCH_DIR:-/tmp/compliance-gate-bench}
# GATE_BENCH_LAYOUT=sharded writes evidence/<area>/<control>/<req>/ instead of evidence/<control>/<req>/.
layout=${GATE_BENCH_LAYOUT:-flat}
if [ ! -d "$dir/.git" ]; then
  python3 bench/gate_history.py "$dir" --layout "$layout" "$@"
fi
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
dotnet build bench/Compliance.GateBench -c Release -v q -nologo >/dev/null
bin=bench/Compliance.GateBench/bin/Release/net10.0/Compliance.GateBench.dll
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), dotnet $(dotnet --version), $(date -u +%Y-%m-%d)"
echo "programme: $(git -C "$dir" rev-list --count HEAD) commits, $(find "$dir/evidence" -name '*.evidence.yaml' | wc -l) evidence sidecars"
# Warm the file cache once so both runs read from memory.
dotnet "$bin" baseline "$dir" >/dev/null
for mode in baseline check check-warm; do
  for run in 1 2; do /usr/bin/time -f "  (process peak RSS %M KiB, wall %e s)" dotnet "$bin" "$mode" "$dir"; done
done
