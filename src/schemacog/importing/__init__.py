"""Import: the schema of a live database, read from its catalog, written in schemacog's
format, with every loss reported (docs/databases.md)."""
