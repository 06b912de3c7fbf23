"""Storage: the record in SQLite or PostgreSQL, one schema, versioned migrations."""
