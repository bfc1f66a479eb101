#!/usr/bin/env bash
# Install what the tests need on a fresh Debian machine: the package with its test
# extras, gettext (msgfmt --check), and Debian's Chromium for the browser tests
# (Playwright's own browser download is not reachable here; tests point Playwright
# at /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'
missing=()
command -v msgfmt >/dev/null || missing+=(gettext)
command -v chromium >/dev/null || missing+=(chromium)
command -v git >/dev/null || missing+=(git)
if ((${#missing[@]})); then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
