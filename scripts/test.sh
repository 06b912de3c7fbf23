#!/usr/bin/env bash
# Sets everything up and runs the whole test suite (lint first).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check src tests
exec .venv/bin/python -m pytest "$@"
