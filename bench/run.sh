#!/usr/bin/env bash
# Generator benchmark: writes a synthetic programme (5,000 controls, 500 vendors, 300 policies, 200 people,
# one framework of 1,000 requirements), times a full `dotnet build` of it cold and warm, then times the
# generator in-process (a full run and one-file edits) and profiles where the compiler's time goes.
# Targets: a one-file edit re-runs the generator in under 100 ms; the full build takes under 30 s on 2 cores.
#
# Environment: BENCH_CONTROLS (5000), BENCH_VENDORS (500), BENCH_POLICIES (300), BENCH_PEOPLE (200),
# BENCH_ITERATIONS (20), BENCH_KEEP=1 keeps the programme, BENCH_SHUTDOWN_SERVERS=1 runs
# `dotnet build-server shutdown` before the cold build. That stops every build server on the machine,
# other users' too, so it is off by default: the measured builds use no server anyway (-nodeReuse:false,
# UseSharedCompilation=false), so each runs a fresh MSBuild and a fresh compiler process.
set -euo pipefail
cd "$(dirname "$0")/.."

controls=${BENCH_CONTROLS:-5000}
vendors=${BENCH_VENDORS:-500}
policies=${BENCH_POLICIES:-300}
people=${BENCH_PEOPLE:-200}
iterations=${BENCH_ITERATIONS:-20}

if [ ! -x /usr/bin/time ]; then
  apt-get install -y time >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "== building the bench (Release)"
dotnet build bench/Compliance.Bench -c Release -nologo -v q -clp:NoSummary >/dev/null
bench=bench/Compliance.Bench/bin/Release/net10.0/Compliance.Bench.dll

work=$(mktemp -d "${TMPDIR:-/tmp}/compliance-bench.XXXXXX")
if [ "${BENCH_KEEP:-0}" != 1 ]; then
  trap 'rm -rf "$work"' EXIT
fi
dir=$work/programme
echo "== writing the programme to $dir"
dotnet "$bench" write --out "$dir" --controls "$controls" --vendors "$vendors" --policies "$policies" --people "$people"

# The peak of the summed RSS of a process and all its descendants, sampled every 0.25 s, in KiB.
tree_peak() {
  local root=$1 out=$2 peak=0 now
  while kill -0 "$root" 2>/dev/null; do
    now=$(ps -eo pid=,ppid=,rss= | awk -v root="$root" '
      { parent[$1] = $2; rss[$1] = $3 }
      END { for (p in parent) { q = p; n = 0; while (q != root && (q in parent) && n++ < 64) q = parent[q]; if (q == root) sum += rss[p] } print sum + 0 }')
    [ "$now" -gt "$peak" ] && peak=$now
    sleep 0.25
  done
  echo "$peak" >"$out"
}

# build LABEL [EXTRA...]: one `dotnet build` of the programme under /usr/bin/time -v, with the tree sampler beside it.
build() {
  local label=$1
  shift
  /usr/bin/time -v -o "$work/$label.time" \
    dotnet build "$dir/Programme.csproj" -nologo -clp:NoSummary -clp:PerformanceSummary -tl:off \
      -nodeReuse:false -p:UseSharedCompilation=false "$@" >"$work/$label.log" 2>&1 &
  local pid=$!
  tree_peak "$pid" "$work/$label.tree" &
  local sampler=$!
  local status=0
  wait "$pid" || status=$?
  wait "$sampler" || true
  if [ "$status" != 0 ]; then
    echo "the $label build failed:" >&2
    tail -40 "$work/$label.log" >&2
    exit 1
  fi
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.1f", s }' "$work/$label.time")
  rss=$(awk '/Maximum resident set size/ { printf "%.0f", $NF / 1024 }' "$work/$label.time")
  tree=$(awk '{ printf "%.0f", $1 / 1024 }' "$work/$label.tree")
  csc=$(awk '$3 == "Csc" && $2 == "ms" { print $1; exit }' "$work/$label.log")
  printf -v "${label}_wall" '%s' "$wall"
  printf -v "${label}_rss" '%s' "$rss"
  printf -v "${label}_tree" '%s' "$tree"
  printf -v "${label}_csc" '%s' "$(awk -v ms="${csc:-0}" 'BEGIN { printf "%.1f", ms / 1000 }')"
  echo "   $label: ${wall} s wall, max RSS ${rss} MiB (largest process), ${tree} MiB (whole tree, sampled), Csc task $(awk -v ms="${csc:-0}" 'BEGIN { printf "%.1f", ms / 1000 }') s"
}

echo "== machine: $(nproc) cores, $(free -m | awk '/Mem:/ { printf "%.1f GiB", $2 / 1024 }'), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), dotnet $(dotnet --version), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "   load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "${BENCH_SHUTDOWN_SERVERS:-0}" = 1 ]; then
  dotnet build-server shutdown >/dev/null
fi
echo "== full dotnet build, cold (no obj/, no build server)"
build cold
echo "== full dotnet build, warm (one control title edited, obj/ kept)"
first=$(find "$dir/controls" -name 'controls-*.yaml' | sort | head -1)
edit() { sed -i "0,/^    title: /s//    title: Edited $1 - /" "$first"; }
edit 1
build warm
echo "== profile build: the compiler's own report of generator and analyzer time (ReportAnalyzer, detailed log)"
edit 2
build profile -p:ReportAnalyzer=true -v:d
generator_s=$(awk '/Compliance.Generator.ProgrammeGenerator$/ { print $1; exit }' "$work/profile.log")
generators_s=$(awk '/Total generator execution time/ { print $(NF-1); exit }' "$work/profile.log")
analyzers_s=$(awk '/Total analyzer execution time/ { print $(NF-1); exit }' "$work/profile.log")
echo "   ProgrammeGenerator ${generator_s} s; all generators ${generators_s} s; analyzers ${analyzers_s} s (they overlap the compile)"
echo "== what-if build: analyzers off (RunAnalyzers=false; generators still run)"
edit 3
build noanalyzers -p:RunAnalyzers=false

echo "== generator in-process: full runs and one-file edits ($iterations each)"
dotnet "$bench" incremental --dir "$dir" --iterations "$iterations" --full-runs 10 | tee "$work/incremental.txt"
echo "== one-file edit, stage by stage, in-process"
dotnet "$bench" stages --dir "$dir" --iterations "$iterations" | tee "$work/stages.txt"
echo "== compiler profile in-process (Roslyn from NuGet, one cold run): where a full compile's time goes"
dotnet "$bench" compile --dir "$dir" | tee "$work/compile.txt"
echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

result() { sed -n 's/.*RESULT //p' "$work/$1.txt" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k { print $2 }'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v + 0 < t + 0) ? "met" : "MISSED" }'; }

echo
echo "== summary ($controls controls, $vendors vendors, $policies policies, $people people)"
printf '%-52s %14s %10s %8s\n' "measurement" "figure" "target" "verdict"
printf '%-52s %14s %10s %8s\n' "full build, cold: wall clock" "${cold_wall} s" "< 30 s" "$(verdict "$cold_wall" 30)"
printf '%-52s %14s %10s %8s\n' "full build, warm (one file edited): wall clock" "${warm_wall} s" "< 30 s" "$(verdict "$warm_wall" 30)"
printf '%-52s %14s\n' "full build, cold: Csc task" "${cold_csc} s"
printf '%-52s %14s\n' "full build, cold: max RSS, largest process" "${cold_rss} MiB"
printf '%-52s %14s\n' "full build, cold: peak RSS, whole process tree" "${cold_tree} MiB"
printf '%-52s %14s\n' "full build, warm: max RSS / tree peak" "${warm_rss} / ${warm_tree} MiB"
printf '%-52s %14s\n' "in csc: ProgrammeGenerator / analyzers (profile build)" "${generator_s} / ${analyzers_s} s"
printf '%-52s %14s\n' "what-if, RunAnalyzers=false: wall / max RSS" "${noanalyzers_wall} s / ${noanalyzers_rss} MiB"
printf '%-52s %14s %10s %8s\n' "generator one-file edit (ide), median" "$(result incremental ide_edit_median_ms) ms" "< 100 ms" "$(verdict "$(result incremental ide_edit_median_ms)" 100)"
printf '%-52s %14s %10s %8s\n' "generator one-file edit (ide), p95" "$(result incremental ide_edit_p95_ms) ms" "< 100 ms" "$(verdict "$(result incremental ide_edit_p95_ms)" 100)"
printf '%-52s %14s %10s %8s\n' "generator one-file edit (build), median" "$(result incremental build_edit_median_ms) ms" "< 100 ms" "$(verdict "$(result incremental build_edit_median_ms)" 100)"
printf '%-52s %14s %10s %8s\n' "generator one-file edit (build), p95" "$(result incremental build_edit_p95_ms) ms" "< 100 ms" "$(verdict "$(result incremental build_edit_p95_ms)" 100)"
printf '%-52s %14s\n' "generator full run, warm: median / p95" "$(result incremental full_median_ms) / $(result incremental full_p95_ms) ms"
printf '%-52s %14s\n' "generator full run, first (cold JIT)" "$(result incremental full_first_ms) ms"
printf '%-52s %14s\n' "bench process peak working set" "$(result incremental peak_ws_mib) MiB"
printf '%-52s %14s\n' "edit stages: parse YAML / link / emit / parse C#" "$(result stages parse_yaml_ms) / $(result stages link_ms) / $(result stages emit_controls_ms) / $(result stages parse_generated_ms) ms"
printf '%-52s %14s\n' "compile profile: generate / parse / declare" "$(result compile generate_ms) / $(result compile parse_ms) / $(result compile declare_ms) ms"
printf '%-52s %14s\n' "compile profile: bind method bodies / emit" "$(result compile bind_bodies_ms) / $(result compile emit_ms) ms"
