#!/bin/sh
# macOS package (NOT run on this project's Debian CI: needs a Mac with Xcode's command-line
# tools). Builds ownvoice-<version>.pkg from a Release build:
#   cmake -S . -B build/macos -DCMAKE_BUILD_TYPE=Release -DOWNVOICE_TESTS=OFF -DOWNVOICE_BENCHMARKS=OFF
#   cmake --build build/macos --target ownvoice ownvoice-host
#   installer/macos/build-pkg.sh build/macos "Developer ID Application: ..." "Developer ID Installer: ..."
# The postinstall script (beside this file) runs `ownvoice install --system --browsers all`,
# which writes the host manifest for every browser under /Library/... (the same browser
# table as Linux and Windows: host/lib/install/browsers.cpp). Notarization: README.md here.
set -eu
build=$1
app_identity=${2:-}
installer_identity=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
version=$(sed -n 's/^project(OwnVoice VERSION \([0-9.]*\).*/\1/p' "$here/../../CMakeLists.txt")
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/root/usr/local/bin" "$stage/scripts"
cp "$build/host/app/ownvoice" "$build/host/app/ownvoice-host" "$stage/root/usr/local/bin/"
cp "$here/postinstall" "$stage/scripts/postinstall"
chmod 755 "$stage/scripts/postinstall"
if [ -n "$app_identity" ]; then
  # Hardened runtime: required for notarization.
  codesign --force --options runtime --timestamp --sign "$app_identity" \
    "$stage/root/usr/local/bin/ownvoice" "$stage/root/usr/local/bin/ownvoice-host"
fi
pkgbuild --root "$stage/root" --scripts "$stage/scripts" --identifier org.ownvoice.host \
  --version "$version" --install-location / "$stage/ownvoice-component.pkg"
sign=""
[ -n "$installer_identity" ] && sign="--sign $installer_identity"
# shellcheck disable=SC2086
productbuild --package "$stage/ownvoice-component.pkg" --identifier org.ownvoice.pkg --version "$version" \
  $sign "ownvoice-$version.pkg"
echo "ownvoice-$version.pkg"
