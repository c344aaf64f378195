#!/usr/bin/env bash
# Collection benchmark (issue 13): 'collect --due' over N trivial collectors (toolkit overhead per
# artifact, target under 5 ms) and the access-review reconciliation of a SCIM export of USERS users
# in GROUPS groups against a registry of USERS people (target under 1 s).
# Small by default; the issue's sizes: COLLECTORS=1000 USERS=20000 SCIM_GROUPS=500 (not GROUPS: bash reserves it).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Compliance.CollectBench -c Release -v q -nologo | grep -E " error |rror\(s\)" >&2 || true
bin=bench/Compliance.CollectBench/bin/Release/net10.0/Compliance.CollectBench.dll
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), dotnet $(dotnet --version), $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$bin" collect "${COLLECTORS:-200}"
dotnet "$bin" reconcile "${USERS:-20000}" "${SCIM_GROUPS:-500}"
