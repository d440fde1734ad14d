"""A live database opened for reading from its URL (``schemacog.db.urls``, the parser
verify uses): SQLite and DuckDB files read-only (they must exist), PostgreSQL in
read-only transactions, MariaDB as given. Every failure is one line that names no
password (``ConnectError``)."""

from __future__ import annotations

import contextlib
import dataclasses
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from schemacog.db.catalog import Catalog, read_catalog
from schemacog.db.engines import EngineUnavailable, mariadb_dsn
from schemacog.db.urls import UrlError, is_url, parse_url
from schemacog.importing.samples import Samples, first_rows
from schemacog.naming import HISTORY_TABLE

__all__ = [
    "PINNED_SETTINGS",
    "SQLITE_MAGIC",
    "ConnectError",
    "Opened",
    "driver",
    "masked",
    "one_line",
    "read_database",
    "refuse_settings",
    "without_history",
]

SQLITE_MAGIC = b"SQLite format 3\x00"


class ConnectError(Exception):
    """The database cannot be read: one line, never a password."""


@dataclass(frozen=True)
class Opened:
    dialect: str
    catalog: Catalog
    name: str  # the database's name, for the schema's ``name``
    shown: str  # the URL as it may be printed
    samples: Samples | None = None  # the first rows of each table (``--infer``)


def without_history(catalog: Catalog) -> Catalog:
    """``catalog`` without migrate apply's history table (``naming.HISTORY_TABLE``)."""
    if HISTORY_TABLE not in catalog.tables:
        return catalog
    tables = {name: t for name, t in catalog.tables.items() if name != HISTORY_TABLE}
    return dataclasses.replace(catalog, tables=tables)


def _read(
    dialect: str, connection: Any, namespace: str, infer: bool
) -> tuple[Catalog, Samples | None]:
    catalog = read_catalog(dialect, connection, namespace)
    if not infer:
        return catalog, None
    return catalog, first_rows(dialect, connection, namespace or "main", catalog)


def refuse_settings(path_text: str) -> None:
    """A path that is libpq's key=value settings (ConnectError; never echoed: it may
    hold a password)."""
    if "=" in path_text and " " in path_text:
        raise ConnectError(
            "not a URL or a path to a SQLite file (key=value settings are not read: "
            "use a postgresql:// URL)"
        )


def _file(path_text: str | None, what: str) -> Path:
    if not path_text:
        raise ConnectError(f"a {what} URL names a file: {what}:///path")
    refuse_settings(path_text)
    path = Path(path_text)
    if path.is_dir():
        raise ConnectError(f"{path_text!r} is a folder, not a {what} database file")
    if not path.is_file():
        raise ConnectError(f"no {what} database at {path_text!r}: the file does not exist")
    return path


def read_database(text: str, *, infer: bool = False) -> Opened:
    """The catalog of the database ``text`` names (a URL, or a path to a SQLite file);
    ``infer``: and the first rows of each table."""
    if not is_url(text):
        path = _file(text, "sqlite")
        catalog, samples = _sqlite(path, infer)
        return Opened("sqlite", catalog, _name(path.stem), text, samples)
    try:
        url = parse_url(text)
    except UrlError as exc:
        raise ConnectError(f"the URL cannot be used: {exc}") from None
    if url.dialect == "sqlite":
        path = _file(url.database, "sqlite")
        catalog, samples = _sqlite(path, infer)
        return Opened("sqlite", catalog, _name(path.stem), url.shown, samples)
    if url.dialect == "duckdb":
        path = _file(url.database, "duckdb")
        catalog, samples = _duckdb(path, infer)
        return Opened("duckdb", catalog, _name(path.stem), url.shown, samples)
    if url.dialect == "postgres":  # the URL as libpq reads it (its password kept from view)
        schema = url.query.get("schema", "public")
        catalog, samples = _postgres(url.for_libpq(), schema, url.shown, url.secrets, infer)
        return Opened("postgres", catalog, _name(url.database or schema), url.shown, samples)
    if not url.database:
        raise ConnectError("a MariaDB URL names its database: mysql://user@host/DATABASE")
    try:
        dsn = mariadb_dsn(text)
    except EngineUnavailable as exc:
        raise ConnectError(str(exc)) from None
    catalog, samples = _mariadb(dsn, url.database, url.secrets, infer)
    return Opened("mariadb", catalog, _name(url.database), url.shown, samples)


def _name(text: str) -> str:
    name = re.sub(r"[^A-Za-z0-9_]", "_", text)[:63] or "imported"
    return f"_{name[:62]}" if name[0].isdigit() else name


def _sqlite(path: Path, infer: bool) -> tuple[Catalog, Samples | None]:
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    if head != SQLITE_MAGIC:  # an empty file too: SQLite would read it as a database
        raise ConnectError(f"{str(path)!r} is not a SQLite database")
    # immutable: nothing is written, not even the -shm file of a WAL database, so a
    # read-only folder or medium reads too; but an immutable reader ignores the -wal
    # file, so where one holds commits (a WAL database in use) the file is read as
    # SQLite reads it, read-only, through the -wal and -shm files beside it
    wal = path.with_name(path.name + "-wal")
    pending = wal.is_file() and wal.stat().st_size > 0
    uri = f"file:{quote(str(path.resolve()))}?mode=ro" + ("" if pending else "&immutable=1")
    try:
        connection = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise ConnectError(f"cannot open {str(path)!r}: {exc}") from None
    try:
        return _read("sqlite", connection, "", infer)
    except sqlite3.Error as exc:
        raise ConnectError(f"cannot read {str(path)!r}: {exc}") from None
    finally:
        connection.close()


def driver(module: str, extra: str = "db") -> Any:
    try:
        return __import__(module)
    except ImportError:
        raise ConnectError(
            f"the {module} driver is not installed (pip install 'schemacog[{extra}]')"
        ) from None


def _duckdb(path: Path, infer: bool) -> tuple[Catalog, Samples | None]:
    duckdb = driver("duckdb")
    with path.open("rb") as handle:
        head = handle.read(12)
    if head[8:12] != b"DUCK":  # else DuckDB may try a scanner extension for the file
        raise ConnectError(f"{str(path)!r} is not a DuckDB database")
    # no extension, and no file but the database's: a macro the file defines (one named
    # like a catalog function, which would win over it unqualified: the reader names
    # them ``system.main.``) reads nothing from the machine
    settings = {
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
        "enable_external_access": False,
        "lock_configuration": True,
    }
    try:
        connection = duckdb.connect(str(path), read_only=True, config=settings)
    except duckdb.Error as exc:
        raise ConnectError(
            f"cannot open {str(path)!r} as a DuckDB database: {one_line(exc)}"
        ) from None
    try:
        return _read("duckdb", connection, "", infer)
    except duckdb.Error as exc:
        raise ConnectError(f"cannot read {str(path)!r}: {one_line(exc)}") from None
    finally:
        connection.close()


def one_line(error: Exception) -> str:
    return " ".join(str(error).split())[:500]


def masked(text: str, secrets: frozenset[str]) -> str:
    """``text``, unless the password (in any form: as written, decoded, percent-encoded)
    occurs in it: then a fixed line (masking only the password's places would show
    where it stands, and a short password is part of many words)."""
    forms = secrets | {quote(secret, safe="") for secret in secrets}
    if any(form in text for form in forms):
        return "the driver's message is not shown (it holds text of the password)"
    return text


# the session settings PostgreSQL's deparsing reads, at their defaults
PINNED_SETTINGS = " ".join(
    f"-c {setting}"
    for setting in (
        "standard_conforming_strings=on",
        "DateStyle=ISO,MDY",
        "IntervalStyle=postgres",
        "TimeZone=UTC",
        "extra_float_digits=1",
        "bytea_output=hex",
        "quote_all_identifiers=off",
        "backslash_quote=safe_encoding",
    )
)


def _postgres(
    dsn: str, schema: str, shown: str, password: frozenset[str], infer: bool
) -> tuple[Catalog, Samples | None]:
    psycopg = driver("psycopg")
    try:
        connection = psycopg.connect(
            dsn,
            connect_timeout=10,
            autocommit=True,
            # no function or operator of the database's own on the search path (the
            # catalog reader says why), and no row-level security policy run as the
            # reader: a table a policy would filter is an error, not a call
            # and the settings that decide how the catalog's functions write SQL text
            # pinned: a database's own (ALTER DATABASE ... SET) would change what a CHECK
            # or a default reads as (standard_conforming_strings=off doubles backslashes)
            options="-c default_transaction_read_only=on -c statement_timeout=300000 "
            "-c search_path=pg_catalog,pg_temp -c row_security=off " + PINNED_SETTINGS,
        )
    except psycopg.Error as exc:
        raise ConnectError(
            f"cannot connect to {shown}: {masked(one_line(exc), password)}"
        ) from None
    except (UnicodeError, ValueError) as exc:  # libpq's own fault on a strange host name
        raise ConnectError(
            f"cannot connect to {shown}: the driver failed ({type(exc).__name__})"
        ) from None
    with contextlib.closing(connection):
        found = connection.execute(
            "SELECT 1 FROM pg_namespace WHERE nspname = %s", [schema]
        ).fetchone()
        if found is None:
            raise ConnectError(f"no schema {schema!r} in the database ({shown})")
        try:
            return _read("postgres", connection, schema, infer)
        except psycopg.Error as exc:  # a table it may not read (--infer), a timeout ...
            raise ConnectError(f"cannot read {shown}: {masked(one_line(exc), password)}") from None


def _mariadb(
    dsn: dict[str, Any], database: str, password: frozenset[str], infer: bool
) -> tuple[Catalog, Samples | None]:
    pymysql = driver("pymysql")
    try:
        connection = pymysql.connect(**dsn, connect_timeout=10, read_timeout=300)
    except pymysql.Error as exc:
        raise ConnectError(
            f"cannot connect to MariaDB: {masked(one_line(exc), password)}"
        ) from None
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
        try:
            return _read("mariadb", connection, database, infer)
        except pymysql.Error as exc:
            raise ConnectError(f"cannot read MariaDB: {masked(one_line(exc), password)}") from None
