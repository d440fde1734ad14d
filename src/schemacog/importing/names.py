"""The names of constraints as the database has them against the names schemacog
derives: each one the database names otherwise (``film_pkey`` for ``pk_film``) is kept
in its table's ``constraint_names``; one that cannot be (not an identifier, or alike to
another name) is reported."""

from __future__ import annotations

from collections.abc import Mapping

from schemacog.db.catalog.model import Catalog
from schemacog.errors import printable
from schemacog.importing.columns import stored_form
from schemacog.importing.report import IDENTIFIER, Report
from schemacog.model import Schema
from schemacog.render.sql.ddl import ddl_pieces, dialect_named, quote

__all__ = ["compare_names", "given_names", "kept_names"]

# the name an engine gives every primary key, whatever it was declared as
_FIXED_PRIMARY = frozenset({"PRIMARY"})
# engines that keep no constraint names (their DDL writes none)
_NAMELESS = frozenset({"duckdb"})
_KINDS = {"pk": "primary key", "uq": "unique constraint", "fk": "foreign key", "ck": "CHECK"}


def given_names(dialect: str, catalog: Catalog, schema: Schema) -> dict[str, dict[str, str]]:
    """By table: (schemacog's name -> the database's) for every constraint of ``schema``'s
    DDL that the database names otherwise (a name not an identifier too)."""
    if dialect in _NAMELESS:
        return {}
    pieces = ddl_pieces(schema, dialect)
    quoted = {quote(dialect_named(dialect), name): name for name in pieces.names.values()}
    found: dict[str, dict[str, str]] = {}
    for table in schema.tables:
        source = catalog.tables[table.name]
        names = pieces.names
        pairs: list[tuple[str | None, str]] = []
        if source.primary_key and source.primary_key.name not in _FIXED_PRIMARY:
            pairs.append((names.get(("pk", table.name)), source.primary_key.name))
        for unique in sorted(source.unique):
            pairs.append((names.get(("uq", table.name, *unique.columns)), unique.name))
        by_set = {frozenset(fk.columns): fk for fk in table.foreign_keys}
        for fk in sorted(source.foreign_keys):
            mine = by_set.get(frozenset(fk.columns))
            if mine is not None:
                pairs.append((names.get(("fk", table.name, *mine.columns)), fk.name))
        rendered = {
            stored_form(dialect, check.expression): quoted.get(name)
            for name, check in pieces.tables[table.name].checks.items()
        }
        for check in sorted(source.checks):
            pairs.append((rendered.get(stored_form(dialect, check.expression)), check.name))
        differ = {mine: theirs for mine, theirs in pairs if mine and theirs and mine != theirs}
        if differ:
            found[table.name] = dict(sorted(differ.items()))
    return found


def kept_names(given: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, str]]:
    """The names of ``given`` that a schema can hold (identifiers)."""
    kept = {
        table: {mine: theirs for mine, theirs in names.items() if IDENTIFIER.fullmatch(theirs)}
        for table, names in given.items()
    }
    return {table: names for table, names in kept.items() if names}


def compare_names(
    dialect: str,
    catalog: Catalog,
    schema: Schema,
    report: Report,
    reasons: Mapping[tuple[str, str], str],
) -> None:
    """Report each constraint the imported schema still names otherwise than the
    database, with why (``reasons`` by table and schemacog's name)."""
    for table, names in given_names(dialect, catalog, schema).items():
        for mine, theirs in names.items():
            kind = _KINDS.get(mine.split("_", 1)[0], "constraint")
            why = reasons.get((table, mine)) or "not an identifier"
            report.lose(
                ("tables", table),
                table,
                f"{kind} {printable(theirs)} is named {mine}: {why}",
            )
