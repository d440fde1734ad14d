"""Real database engines, for running generated DDL and example rows.

SQLite (stdlib) and DuckDB run in memory; PostgreSQL gets a throwaway schema and
MariaDB a throwaway database, both dropped on ``close`` even after a failure. Drivers
are imported lazily: the core of schemacog needs none of them (``schemacog[verify]``).
``schemacog.db.backends`` maps each dialect name to the adapter that runs it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
import importlib.util
import json
import os
import re
import secrets
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from types import MappingProxyType
from typing import Any, Final, Protocol

from schemacog.db.least_privilege import (
    Limited,
    Watchdog,
    mariadb_rights,
    postgres_rights,
    throwaway_name,
    with_user,
)
from schemacog.db.urls import UrlError, is_url, parse_url
from schemacog.model import Column, LogicalType, Table, Value
from schemacog.render.sql.ddl import dialect_named, quote
from schemacog.render.sql.dialects import DUCKDB, MARIADB, POSTGRES, SQLITE, utc
from schemacog.sandbox.codec import encode

__all__ = [
    "CHILD_CPU_SECONDS",
    "CHILD_MEMORY",
    "ENGINE_SECONDS",
    "LOCAL_MARIADB",
    "LOCAL_POSTGRES",
    "LOCK_SECONDS",
    "STATEMENT_SECONDS",
    "CatalogColumn",
    "DriverMissing",
    "DuckdbEngine",
    "Engine",
    "EngineSpent",
    "EngineUnavailable",
    "MariadbEngine",
    "PostgresEngine",
    "Rows",
    "ScriptError",
    "SqliteEngine",
    "Together",
    "mariadb_dsn",
    "postgres_dsn",
]


class EngineUnavailable(Exception):
    """The engine's driver or server is not available here."""


class EngineSpent(Exception):
    """An engine's database has used all the time verify gives it."""


class DriverMissing(EngineUnavailable):
    """The engine's driver is not installed (``pip install 'schemacog[verify]'``)."""


@dataclass(frozen=True)
class CatalogColumn:
    name: str
    type: str  # as the engine's catalog spells it
    nullable: bool


Rows = Sequence[tuple[Table, Mapping[str, Value]]]


@dataclass(frozen=True)
class Together:
    """What inserting rows in one transaction gave: an error text per row, or None."""

    errors: list[str | None]
    commit: str | None = None  # the error at commit (deferred foreign keys); nothing stored
    checks_off: bool = False  # loaded with foreign key checks off (MariaDB, asked to)


class Engine(Protocol):
    dialect: str
    # why the session may reach beyond its throwaway database (None: it cannot)
    not_limited: str | None
    session: str  # who runs the SQL, said by verify

    def run_script(self, sql: str) -> None: ...

    def insert(self, table: Table, values: Mapping[str, Value]) -> str | None:
        """Insert a row; the engine's error text if it refused it, else None."""
        ...

    def insert_together(self, rows: Rows, *, foreign_key_checks: bool = True) -> Together:
        """Insert rows in one transaction, so that deferred foreign keys are checked at
        its commit; a row refused is left out. ``foreign_key_checks=False`` turns them off
        where the engine defers none (MariaDB), to load a cycle."""
        ...

    def columns(self, table: str) -> list[CatalogColumn]: ...

    def primary_key(self, table: str) -> list[str]: ...

    def close(self) -> None: ...


def _json_text(value: Value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _text_params(column: Column, value: Value) -> object:
    """Parameters for drivers that want plain text for dates, decimals and uuids."""
    if value is None:
        return None
    if column.type is LogicalType.JSON:
        return _json_text(value)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, dt.date | dt.time):  # datetime is a date too
        return value.isoformat()
    return value


def _insert_sql(dialect: str, table: Table, names: Sequence[str], marker: str) -> str:
    d = dialect_named(dialect)
    columns = ", ".join(quote(d, n) for n in names)
    params = ", ".join(marker for _ in names)
    return f"INSERT INTO {quote(d, table.name)} ({columns}) VALUES ({params})"


class ScriptError(Exception):
    """What the engine said about a script that it refused."""


class _InChild:
    """An in-memory database in a limited child process (``db.engine_child``): the SQL
    of a user template runs in isolation there, never in this process."""

    dialect: str
    not_limited: str | None = None  # it reaches no file, and holds nothing but its own
    session = "in memory, in a limited child process that reaches no file"

    def __init__(self) -> None:
        from schemacog.sandbox.isolation import Child, ChildFailed

        self._failed = ChildFailed
        self._started = time.monotonic()
        child = files("schemacog.db").joinpath("engine_child.py")
        try:
            self._child = Child(
                [str(child), self.dialect, str(STATEMENT_SECONDS)],
                cpu_seconds=CHILD_CPU_SECONDS,
                memory_bytes=CHILD_MEMORY,
            )
        except OSError as exc:
            raise EngineUnavailable(f"cannot start {self.dialect}'s process: {exc}") from exc

    def _ask(self, request: Mapping[str, object]) -> dict[str, Any]:
        line = json.dumps(request, ensure_ascii=True, allow_nan=True).encode()
        try:
            answer: dict[str, Any] = json.loads(
                self._child.ask(line, timeout=min(STATEMENT_SECONDS + 30, _left(self._started)))
            )
        except self._failed as exc:
            raise ScriptError(f"{self.dialect}: {exc}") from None
        if "fault" in answer:
            raise ScriptError(f"{self.dialect}: {answer['fault']}")
        return answer

    def _each(self, statements: Sequence[tuple[str, Sequence[object]]]) -> list[str | None]:
        request = [[sql, [encode(p) for p in params]] for sql, params in statements]  # type: ignore[arg-type]
        return list(self._ask({"each": request})["errors"])

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[list[Any]]:
        return list(self._ask({"query": sql, "params": list(params)})["rows"])

    def _params(self, table: Table, values: Mapping[str, Value]) -> list[object]:
        raise NotImplementedError

    def run_script(self, sql: str) -> None:
        error = self._ask({"script": sql})["error"]
        if error is not None:
            raise ScriptError(error)

    def insert(self, table: Table, values: Mapping[str, Value]) -> str | None:
        return self._inserts([(table, values)])[0]

    def _inserts(self, rows: Rows) -> list[str | None]:
        statements = [
            (_insert_sql(self.dialect, table, list(values), "?"), self._params(table, values))
            for table, values in rows
        ]
        return self._each(statements)

    def close(self) -> None:
        self._child.close()


class SqliteEngine(_InChild):
    dialect = SQLITE.name

    def _params(self, table: Table, values: Mapping[str, Value]) -> list[object]:
        return [_text_params(table.column(n), values[n]) for n in values]

    def insert_together(self, rows: Rows, *, foreign_key_checks: bool = True) -> Together:
        del foreign_key_checks  # SQLite defers: DEFERRABLE INITIALLY DEFERRED
        self._each([("BEGIN", ())])
        errors = self._inserts(rows)
        [failed] = self._each([("COMMIT", ())])
        if failed is not None:
            self._each([("ROLLBACK", ())])
            return Together(errors, failed)
        return Together(errors)

    def columns(self, table: str) -> list[CatalogColumn]:
        rows = self._query(f'PRAGMA table_info("{table}")')
        return [CatalogColumn(r[1], r[2], not r[3]) for r in rows]

    def primary_key(self, table: str) -> list[str]:
        rows = self._query(f'PRAGMA table_info("{table}")')
        return [r[1] for r in sorted((r for r in rows if r[5]), key=lambda r: r[5])]


class DuckdbEngine(_InChild):
    dialect = DUCKDB.name

    def __init__(self) -> None:
        if importlib.util.find_spec("duckdb") is None:
            raise DriverMissing("duckdb is not installed (pip install 'schemacog[verify]')")
        super().__init__()

    def _params(self, table: Table, values: Mapping[str, Value]) -> list[object]:
        return [
            _json_text(values[n])
            if table.column(n).type is LogicalType.JSON and values[n] is not None
            else values[n]
            for n in values
        ]

    def insert_together(self, rows: Rows, *, foreign_key_checks: bool = True) -> Together:
        del foreign_key_checks  # DuckDB leaves a foreign key that closes a cycle out
        return Together(self._inserts(rows))

    def columns(self, table: str) -> list[CatalogColumn]:
        rows = self._query(
            "SELECT column_name, data_type, is_nullable FROM duckdb_columns() "
            "WHERE table_name = ? ORDER BY column_index",
            [table],
        )
        return [CatalogColumn(r[0], r[1], bool(r[2])) for r in rows]

    def primary_key(self, table: str) -> list[str]:
        rows = self._query(
            "SELECT constraint_column_names FROM duckdb_constraints() "
            "WHERE table_name = ? AND constraint_type = 'PRIMARY KEY'",
            [table],
        )
        return list(rows[0][0]) if rows else []


class _OnServer:
    """What a server's engine holds: its connection as given (``admin``), which makes and
    drops the throwaway objects, and the session statements run in (``connection``)."""

    admin: Any
    connection: Any
    user: str | None  # the throwaway user or role, dropped on close
    not_limited: str | None
    session: str

    def _seconds(self) -> float:
        """How long the next statement may run: its own bound, within the engine's."""
        return min(STATEMENT_SECONDS + 5, _left(self._started))

    def _take(self, session: Limited, kind: str, place: str) -> None:
        self._started = time.monotonic()
        self.connection, self.user, self.not_limited = (
            session.connection,
            session.user,
            session.not_limited,
        )
        if session.user is not None:
            self.session = f"as a throwaway {kind} with no right beyond its throwaway {place}"
        else:  # schemacog's own SQL only: a user template's does not run
            self.session = f"as the given user (no user template's SQL: {session.not_limited})"


class PostgresEngine(_OnServer):
    """A throwaway schema in a real PostgreSQL server, dropped on close."""

    dialect = POSTGRES.name

    def __init__(self, dsn: str) -> None:
        try:
            import psycopg
            from psycopg.types.json import Jsonb
        except ImportError as exc:
            raise DriverMissing(
                "psycopg is not installed (pip install 'schemacog[verify]')"
            ) from exc
        self._error = psycopg.Error
        self._jsonb = Jsonb
        self._psycopg = psycopg
        self.admin = self._open(dsn)
        self.schema = throwaway_name()
        try:
            self.admin.execute(f'CREATE SCHEMA "{self.schema}"')
            session = self._limited(dsn)
        except psycopg.Error as exc:
            with contextlib.suppress(psycopg.Error):
                self.admin.execute(f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE')
            self.admin.close()
            raise EngineUnavailable(f"cannot make a throwaway schema: {exc}") from exc
        self._take(session, "role", "schema")
        self._backend = backend = self.connection.info.backend_pid
        end = (
            (lambda: self.admin.execute("SELECT pg_terminate_backend(%s)", [backend]))
            if self.connection is not self.admin
            else self.connection.cancel_safe  # schemacog's own SQL only: no template runs
        )
        self._watch = Watchdog(self.connection.cancel_safe, end)
        try:
            self._settle()
        except psycopg.Error as exc:
            self.close()
            raise EngineUnavailable(f"cannot use the throwaway schema: {exc}") from exc

    def _settle(self) -> None:
        """The session's settings, again after each script (which may change them)."""
        self._execute(
            f"SET statement_timeout = '{STATEMENT_SECONDS}s'; "
            f'SET search_path TO "{self.schema}"'.encode()
        )

    def _execute(self, sql: bytes | str, params: Sequence[object] | None = None) -> Any:
        """One statement of the session, stopped past its time (``Watchdog``)."""
        with self._watch.statement(self._seconds()):
            return self.connection.execute(sql, params)

    def _open(self, dsn: str, **settings: Any) -> Any:
        try:
            # no prepared statements: a plan would outlive a type the DDL drops and recreates
            connection = self._psycopg.connect(
                dsn, autocommit=True, connect_timeout=10, prepare_threshold=None, **settings
            )
        except Exception as exc:  # a driver's error, or its own fault on a strange setting
            raise EngineUnavailable(
                f"cannot connect to PostgreSQL: {_without_secrets(exc, dsn)}"
            ) from exc
        try:  # a statement that runs longer than a generated one ever does is stopped, and
            # one that waits for a lock a template's transaction holds gives up
            connection.execute(f"SET statement_timeout = '{STATEMENT_SECONDS}s'")
            connection.execute(f"SET lock_timeout = '{LOCK_SECONDS}s'")
        except self._error as exc:
            connection.close()
            raise EngineUnavailable(f"cannot set a statement timeout: {exc}") from exc
        return connection

    def _limited(self, dsn: str) -> Limited:
        """A session of a throwaway user that owns the throwaway schema and holds no
        right beyond it (``least_privilege``); the given user's own when it holds none."""
        held = postgres_rights(self.admin)
        if not held:  # it cannot make a role; what it may do in its database is unknown
            why = "its user cannot create a throwaway role (it needs CREATEROLE)"
            return Limited(self._open(dsn), None, why)
        user, password = throwaway_name(), secrets.token_urlsafe(24)
        try:
            self.admin.execute(
                f'CREATE ROLE "{user}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT '
                f"NOREPLICATION NOBYPASSRLS CONNECTION LIMIT 2 PASSWORD '{password}'"
            )
        except self._error as exc:
            why = f"its user holds {', '.join(held)} and cannot create a role ({exc})".strip()
            return Limited(self.admin, None, why)
        try:
            self.admin.execute(f'ALTER SCHEMA "{self.schema}" OWNER TO "{user}"')
            can = "SELECT has_database_privilege(%s, current_database(), 'CONNECT')"
            if not self.admin.execute(can, [user]).fetchone()[0]:  # PUBLIC's was revoked
                database = self.admin.info.dbname.replace('"', '""')
                self.admin.execute(f'GRANT CONNECT ON DATABASE "{database}" TO "{user}"')
        except self._error:
            self._drop_role(user)
            raise
        tries: list[dict[str, Any]] = [{}]
        if not self.admin.info.host or self.admin.info.host.startswith("/"):
            # a socket may take only the operating system's user (peer): the server's TCP
            tries.append({"host": "localhost", "port": self.admin.info.port})
        refused = ""
        for settings in tries:
            try:
                session = self._open(dsn, user=user, password=password, **settings)
            except EngineUnavailable as exc:
                refused = str(exc)
                continue
            return Limited(session, user)
        self._drop_role(user)
        why = f"its user holds {', '.join(held)}, and a throwaway role could not log in ({refused})"
        return Limited(self.admin, None, why)

    def _drop_role(self, user: str) -> None:
        self.admin.execute(f'DROP OWNED BY "{user}" CASCADE')
        self.admin.execute(f'DROP ROLE IF EXISTS "{user}"')

    def run_script(self, sql: str) -> None:
        try:
            self._execute(sql.encode())
        finally:
            with contextlib.suppress(self._error):
                self._settle()

    def insert(self, table: Table, values: Mapping[str, Value]) -> str | None:
        names = list(values)
        params: list[Any] = [
            self._jsonb(values[n])
            if table.column(n).type is LogicalType.JSON and values[n] is not None
            else values[n]
            for n in names
        ]
        try:
            self._execute(_insert_sql(self.dialect, table, names, "%s").encode(), params)
        except (self._error, UnicodeEncodeError) as exc:  # a lone surrogate: the driver's no
            return str(exc).strip()
        return None

    def insert_together(self, rows: Rows, *, foreign_key_checks: bool = True) -> Together:
        del foreign_key_checks  # PostgreSQL defers: DEFERRABLE INITIALLY DEFERRED
        errors: list[str | None] = []
        self._execute(b"BEGIN")
        for table, values in rows:  # a refused row must not abort the others
            self._execute(b"SAVEPOINT row")
            error = self.insert(table, values)
            self._execute(b"ROLLBACK TO SAVEPOINT row" if error else b"RELEASE SAVEPOINT row")
            errors.append(error)
        try:
            self._execute(b"COMMIT")
        except self._error as exc:  # the transaction is rolled back
            return Together(errors, str(exc).strip())
        return Together(errors)

    def columns(self, table: str) -> list[CatalogColumn]:
        rows = self._execute(
            "SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull "
            "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = %s AND c.relname = %s AND a.attnum > 0 AND NOT a.attisdropped "
            "ORDER BY a.attnum",
            [self.schema, table],
        ).fetchall()
        return [CatalogColumn(r[0], r[1], r[2]) for r in rows]

    def primary_key(self, table: str) -> list[str]:
        rows = self._execute(
            "SELECT a.attname FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
            "JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON TRUE "
            "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum "
            "WHERE i.indisprimary AND n.nspname = %s AND c.relname = %s ORDER BY k.ord",
            [self.schema, table],
        ).fetchall()
        return [r[0] for r in rows]

    def close(self) -> None:
        if hasattr(self, "_watch"):
            self._watch.close()
        try:
            if self.connection is not self.admin:
                # a statement the client gave up on may still run and hold its locks: the
                # backend known from the start, whatever state the session is left in
                with contextlib.suppress(Exception):
                    self.connection.close()
                self.admin.execute("SELECT pg_terminate_backend(%s)", [self._backend])
            try:
                self.admin.execute(f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE')
            finally:  # the role goes even when its schema cannot (DROP OWNED tries again)
                if self.user is not None:
                    self._drop_role(self.user)
        finally:
            self.admin.close()


class MariadbEngine(_OnServer):
    """A throwaway database in a real MariaDB server, dropped on close."""

    dialect = MARIADB.name

    def __init__(self, dsn: Mapping[str, Any]) -> None:
        try:
            import pymysql
            from pymysql.constants import CLIENT
        except ImportError as exc:
            raise DriverMissing(
                "PyMySQL is not installed (pip install 'schemacog[verify]')"
            ) from exc
        self._error = pymysql.Error
        self._pymysql, self._multi_statements = pymysql, CLIENT.MULTI_STATEMENTS
        socket = dsn.get("unix_socket")
        if socket is not None and not os.path.exists(socket):  # PyMySQL would leak a socket
            raise EngineUnavailable(f"cannot connect to MariaDB: no server socket at {socket!r}")
        self.admin = self._open(dsn)
        self.database = throwaway_name()
        try:
            with self.admin.cursor() as cursor:
                cursor.execute(f"CREATE DATABASE `{self.database}`")
            session = self._limited(dsn)
        except pymysql.Error as exc:
            with contextlib.suppress(pymysql.Error), self.admin.cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS `{self.database}`")
            self.admin.close()
            raise EngineUnavailable(f"cannot make a throwaway database: {exc}") from exc
        self._take(session, "user", "database")
        thread = int(self.connection.thread_id())
        if self.connection is not self.admin:
            self._watch = Watchdog(
                lambda: self._kill(f"KILL QUERY {thread}"),
                lambda: self._kill(f"KILL CONNECTION {thread}"),
            )
        else:  # schemacog's own SQL only (no template runs): the read timeout ends it
            self._watch = Watchdog(lambda: None, lambda: None)
        try:
            self._settle()
            with self._guarded() as cursor:
                cursor.execute("SELECT @@max_allowed_packet")
                (self._max_packet,) = cursor.fetchone()
        except pymysql.Error as exc:
            self.close()
            raise EngineUnavailable(f"cannot use the throwaway database: {exc}") from exc

    def _open(self, dsn: Mapping[str, Any]) -> Any:
        pymysql = self._pymysql
        try:
            connection = pymysql.connect(
                **dsn,
                client_flag=self._multi_statements,
                autocommit=True,
                connect_timeout=10,
                read_timeout=STATEMENT_SECONDS + 10,  # a server that never answers
                write_timeout=STATEMENT_SECONDS + 10,
            )
        except pymysql.Error as exc:
            raise EngineUnavailable(f"cannot connect to MariaDB: {exc}") from exc
        except Exception as exc:  # PyMySQL's own fault on a strange setting (charset=nope)
            raise EngineUnavailable(
                f"cannot connect to MariaDB: the driver failed ({type(exc).__name__}); "
                "check the URL's parameters"
            ) from exc
        try:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SET SESSION sql_mode = 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION'"
                )
                cursor.execute(f"SET SESSION max_statement_time = {STATEMENT_SECONDS}")
                # a lock that a template's transaction holds on (XA PREPARE outlives its
                # session) makes the DROP at the end give up instead of waiting a year
                cursor.execute(
                    f"SET SESSION lock_wait_timeout = {LOCK_SECONDS}, "
                    f"SESSION innodb_lock_wait_timeout = {LOCK_SECONDS}"
                )
        except pymysql.Error as exc:
            connection.close()
            raise EngineUnavailable(f"cannot set up a MariaDB session: {exc}") from exc
        return connection

    # a user of the throwaway database logs in by the socket as localhost, or by TCP
    _HOSTS: Final = ("localhost", "%")

    def _limited(self, dsn: Mapping[str, Any]) -> Limited:
        """A session of a throwaway user with every right on the throwaway database and
        none beyond it (``least_privilege``); the given user's own when it holds none."""
        with self.admin.cursor() as cursor:
            held = mariadb_rights(cursor)
        if not held:  # it cannot make a user; what it may do in its databases is unknown
            why = "its user cannot create a throwaway user (it needs CREATE USER)"
            return Limited(self._open(dsn), None, why)
        user, password = throwaway_name(), secrets.token_urlsafe(24)
        try:
            with self.admin.cursor() as cursor:
                for host in self._HOSTS:
                    cursor.execute(f"CREATE USER '{user}'@'{host}' IDENTIFIED BY '{password}'")
                    cursor.execute(
                        f"GRANT ALL PRIVILEGES ON `{_grant_name(self.database)}`.* "
                        f"TO '{user}'@'{host}'"
                    )
        except self._error as exc:
            self._drop_user(user)
            why = f"its user holds {', '.join(held)} and cannot create a user ({exc})"
            return Limited(self.admin, None, why)
        settings = {k: v for k, v in dsn.items() if k != "database"}
        try:
            session = self._open(with_user(settings, user, password))
        except EngineUnavailable as exc:
            self._drop_user(user)
            why = f"its user holds {', '.join(held)}, and a throwaway user could not log in ({exc})"
            return Limited(self.admin, None, why)
        return Limited(session, user)

    def _drop_user(self, user: str) -> None:
        with self.admin.cursor() as cursor:
            for host in self._HOSTS:
                cursor.execute(f"DROP USER IF EXISTS '{user}'@'{host}'")

    def _kill(self, statement: str) -> None:
        with self.admin.cursor() as cursor:
            cursor.execute(statement)

    @contextlib.contextmanager
    def _guarded(self) -> Iterator[Any]:
        """A cursor of the session whose statements are stopped past their time: the
        script may have turned ``max_statement_time`` off (``Watchdog``)."""
        with self._watch.statement(self._seconds()), self.connection.cursor() as cursor:
            yield cursor

    def _settle(self) -> None:
        """The session's settings, again after each script (which may change them)."""
        with self._guarded() as cursor:
            cursor.execute(
                "SET SESSION sql_mode = 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION', "
                f"SESSION max_statement_time = {STATEMENT_SECONDS}, "
                "SESSION foreign_key_checks = 1"
            )
            cursor.execute(f"USE `{self.database}`")

    def run_script(self, sql: str) -> None:
        try:
            with self._guarded() as cursor:
                cursor.execute(sql)
                while cursor.nextset():
                    pass
        finally:
            with contextlib.suppress(self._error):
                self._settle()

    def insert(self, table: Table, values: Mapping[str, Value]) -> str | None:
        names = list(values)
        try:
            params = [self._param(table.column(n), values[n]) for n in names]
            with self._guarded() as cursor:
                statement = cursor.mogrify(_insert_sql(self.dialect, table, names, "%s"), params)
                size = len(statement.encode("utf-8", "surrogatepass"))
                if size > self._max_packet:  # the server would refuse it and hang up
                    return (
                        f"the INSERT is {size} bytes, over max_allowed_packet ({self._max_packet})"
                    )
                cursor.execute(statement)
        except OverflowError:  # in UTC, past year 9999: DATETIME holds no such instant
            return "the instant is outside the years 1 to 9999 in UTC"
        except (self._error, UnicodeEncodeError) as exc:  # a lone surrogate: the driver's no
            return str(exc)
        return None

    @staticmethod
    def _param(column: Column, value: Value) -> object:
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            return utc(value)
        if column.type is LogicalType.JSON and value is not None:
            return _json_text(value)
        if isinstance(value, uuid.UUID):
            return str(value)
        return value

    def insert_together(self, rows: Rows, *, foreign_key_checks: bool = True) -> Together:
        # MariaDB defers no foreign key: a cycle loads with the checks off (declared)
        with self._guarded() as cursor:
            if not foreign_key_checks:
                cursor.execute("SET SESSION foreign_key_checks = 0")
            try:
                errors = [self.insert(table, values) for table, values in rows]
                return Together(errors, checks_off=not foreign_key_checks)
            finally:
                cursor.execute("SET SESSION foreign_key_checks = 1")

    def columns(self, table: str) -> list[CatalogColumn]:
        with self._guarded() as cursor:
            cursor.execute(
                "SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE = 'YES' "
                "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = %s AND TABLE_NAME = %s "
                "ORDER BY ORDINAL_POSITION",
                [self.database, table],
            )
            return [CatalogColumn(r[0], r[1], bool(r[2])) for r in cursor.fetchall()]

    def primary_key(self, table: str) -> list[str]:
        with self._guarded() as cursor:
            cursor.execute(
                "SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE "
                "WHERE TABLE_SCHEMA = %s AND TABLE_NAME = %s AND CONSTRAINT_NAME = 'PRIMARY' "
                "ORDER BY ORDINAL_POSITION",
                [self.database, table],
            )
            return [r[0] for r in cursor.fetchall()]

    def close(self) -> None:
        if hasattr(self, "_watch"):
            self._watch.close()
        try:
            with self.admin.cursor() as cursor:
                if self.connection is not self.admin:
                    # a statement the client gave up on may still run and hold its locks
                    thread = self.connection.thread_id()
                    with contextlib.suppress(self._error):
                        self.connection.close()
                    with contextlib.suppress(self._error):  # it ended already
                        cursor.execute(f"KILL CONNECTION {int(thread)}")
                try:
                    cursor.execute(f"DROP DATABASE IF EXISTS `{self.database}`")
                finally:  # the user goes even when its database cannot (an XA PREPARE)
                    if self.user is not None:
                        self._drop_user(self.user)
        finally:
            self.admin.close()


def _grant_name(database: str) -> str:
    """A database name as GRANT reads it: ``_`` and ``%`` are wildcards there (a grant on
    ``schemacog_ab`` would also cover ``schemacogXab``), so they are escaped."""
    return database.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%")


# the longest a statement of verify may run on a server (generated DDL takes far less)
STATEMENT_SECONDS: Final = 60

# the longest verify spends in one engine's database, all its statements together: each
# is bounded, and so are many that each stay just under the bound
ENGINE_SECONDS: Final = 300


def _left(started: float) -> float:
    """The time an engine's database has left (``ENGINE_SECONDS`` from ``started``);
    EngineSpent when it has none."""
    left = started + ENGINE_SECONDS - time.monotonic()
    if left <= 0:
        raise EngineSpent(
            f"verify's {ENGINE_SECONDS} s for this database are spent (its statements, "
            "each bounded, took that long together)"
        )
    return left


# the longest verify waits for a lock (the DROP of a throwaway database included)
LOCK_SECONDS: Final = 30

# the limits of the process an in-memory database runs in
CHILD_CPU_SECONDS: Final = 300
CHILD_MEMORY: Final = 2 * 1024**3


# where verify looks for a server when no connection is given
LOCAL_MARIADB: Final[Mapping[str, str]] = MappingProxyType(
    {"unix_socket": "/run/mysqld/mysqld.sock", "user": "root"}
)
LOCAL_POSTGRES: Final = "dbname=postgres"


def mariadb_dsn(url: str | None) -> dict[str, Any]:
    """PyMySQL connect arguments of a ``mysql://`` or ``mariadb://`` URL
    (``schemacog.db.urls``), or of the local socket."""
    if not url:
        return dict(LOCAL_MARIADB)
    try:
        parsed = parse_url(url, MARIADB.name)
    except UrlError as exc:
        raise EngineUnavailable(f"the MariaDB URL cannot be used: {exc}") from None
    args: dict[str, Any] = {"user": parsed.user or "root"}
    if parsed.password is not None:
        args["password"] = parsed.password
    if parsed.host:
        args["host"], args["port"] = parsed.host, 3306 if parsed.port is None else parsed.port
    if parsed.database:
        args["database"] = parsed.database
    args.update(parsed.query)  # unix_socket, charset
    if "host" not in args and "unix_socket" not in args:
        args["unix_socket"] = LOCAL_MARIADB["unix_socket"]
    return args


def postgres_dsn(dsn: str | None) -> str:
    """What libpq is given: libpq's ``key=value`` settings as they are, a URL
    (``schemacog.db.urls``) checked and without a driver or ``schema``, else the local default."""
    if not dsn:  # libpq reads PGHOST and the rest itself; the database is ours unless named
        named = any(os.environ.get(v) for v in ("PGDATABASE", "PGSERVICE"))
        return "" if named else LOCAL_POSTGRES
    if not is_url(dsn):  # key=value settings (a value may hold "://")
        return dsn
    try:
        return parse_url(dsn, POSTGRES.name).for_libpq()
    except UrlError as exc:
        raise EngineUnavailable(f"the PostgreSQL URL cannot be used: {exc}") from None


def _without_secrets(error: Exception, dsn: str) -> str:
    """The driver's message, unless it quotes any part of the connection string that
    may be a password (a DSN that does not parse is echoed back): then a fixed one."""
    text = str(error)
    words = {w for w in re.split(r"[\s:@/=?&'\"]+", dsn) if len(w) >= 2}
    if "password" in dsn.lower() or "@" in dsn:
        quoted = [w for w in words if w in text and w.lower() not in _SAFE_WORDS]
        if quoted:
            return "the connection string was refused (not shown: it holds a password)"
    return text


_SAFE_WORDS = frozenset({"host", "port", "dbname", "user", "password", "postgresql", "postgres"})
