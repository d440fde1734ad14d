"""``schemacog_migrations``, the history ``migrate apply`` keeps in the database it
migrates: one row per migration number, written through the driver's parameters (no
value is ever spelled into SQL), in each dialect's types."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from schemacog.errors import printable
from schemacog.naming import HISTORY_TABLE

__all__ = [
    "APPLIED_STATES",
    "COLUMNS",
    "STATES",
    "Record",
    "create_sql",
    "delete_sql",
    "insert_sql",
    "records",
    "select_sql",
]

# applied: run by migrate apply; baseline: recorded by --baseline, not run; resolved: a
# failed one the database was found to have whole (--resolve); failed: it stopped
STATES: Final = ("applied", "baseline", "resolved", "failed")
APPLIED_STATES: Final = frozenset({"applied", "baseline", "resolved"})

COLUMNS: Final = ("number", "name", "checksum", "state", "applied_at", "schemacog_version", "error")


@dataclass(frozen=True)
class Record:
    number: int
    name: str
    checksum: str  # sha256 of the script's bytes, hex
    state: str
    applied_at: str  # ISO 8601, UTC
    schemacog_version: str
    error: str | None = None  # a failed one's: where it stopped and what the engine said

    @property
    def stem(self) -> str:
        return f"{self.number:04d}_{self.name}"

    @property
    def applied(self) -> bool:
        return self.state in APPLIED_STATES

    def values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, column) for column in COLUMNS)


@dataclass(frozen=True)
class _Types:
    integer: str
    short: str  # a name, a checksum, a state, a version, a time
    long: str  # an error


_TYPES: Final = {
    "postgres": _Types("integer", "text", "text"),
    "sqlite": _Types("INTEGER", "TEXT", "TEXT"),
    "duckdb": _Types("INTEGER", "VARCHAR", "VARCHAR"),
    "mariadb": _Types("int", "varchar(255)", "text"),
}
_PLACEHOLDERS: Final = {"postgres": "%s", "mariadb": "%s", "sqlite": "?", "duckdb": "?"}


def create_sql(dialect: str, table: str) -> str:
    """``table``: HISTORY_TABLE, qualified where the connection's default is another."""
    types = _TYPES[dialect]
    return (
        f"CREATE TABLE IF NOT EXISTS {table} ("
        f"number {types.integer} PRIMARY KEY, "
        f"name {types.short} NOT NULL, "
        f"checksum {types.short} NOT NULL, "
        f"state {types.short} NOT NULL, "
        f"applied_at {types.short} NOT NULL, "
        f"schemacog_version {types.short} NOT NULL, "
        f"error {types.long})"
    )


def select_sql(table: str) -> str:
    return f"SELECT {', '.join(COLUMNS)} FROM {table} ORDER BY number"


def insert_sql(dialect: str, table: str) -> str:
    marks = ", ".join(_PLACEHOLDERS[dialect] for _ in COLUMNS)
    return f"INSERT INTO {table} ({', '.join(COLUMNS)}) VALUES ({marks})"


def delete_sql(dialect: str, table: str) -> str:
    return f"DELETE FROM {table} WHERE number = {_PLACEHOLDERS[dialect]}"


# what schemacog writes in each column: a row that holds anything else was not written
# by it (and its text, which may hold a terminal's escapes, is never printed)
_WRITTEN: Final = {
    "name": re.compile(r"[a-z0-9_]{1,64}\Z"),
    "checksum": re.compile(r"[0-9a-f]{64}\Z"),
    "state": re.compile("|".join(STATES) + r"\Z"),
    "applied_at": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z\Z"),
    "schemacog_version": re.compile(r"[0-9A-Za-z.+_-]{1,64}\Z"),
}
_MAX_ERROR: Final = 2000


def records(rows: Sequence[Sequence[Any]]) -> list[Record]:
    """The rows of ``select_sql`` as records (ValueError: a row schemacog did not
    write); a failed one's error made printable."""
    found = []
    for row in rows:
        number, *texts, error = row
        fields = dict(zip(COLUMNS[1:-1], texts, strict=True))
        forged = [
            column
            for column, pattern in _WRITTEN.items()
            if not isinstance(fields[column], str) or not pattern.match(fields[column])
        ]
        if not isinstance(number, int) or isinstance(number, bool) or number < 0:
            forged.insert(0, "number")
        if error is not None and not isinstance(error, str):
            forged.append("error")
        if forged:
            where = f"number {number}" if isinstance(number, int) else "a row"
            raise ValueError(
                f"{HISTORY_TABLE} holds a row schemacog did not write ({where}: "
                f"{', '.join(forged)})"
            )
        shown = None if error is None else printable(error)[:_MAX_ERROR]
        name, checksum, state, applied_at, version = (str(fields[c]) for c in COLUMNS[1:-1])
        found.append(Record(number, name, checksum, state, applied_at, version, shown))
    return found
