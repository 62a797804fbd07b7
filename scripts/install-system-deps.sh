#!/usr/bin/env bash
# Debian packages the app and its tests need: Qt's xcb/offscreen runtime libraries,
# poppler-utils (pdftoppm, to look at printed pages), zbar-tools (tests read the QR codes
# on printed visit sheets back), PostgreSQL's client tools (HQ backups in the sync tests),
# Xvfb and xdotool (the few tests that press real keys on a real X display, with no window
# manager, as on a bare kiosk PC). Skipped when already present.
set -euo pipefail
pkgs=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
      libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0
      libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
      poppler-utils zbar-tools xvfb xdotool x11-apps)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# pg_dump/pg_restore: the sync tests back HQ's database up and restore it as an operator would
command -v pg_dump >/dev/null 2>&1 || missing+=(postgresql-client)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if ! command -v apt-get >/dev/null; then
  echo "Missing system packages: ${missing[*]} (install them with your package manager)" >&2
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
