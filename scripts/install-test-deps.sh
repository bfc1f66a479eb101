#!/usr/bin/env bash
# Install what the tests need on a fresh Debian machine: the package with its test extras in
# .venv/ (scripts/install.sh), gettext (msgfmt --check), git, and Debian's Chromium for the
# browser tests (Playwright's own browser download is not reachable here; the tests point
# Playwright at /usr/bin/chromium). apt waits for the dpkg lock rather than failing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/apt.sh
missing=()
command -v msgfmt >/dev/null || missing+=(gettext)
command -v chromium >/dev/null || missing+=(chromium)
command -v git >/dev/null || missing+=(git)
if ((${#missing[@]})); then
    apt_install "${missing[@]}"
fi
bash scripts/install.sh test
