"""The workshop file: SQLite through sqlite-utils, and the JSON interchange format."""
