"""Persistence: SQLAlchemy models, engine, migrations, audit trail."""
