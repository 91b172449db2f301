#!/usr/bin/env bash
# README command 1: install the build dependencies, build the two programs and what they
# install (not the tests), install them for the current user (binaries in ~/.local/bin, browser host
# manifests in your home), and check the sample post with the example policy.
#
# Exits 0 when the sample check ran (whatever its verdict), non-zero when a step before
# it failed. A machine with no browser yet (a server, a container) registers nothing and
# says how to register the host later.
#
# OWNVOICE_BUILD_DIR reuses an already configured build tree instead of the `default`
# preset's `build/` (the suite's own test of this script points it at the CI tree).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
scripts/deps.sh build

export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
build_dir=${OWNVOICE_BUILD_DIR:-build}
if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
  cmake --preset default -DOWNVOICE_TESTS=OFF -DOWNVOICE_BENCHMARKS=OFF >/dev/null
fi
# Everything `cmake --install` copies: with the tests and benchmarks off (the tree this
# script configures), that is the two programs and the enterprise templates.
cmake --build "$build_dir" -j2
cmake --install "$build_dir" --prefix "$HOME/.local" >/dev/null
bin="$HOME/.local/bin"
share="$HOME/.local/share/ownvoice"

echo
echo "== registering the host with your browsers =="
set +e
install_out=$("$bin/ownvoice" install --user 2>&1)
install_status=$?
set -e
printf '%s\n' "$install_out"
if ((install_status != 0)); then
  if grep -q "no supported browser found" <<<"$install_out"; then
    echo "No browser was found for you, so no browser was registered (nothing else is wrong)."
    echo "After installing Chrome, Chromium, Edge, Brave, Vivaldi or Firefox, register the host with:"
    echo "    $bin/ownvoice install --user                    # the browsers found then"
    echo "    $bin/ownvoice install --user --browsers chromium,firefox   # or name them"
  else
    echo "error: 'ownvoice install --user' failed (above); 'ownvoice doctor' explains each browser" >&2
    exit "$install_status"
  fi
fi

echo
echo "== ownvoice check on the sample post (example policy of the fictional company Lumetra) =="
set +e
"$bin/ownvoice" check --platform x --policy "$share/policy.example.json" "$share/sample-post.txt"
status=$?
set -e
echo "(exit status $status: 0 ok, 1 warn, 2 block)"
# 0, 1 and 2 are verdicts: the check ran. Anything else is a failure of the check itself.
((status <= 2)) || exit "$status"
exit 0
