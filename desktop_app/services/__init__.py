"""Use cases: one unit of work each. Services take a ``Database`` and return plain records."""
