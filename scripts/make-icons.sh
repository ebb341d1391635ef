#!/bin/sh
# Draws the add-in's icons (a table with a check mark, in Office blue) at the sizes the manifest lists.
# Needs ImageMagick's `convert` (CONVERT=/usr/bin/convert to pick one); the PNGs are committed, so this only runs when the design changes.
set -eu
CONVERT=${CONVERT:-convert}
cd "$(dirname "$0")/../assets"
"$CONVERT" -size 256x256 xc:none \
  -fill '#185ABD' -draw 'roundrectangle 8,8 247,247 36,36' \
  -stroke white -strokewidth 10 -fill none \
  -draw 'rectangle 52,60 204,196' -draw 'line 52,105 204,105' -draw 'line 52,150 204,150' -draw 'line 116,60 116,196' \
  -stroke '#FFD54F' -strokewidth 22 -draw 'polyline 128,160 160,192 220,120' \
  icon-256.png
for size in 16 32 64 80; do
  "$CONVERT" icon-256.png -filter Lanczos -resize ${size}x${size} -depth 8 -strip icon-${size}.png
done
rm icon-256.png
