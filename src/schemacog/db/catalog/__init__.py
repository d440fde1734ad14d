"""Catalog readers: what a live database holds, read the same way for every engine.

Each engine's reader fills one normalized ``Catalog`` (``model``), so that two databases
built from equal DDL read equal, whatever order their columns were added in. Migrations'
tests compare with it; import and live-database drift build on it. ``READERS`` pairs each
dialect with its reader.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Final

from schemacog.db.catalog.duckdb import read_duckdb
from schemacog.db.catalog.mariadb import read_mariadb
from schemacog.db.catalog.model import Catalog, CatalogTable, Check, Column, ForeignKey, Key
from schemacog.db.catalog.postgres import read_postgres
from schemacog.db.catalog.sqlite import read_sqlite

__all__ = [
    "READERS",
    "Catalog",
    "CatalogTable",
    "Check",
    "Column",
    "ForeignKey",
    "Key",
    "read_catalog",
]

# dialect -> reader of a DB-API connection (and, on a server, the schema or database read)
READERS: Final[Mapping[str, Callable[[Any, str], Catalog]]] = MappingProxyType(
    {
        "sqlite": read_sqlite,
        "duckdb": read_duckdb,
        "postgres": read_postgres,
        "mariadb": read_mariadb,
    }
)


def read_catalog(dialect: str, connection: Any, namespace: str = "") -> Catalog:
    """The catalog of ``connection``: ``namespace`` is PostgreSQL's schema, MariaDB's
    database, DuckDB's schema (default ``main``); SQLite reads its ``main`` database."""
    return READERS[dialect](connection, namespace)
