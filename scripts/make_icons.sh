#!/usr/bin/env bash
# Renders the extension's icons (extension/icons/icon-<n>.png, 16/32/48/128 px) from the one
# drawing, extension/icons/ownvoice.svg. The PNGs are committed, so building the extension
# needs no image tool; run this after changing the SVG. Needs rsvg-convert (apt-get install
# librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/../extension/icons"
command -v rsvg-convert >/dev/null || { echo "make_icons: rsvg-convert is missing (apt-get install librsvg2-bin)" >&2; exit 1; }
for size in 16 32 48 128; do
  rsvg-convert --width "$size" --height "$size" --format png --output "icon-$size.png" ownvoice.svg
done
ls -l icon-*.png
