#!/usr/bin/env bash
# README command 2: the whole test suite.
#   1. the release build with warnings as errors, and every CTest test (unit, protocol,
#      log reliability, install, corpus precision/recall);
#   2. the C++ layout (.clang-format) and clang-tidy (.clang-tidy) on the libraries and mains,
#      then the unit tests again under AddressSanitizer + UndefinedBehaviorSanitizer;
#   3. each libFuzzer target for a bounded time (FUZZ_SECONDS, default 30);
#   4. ESLint on the extension and its tooling, the extension's unit tests and the browser
#      end-to-end tests (Chromium, Firefox), one process per file; a browser test file that
#      fails is run once more and, if it then passes, named as FLAKY at the end
#      (scripts/run-node-tests.mjs);
#   5. the Windows build (MinGW-w64) and its tests and MSI under Wine;
#   6. the release artifacts (scripts/release.sh) and their checks (scripts/check_release.sh).
# Everything the suite needs is installed first (Debian packages, then node_modules from
# package-lock.json), so the steps can run in any order on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
start=$(date +%s)
step_start=$start
step() {
  local now; now=$(date +%s)
  printf '\n=== %s (previous step: %d s) ===\n' "$*" $((now - step_start))
  step_start=$now
}

step "dependencies (Debian packages, node_modules)"
scripts/deps.sh test
if [[ -f package.json ]] && { [[ ! -f node_modules/.package-lock.json ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; }; then
  npm ci --no-audit --no-fund
fi
# One compile cache for every tree of this checkout (the CI tree, the package test's
# tree): paths are hashed relative to the checkout, so identical compiles are reused.
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1

step "build (warnings are errors) and CTest"
cmake --preset ci >/dev/null
cmake --build --preset ci
ctest --preset ci --timeout 300

step "C++ lint: clang-format and clang-tidy (scripts/lint-cpp.sh)"
scripts/lint-cpp.sh build/ci

step "unit tests under ASan + UBSan"
cmake --preset asan >/dev/null
cmake --build --preset asan
ctest --preset asan --timeout 300

if [[ -x tests/fuzz/run_all.sh ]]; then
  step "fuzzing (${FUZZ_SECONDS:-30} s per target)"
  tests/fuzz/run_all.sh "${FUZZ_SECONDS:-30}"
fi

step "Windows: cross-build with MinGW-w64, tests and MSI under Wine (scripts/test-windows.sh)"
scripts/test-windows.sh

if [[ -f package.json ]]; then
  step "ESLint (eslint.config.mjs), then the extension and browser end-to-end tests"
  npm run --silent lint
  OWNVOICE_HOST_BIN="$root/build/ci/host/app/ownvoice-host" OWNVOICE_CLI_BIN="$root/build/ci/host/app/ownvoice" npm test
fi
step "release artifacts (scripts/release.sh into dist/, then their checks)"
scripts/release.sh --base-url https://ci.invalid/ownvoice
scripts/check_release.sh "dist/$(sed -nE 's/^project\(OwnVoice VERSION ([0-9.]+).*/\1/p' CMakeLists.txt)"

step "done"
echo "whole suite: $(( $(date +%s) - start )) s"
if [[ -s build/flaky-tests.txt ]]; then
  echo "FLAKY browser test files (failed once, passed when run again):"
  sed 's/^/  /' build/flaky-tests.txt
fi
command -v ccache >/dev/null && ccache --show-stats 2>/dev/null | grep -iE 'hit|miss' | head -4 || true
