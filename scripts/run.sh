#!/usr/bin/env bash
# Sets everything up, ingests the bundled sample corpus into summitlog.db (SQLite),
# prints what is in the record, then serves the web UI at http://127.0.0.1:8000.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export SUMMITLOG_DB=${SUMMITLOG_DB:-summitlog.db}
.venv/bin/summitlog ingest examples/seeds || true   # a failed input is reported above; go on
.venv/bin/summitlog docs
.venv/bin/summitlog meetings
.venv/bin/summitlog quotes --limit 10
exec .venv/bin/summitlog serve
