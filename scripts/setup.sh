#!/usr/bin/env bash
# README command 1: install the build dependencies, build, install for the current user
# (binaries in ~/.local/bin, browser host manifests in your home), and check the sample
# post with the example policy.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh build
cmake --preset default >/dev/null
cmake --build --preset default
cmake --install build --prefix "$HOME/.local" >/dev/null
bin="$HOME/.local/bin"
if "$bin/ownvoice" install --help >/dev/null 2>&1; then
  "$bin/ownvoice" install --user
fi
echo
echo "== ownvoice check on the sample post (example policy of the fictional company Lumetra) =="
set +e
"$bin/ownvoice" check --platform x --policy "$HOME/.local/share/ownvoice/policy.example.json" \
  "$HOME/.local/share/ownvoice/sample-post.txt"
status=$?
echo "(exit status $status: 0 ok, 1 warn, 2 block)"
exit 0
