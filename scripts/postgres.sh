#!/usr/bin/env bash
# Starts Debian's PostgreSQL on loopback for the test suite (installing it if missing) and
# makes the role and database the tests use. Idempotent; needs root, as on CI.
# Prints the URL the tests read from SUMMITLOG_TEST_POSTGRES.
set -euo pipefail
URL=postgresql://summitlog:summitlog@127.0.0.1:5432/summitlog_test
if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "summitlog tests need PostgreSQL (install it, or set SUMMITLOG_TEST_POSTGRES)" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
# Only the URL goes to stdout: the caller captures it (pg_ctlcluster may say "Removed stale
# pid file."). The server must not inherit that descriptor, or the capture never ends.
exec 3>&1 1>&2
pg_lsclusters -h | grep -q "^$version main" || pg_createcluster "$version" main 3>&-
pg_lsclusters -h | grep -q "^$version main .* online" || pg_ctlcluster "$version" main start 3>&-
for _ in $(seq 50); do runuser -u postgres -- pg_isready -q -h 127.0.0.1 && break; sleep 0.2; done
as_postgres() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtAc "$1"; }
[ "$(as_postgres "SELECT 1 FROM pg_roles WHERE rolname = 'summitlog'")" = 1 ] \
    || as_postgres "CREATE ROLE summitlog LOGIN CREATEDB PASSWORD 'summitlog'"
[ "$(as_postgres "SELECT 1 FROM pg_database WHERE datname = 'summitlog_test'")" = 1 ] \
    || as_postgres "CREATE DATABASE summitlog_test OWNER summitlog TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
echo "$URL" >&3
