#!/usr/bin/env bash
# Sets everything up (Python packages, Debian's Chromium for the browser tests, Debian's
# PostgreSQL on loopback for the storage tests) and runs the whole test suite, lint first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/system-deps.sh
[ -n "${SUMMITLOG_TEST_POSTGRES:-}" ] || SUMMITLOG_TEST_POSTGRES=$(bash scripts/postgres.sh)
export SUMMITLOG_TEST_POSTGRES
.venv/bin/ruff check src tests
exec .venv/bin/python -m pytest "$@"
