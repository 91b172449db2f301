#!/usr/bin/env bash
# README command 2: the whole test suite.
#   1. the release build with warnings as errors, and every CTest test (unit, protocol,
#      log reliability, install, corpus precision/recall);
#   2. the unit tests again under AddressSanitizer + UndefinedBehaviorSanitizer;
#   3. each libFuzzer target for a bounded time (FUZZ_SECONDS, default 30);
#   4. the extension's unit tests and the browser end-to-end tests (Chromium, Firefox).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
scripts/deps.sh test
step() { printf '\n=== %s ===\n' "$*"; }
start=$(date +%s)

step "build (warnings are errors) and CTest"
cmake --preset ci >/dev/null
cmake --build --preset ci
ctest --preset ci --timeout 300

step "unit tests under ASan + UBSan"
cmake --preset asan >/dev/null
cmake --build --preset asan
ctest --preset asan --timeout 300

if [[ -x tests/fuzz/run_all.sh ]]; then
  step "fuzzing (${FUZZ_SECONDS:-30} s per target)"
  tests/fuzz/run_all.sh "${FUZZ_SECONDS:-30}"
fi

if [[ -f package.json ]]; then
  step "extension and browser end-to-end tests"
  [[ -d node_modules ]] || npm ci --no-audit --no-fund
  OWNVOICE_HOST_BIN="$root/build/ci/host/app/ownvoice-host" OWNVOICE_CLI_BIN="$root/build/ci/host/app/ownvoice" npm test
fi
echo
echo "whole suite: $(( $(date +%s) - start )) s"
