#!/usr/bin/env bash
# Checks what scripts/release.sh wrote: checksums, the extension packages (web-ext lint;
# no source maps, tests or keys), the CRX and update manifests, the enterprise templates,
# the SBOM against ldd and CMake (scripts/release/artifacts.test.mjs), then the .deb itself:
# dpkg -i, ownvoice doctor, real frames, dpkg --purge leaves nothing
# (tests/install/test_deb.sh with OWNVOICE_DEB, root only: skipped loudly otherwise).
# usage: scripts/check_release.sh dist/<version>
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=$(cd "${1:?usage: scripts/check_release.sh dist/<version>}" && pwd)
VERSION=$(basename "$DIR")
for tool in node unzip sha256sum dpkg-deb; do command -v $tool >/dev/null || { echo "check_release: $tool is missing (apt-get install $tool)" >&2; exit 1; }; done
[[ -x node_modules/web-ext/bin/web-ext.js ]] || { echo "check_release: web-ext is missing: npm ci --no-audit --no-fund" >&2; exit 1; }

echo "=== artifacts of $VERSION ==="
OWNVOICE_RELEASE_DIR="$DIR" node --test scripts/release/artifacts.test.mjs

echo "=== the .deb: install, doctor, purge ==="
DEB=$(ls "$DIR"/ownvoice_"$VERSION"_*.deb)
status=0
OWNVOICE_DEB="$DEB" tests/install/test_deb.sh "$PWD" "$PWD/build/release" || status=$?
if [[ $status = 77 ]]; then
  printf '\n!!! SKIPPED: the .deb install test needs root and dpkg (run scripts/check_release.sh as root) !!!\n\n' >&2
elif [[ $status != 0 ]]; then
  exit $status
fi
echo "release $VERSION checked"
