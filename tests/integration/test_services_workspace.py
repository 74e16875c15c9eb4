"""What ui/ and cli/ get from services instead of desktop_app.db: the database's name for the
status bar, and a backup into a folder of the officer's choosing (File > Back up)."""

from __future__ import annotations

import sqlite3

import pytest

from desktop_app.services import backups, committees
from desktop_app.services.workspace import DatabaseError, describe_database


def test_a_backup_into_a_chosen_folder_is_a_real_copy(db, tmp_path):
    if not db.is_sqlite:
        with pytest.raises(DatabaseError, match="server"):
            backups.backup_to_folder(db, tmp_path / "copies")
        return
    committees.add_committee(db, "Housing Scrutiny Committee")
    copy = backups.backup_to_folder(db, tmp_path / "copies")
    assert copy.parent == tmp_path / "copies"
    assert copy.name.endswith("-manual.db")
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT name FROM committees").fetchall() == [
            ("Housing Scrutiny Committee",)]
    assert backups.database_file(db) is not None
    assert backups.database_file(db).exists()


def test_the_status_bar_names_the_file_or_the_server_without_its_password(db):
    text = describe_database(db)
    if db.is_sqlite:
        assert text == backups.database_file(db).name
    else:
        assert text.startswith("postgresql")
        if db.engine.url.password:
            assert db.engine.url.password not in text
