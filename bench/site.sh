#!/usr/bin/env bash
# Audit-site benchmark: renders the static site of the synthetic programme (5,000 controls, 500 vendors,
# 300 policies, 200 people, 1,000 requirements; written by bench/Compliance.Bench) and reports render
# time, pages per second, CPU time, peak memory, the site's total size and the search index's size.
# Targets: at least 2,000 pages/s on 2 cores; a search index under 2 MB.
#
#   bench/site.sh [--record]      --record appends the figures to bench/RESULTS.md under "## Site".
#
# Environment: BENCH_CONTROLS (5000), BENCH_VENDORS (500), BENCH_POLICIES (300), BENCH_PEOPLE (200),
# BENCH_RUNS (3), BENCH_KEEP=1 keeps the programme and the sites.
# Render time is measured inside the CLI (from the check result to the last file written); the check
# itself is reported apart. Each run writes into a fresh folder. Other load on the machine distorts
# wall-clock figures, so the CPU time of the render and the load average are printed beside them.
# Every run's site is kept until the end: on ext4 without a journal (as on this VM), creating a file
# scans past every inode freed in the last minute (six minutes once its inode table block has been
# written again), so deleting one run's 6,500 files just before the next run added about 3.5 s of
# kernel CPU to that run (the render's own files being the same). A large deletion nearby in the
# minutes before the benchmark (a previous invocation's clean-up) can still slow a run: its process
# kernel time, printed with each run, shows it (about 1 s is normal).
set -euo pipefail
cd "$(dirname "$0")/.."

controls=${BENCH_CONTROLS:-5000}
vendors=${BENCH_VENDORS:-500}
policies=${BENCH_POLICIES:-300}
people=${BENCH_PEOPLE:-200}
runs=${BENCH_RUNS:-3}
record=0
[ "${1:-}" = "--record" ] && record=1

if [ ! -x /usr/bin/time ]; then
  apt-get install -y time >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "== building the CLI and the programme writer (Release)"
dotnet build src/Compliance.Cli -c Release -nologo -v q -clp:NoSummary >/dev/null
dotnet build bench/Compliance.Bench -c Release -nologo -v q -clp:NoSummary >/dev/null
cli=src/Compliance.Cli/bin/Release/net10.0/compliance.dll
writer=bench/Compliance.Bench/bin/Release/net10.0/Compliance.Bench.dll

work=$(mktemp -d "${TMPDIR:-/tmp}/compliance-site-bench.XXXXXX")
if [ "${BENCH_KEEP:-0}" != 1 ]; then
  trap 'rm -rf "$work"' EXIT
fi
programme=$work/programme
echo "== writing the programme to $programme"
dotnet "$writer" write --out "$programme" --controls "$controls" --vendors "$vendors" --policies "$policies" --people "$people"

# Provenance needs a repository: one commit with a fixed identity and date.
(
  cd "$programme"
  export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.invalid GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.invalid
  export GIT_AUTHOR_DATE=2026-10-01T12:00:00Z GIT_COMMITTER_DATE=2026-10-01T12:00:00Z GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
  git -c init.defaultBranch=main init -q
  git add -A
  git -c commit.gpgsign=false commit -qm "Synthetic programme"
)

results=$work/results.tsv
: >"$results"
for run in $(seq 1 "$runs"); do
  out=$work/site-$run
  sync
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v -o "$work/time-$run" dotnet "$cli" site --root "$programme" --as-of 2026-11-01 --out "$out" >"$work/out-$run"
  line=$(grep '^Rendered' "$work/out-$run")
  check=$(sed -n 's/^Check: .* in \([0-9]*\) ms.*/\1/p' "$work/out-$run")
  pages=$(echo "$line" | sed -n 's/^Rendered \([0-9]*\) pages.*/\1/p')
  ms=$(echo "$line" | sed -n 's/.* pages in \([0-9]*\) ms.*/\1/p')
  cpu=$(echo "$line" | sed -n 's/.*; \([0-9]*\) ms of CPU.*/\1/p')
  rss=$(awk '/Maximum resident set size/ { printf "%.0f", $NF / 1024 }' "$work/time-$run")
  sys=$(awk '/System time/ { printf "%.0f", $NF * 1000 }' "$work/time-$run")
  bytes=$(du -sb "$out" | cut -f1)
  files=$(find "$out" -type f | wc -l)
  index=$(stat -c %s "$out/assets/search-index.js")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$run" "$pages" "$ms" "$cpu" "$check" "$rss" "$bytes" "$files" "$index" >>"$results"
  echo "run $run: $pages pages in $ms ms ($(( pages * 1000 / ms )) pages/s), render CPU $cpu ms (process kernel time $sys ms), check $check ms, peak RSS $rss MiB, load $load"
done

# The median run by render time.
median=$(sort -t$'\t' -k3,3n "$results" | sed -n "$(( (runs + 1) / 2 ))p")
IFS=$'\t' read -r _ pages ms cpu check rss bytes files index <<<"$median"
machine="$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), dotnet $(dotnet --version), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
summary=$(cat <<EOF
## Site

\`bench/site.sh\` on $(date -u +%Y-%m-%d): the audit site of the synthetic programme ($controls controls, $vendors vendors, $policies policies, $people people, 1,000 requirements; one commit). Median of $runs runs, each into a fresh folder.
Machine: $machine.

| measure | value | target |
| --- | --- | --- |
| pages rendered | $pages ($files files) | |
| render time (check result to last file written) | $ms ms | |
| pages per second (wall clock) | $(( pages * 1000 / ms )) | ≥ 2,000 on 2 cores |
| render CPU time | $cpu ms ($(( pages * 1000 / (cpu > 0 ? cpu : 1) )) pages per CPU-second) | |
| the check before it (not part of the render) | $check ms | |
| peak memory of the process (max RSS) | $rss MiB | |
| total site size | $(( bytes / 1024 / 1024 )) MiB | |
| search index (assets/search-index.js) | $(( index / 1024 )) KiB | < 2 MB |
EOF
)
echo
echo "$summary"
if [ "$record" = 1 ]; then
  { [ -s bench/RESULTS.md ] && echo; echo "$summary"; } >>bench/RESULTS.md
  echo "(appended to bench/RESULTS.md)"
fi
