"""Two catalogs of one engine, the live database's and the one the schema's DDL makes,
compared part by part: each difference a line naming its table, column or constraint.

Both are read by the same reader from the same engine, so what the engine rewrites is
alike on both; what is left to equate is documented in docs/databases.md ("diff-db"):
constraint and index names, and the order of columns, count only with ``exact`` (a
database made by other tools names its keys its own way; import keeps those names, and
a migration adds a column last).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from schemacog.db.catalog.model import (
    Catalog,
    CatalogTable,
    Check,
    Column,
    ForeignKey,
    Index,
    Key,
)
from schemacog.errors import printable

__all__ = ["Drift", "compare_catalogs"]

# the parts of a column compared, and how a line names each
_COLUMN_PARTS = (
    ("type", "type"),
    ("nullable", "nullable"),
    ("default", "default"),
    ("identity", "identity"),
    ("comment", "comment"),
    ("computed", "generated as"),
    ("collation", "collation"),
)


@dataclass
class Drift:
    differences: list[str] = dataclasses.field(default_factory=list)  # drift: exit 1
    extra: list[str] = dataclasses.field(default_factory=list)  # tables only the database has
    # the lines of each table both sides have, by table (a part of ``differences``)
    tables: dict[str, list[str]] = dataclasses.field(default_factory=dict)

    def failing(self, *, strict: bool) -> bool:
        """Drift: a difference, or a table only the database has where ``strict``."""
        return bool(self.differences or (strict and self.extra))

    def forgive(self, table: str) -> list[str]:
        """Take ``table``'s lines out of the differences (equal by the equivalences)."""
        lines = self.tables.pop(table, [])
        self.differences = [line for line in self.differences if line not in lines]
        return lines


def compare_catalogs(
    live: Catalog, wanted: Catalog, *, names: bool = False, order: bool = False
) -> Drift:
    """What differs in ``live`` from ``wanted`` (what the schema's DDL makes);
    ``names``: constraint and index names count, ``order``: the order of columns."""
    found = Drift()
    say = found.differences.append
    for name in sorted(wanted.tables.keys() - live.tables.keys()):
        say(f"table {printable(name)}: in the schema, not in the database")
    for name in sorted(live.tables.keys() - wanted.tables.keys()):
        found.extra.append(f"table {printable(name)}: in the database, not in the schema")
    for name in sorted(live.tables.keys() & wanted.tables.keys()):
        table = Drift()
        _table(table, live.tables[name], wanted.tables[name], names=names, order=order)
        if table.differences:
            found.tables[name] = table.differences
            found.differences += table.differences
    for name in sorted(wanted.enums.keys() | live.enums.keys()):
        mine, theirs = live.enums.get(name), wanted.enums.get(name)
        if mine != theirs:
            say(f"enum {printable(name)}: {_both(_values(mine), _values(theirs))}")
        note, wanted_note = live.enum_comments.get(name), wanted.enum_comments.get(name)
        if mine and theirs and note != wanted_note:
            say(f"enum {printable(name)}: comment {_both(_shown(note), _shown(wanted_note))}")
    return found


def _both(live: str, wanted: str) -> str:
    return f"{live} in the database, {wanted} in the schema"


def _values(values: tuple[str, ...] | None) -> str:
    return "absent" if values is None else "(" + ", ".join(printable(v) for v in values) + ")"


def _shown(value: object) -> str:
    if value is None:
        return "none"
    return printable(repr(value)) if isinstance(value, str) else printable(str(value))


def _table(
    found: Drift, live: CatalogTable, wanted: CatalogTable, *, names: bool, order: bool
) -> None:
    say = found.differences.append
    table = printable(live.name)
    mine = {c.name: c for c in live.columns}
    theirs = {c.name: c for c in wanted.columns}
    for name in (c.name for c in wanted.ordered_columns if c.name not in mine):
        say(f"{table}.{printable(name)}: in the schema, not in the database")
    for name in (c.name for c in live.ordered_columns if c.name not in theirs):
        say(f"{table}.{printable(name)}: in the database, not in the schema")
    for column in wanted.ordered_columns:
        if column.name in mine:
            _column(found, table, mine[column.name], column)
    if order:
        columns = [c.name for c in live.ordered_columns if c.name in theirs]
        wanted_columns = [c.name for c in wanted.ordered_columns if c.name in mine]
        if columns != wanted_columns:
            shown = _both(", ".join(columns), ", ".join(wanted_columns))
            say(f"{table}: column order {shown}")
    _keys(found, table, live, wanted, exact=names)
    # what schemacog's DDL never makes (GENERATED ALWAYS AS IDENTITY, AUTOINCREMENT ...)
    live_extras, wanted_extras = _extras(live), _extras(wanted)
    for extra in sorted(live_extras - wanted_extras):
        say(f"{table}: {printable(extra)} in the database, not in the schema")
    for extra in sorted(wanted_extras - live_extras):
        say(f"{table}: {printable(extra)} in the schema, not in the database")
    if live.comment != wanted.comment:
        say(f"{table}: comment {_both(_shown(live.comment), _shown(wanted.comment))}")


# a DuckDB identity whose sequence starts later, counting by 1: what a migration's
# rebuild makes (it starts the new sequence after the highest id), not a rule
_REBUILT_SEQUENCE: Final = re.compile(
    r"column .*: its sequence starts at [0-9]+ and steps by 1 \(schemacog's: 1 and 1\)\Z"
)


def _extras(table: CatalogTable) -> set[str]:
    return {extra for extra in table.extras if not _REBUILT_SEQUENCE.match(extra)}


def _column(found: Drift, table: str, live: Column, wanted: Column) -> None:
    for part, label in _COLUMN_PARTS:
        mine, theirs = getattr(live, part), getattr(wanted, part)
        if mine != theirs:
            found.differences.append(
                f"{table}.{printable(live.name)}: {label} {_both(_shown(mine), _shown(theirs))}"
            )


def _keys(
    found: Drift, table: str, live: CatalogTable, wanted: CatalogTable, *, exact: bool
) -> None:
    """Keys, foreign keys, CHECKs and indexes, as sets: one only a side has is a line."""
    for label, mine, theirs in (
        ("primary key", _unnamed(_key(live), exact), _unnamed(_key(wanted), exact)),
        ("unique constraint", _unnamed(live.unique, exact), _unnamed(wanted.unique, exact)),
        ("foreign key", _unnamed(live.foreign_keys, exact), _unnamed(wanted.foreign_keys, exact)),
        ("", _unnamed(live.checks, exact), _unnamed(wanted.checks, exact)),
        ("index", _indexes(live.indexes, exact), _indexes(wanted.indexes, exact)),
    ):
        for item in sorted(mine - theirs, key=repr):
            shown = " ".join(filter(None, (label, _item(item))))
            found.differences.append(f"{table}: {shown} in the database, not in the schema")
        for item in sorted(theirs - mine, key=repr):
            shown = " ".join(filter(None, (label, _item(item))))
            found.differences.append(f"{table}: {shown} in the schema, not in the database")


def _key(table: CatalogTable) -> tuple[Key, ...]:
    return () if table.primary_key is None else (table.primary_key,)


def _unnamed(items: Iterable[Key | ForeignKey | Check], exact: bool) -> set[object]:
    """``items`` as compared: their names blanked unless ``exact``."""
    return {item if exact else dataclasses.replace(item, name="") for item in items}


def _indexes(indexes: frozenset[Index], exact: bool) -> set[object]:
    if exact:
        return set(indexes)
    return {
        dataclasses.replace(
            index,
            name="",
            definition=None
            if index.definition is None
            else index.definition.replace(f" {index.name} ", " ", 1),
        )
        for index in indexes
    }


def _item(item: object) -> str:
    """A key, a foreign key, a CHECK or an index as a line shows it: its name (where
    compared), then what it is."""
    name = printable(getattr(item, "name", None) or "")
    if isinstance(item, Check):
        text = (
            item.expression
            if item.expression.upper().startswith("CHECK")
            else f"CHECK ({item.expression})"
        )
        what = printable(text)
    elif isinstance(item, ForeignKey):
        what = (
            f"({', '.join(item.columns)}) -> {item.ref_table} ({', '.join(item.ref_columns)})"
            f" ON DELETE {item.on_delete} ON UPDATE {item.on_update}"
            + (" DEFERRABLE" if item.deferrable else "")
        )
    elif isinstance(item, Index):
        what = printable(item.definition) if item.definition else f"({', '.join(item.columns)})"
        what += " unique" if item.unique and not item.definition else ""
    else:
        assert isinstance(item, Key)
        what = f"({', '.join(item.columns)})"
    return f"{name} {printable(what)}" if name else printable(what)
