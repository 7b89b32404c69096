#!/usr/bin/env bash
# Install Debian's Chromium and its WebDriver for the browser test (tests/test_web_e2e.py).
# Idempotent and quiet: does nothing when both are installed. Needs root or sudo on
# Debian or Ubuntu; elsewhere it says so and exits 0, and the browser test skips.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser: no apt-get here; install Chromium yourself or the browser test will skip" >&2
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
