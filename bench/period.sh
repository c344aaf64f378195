#!/usr/bin/env bash
# Period benchmark (issue 17): a 12-month audit period (check --period) against one as-of check of the
# same repository, both walking the whole history without the provenance cache (a period never uses it).
# Target: the period check within 3x of the as-of check. The full-size history is the gate benchmark's
# (50,000 commits, 5,000 controls); PERIOD_BENCH_ARGS sizes a smaller one, e.g. for a loaded machine:
#   PERIOD_BENCH_ARGS="--controls 200 --evidence 2000 --commits 2000" bash bench/period.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${PERIOD_BENCH_DIR:-/tmp/compliance-period-bench}
layout=${GATE_BENCH_LAYOUT:-sharded}
if [ ! -d "$dir/.git" ]; then
  # shellcheck disable=SC2086
  python3 bench/gate_history.py "$dir" --layout "$layout" ${PERIOD_BENCH_ARGS:-}
fi
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
dotnet build bench/Compliance.GateBench -c Release -v q -nologo >/dev/null
bin=bench/Compliance.GateBench/bin/Release/net10.0/Compliance.GateBench.dll
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), dotnet $(dotnet --version), $(date -u +%Y-%m-%d), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "programme: $(git -C "$dir" rev-list --count HEAD) commits, $(find "$dir/evidence" -name '*.evidence.yaml' | wc -l) evidence sidecars"
dotnet "$bin" baseline "$dir" >/dev/null
for mode in check period; do
  for run in 1 2; do /usr/bin/time -f "  (process peak RSS %M KiB, wall %e s)" dotnet "$bin" "$mode" "$dir"; done
done
