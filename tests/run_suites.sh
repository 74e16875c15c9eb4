#!/bin/sh
# `make test`: the suite on SQLite and, alongside it, on PostgreSQL.
# The two passes run at the same time (each is mostly one process and the machines have two
# cores), each in its own temporary folder; the PostgreSQL pass's output is printed after the
# SQLite pass's. Exit status: non-zero when either pass fails.
# Usage: sh tests/run_suites.sh PYTHON   (extra pytest arguments in $PYTEST_ARGS)
set -u
PY=$1
ARGS=${PYTEST_ARGS:-}
pgpid=""
pglog=""
tmp=$(mktemp -d "${TMPDIR:-/tmp}/st-tests-XXXXXX")
cleanup() {
  [ -n "$pgpid" ] && kill "$pgpid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if sh packaging/ensure-postgres.sh; then
  pglog="$tmp/postgresql.log"
  mkdir -p "$tmp/pg"
  # shellcheck disable=SC2086
  SCRUTINY_TEST_BACKEND=postgresql QT_QPA_PLATFORM=offscreen \
    "$PY" -m pytest -q -p no:cacheprovider --basetemp="$tmp/pg/base" $ARGS >"$pglog" 2>&1 &
  pgpid=$!
  echo "== test suite on PostgreSQL: started alongside (its output follows the SQLite pass) =="
else
  echo "== PostgreSQL run skipped: PostgreSQL is not installable on this machine =="
fi

echo "== test suite on SQLite =="
mkdir -p "$tmp/sqlite"
# shellcheck disable=SC2086
QT_QPA_PLATFORM=offscreen "$PY" -m pytest -q -p no:cacheprovider \
  --basetemp="$tmp/sqlite/base" $ARGS
sqlite_rc=$?

pg_rc=0
if [ -n "$pgpid" ]; then
  wait "$pgpid"
  pg_rc=$?
  pgpid=""
  echo "== test suite on PostgreSQL =="
  cat "$pglog"
fi
echo "== SQLite pass: exit $sqlite_rc; PostgreSQL pass: exit $pg_rc =="
[ "$sqlite_rc" -eq 0 ] && [ "$pg_rc" -eq 0 ]
