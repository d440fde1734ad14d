"""The names of keys as the database has them against the names schemacog derives: the
format has no name for a primary key, a unique constraint or a foreign key, so one the
database names otherwise (``film_pkey``) is reported; a check's or an index's name is
kept (``name:``)."""

from __future__ import annotations

from schemacog.db.catalog.model import Catalog
from schemacog.errors import printable
from schemacog.importing.report import Report
from schemacog.model import Schema
from schemacog.render.sql.ddl import constraint_names

__all__ = ["compare_key_names"]

# the name an engine gives every primary key, whatever it was declared as
_FIXED_PRIMARY = frozenset({"PRIMARY"})


def compare_key_names(dialect: str, catalog: Catalog, schema: Schema, report: Report) -> None:
    names = constraint_names(schema, dialect)
    for table in schema.tables:
        source = catalog.tables[table.name]
        found: list[tuple[str, tuple[str, ...]]] = []
        if source.primary_key and source.primary_key.name not in _FIXED_PRIMARY:
            found.append((source.primary_key.name, ("pk", table.name)))
        for unique in sorted(source.unique):
            found.append((unique.name, ("uq", table.name, *unique.columns)))
        by_set = {frozenset(fk.columns): fk for fk in table.foreign_keys}
        for fk in sorted(source.foreign_keys):
            mine = by_set.get(frozenset(fk.columns))
            if mine is not None:
                found.append((fk.name, ("fk", table.name, *mine.columns)))
        for name, key in found:
            derived = names.get(key)
            if name and derived is not None and name != derived:
                what = {"pk": "primary key", "uq": "unique constraint", "fk": "foreign key"}
                report.lose(
                    ("tables", table.name),
                    table.name,
                    f"{what[key[0]]} {printable(name)} is named {derived} (the format keeps "
                    "no name for it)",
                )
