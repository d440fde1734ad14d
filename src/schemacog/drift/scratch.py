"""The catalog the schema's DDL makes, read from a throwaway database of the live
database's engine: in memory for SQLite and DuckDB, a new database on the same server
for PostgreSQL and MariaDB (named ``schemacog_diff_<random>``, dropped after, whatever
happens). The DDL is schemacog's own rendering of the configured schema, never text from
elsewhere; the same catalog reader reads both sides, so what an engine rewrites (casts,
spellings, names it gives) is rewritten alike on both."""

from __future__ import annotations

import contextlib
import secrets
import sqlite3
from typing import Any

from schemacog.db.catalog import Catalog, read_catalog
from schemacog.db.engines import EngineUnavailable, mariadb_dsn
from schemacog.db.urls import parse_url
from schemacog.importing.connect import PINNED_SETTINGS, ConnectError, driver, masked, one_line

__all__ = ["scratch_catalog"]


def scratch_catalog(dialect: str, ddl: str, url: str) -> Catalog:
    """The catalog ``ddl`` makes in a throwaway database beside ``url``'s."""
    if dialect == "sqlite":
        connection = sqlite3.connect(":memory:")
        try:
            connection.executescript(ddl)
            return read_catalog("sqlite", connection, "")
        finally:
            connection.close()
    if dialect == "duckdb":
        duckdb = driver("duckdb")
        settings = {"enable_external_access": False, "autoload_known_extensions": False}
        with contextlib.closing(duckdb.connect(":memory:", config=settings)) as memory:
            memory.execute(ddl)
            return read_catalog("duckdb", memory, "")
    name = f"schemacog_diff_{secrets.token_hex(6)}"
    if dialect == "postgres":
        return _postgres(ddl, url, name)
    return _mariadb(ddl, url, name)


def _postgres(ddl: str, url: str, name: str) -> Catalog:
    psycopg = driver("psycopg")
    parsed = parse_url(url)
    options = f"-c statement_timeout=300000 {PINNED_SETTINGS}"
    try:
        admin = psycopg.connect(parsed.for_libpq(), autocommit=True, connect_timeout=10)
    except (psycopg.Error, UnicodeError, ValueError) as exc:  # (a strange host name)
        raise ConnectError(f"cannot connect to {parsed.shown}: {_said(exc, parsed)}") from None
    with contextlib.closing(admin):
        try:
            admin.execute(f'CREATE DATABASE "{name}"')
        except psycopg.Error as exc:
            raise ConnectError(
                "cannot make a throwaway database to compare with (the user needs "
                f"CREATEDB): {_said(exc, parsed)}"
            ) from None
        try:
            with contextlib.closing(
                psycopg.connect(
                    parsed.for_libpq(),
                    dbname=name,
                    autocommit=True,
                    connect_timeout=10,
                    options=options,
                )
            ) as scratch:
                scratch.execute(ddl)
                scratch.execute("SET search_path = pg_catalog, pg_temp")
                return read_catalog("postgres", scratch, "public")
        except psycopg.Error as exc:
            raise ConnectError(f"the schema's DDL failed: {_said(exc, parsed)}") from None
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _mariadb(ddl: str, url: str, name: str) -> Catalog:
    pymysql = driver("pymysql")
    parsed = parse_url(url)
    try:
        dsn = mariadb_dsn(url)
    except EngineUnavailable as exc:
        raise ConnectError(str(exc)) from None
    dsn.pop("database", None)
    try:
        connection = pymysql.connect(
            **dsn, connect_timeout=10, read_timeout=300, client_flag=_MULTI_STATEMENTS
        )
    except pymysql.Error as exc:
        raise ConnectError(f"cannot connect to MariaDB: {_said(exc, parsed)}") from None
    with contextlib.closing(connection):
        with connection.cursor() as cursor:
            try:
                cursor.execute(f"CREATE DATABASE `{name}`")
            except pymysql.Error as exc:
                raise ConnectError(
                    f"cannot make a throwaway database to compare with: {_said(exc, parsed)}"
                ) from None
        try:
            with connection.cursor() as cursor:
                cursor.execute(f"USE `{name}`")
                cursor.execute(ddl)
                while cursor.nextset():
                    pass
            return read_catalog("mariadb", connection, name)
        except pymysql.Error as exc:
            raise ConnectError(f"the schema's DDL failed: {_said(exc, parsed)}") from None
        finally:  # on a connection of its own: an interrupt may leave this one unusable
            _drop_mariadb(pymysql, dsn, name)


def _drop_mariadb(pymysql: Any, dsn: dict[str, Any], name: str) -> None:
    connection = pymysql.connect(**dsn, connect_timeout=10)
    with contextlib.closing(connection), connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS `{name}`")


_MULTI_STATEMENTS = 1 << 16  # CLIENT.MULTI_STATEMENTS: the DDL is one script


def _said(error: Exception, parsed: Any) -> str:
    return masked(one_line(error), parsed.secrets)
