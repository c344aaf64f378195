#!/usr/bin/env bash
# Issue 15's side-by-side benchmark: the CLI at a base commit (A) against the current tree (B), timed
# alternately (A B A B ...) on the same synthetic programmes, with each ratio B/A printed.
#
#   bench/compare.sh [--base COMMIT] [--pairs N] [--sizes 1x,4x,16x] [--b-cli native|tool] [--no-build-bench | --build-only] [--keep]
#
# --base     the commit to compare against (default 08eff7c, where issue 15 starts)
# --pairs    how many A B pairs per measure (default 5)
# --sizes    which programmes: 1x is 2,000 controls and 200 policies, 4x and 16x scale both (default 1x,4x,16x)
# --b-cli    which CLI of B: native, the Native AOT executable that B's own gate runs on a machine of its
#            ComplianceNativeRuntime (the default there), or tool, the portable ReadyToRun publish that the tool
#            package ships (the default elsewhere). A is always its tool publish.
# --no-build-bench  skip the warm `dotnet build` of the example programme
# --build-only      only the warm `dotnet build` of the example programme (no CLI publish, no synthetic programmes)
#
# Measures, for each size: the check alone; the check with its site (wall and peak RSS, from /usr/bin/time -v);
# the site's pages per second (the CLI's own render figure). Then, once: `dotnet build` of the example
# programme (src/Larkspur.Programme), warm, with one file touched before each build.
#
# Both trees are temporary clones that share this repository's objects (git clone --shared), so nothing is
# written to this repository or its worktrees. B is HEAD with the working tree's changes copied over it.
# Each CLI is published (Release) as the tool package ships it, or B's, by default, as its gate runs it. The
# programmes (bench/Compliance.Bench write --plain: each control maps one requirement of one synthetic framework, 10 controls per policy,
# active owners, no evidence) are committed to git with a fixed identity and date.
# Other load on the machine distorts wall-clock figures: alternating A and B spreads it over both sides,
# the load average is printed beside each pair, and the CPU time (user + system) of the whole process tree
# (bench/tree_cpu.py, which also counts the MSBuild nodes a build leaves unwaited) is reported beside the wall
# time, being less sensitive to waiting for a core.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)

base=08eff7c
pairs=5
sizes=1x,4x,16x
build_bench=1
keep=0
b_cli=
while [ $# -gt 0 ]; do
  case "$1" in
    --base) base=$2; shift 2 ;;
    --pairs) pairs=$2; shift 2 ;;
    --sizes) sizes=$2; shift 2 ;;
    --no-build-bench) build_bench=0; shift ;;
    --build-only) sizes=; shift ;;
    --keep) keep=1; shift ;;
    --b-cli) b_cli=$2; shift 2 ;;
    *) echo "usage: bench/compare.sh [--base COMMIT] [--pairs N] [--sizes 1x,4x,16x] [--b-cli native|tool] [--no-build-bench | --build-only] [--keep]" >&2; exit 2 ;;
  esac
done
case "$pairs" in ''|*[!0-9]*|0) echo "--pairs takes a positive whole number, not '$pairs'" >&2; exit 2 ;; esac
git -C "$here" rev-parse --verify -q "$base^{commit}" >/dev/null || { echo "--base: '$base' is not a commit here" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
work=$(mktemp -d "${TMPDIR:-/tmp}/compliance-compare.XXXXXX")
[ "$keep" = 1 ] || trap 'rm -rf "$work"' EXIT
echo "== work folder $work; A = $(git -C "$here" rev-parse --short "$base"), B = the current tree ($(git -C "$here" rev-parse --short HEAD) + changes)"

# A temporary clone at COMMIT.
clone() {
  git clone -q --shared --no-checkout "$here" "$work/$1"
  git -C "$work/$1" -c advice.detachedHead=false checkout -q "$2"
}
clone A "$base"
clone B HEAD
(cd "$here" && git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
  if [ -f "$f" ]; then mkdir -p "$work/B/$(dirname "$f")"; cp -p "$f" "$work/B/$f"; fi
done)

native_rid=$(dotnet msbuild "$here/src/Compliance.Cli" -getProperty:ComplianceNativeRuntime 2>/dev/null || true)
sdk_rid=$(dotnet msbuild "$here/src/Compliance.Cli" -getProperty:NETCoreSdkRuntimeIdentifier 2>/dev/null || true)
if [ -z "$b_cli" ]; then
  if [ -n "$native_rid" ] && [ "$native_rid" = "$sdk_rid" ]; then b_cli=native; else b_cli=tool; fi
fi
case "$b_cli" in native|tool) ;; *) echo "--b-cli: '$b_cli' is not native or tool" >&2; exit 2 ;; esac
echo "== B's CLI: $b_cli"
if [ -n "$sizes" ]; then
  for side in A B; do
    if [ "$side" = B ] && [ "$b_cli" = native ]; then
      echo "== publishing the native CLI of B (Release), as its gate does"
      dotnet build "$work/B/src/Compliance.Cli" -c Release -t:'Build;ComplianceGateCli' -nologo -v q -clp:NoSummary >/dev/null
      cp -r "$work/B/src/Compliance.Cli/obj/Release/net10.0/native-$native_rid" "$work/B-cli"
      cli_B=("$work/B-cli/compliance")
    else
      echo "== publishing the CLI of $side (Release)"
      dotnet publish "$work/$side/src/Compliance.Cli" -c Release -p:UseAppHost=false -o "$work/$side-cli" -nologo -v q -clp:NoSummary >/dev/null
      if [ "$side" = A ]; then cli_A=(dotnet "$work/A-cli/compliance.dll"); else cli_B=(dotnet "$work/B-cli/compliance.dll"); fi
    fi
  done
  dotnet build "$here/bench/Compliance.Bench" -c Release -nologo -v q -clp:NoSummary >/dev/null
fi
writer=$here/bench/Compliance.Bench/bin/Release/net10.0/Compliance.Bench.dll

# write_programme SIZE: 2,000 controls and 200 policies per 1x; a requirement per four controls.
write_programme() {
  local factor=${1%x} dir=$work/programme-$1
  local controls=$(( 2000 * factor ))
  dotnet "$writer" write --out "$dir" --plain --controls "$controls" --policies $(( controls / 10 )) \
    --requirements $(( controls / 4 )) --control-files $(( controls / 100 )) --people 100 >/dev/null
  (
    cd "$dir"
    export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.invalid GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.invalid
    export GIT_AUTHOR_DATE=2026-10-01T12:00:00Z GIT_COMMITTER_DATE=2026-10-01T12:00:00Z GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
    git -c init.defaultBranch=main init -q && git add -A && git -c commit.gpgsign=false commit -qm "Synthetic programme"
  )
}

results=$work/results.tsv
: >"$results"
# run SIDE MEASURE SIZE PAIR COMMAND...: wall seconds and peak RSS into results.tsv.
run() {
  local side=$1 measure=$2 size=$3 pair=$4
  shift 4
  # CPU of the whole process tree (bench/tree_cpu.py): /usr/bin/time misses the MSBuild nodes that a build leaves unwaited.
  python3 "$here/bench/tree_cpu.py" --out "$work/cpu" -- /usr/bin/time -v -o "$work/time" "$@" >"$work/out" 2>&1 || true
  local wall rss pages cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$work/time")
  rss=$(awk '/Maximum resident set size/ { printf "%.0f", $NF / 1024 }' "$work/time")
  cpu=$(cat "$work/cpu")
  pages=$(sed -n 's/^Rendered .*(\([0-9]*\) pages\/s.*/\1/p' "$work/out")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$measure" "$size" "$side" "$pair" "$wall" "$rss" "${pages:-}" "$cpu" >>"$results"
  printf '  %-7s %-6s %s pair %s: %6.2f s wall, %6.2f s CPU, peak %5s MiB%s\n' "$size" "$measure" "$side" "$pair" "$wall" "$cpu" "$rss" "${pages:+, $pages pages/s}"
}

for size in ${sizes//,/ }; do
  case "$size" in 1x|4x|16x) ;; *) echo "--sizes: '$size' is not one of 1x, 4x, 16x" >&2; exit 2 ;; esac
  echo "== $size: writing the programme"
  write_programme "$size"
  prog=$work/programme-$size
  "${cli_A[@]}" check --root "$prog" --as-of 2026-11-01 >/dev/null 2>&1 || true
  "${cli_B[@]}" check --root "$prog" --as-of 2026-11-01 >/dev/null 2>&1 || true
  for pair in $(seq 1 "$pairs"); do
    echo "  (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    run A check "$size" "$pair" "${cli_A[@]}" check --root "$prog" --as-of 2026-11-01
    run B check "$size" "$pair" "${cli_B[@]}" check --root "$prog" --as-of 2026-11-01
    run A site "$size" "$pair" "${cli_A[@]}" site --root "$prog" --as-of 2026-11-01 --out "$work/site-$size-A-$pair"
    run B site "$size" "$pair" "${cli_B[@]}" site --root "$prog" --as-of 2026-11-01 --out "$work/site-$size-B-$pair"
  done
  # Sites are deleted only after the size's last pair: on ext4 without a journal (this VM), creating files
  # soon after a large deletion scans the freed inodes, which charged each run for the previous run's clean-up.
  rm -rf "$prog" "$work"/site-"$size"-*
done

if [ "$build_bench" = 1 ]; then
  touched=controls/programme.yaml
  for side in A B; do
    echo "== building the example programme of $side (Release, cold)"
    dotnet build "$work/$side/src/Larkspur.Programme" -c Release -nologo -v q -clp:NoSummary >/dev/null 2>&1 || true
  done
  for pair in $(seq 1 "$pairs"); do
    echo "  (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    for side in A B; do
      touch "$work/$side/$touched"
      run "$side" build example "$pair" dotnet build "$work/$side/src/Larkspur.Programme" -c Release -nologo -v q -clp:NoSummary
    done
  done
fi

echo
echo "== ratios B/A (medians over $pairs pairs; machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), dotnet $(dotnet --version), $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg))"
python3 - "$results" <<'EOF'
import statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
keys = []
for measure, size, *_ in rows:
    if (measure, size) not in keys:
        keys.append((measure, size))
def median(measure, size, side, column):
    values = [float(r[column]) for r in rows if r[0] == measure and r[1] == size and r[2] == side and r[column]]
    return statistics.median(values) if values else None
print(f"| measure | size | A | B | B/A |")
print(f"| --- | --- | --- | --- | --- |")
for measure, size in keys:
    a, b = median(measure, size, "A", 4), median(measure, size, "B", 4)
    print(f"| {measure} (wall) | {size} | {a:.2f} s | {b:.2f} s | {b / a:.2f} |")
    a, b = median(measure, size, "A", 7), median(measure, size, "B", 7)
    print(f"| {measure} (CPU, user + system) | {size} | {a:.2f} s | {b:.2f} s | {b / a:.2f} |")
    if measure == "site":
        a, b = median(measure, size, "A", 5), median(measure, size, "B", 5)
        print(f"| site peak RSS | {size} | {a:.0f} MiB | {b:.0f} MiB | {b / a:.2f} |")
        a, b = median(measure, size, "A", 6), median(measure, size, "B", 6)
        if a and b:
            print(f"| site pages/s | {size} | {a:.0f} | {b:.0f} | {b / a:.2f} |")
EOF
