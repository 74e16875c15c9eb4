"""Alembic environment: runs on the connection the app hands over (see desktop_app.db.schema)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from desktop_app.db import search_index
from desktop_app.db.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=search_index.include_name,   # the full-text index is not in the models
    )
    with context.begin_transaction():
        context.run_migrations()
        # a migration that rebuilt an indexed table on SQLite (batch_alter_table copies and
        # renames it) dropped its search triggers: made again, and the index refreshed
        search_index.restore_triggers(connection)


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # developer use: `alembic -x url=sqlite:///x.db revision --autogenerate`
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url")
    if not url:
        raise SystemExit("give the database: alembic -x url=sqlite:///x.db ...")
    engine = create_engine(url)
    with engine.begin() as conn:
        _run(conn)
