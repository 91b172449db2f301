#!/bin/bash
# Runs scripts/setup.sh as a newcomer on a browserless machine would: a temporary HOME
# with no browser profile, and a PATH from which every browser executable is removed.
# It reuses the tree under test (OWNVOICE_BUILD_DIR) so that the suite does not build the
# project a second time. Passes when setup.sh exits 0, installed both programs into the
# temporary ~/.local, registered no manifest, told how to register later, and printed the
# sample check's findings.
# usage: test_setup_no_browser.sh <source dir> <binary dir>
set -euo pipefail
SRC=$(cd "$1" && pwd)
BIN=$(cd "$2" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; echo "--- setup.sh output ---" >&2; cat "$WORK/out" >&2 || true; exit 1; }

# A PATH holding every program of this machine except the browsers.
mkdir -p "$WORK/path" "$WORK/home"
browsers='^(chromium|chromium-browser|google-chrome.*|chrome|microsoft-edge.*|msedge|brave.*|vivaldi.*|firefox.*)$'
IFS=: read -r -a dirs <<<"$PATH"
for d in "${dirs[@]}"; do
  [[ -d "$d" ]] || continue
  for f in "$d"/*; do
    name=${f##*/}
    [[ -x "$f" && ! -d "$f" ]] || continue
    [[ "$name" =~ $browsers ]] && continue
    [[ -e "$WORK/path/$name" ]] || ln -s "$f" "$WORK/path/$name"
  done
done
for b in chromium firefox google-chrome microsoft-edge; do
  if PATH="$WORK/path" command -v "$b" >/dev/null; then fail "could not hide $b from PATH"; fi
done

set +e
env -i HOME="$WORK/home" PATH="$WORK/path" LANG=C.UTF-8 OWNVOICE_BUILD_DIR="$BIN" \
  CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}" \
  bash "$SRC/scripts/setup.sh" >"$WORK/out" 2>&1
status=$?
set -e
[[ $status -eq 0 ]] || fail "setup.sh exited with $status"
[[ -x "$WORK/home/.local/bin/ownvoice" ]] || fail "ownvoice not installed in ~/.local/bin"
[[ -x "$WORK/home/.local/bin/ownvoice-host" ]] || fail "ownvoice-host not installed in ~/.local/bin"
grep -q "no browser was registered" "$WORK/out" || fail "setup.sh did not say that no browser was registered"
grep -q "ownvoice install --user --browsers" "$WORK/out" || fail "setup.sh did not say how to register later"
grep -q "ownvoice check on the sample post" "$WORK/out" || fail "setup.sh did not reach the sample check"
# The sample post holds two confidential terms of the example policy: the check really ran.
grep -qE "exit status 2" "$WORK/out" || fail "the sample check did not block the sample post"
if find "$WORK/home" -name 'org.ownvoice.host.json' | grep -q .; then fail "a manifest was written with no browser"; fi
echo "setup.sh reached the sample check with no browser (exit 0)"
