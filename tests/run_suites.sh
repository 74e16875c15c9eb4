#!/bin/sh
# `make test`: the suite on SQLite and, alongside it, on PostgreSQL.
# The two passes run at the same time, each in its own temporary folder and each spread over
# $TEST_WORKERS pytest-xdist workers (default 2: four workers on a two-core machine, so that
# when the shorter PostgreSQL pass ends the SQLite pass's two workers still keep both cores
# busy). Test files are dealt out whole (--dist loadfile): a file's module-scoped fixtures
# (the frozen build, the wheel, a shared window) are made once. The PostgreSQL pass's output is
# printed after the SQLite pass's. Exit status: non-zero when either pass fails.
# The temporary folder is in /dev/shm when it has 2 GiB free (a RAM folder: the test databases
# are written there, not to a disk shared with other work; a passing test's folder is removed
# when it ends, a failing test's is kept until the run ends).
# Usage: sh tests/run_suites.sh PYTHON   (extra pytest arguments in $PYTEST_ARGS;
#        TEST_WORKERS=0 runs each pass in one process, without xdist)
set -u
PY=$1
ARGS=${PYTEST_ARGS:-}
WORKERS=${TEST_WORKERS:-2}
pgpid=""
pglog=""
shm_free_kb=$(df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 { print $4 }')
if [ -z "${TMPDIR:-}" ] && [ -w /dev/shm ] && [ "${shm_free_kb:-0}" -ge 2097152 ]; then
  base=/dev/shm
else
  base=${TMPDIR:-/tmp}
fi
tmp=$(mktemp -d "$base/st-tests-XXXXXX")
cleanup() {
  [ -n "$pgpid" ] && kill "$pgpid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "$WORKERS" -gt 0 ] 2>/dev/null; then
  OPTS="-n $WORKERS --dist loadfile"
else
  OPTS=""
fi
OPTS="$OPTS -o tmp_path_retention_policy=failed"

if sh packaging/ensure-postgres.sh; then
  pglog="$tmp/postgresql.log"
  mkdir -p "$tmp/pg" "$tmp/pg-cluster"
  # The clusters (one per worker) go in $tmp too, so that they are removed however the run
  # ends (a server whose folder is gone stops by itself); as root they run as 'postgres'.
  chmod 711 "$tmp" && chmod 1777 "$tmp/pg-cluster"
  # shellcheck disable=SC2086
  SCRUTINY_TEST_BACKEND=postgresql SCRUTINY_TEST_PG_DIR="$tmp/pg-cluster" QT_QPA_PLATFORM=offscreen \
    "$PY" -m pytest -q -p no:cacheprovider $OPTS --basetemp="$tmp/pg/base" $ARGS \
    >"$pglog" 2>&1 &
  pgpid=$!
  echo "== test suite on PostgreSQL: started alongside (its output follows the SQLite pass) =="
else
  echo "== PostgreSQL run skipped: PostgreSQL is not installable on this machine =="
fi

echo "== test suite on SQLite =="
mkdir -p "$tmp/sqlite"
# shellcheck disable=SC2086
QT_QPA_PLATFORM=offscreen "$PY" -m pytest -q -p no:cacheprovider $OPTS \
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
