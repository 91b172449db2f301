#!/usr/bin/env bash
# Every artifact of a release, from a clean tree, into dist/<version>/ (docs/release.md):
#   ownvoice_<v>_<arch>.deb, ownvoice-<v>-1.<arch>.rpm     host + CLI packages (CPack)
#   ownvoice-<v>-x64.msi                                    only when a Windows build tree exists
#   ownvoice-<v>-chromium.zip                               Chrome Web Store / Edge Add-ons upload
#   ownvoice-<v>-firefox.xpi                                addons.mozilla.org upload (web-ext build)
#   ownvoice-<v>-firefox-selfhosted.xpi, ownvoice-<v>.crx   self-hosted installs, with
#   updates.xml, updates.json                               their update manifests
#   enterprise-store/, enterprise-self-hosted/              browser policy templates
#   ownvoice-<v>.cdx.json                                   SBOM (CycloneDX): every linked library
#   SHA256SUMS
# usage: scripts/release.sh [--base-url URL] [--key FILE] [--out DIR] [--allow-dirty]
#   --base-url  where IT will serve dist/<v>/ (self-hosted updates); default
#               $OWNVOICE_UPDATE_BASE_URL, else a visible REPLACE_WITH_... placeholder
#   --key       the CRX signing key, created on first use, never in the repository;
#               default $OWNVOICE_CRX_KEY or ~/.config/ownvoice-release/crx-key.pem
#   --out       default dist (gitignored)
#   --allow-dirty  build with uncommitted changes (for trying the script; never ship it)
# One build tree (build/release, preset `release`), configured once and reused; the
# package test (tests/install/test_deb.sh) uses the same tree.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

die() { echo "release: $*" >&2; exit 1; }
step() { printf '\n=== %s ===\n' "$*"; }
loud() { printf '\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n!!! %s\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n\n' "$*" >&2; }

BASE_URL=${OWNVOICE_UPDATE_BASE_URL:-}
KEY=${OWNVOICE_CRX_KEY:-$HOME/.config/ownvoice-release/crx-key.pem}
OUT=dist
ALLOW_DIRTY=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --base-url) BASE_URL=${2:?}; shift 2 ;;
    --key) KEY=${2:?}; shift 2 ;;
    --out) OUT=${2:?}; shift 2 ;;
    --allow-dirty) ALLOW_DIRTY=1; shift ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done

VERSION=$(sed -nE 's/^project\(OwnVoice VERSION ([0-9]+\.[0-9]+\.[0-9]+).*/\1/p' CMakeLists.txt)
[[ -n $VERSION ]] || die "no project(OwnVoice VERSION x.y.z) in CMakeLists.txt"
case $KEY in "$ROOT"/*) die "the CRX key must live outside the repository (got $KEY)";; esac

step "OwnVoice $VERSION: checks before building"
if [[ -n $(git status --porcelain) ]]; then
  if [[ $ALLOW_DIRTY = 1 ]]; then loud "building from a tree with uncommitted changes (--allow-dirty): do not ship these files"
  else git status --short >&2; die "the tree has uncommitted changes; commit or stash them (a release is built from a commit)"; fi
fi
grep -qE "^## \[?$VERSION\]?( |$)" CHANGELOG.md || die "CHANGELOG.md has no section for $VERSION"
for tool in cmake cpack node zip dpkg-deb sha256sum; do command -v $tool >/dev/null || die "$tool is missing (scripts/deps.sh test)"; done
[[ -x node_modules/web-ext/bin/web-ext.js ]] || die "web-ext is missing: npm ci --no-audit --no-fund"
if [[ -z $BASE_URL ]]; then
  BASE_URL="https://REPLACE_WITH_YOUR_SERVER/ownvoice/$VERSION"
  loud "no --base-url: the self-hosted files name $BASE_URL; rebuild with the address IT serves them from"
fi
BASE_URL=${BASE_URL%/}
# Firefox accepts only an https update_url, and browsers should not fetch code over http.
[[ $BASE_URL == https://* ]] || die "--base-url must be an https:// address (got $BASE_URL)"

export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
DEST="$OUT/$VERSION"
rm -rf "$DEST"
mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
WEB_EXT=(node "$ROOT/node_modules/web-ext/bin/web-ext.js")

step "host and command line: build/release, .deb and .rpm"
cmake --preset release >/dev/null
cmake --build --preset release
(cd build/release && cpack -G DEB -B "$STAGE/pkg" >/dev/null)
if command -v rpmbuild >/dev/null; then
  (cd build/release && cpack -G RPM -B "$STAGE/pkg" >/dev/null)
else
  loud "SKIPPED: .rpm (rpmbuild is missing: apt-get install rpm)"
fi
cp "$STAGE"/pkg/*.deb "$DEST"/
if compgen -G "$STAGE/pkg/*.rpm" >/dev/null; then cp "$STAGE"/pkg/*.rpm "$DEST"/; fi
DEB=$(ls "$DEST"/ownvoice_"$VERSION"_*.deb)

step "Windows .msi"
# Built in its own tree (preset windows-release: no test hooks, so its host refuses the
# development id and its manifests do not name it), from the MinGW-w64 dependencies that
# scripts/test-windows.sh builds into build/windows-deps. Never from build/windows, the
# test-hooks tree the Wine tests use.
if [[ -d build/windows-deps/lib ]] && command -v wixl >/dev/null && command -v x86_64-w64-mingw32-g++-posix >/dev/null; then
  cmake --preset windows-release >/dev/null
  touch "$STAGE/msi-stamp"
  cmake --build --preset windows-release --target msi
  MSI=$(find build/windows-release -name '*.msi' -newer "$STAGE/msi-stamp" | head -n1)
  [[ -n $MSI ]] || die "the Windows build made no .msi"
  cp "$MSI" "$DEST/ownvoice-$VERSION-x64.msi"
else
  loud "SKIPPED: Windows .msi (no MinGW-w64 dependencies in build/windows-deps, or no wixl: run scripts/test-windows.sh first; docs/release.md)"
fi

step "extension (release flavour): store zip, Firefox .xpi"
node extension/build.mjs --flavour release --out "$STAGE/ext"
node extension/build.mjs --flavour release --browser firefox --out "$STAGE/ext-selfhosted" --gecko-update-url "$BASE_URL/updates.json"
# Same bytes for the same commit: fixed times, sorted entries, no extra attributes.
find "$STAGE/ext" "$STAGE/ext-selfhosted" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
(cd "$STAGE/ext/chromium" && find . -type f | LC_ALL=C sort | zip -qX -@ "$DEST/ownvoice-$VERSION-chromium.zip")
"${WEB_EXT[@]}" build --source-dir "$STAGE/ext/firefox" --artifacts-dir "$STAGE/xpi" \
  --filename "ownvoice-$VERSION-firefox.xpi" --overwrite-dest --no-config-discovery >/dev/null
"${WEB_EXT[@]}" build --source-dir "$STAGE/ext-selfhosted/firefox" --artifacts-dir "$STAGE/xpi" \
  --filename "ownvoice-$VERSION-firefox-selfhosted.xpi" --overwrite-dest --no-config-discovery >/dev/null
cp "$STAGE"/xpi/*.xpi "$DEST"/

step "self-hosted: CRX3 signed with $KEY, updates.xml, updates.json"
node scripts/release/selfhosted.mjs --zip "$DEST/ownvoice-$VERSION-chromium.zip" --key "$KEY" --version "$VERSION" \
  --base-url "$BASE_URL" --out "$DEST" --xpi "$DEST/ownvoice-$VERSION-firefox-selfhosted.xpi" > "$STAGE/selfhosted.json"
json() { node -e "process.stdout.write(String(JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'))[process.argv[2]]))" "$1" "$2"; }
CRX_ID=$(json "$STAGE/selfhosted.json" id)
if [[ $(json "$STAGE/selfhosted.json" keyCreated) = true ]]; then
  loud "NEW signing key created at $KEY (extension id $CRX_ID): back it up now; docs/release.md says where IT keeps it"
fi
echo "self-hosted Chromium extension id: $CRX_ID"

step "enterprise templates"
# The packaged CLI, as IT would run it.
dpkg-deb -x "$DEB" "$STAGE/root"
CLI="$STAGE/root/usr/bin/ownvoice"
"$CLI" enterprise-templates --out "$DEST/enterprise-store" --policy installer/linux/policy.json >/dev/null
"$CLI" enterprise-templates --out "$DEST/enterprise-self-hosted" --policy installer/linux/policy.json \
  --chrome-id "$CRX_ID" --chrome-update-url "$BASE_URL/updates.xml" \
  --edge-id "$CRX_ID" --edge-update-url "$BASE_URL/updates.xml" \
  --firefox-install-url "$BASE_URL/ownvoice-$VERSION-firefox-selfhosted.xpi" >/dev/null
cat > "$DEST/enterprise-self-hosted/EXTENSION_ID.txt" <<EOF
Chromium/Edge extension id of the self-hosted CRX: $CRX_ID
The OwnVoice host accepts it once it is in allowed_extension_ids of /etc/ownvoice/policy.json
(or: sudo ownvoice install --system --extension-id $CRX_ID). See docs/release.md.
EOF

step "software bill of materials"
node scripts/release/sbom.mjs --build build/release --version "$VERSION" --out "$DEST/ownvoice-$VERSION.cdx.json" \
  "$STAGE/root/usr/bin/ownvoice" "$STAGE/root/usr/bin/ownvoice-host"

step "SHA256SUMS"
(cd "$DEST" && find . -type f ! -name SHA256SUMS | sed 's#^\./##' | LC_ALL=C sort | xargs -d '\n' sha256sum > SHA256SUMS)

step "dist/$VERSION"
(cd "$DEST" && find . -maxdepth 1 -type f -printf '%10s  %f\n' | sort -k2)
echo "check them: scripts/check_release.sh $DEST"
