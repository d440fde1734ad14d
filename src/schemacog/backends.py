"""The one registry of SQL backends: dialect name -> its dialect and its engine adapter.

Everything that lists dialects derives from ``BACKENDS``: the renderers and marker and
config checks (``DIALECTS``), ``schemacog verify`` and its ``--engines``
(``VERIFY_ORDER``), the engine adapters and the tests. Opening an engine imports
``schemacog.engines`` and its driver only then: importing this module loads no driver.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from schemacog.sql.dialects import DUCKDB, MARIADB, POSTGRES, SQLITE, Dialect

if TYPE_CHECKING:
    from schemacog.engines import Engine


@dataclass(frozen=True)
class Backend:
    dialect: Dialect
    connect: Callable[[str | None], Engine]  # connection (None: the local default) -> engine
    url_variable: str | None = None  # a server's connection variable; None: runs in-process

    @property
    def in_process(self) -> bool:
        """Runs in memory here, with nothing to connect to."""
        return self.url_variable is None


def _postgres(url: str | None) -> Engine:
    from schemacog.engines import PostgresEngine

    return PostgresEngine(url or "dbname=postgres")


def _sqlite(url: str | None) -> Engine:
    from schemacog.engines import SqliteEngine

    return SqliteEngine()


def _duckdb(url: str | None) -> Engine:
    from schemacog.engines import DuckdbEngine

    return DuckdbEngine()


def _mariadb(url: str | None) -> Engine:
    from schemacog.engines import MariadbEngine, mariadb_dsn

    return MariadbEngine(mariadb_dsn(url))


BACKENDS: Final[Mapping[str, Backend]] = {
    backend.dialect.name: backend
    for backend in (
        Backend(POSTGRES, _postgres, "SCHEMACOG_POSTGRES_DSN"),
        Backend(SQLITE, _sqlite),
        Backend(DUCKDB, _duckdb),
        Backend(MARIADB, _mariadb, "SCHEMACOG_MARIADB_URL"),
    )
}
DIALECTS: Final[Mapping[str, Dialect]] = {name: b.dialect for name, b in BACKENDS.items()}
# the engines verify runs by default, in order: in-process ones first, then the servers
VERIFY_ORDER: Final = tuple(sorted(BACKENDS, key=lambda name: not BACKENDS[name].in_process))
