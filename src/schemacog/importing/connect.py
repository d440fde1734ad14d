"""A live database opened for reading from its URL (``schemacog.db.urls``, the parser
verify uses): SQLite and DuckDB files read-only (they must exist), PostgreSQL in
read-only transactions, MariaDB as given. Every failure is one line that names no
password (``ConnectError``)."""

from __future__ import annotations

import contextlib
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from schemacog.db.catalog import Catalog, read_catalog
from schemacog.db.engines import EngineUnavailable, _without_secrets, mariadb_dsn
from schemacog.db.urls import UrlError, is_url, parse_url

__all__ = ["ConnectError", "Opened", "read_database"]

_SQLITE_MAGIC = b"SQLite format 3\x00"


class ConnectError(Exception):
    """The database cannot be read: one line, never a password."""


@dataclass(frozen=True)
class Opened:
    dialect: str
    catalog: Catalog
    name: str  # the database's name, for the schema's ``name``
    shown: str  # the URL as it may be printed


def _file(path_text: str | None, what: str) -> Path:
    if not path_text:
        raise ConnectError(f"a {what} URL names a file: {what}:///path")
    path = Path(path_text)
    if not path.is_file():
        raise ConnectError(f"no {what} database at {path_text!r}: the file does not exist")
    return path


def read_database(text: str) -> Opened:
    """The catalog of the database ``text`` names (a URL, or a path to a SQLite file)."""
    if not is_url(text):
        path = _file(text, "sqlite")
        return Opened("sqlite", _sqlite(path), _name(path.stem), text)
    try:
        url = parse_url(text)
    except UrlError as exc:
        raise ConnectError(f"the URL cannot be used: {exc}") from None
    if url.dialect == "sqlite":
        path = _file(url.database, "sqlite")
        return Opened("sqlite", _sqlite(path), _name(path.stem), url.shown)
    if url.dialect == "duckdb":
        path = _file(url.database, "duckdb")
        return Opened("duckdb", _duckdb(path), _name(path.stem), url.shown)
    if url.dialect == "postgres":
        schema = url.query.get("schema", "public")
        catalog = _postgres(url.for_libpq(), schema, url.shown)
        return Opened("postgres", catalog, _name(url.database or schema), url.shown)
    if not url.database:
        raise ConnectError("a MariaDB URL names its database: mysql://user@host/DATABASE")
    try:
        dsn = mariadb_dsn(text)
    except EngineUnavailable as exc:
        raise ConnectError(str(exc)) from None
    return Opened("mariadb", _mariadb(dsn, url.database), _name(url.database), url.shown)


def _name(text: str) -> str:
    name = re.sub(r"[^A-Za-z0-9_]", "_", text)[:63] or "imported"
    return f"_{name[:62]}" if name[0].isdigit() else name


def _sqlite(path: Path) -> Catalog:
    with path.open("rb") as handle:
        head = handle.read(len(_SQLITE_MAGIC))
    if head != _SQLITE_MAGIC and path.stat().st_size:
        raise ConnectError(f"{str(path)!r} is not a SQLite database")
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise ConnectError(f"cannot open {str(path)!r}: {exc}") from None
    try:
        return read_catalog("sqlite", connection)
    except sqlite3.Error as exc:
        raise ConnectError(f"cannot read {str(path)!r}: {exc}") from None
    finally:
        connection.close()


def _driver(module: str, extra: str = "db") -> Any:
    try:
        return __import__(module)
    except ImportError:
        raise ConnectError(
            f"the {module} driver is not installed (pip install 'schemacog[{extra}]')"
        ) from None


def _duckdb(path: Path) -> Catalog:
    duckdb = _driver("duckdb")
    try:
        connection = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise ConnectError(
            f"cannot open {str(path)!r} as a DuckDB database: {_line(exc)}"
        ) from None
    try:
        return read_catalog("duckdb", connection)
    finally:
        connection.close()


def _line(error: Exception) -> str:
    return " ".join(str(error).split())[:500]


def _postgres(dsn: str, schema: str, shown: str) -> Catalog:
    psycopg = _driver("psycopg")
    try:
        connection = psycopg.connect(
            dsn,
            connect_timeout=10,
            autocommit=True,
            options="-c default_transaction_read_only=on -c statement_timeout=300000",
        )
    except psycopg.Error as exc:
        raise ConnectError(
            f"cannot connect to {shown}: {_line(Exception(_without_secrets(exc, dsn)))}"
        ) from None
    with contextlib.closing(connection):
        found = connection.execute(
            "SELECT 1 FROM pg_namespace WHERE nspname = %s", [schema]
        ).fetchone()
        if found is None:
            raise ConnectError(f"no schema {schema!r} in the database ({shown})")
        return read_catalog("postgres", connection, schema)


def _mariadb(dsn: dict[str, Any], database: str) -> Catalog:
    pymysql = _driver("pymysql")
    try:
        connection = pymysql.connect(**dsn, connect_timeout=10, read_timeout=300)
    except pymysql.Error as exc:
        raise ConnectError(f"cannot connect to MariaDB: {_line(exc)}") from None
    except Exception as exc:  # PyMySQL's own fault on a strange setting
        raise ConnectError(
            f"cannot connect to MariaDB: the driver failed ({type(exc).__name__})"
        ) from None
    with contextlib.closing(connection):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = %s", [database]
            )
            if cursor.fetchone() is None:
                raise ConnectError(f"no database {database!r} on the server")
        return read_catalog("mariadb", connection, database)
