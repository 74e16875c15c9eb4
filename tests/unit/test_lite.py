"""db/lite.py: the quick sqlite3 way in says None whenever it is not sure, and never imports
SQLAlchemy."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from desktop_app.db import lite
from desktop_app.db.schema import open_database


def test_sqlite_file_reads_only_plain_file_urls(tmp_path):
    assert lite.sqlite_file(f"sqlite:///{tmp_path / 'a b.db'}") == tmp_path / "a b.db"
    assert lite.sqlite_file(f"sqlite+pysqlite:///{tmp_path / 'x.db'}") == tmp_path / "x.db"
    for url in ("postgresql://u@h/db", "sqlite://", "sqlite:///:memory:",
                "sqlite:///file:x?mode=memory", "not a url"):
        assert lite.sqlite_file(url) is None, url


def test_open_at_head_only_for_a_database_at_head(tmp_path):
    url = f"sqlite:///{tmp_path / 't.db'}"
    assert lite.open_at_head(url) is None                 # no file yet
    (tmp_path / "t.db").write_bytes(b"not a database at all, just text")
    assert lite.open_at_head(url) is None                 # not SQLite
    (tmp_path / "t.db").unlink()
    open_database(url).dispose()
    conn = lite.open_at_head(url)
    assert conn is not None
    assert conn.execute("SELECT count(*) FROM committees").fetchone() == (0,)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("INSERT INTO committees (name, short_name) VALUES ('A', 'A')")
    conn.close()
    writer = lite.open_at_head(url, write=True)
    assert writer is not None
    assert writer.execute("PRAGMA foreign_keys").fetchone() == (1,)
    writer.execute("UPDATE alembic_version SET version_num = 'older'")
    writer.close()
    assert lite.open_at_head(url) is None                 # not at head: the full path decides


def test_lite_imports_no_sqlalchemy():
    code = ("import sys, desktop_app.db.lite; "
            "sys.exit(1 if any(m.startswith(('sqlalchemy', 'alembic')) for m in sys.modules) "
            "else 0)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_a_reading_connection_is_kept_for_the_next_quick_read_of_the_same_file(tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    url = f"sqlite:///{folder / 't.db'}"
    open_database(url).dispose()
    first = lite.open_at_head(url)
    assert first is not None
    first.execute("BEGIN")
    first.execute("SELECT count(*) FROM committees").fetchone()
    first.close()                                  # its transaction ended, kept
    again = lite.open_at_head(url)
    assert again is first
    assert not again.in_transaction
    again.close()
    again.close()                                  # twice: kept once
    assert lite.open_at_head(url) is first
    assert lite.open_at_head(url) is not first     # a second reader at the same time
    # the file replaced by another program: a new connection, to the new file
    other = tmp_path / "other.db"
    open_database(f"sqlite:///{other}").dispose()
    writer = lite.open_at_head(f"sqlite:///{other}", write=True)
    assert writer is not None
    writer.execute("PRAGMA user_version=7")
    writer.close()
    first.close()
    (folder / "t.db").unlink()
    other.rename(folder / "t.db")
    replaced = lite.open_at_head(url)
    assert replaced is not None
    assert replaced is not first
    assert replaced.execute("PRAGMA user_version").fetchone() == (7,)
    replaced.close()
    readers = [lite.open_at_head(url) for _ in range(lite.IDLE_KEPT + 2)]
    for reader in readers:
        assert reader is not None
        reader.close()
    assert len(lite._idle) <= lite.IDLE_KEPT     # the others closed: no open files piling up
    # no longer at the head revision: None, as for a new connection
    writer = lite.open_at_head(url, write=True)
    assert writer is not None
    writer.execute("UPDATE alembic_version SET version_num = 'older'")
    writer.close()
    assert lite.open_at_head(url) is None
    lite.close_idle(url)
    assert sorted(p.name for p in folder.iterdir()) == ["t.db"]   # no -wal, no -shm
