#!/usr/bin/env bash
# Sets everything up (Python packages, and Debian's Chromium for the browser tests) and
# runs the whole test suite, lint first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/system-deps.sh
.venv/bin/ruff check src tests
exec .venv/bin/python -m pytest "$@"
