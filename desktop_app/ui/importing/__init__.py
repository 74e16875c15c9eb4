"""File > Import: the import wizard and its pages (including the chase returns review page)."""
