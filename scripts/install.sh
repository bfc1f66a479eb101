#!/usr/bin/env bash
# Install the project into its own virtual environment, .venv/ (Debian's system Python refuses
# `pip install`: PEP 668, "externally managed"). Extras, if any, are the first argument:
#   bash scripts/install.sh            # the package
#   bash scripts/install.sh test       # and what the tests need (pytest, Playwright, ...)
# Where `python3 -m venv` cannot work (Debian without python3-venv), that package is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/apt.sh
extras="${1:-}"
if [ ! -x .venv/bin/python ]; then
    if ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then
        apt_install "python3-venv"
    fi
    python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extras:+[$extras]}"
# bytecode for the package, as pip writes it for a wheel: an editable install has none, and
# where PYTHONDONTWRITEBYTECODE is set every command would compile it again (0.06-0.1 s)
.venv/bin/python -m compileall -q generator >/dev/null
