#!/usr/bin/env bash
# Installs the system packages the test suite drives: Debian's Chromium for the browser
# tests. Skips what is already there; needs root (as on CI) for apt-get.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "summitlog tests need: ${need[*]} (install them with your package manager)" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
