"""The first rows of each table, read for ``--infer`` only: a guess looks at what a
column holds, and says that it guessed. At most ``LIMIT`` rows a table, so that a large
database is read in bounded time."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Final

from schemacog.db.catalog.model import Catalog

__all__ = ["LIMIT", "MAX_TEXT", "Samples", "first_rows"]

LIMIT: Final = 1000  # rows a table
Samples = dict[str, dict[str, list[object]]]  # table -> column -> values (NULL left out)


def _run(connection: Any, sql: str) -> list[tuple[object, ...]]:
    if hasattr(connection, "cursor") and not hasattr(connection, "execute"):  # PyMySQL
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return list(cursor.fetchall())
    return list(connection.execute(sql).fetchall())


def _quoted(mark: str) -> Callable[[str], str]:
    return lambda name: mark + name.replace(mark, mark * 2) + mark


# dialect -> how a name is quoted, and whether a table is named with its namespace
_QUOTES: Final[Mapping[str, tuple[str, bool]]] = MappingProxyType(
    {"sqlite": ('"', False), "duckdb": ('"', True), "postgres": ('"', True), "mariadb": ("`", True)}
)


# what a guess reads: integers (0 and 1: a boolean) and short text (an enum value has at
# most 63 bytes), each text value over ``MAX_TEXT`` bytes read as NULL by the engine
MAX_TEXT: Final = 256
_INTEGER: Final = re.compile(r"\b(?:tiny|small|medium|big)?int(?:eger|\d)?\b|serial")
_TEXT: Final = re.compile(r"char|text|clob|string")
_SHORT: Final[Mapping[str, str]] = MappingProxyType(
    {
        "sqlite": "CASE WHEN length({c}) <= {n} THEN {c} END",
        "duckdb": "CASE WHEN strlen({c}) <= {n} THEN {c} END",
        "postgres": "CASE WHEN pg_catalog.octet_length({c}) <= {n} THEN {c} END",
        "mariadb": "CASE WHEN OCTET_LENGTH({c}) <= {n} THEN {c} END",
    }
)


def first_rows(dialect: str, connection: Any, namespace: str, catalog: Catalog) -> Samples:
    """Up to ``LIMIT`` rows of every table, by column: of the columns a guess reads."""
    mark, qualified = _QUOTES[dialect]
    quote = _quoted(mark)
    found: Samples = {}
    for name, table in catalog.tables.items():
        # not a generated column: reading one computes it (a hostile expression may
        # cost any time and memory), and it is never imported as a column
        kept = [c for c in table.ordered_columns if c.computed is None]
        selected = {}
        for column in kept:
            spelled = column.type.lower()
            if _INTEGER.search(spelled):
                selected[column.name] = quote(column.name)
            elif _TEXT.search(spelled):
                selected[column.name] = _SHORT[dialect].format(c=quote(column.name), n=MAX_TEXT)
        columns = list(selected)
        if not columns:
            continue
        where = f"{quote(namespace)}.{quote(name)}" if qualified and namespace else quote(name)
        listed = ", ".join(selected.values())
        rows = _run(connection, f"SELECT {listed} FROM {where} LIMIT {LIMIT}")
        found[name] = {
            column: [row[at] for row in rows if row[at] is not None]
            for at, column in enumerate(columns)
        }
    return found
