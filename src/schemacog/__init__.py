"""schemacog: keep Python, SQL and docs in step with one YAML schema."""

__version__ = "0.1.0"
