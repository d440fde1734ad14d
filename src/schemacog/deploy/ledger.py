"""``schemacog_migrations``, the history ``migrate apply`` keeps in the database it
migrates: one row per migration number, written through the driver's parameters (no
value is ever spelled into SQL), in each dialect's types."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from schemacog.naming import HISTORY_TABLE

__all__ = [
    "APPLIED_STATES",
    "COLUMNS",
    "STATES",
    "Record",
    "create_sql",
    "delete_sql",
    "insert_sql",
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


def records(rows: Sequence[Sequence[Any]]) -> list[Record]:
    """The rows of ``select_sql`` as records (ValueError: not schemacog's table)."""
    found = []
    for row in rows:
        number, name, checksum, state, applied_at, version, error = row
        if not isinstance(number, int) or state not in STATES:
            raise ValueError(
                f"a row of {HISTORY_TABLE} schemacog did not write: {tuple(row)!r}"[:300]
            )
        found.append(
            Record(
                number, str(name), str(checksum), str(state), str(applied_at), str(version), error
            )
        )
    return found
