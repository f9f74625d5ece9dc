#!/usr/bin/env bash
# The Debian packages the tests and the dev host use (Chromium, fonts, espeak-ng, poppler, sox, PostgreSQL,
# ffmpeg, socat, openssl). Installs the missing ones when it can (root, or passwordless sudo); otherwise names
# them and fails. Called by `npm test` (pretest), `npm run start:web` (prestart:web) and .ci/run.
set -euo pipefail

PACKAGES=(chromium fonts-noto-cjk fonts-noto-core espeak-ng poppler-utils sox postgresql ffmpeg socat openssl ca-certificates)

missing=0
for bin in chromium espeak-ng pdftotext soxi ffprobe socat openssl; do
  command -v "$bin" >/dev/null 2>&1 || { echo "missing: $bin"; missing=1; }
done
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { echo "missing: PostgreSQL server (initdb)"; missing=1; }
fonts=$(fc-list : family 2>/dev/null || true)
grep -q 'Noto Sans CJK' <<<"$fonts" || { echo "missing: font Noto Sans CJK"; missing=1; }
grep -q 'Noto Sans Mongolian' <<<"$fonts" || { echo "missing: font Noto Sans Mongolian"; missing=1; }
[ "$missing" = 0 ] && exit 0

if [ "$(id -u)" = 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "Install these Debian packages first (as root): apt-get install ${PACKAGES[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
echo "Installed: ${PACKAGES[*]}"
