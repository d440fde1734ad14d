"""SQL backends: each dialect of ``sql.dialects.DIALECTS`` with the engine adapter that runs it.

The renderers, markers and config read ``DIALECTS`` (the render layer); ``schemacog
verify``, its ``--engines`` (``VERIFY_ORDER``) and the tests read ``BACKENDS``, which
pairs every dialect with its adapter and refuses to import when the two disagree.
Opening an engine imports ``schemacog.db.engines`` and its driver only then: importing this
module loads no driver.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from schemacog.render.sql.dialects import DIALECTS, Dialect

__all__ = ["BACKENDS", "DIALECTS", "VERIFY_ORDER", "Backend"]

if TYPE_CHECKING:
    from schemacog.db.engines import Engine


@dataclass(frozen=True)
class Backend:
    dialect: Dialect
    connect: Callable[[str | None], Engine]  # connection (None: the local default) -> engine
    url_variable: str | None = None  # a server's connection variable; None: runs in-process
    # variables the driver itself reads a connection from (libpq's PGHOST, ...)
    driver_variables: tuple[str, ...] = ()

    @property
    def in_process(self) -> bool:
        """Runs in memory here, with nothing to connect to."""
        return self.url_variable is None


def _postgres(url: str | None) -> Engine:
    from schemacog.db.engines import PostgresEngine, postgres_dsn

    return PostgresEngine(postgres_dsn(url))


def _sqlite(url: str | None) -> Engine:
    from schemacog.db.engines import SqliteEngine

    return SqliteEngine()


def _duckdb(url: str | None) -> Engine:
    from schemacog.db.engines import DuckdbEngine

    return DuckdbEngine()


def _mariadb(url: str | None) -> Engine:
    from schemacog.db.engines import MariadbEngine, mariadb_dsn

    return MariadbEngine(mariadb_dsn(url))


_LIBPQ_VARIABLES: Final = (
    *("PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD", "PGSERVICE"),
)

# dialect name -> how to open its engine, the variable of a server's connection, and the
# variables its driver reads one from
_ADAPTERS: Final[
    Mapping[str, tuple[Callable[[str | None], Engine], str | None, tuple[str, ...]]]
] = {
    "postgres": (_postgres, "SCHEMACOG_POSTGRES_DSN", _LIBPQ_VARIABLES),
    "sqlite": (_sqlite, None, ()),
    "duckdb": (_duckdb, None, ()),
    "mariadb": (_mariadb, "SCHEMACOG_MARIADB_URL", ()),
}
if set(_ADAPTERS) != set(DIALECTS):  # a dialect without an engine, or an engine without one
    raise ImportError(f"engine adapters {sorted(_ADAPTERS)} do not match {sorted(DIALECTS)}")

BACKENDS: Final[Mapping[str, Backend]] = {
    name: Backend(dialect, *_ADAPTERS[name]) for name, dialect in DIALECTS.items()
}
# the engines verify runs by default, in order: in-process ones first, then the servers
VERIFY_ORDER: Final = tuple(sorted(BACKENDS, key=lambda name: not BACKENDS[name].in_process))
