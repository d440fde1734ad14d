"""A live database against the schema: ``schemacog diff-db``."""
