#!/usr/bin/env bash
# Starts the built app-image with --smoke-test and checks that its window comes up: the app prints
# "SMOKE TEST OK: window shown: ..." and exits 0 once its first window shows. Without a display it runs under
# Xvfb (apt-get install -y xvfb xauth libgtk-3-0). Run installers/build.sh app-image first.
set -euo pipefail
cd "$(dirname "$0")/.."
launcher=installers/target/jpackage/out/OrderbookWorkstation/bin/OrderbookWorkstation
[ -x "$launcher" ] || { echo "no app-image at $launcher: run installers/build.sh app-image" >&2; exit 1; }
run=("$launcher" --smoke-test)
if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null || { echo "no display and no xvfb-run: apt-get install -y xvfb xauth libgtk-3-0" >&2; exit 1; }
  run=(xvfb-run -a "${run[@]}")
fi
started=$(date +%s)
output="$(timeout 180 "${run[@]}" 2>&1)" || { echo "$output"; echo "SMOKE TEST FAILED" >&2; exit 1; }
echo "$output" | grep "SMOKE TEST OK" || { echo "$output"; echo "SMOKE TEST FAILED: no OK line" >&2; exit 1; }
echo "app-image came up in $(( $(date +%s) - started )) s"
