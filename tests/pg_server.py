"""A throwaway PostgreSQL cluster for the test run: started in a temporary folder, reached
through a Unix socket, stopped at the end. Works as root (runs the server as 'postgres').

The cluster lives in /dev/shm when the machine has room there (a RAM folder): every test that touches a
database creates one (CREATE DATABASE copies the template's files), which on a disk shared with
other work takes about five times as long. Each test's database is dropped when the test ends,
so the folder stays small."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def _bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    raise RuntimeError("PostgreSQL's initdb is not installed (apt-get install postgresql)")


def _scratch() -> str | None:
    """Where the cluster's folder goes: $SCRUTINY_TEST_PG_DIR (tests/run_suites.sh's own
    temporary folder, removed whatever way the run ends), else /dev/shm when it is a writable
    folder with 1 GiB free (a container's is often 64 MiB), else the system's temporary
    folder."""
    if os.environ.get("SCRUTINY_TEST_PG_DIR"):
        return os.environ["SCRUTINY_TEST_PG_DIR"]
    shm = "/dev/shm"
    try:
        usable = os.access(shm, os.W_OK | os.X_OK)
        stat = os.statvfs(shm)
    except (OSError, AttributeError):   # no such folder; Windows has no statvfs
        return None
    return shm if usable and stat.f_bavail * stat.f_frsize >= 1 << 30 else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    def __init__(self) -> None:
        self.bin = _bin_dir()
        self.root = Path(tempfile.mkdtemp(prefix="st-pg-", dir=_scratch()))
        self.data = self.root / "data"
        self.port = _free_port()
        self.as_root = hasattr(os, "geteuid") and os.geteuid() == 0
        self._counter = 0
        self._version = 0

    def _run(self, *args: str) -> None:
        cmd = [str(self.bin / args[0]), *args[1:]]
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, text=True, encoding="utf-8",
                       errors="replace", timeout=120)

    def start(self) -> PgServer:
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")
            os.chmod(self.root, 0o755)
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres",
                  "--encoding=UTF8", "--locale=C.UTF-8")
        opts = (f"-k {self.root} -p {self.port} -c listen_addresses='' -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run("pg_ctl", "-D", str(self.data), "-o", opts, "-l", str(self.root / "log"),
                  "-w", "start")
        self._version = self._execute("SELECT 1")
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.root}&port={self.port}"

    def _execute(self, sql: str) -> int:
        """Run one statement on the server's maintenance database; the server's version."""
        import psycopg
        with psycopg.connect(host=str(self.root), port=self.port, user="postgres",
                             dbname="postgres", autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]
            return conn.info.server_version

    def new_database(self) -> str:
        self._counter += 1
        name = f"t{os.getpid()}_{self._counter}"
        # PostgreSQL 15 and later copy the template through the write-ahead log unless told
        # to copy its files (the older servers' only way): as fast here, without the log's
        # gigabyte between checkpoints.
        strategy = " STRATEGY FILE_COPY" if self._version >= 150000 else ""
        self._execute(f'CREATE DATABASE "{name}"{strategy}')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        """Drop a database new_database() made, closing the connections a test left open
        (PostgreSQL 13 and later; an older server keeps it until the cluster is removed)."""
        if self._version >= 130000:
            from sqlalchemy.engine import make_url
            name = make_url(url).database
            self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
