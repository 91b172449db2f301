#!/usr/bin/env bash
# OwnVoice on Windows, built and tested on Debian: cross-builds the dependencies (once,
# cached in build/windows-deps), the host, the CLI and the Windows tests with MinGW-w64,
# runs them under Wine, builds the MSI with wixl, installs it with msiexec under Wine,
# talks to the installed host, uninstalls it and checks that nothing is left.
#   scripts/test-windows.sh            everything
#   scripts/test-windows.sh --no-msi   without the MSI part
# Needs: scripts/deps.sh test (the `windows` packages). Prints its duration.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
start=$(date +%s)
export WINEPREFIX=$root/build/wine-prefix WINEDEBUG=-all DISPLAY= WINEDLLOVERRIDES="mscoree,mshtml="
step() { echo "== test-windows: $1 ($(($(date +%s) - start)) s)"; }

step "dependencies"
scripts/windows-deps.sh

step "Wine prefix"
[[ -f $WINEPREFIX/system.reg ]] || wineboot -i >/dev/null 2>&1
# A running wineserver makes each Wine start ~0.1 s instead of ~1-3 s.
wineserver -p 2>/dev/null || true
wine wineboot >/dev/null 2>&1 || true
trap 'wineserver -k >/dev/null 2>&1 || true' EXIT

step "configure and build (preset windows)"
cmake --preset windows >/dev/null
# The executables, the Windows-specific tests (tests/windows) and the portable unit tests
# of text, policy, checks and engine plus the corpus figures, all run under Wine below.
cmake --build --preset windows --target ownvoice ownvoice-host ownvoice_windows_tests ownvoice_unit_tests test_corpus

step "tests under Wine"
ctest --preset windows

if [[ "${1:-}" != --no-msi ]]; then
  step "MSI"
  cmake --build --preset windows --target msi
  tests/windows/test_msi.sh "$root/build/windows"
fi
step "done in $(($(date +%s) - start)) s"
