#!/bin/sh
# Renders assets/architecture.png from assets/architecture.svg at twice the SVG's size (sharp on
# high-density screens). Needs rsvg-convert: `apt-get install librsvg2-bin` on Debian/Ubuntu,
# `brew install librsvg` on macOS. Run from anywhere: ./assets/render-architecture.sh
set -eu
cd "$(dirname "$0")"
rsvg-convert --zoom 2 --background-color white --format png --output architecture.png architecture.svg
echo "wrote $(pwd)/architecture.png"
