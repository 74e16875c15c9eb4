"""Plain domain types and rules. No Qt, no SQLAlchemy."""
