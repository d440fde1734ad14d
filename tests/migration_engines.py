"""Real databases for migration tests, one throwaway database each, run by the engine's
own client: ``sqlite3 -bail``, DuckDB's ``execute`` of the whole text, ``psql -v
ON_ERROR_STOP=1 -f``, ``mysql DB <``. Each reads its catalog with ``schemacog.db.catalog``
and its rows with the driver."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

import pytest

from schemacog.db.catalog import Catalog, read_catalog
from schemacog.model import Schema
from schemacog.render.sql.ddl import creation_order, dialect_named, literal, quote

ENGINES = ("sqlite", "duckdb", "postgres", "mariadb")
MARIADB_SOCKET = "/run/mysqld/mysqld.sock"


class ScriptFailed(Exception):
    """The client stopped on an error: its message."""


class Database(Protocol):
    dialect: str

    def run(self, sql: str) -> None: ...

    def catalog(self) -> Catalog: ...

    def rows(self, table: str, columns: list[str]) -> list[tuple[Any, ...]]: ...


def _client(args: list[str], sql: str, env: dict[str, str] | None = None) -> None:
    done = subprocess.run(
        args, input=sql.encode(), capture_output=True, timeout=120, env=env, check=False
    )
    if done.returncode != 0:
        raise ScriptFailed(done.stderr.decode("utf-8", "replace"))


class SqliteDatabase:
    dialect = "sqlite"

    def __init__(self, folder: Path) -> None:
        self.path = folder / f"m_{uuid.uuid4().hex[:8]}.db"
        self.path.touch()

    def run(self, sql: str) -> None:
        _client(["sqlite3", "-bail", str(self.path)], sql)

    def connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path)

    def catalog(self) -> Catalog:
        with _closing(self.connect()) as connection:
            return read_catalog("sqlite", connection)

    def rows(self, table: str, columns: list[str]) -> list[tuple[Any, ...]]:
        with _closing(self.connect()) as connection:
            listed = ", ".join(f'"{c}"' for c in columns)
            return sorted(
                connection.execute(f'SELECT {listed} FROM "{table}"').fetchall(), key=repr
            )


class DuckdbDatabase:
    dialect = "duckdb"

    def __init__(self, folder: Path) -> None:
        self.path = folder / f"m_{uuid.uuid4().hex[:8]}.duckdb"

    def connect(self) -> Any:
        import duckdb

        return duckdb.connect(str(self.path))

    def run(self, sql: str) -> None:
        import duckdb

        with _closing(self.connect()) as connection:
            try:
                connection.execute(sql)
            except duckdb.Error as exc:
                raise ScriptFailed(str(exc)) from None

    def catalog(self) -> Catalog:
        with _closing(self.connect()) as connection:
            return read_catalog("duckdb", connection)

    def rows(self, table: str, columns: list[str]) -> list[tuple[Any, ...]]:
        with _closing(self.connect()) as connection:
            listed = ", ".join(f'"{c}"' for c in columns)
            return sorted(
                connection.execute(f'SELECT {listed} FROM "{table}"').fetchall(), key=repr
            )


class PostgresDatabase:
    dialect = "postgres"

    def __init__(self) -> None:
        import psycopg

        self.schema = f"sc_mig_{uuid.uuid4().hex[:10]}"
        self.connection = psycopg.connect("dbname=postgres", autocommit=True)
        self.connection.execute(f"CREATE SCHEMA {self.schema}")

    def run(self, sql: str) -> None:
        env = {**os.environ, "PGOPTIONS": f"-c search_path={self.schema}"}
        args = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "postgres", "-f", "-"]
        _client(args, sql, env)

    def catalog(self) -> Catalog:
        return read_catalog("postgres", self.connection, self.schema)

    def rows(self, table: str, columns: list[str]) -> list[tuple[Any, ...]]:
        listed = ", ".join(f'"{c}"' for c in columns)
        query = f'SELECT {listed} FROM {self.schema}."{table}"'
        return sorted(self.connection.execute(query).fetchall(), key=repr)

    def close(self) -> None:
        self.connection.execute(f"DROP SCHEMA {self.schema} CASCADE")
        self.connection.close()


class MariadbDatabase:
    dialect = "mariadb"

    def __init__(self) -> None:
        import pymysql

        self.database = f"sc_mig_{uuid.uuid4().hex[:10]}"
        self.connection = pymysql.connect(
            unix_socket=MARIADB_SOCKET, user="root", autocommit=True, charset="utf8mb4"
        )
        with self.connection.cursor() as cursor:
            cursor.execute(f"CREATE DATABASE {self.database}")

    def run(self, sql: str) -> None:
        _client(["mysql", "--default-character-set=utf8mb4", self.database], sql)

    def catalog(self) -> Catalog:
        return read_catalog("mariadb", self.connection, self.database)

    def rows(self, table: str, columns: list[str]) -> list[tuple[Any, ...]]:
        listed = ", ".join(f"`{c}`" for c in columns)
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT {listed} FROM `{self.database}`.`{table}`")
            return sorted(cursor.fetchall(), key=repr)

    def close(self) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE {self.database}")
        self.connection.close()


@contextmanager
def _closing(connection: Any) -> Iterator[Any]:
    try:
        yield connection
    finally:
        connection.close()


def available(engine: str) -> str | None:
    """Why ``engine`` cannot run here (None: it can)."""
    try:
        if engine == "sqlite" and shutil.which("sqlite3") is None:
            return "no sqlite3 client"
        if engine == "duckdb":
            import duckdb  # noqa: F401
        if engine == "postgres":
            import psycopg

            psycopg.connect("dbname=postgres", connect_timeout=5).close()
            if shutil.which("psql") is None:
                return "no psql client"
        if engine == "mariadb":
            import pymysql

            pymysql.connect(unix_socket=MARIADB_SOCKET, user="root", connect_timeout=5).close()
            if shutil.which("mysql") is None:
                return "no mysql client"
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


@contextmanager
def database(engine: str, folder: Path) -> Iterator[Database]:
    """A throwaway database of ``engine``; skipped where the engine is not here, failed
    where ``SCHEMACOG_REQUIRE_<ENGINE>=1`` says it must be."""
    reason = available(engine)
    if reason is not None:
        if os.environ.get(f"SCHEMACOG_REQUIRE_{engine.upper()}") == "1":
            pytest.fail(f"{engine} is required here: {reason}")
        pytest.skip(f"{engine}: {reason}")
    made: Any
    if engine == "sqlite":
        made = SqliteDatabase(folder)
    elif engine == "duckdb":
        made = DuckdbDatabase(folder)
    elif engine == "postgres":
        made = PostgresDatabase()
    else:
        made = MariadbDatabase()
    try:
        yield made
    finally:
        close = getattr(made, "close", None)
        if close is not None:
            close()


def example_inserts(schema: Schema, dialect_name: str) -> str:
    """INSERTs of every example row, parents first, with foreign keys unchecked where
    the engine can say so (rows may name rows further down)."""
    dialect = dialect_named(dialect_name)
    order, _ = creation_order(schema, dialect)
    lines = {
        "postgres": ["SET session_replication_role = replica;"],
        "mariadb": ["SET foreign_key_checks = 0;"],
    }.get(dialect_name, [])
    for table in order:
        for example in table.examples:
            names = ", ".join(quote(dialect, n) for n in example.values)
            values = ", ".join(
                literal(dialect, table.column(n), v) for n, v in example.values.items()
            )
            lines.append(f"INSERT INTO {quote(dialect, table.name)} ({names}) VALUES ({values});")
    return "\n".join(lines) + "\n"


def url_of(db: Database) -> str:
    """The URL schemacog's commands take for ``db`` (a SQLite file as a plain path)."""
    if isinstance(db, SqliteDatabase):
        return str(db.path)
    if isinstance(db, DuckdbDatabase):
        return f"duckdb:///{db.path}"
    if isinstance(db, PostgresDatabase):
        return f"postgresql:///postgres?schema={db.schema}"
    assert isinstance(db, MariadbDatabase)
    return f"mysql://root@localhost/{db.database}?unix_socket={MARIADB_SOCKET}"
