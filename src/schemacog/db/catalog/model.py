"""The normalized catalog: tables, columns, keys, checks, indexes, comments and enums.

Sets where the engine keeps no meaningful order (constraints, indexes, and columns: a
column added by a migration comes last, one in a fresh DDL where the schema puts it), so
that equal schemas read equal. Types, defaults and expressions are kept as the engine's
catalog spells them: one engine's two databases compare, two engines do not.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["Catalog", "CatalogTable", "Check", "Column", "ForeignKey", "Index", "Key"]


@dataclass(frozen=True, order=True)
class Column:
    name: str
    type: str
    nullable: bool
    default: str | None = None
    identity: bool = False  # numbered by the engine (identity, AUTO_INCREMENT, sequence)
    comment: str | None = None
    # what the engine computes beyond a default, which schemacog never makes: a
    # generated column's expression, MariaDB's ON UPDATE
    computed: str | None = None
    # a collation other than the one schemacog's DDL gives (PostgreSQL's default,
    # MariaDB's utf8mb4_nopad_bin, SQLite's BINARY)
    collation: str | None = None
    # where the column stands in its table (import keeps the order; equal catalogs
    # need not agree on it: a migration adds a column last)
    position: int = field(default=0, compare=False)


@dataclass(frozen=True, order=True)
class Key:
    """A primary key or unique constraint (``name`` empty where the engine keeps none)."""

    name: str
    columns: tuple[str, ...]


@dataclass(frozen=True, order=True)
class ForeignKey:
    name: str
    columns: tuple[str, ...]
    ref_table: str
    ref_columns: tuple[str, ...]
    on_delete: str = "NO ACTION"
    on_update: str = "NO ACTION"
    deferrable: bool = False


@dataclass(frozen=True, order=True)
class Check:
    name: str
    expression: str


@dataclass(frozen=True, order=True)
class Index:
    name: str
    columns: tuple[str, ...]
    unique: bool
    # the engine's whole definition where the index is more than columns in order (an
    # expression, a WHERE, a method other than a B-tree), which schemacog never makes
    definition: str | None = None


@dataclass(frozen=True)
class CatalogTable:
    name: str
    columns: frozenset[Column]
    primary_key: Key | None = None
    unique: frozenset[Key] = frozenset()
    foreign_keys: frozenset[ForeignKey] = frozenset()
    checks: frozenset[Check] = frozenset()
    indexes: frozenset[Index] = frozenset()
    comment: str | None = None
    # the table's own CREATE TABLE where the engine keeps it (SQLite: its only record of
    # CHECK names and comments)
    source: str | None = field(default=None, compare=False)
    # what schemacog's DDL says the engine does not enforce, where the catalog keeps it
    # (SQLite: comment lines of the statement), e.g. "pattern of email: ^.+@.+$"
    notes: tuple[str, ...] = field(default=(), compare=False)
    # what the table has that schemacog's DDL never makes (UNLOGGED, MATCH FULL, ...)
    extras: tuple[str, ...] = field(default=(), compare=False)

    @property
    def ordered_columns(self) -> list[Column]:
        return sorted(self.columns, key=lambda c: (c.position, c.name))

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)


@dataclass(frozen=True)
class Catalog:
    tables: Mapping[str, CatalogTable]
    enums: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # values in order
    enum_comments: Mapping[str, str] = field(default_factory=dict)
    # what the database holds besides tables, keys and enums, one line each ("view
    # v", "trigger t on x"): none of it is described by a schema
    others: tuple[str, ...] = field(default=(), compare=False)

    def differences(self, other: Catalog) -> list[str]:
        """What differs from ``other``, one line each (empty: equal)."""
        lines = []
        for name in sorted(self.tables.keys() | other.tables.keys()):
            mine, theirs = self.tables.get(name), other.tables.get(name)
            if mine is None or theirs is None:
                lines.append(f"table {name}: only in {'second' if mine is None else 'first'}")
                continue
            for part in ("columns", "primary_key", "unique", "foreign_keys", "checks"):
                a, b = getattr(mine, part), getattr(theirs, part)
                if a != b:
                    lines.append(f"table {name} {part}: {_show(a)} != {_show(b)}")
            for part in ("indexes", "comment"):
                a, b = getattr(mine, part), getattr(theirs, part)
                if a != b:
                    lines.append(f"table {name} {part}: {_show(a)} != {_show(b)}")
        for name in sorted(self.enums.keys() | other.enums.keys()):
            if self.enums.get(name) != other.enums.get(name):
                lines.append(f"enum {name}: {self.enums.get(name)} != {other.enums.get(name)}")
            mine_note, their_note = self.enum_comments.get(name), other.enum_comments.get(name)
            if mine_note != their_note:
                lines.append(f"enum {name} comment: {mine_note!r} != {their_note!r}")
        return lines


def _show(value: object) -> str:
    if isinstance(value, frozenset):
        return repr(sorted(value))
    return repr(value)
