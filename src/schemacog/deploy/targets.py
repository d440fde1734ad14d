"""The database ``migrate apply`` and ``migrate status`` work on, one class per engine:
its history table, its lock, its catalog, and each script run on a session of its own
as the engine's client runs a file (statement by statement, in autocommit: the script's
own ``BEGIN``/``COMMIT`` are its transaction, never one schemacog adds).

The lock keeps two appliers apart for the whole run:

- postgres: ``pg_try_advisory_lock`` of a key of the schema, on the history connection;
- mariadb: ``GET_LOCK`` of a name of the database, on the history connection;
- sqlite: ``flock`` of the database file (history written in ``BEGIN IMMEDIATE``);
- duckdb: the file open read-write, which DuckDB lets one process do.

Each goes with the process that holds it, however it ends.

A lock held by another is waited for up to ``lock_seconds``, then ``Busy``.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import sqlite3
import stat
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Final

from schemacog.db.catalog import Catalog, read_catalog
from schemacog.db.engines import EngineUnavailable, mariadb_dsn
from schemacog.db.urls import DatabaseUrl, UrlError, is_url, parse_url
from schemacog.deploy.ledger import Record, create_sql, delete_sql, insert_sql, records, select_sql
from schemacog.deploy.statements import Statement
from schemacog.importing.connect import (
    PINNED_SETTINGS,
    SQLITE_MAGIC,
    ConnectError,
    driver,
    masked,
    one_line,
    refuse_settings,
    without_history,
)
from schemacog.naming import HISTORY_TABLE

__all__ = ["Busy", "StatementFailed", "Target", "TargetError", "dialect_of", "open_target"]

_POLL_SECONDS: Final = 0.2


class TargetError(Exception):
    """The database cannot be used: one line, never a password (exit 2)."""


class Busy(Exception):
    """Another applier holds the lock (exit 1: refused, nothing run)."""


class StatementFailed(Exception):
    def __init__(self, statement: Statement, message: str) -> None:
        super().__init__(message)
        self.statement = statement


class Target:
    """A database opened for the history and the catalog (and locked, for apply)."""

    dialect: str = ""
    _begin: str = "BEGIN"
    missing = False  # a file not made yet (an empty database)

    def __init__(self, url: DatabaseUrl | None, shown: str) -> None:
        self.shown = shown
        self.url = url
        self._secrets = url.secrets if url is not None else frozenset()
        self._connection: Any = None  # None: no database yet (a file not made)
        self._table = HISTORY_TABLE
        self._namespace = ""
        self._error: type[Exception] = Exception
        self._history_made = False  # CREATE TABLE IF NOT EXISTS run on this connection

    # -- what an engine gives -------------------------------------------------------

    def materialize(self, lock_seconds: float) -> None:
        """Make the database where it is ``missing``, locked (another applier may have
        made it meanwhile, and run: the caller reads everything again)."""

    def _exists_sql(self) -> tuple[str, Sequence[object]]:
        raise NotImplementedError

    def _session(self) -> Any:
        """A new connection, as the engine's client opens one for a script."""
        raise NotImplementedError

    def close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(Exception):
                self._connection.close()

    # -- shared ---------------------------------------------------------------------

    @contextlib.contextmanager
    def _closed_on_failure(self) -> Iterator[None]:
        try:
            yield
        except BaseException:
            self.close()
            raise

    @contextlib.contextmanager
    def said(self, what: str) -> Iterator[None]:
        """A driver error as one line naming ``what`` (TargetError)."""
        try:
            yield
        except (self._error, UnicodeError) as exc:  # PyMySQL sends a password as Latin-1
            raise TargetError(f"{what}: {self.masked(exc)}") from None

    def masked(self, error: Exception) -> str:
        return masked(one_line(self._plain(error)), self._secrets)

    def _plain(self, error: Exception) -> Exception:
        """The driver's error as its engine's client says it."""
        return error

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        cursor = self._connection.cursor()
        try:
            cursor.execute(sql, params)
            return list(cursor.fetchall())
        finally:
            cursor.close()

    def catalog(self) -> Catalog:
        if self._connection is None:
            return Catalog(tables={})
        with self.said(f"cannot read the catalog of {self.shown}"):
            found = read_catalog(self.dialect, self._connection, self._namespace)
        return without_history(found)

    def history(self) -> list[Record]:
        """The history table's rows by number ([] where there is none yet)."""
        if self._connection is None:
            return []
        with self.said(f"cannot read {HISTORY_TABLE} of {self.shown}"):
            if not self._rows(*self._exists_sql()):
                return []
            rows = self._rows(select_sql(self._table))
        try:
            return records(rows)
        except ValueError as exc:
            raise TargetError(f"{self.shown}: {exc}") from None

    def write(self, record: Record) -> None:
        """``record`` in place of the row of its number, in one transaction."""
        self._change(
            lambda cursor: cursor.execute(insert_sql(self.dialect, self._table), record.values()),
            record.number,
        )

    def forget(self, number: int) -> None:
        self._change(lambda cursor: None, number)

    def _change(self, then: Any, number: int) -> None:
        with self.said(f"cannot write {HISTORY_TABLE} of {self.shown}"):
            cursor = self._connection.cursor()
            try:
                if not self._history_made:
                    cursor.execute(create_sql(self.dialect, self._table))
                    self._history_made = True
                cursor.execute(self._begin)
                try:
                    cursor.execute(delete_sql(self.dialect, self._table), (number,))
                    then(cursor)
                except BaseException:
                    with contextlib.suppress(Exception):
                        cursor.execute("ROLLBACK")
                    raise
                cursor.execute("COMMIT")
            finally:
                cursor.close()

    def run(self, statements: Sequence[Statement]) -> None:
        """Each statement in order on a session of its own (StatementFailed at the
        first the engine refuses; the session's end rolls back what it left open)."""
        with self.said(f"cannot connect to {self.shown}"):
            session = self._session()
        try:
            cursor = session.cursor()
            for statement in statements:
                try:
                    cursor.execute(statement.text)
                    _drain(cursor)
                except Exception as exc:  # the engine's refusal, or its driver's fault
                    said = self.masked(exc)
                    if not isinstance(exc, self._error):
                        said = f"{type(exc).__name__}: {said}"
                    raise StatementFailed(statement, said) from None
        finally:
            with contextlib.suppress(Exception):
                session.close()


def _drain(cursor: Any) -> None:
    with contextlib.suppress(Exception):
        cursor.fetchall()


def _wait(take: Any, seconds: float, holder: str) -> None:
    """Call ``take()`` until it is true or ``seconds`` have passed (then Busy)."""
    deadline = time.monotonic() + seconds
    while not take():
        if time.monotonic() >= deadline:
            raise Busy(f"{holder} (waited {seconds:g} s)")
        time.sleep(_POLL_SECONDS)


def _key(*parts: str) -> bytes:
    return hashlib.sha256("\0".join(parts).encode()).digest()


def _pg_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class _Postgres(Target):
    dialect = "postgres"

    def __init__(self, url: DatabaseUrl, lock_seconds: float | None) -> None:
        super().__init__(url, url.shown)
        self._psycopg = driver("psycopg")
        self._error = self._psycopg.Error
        self._dsn = url.for_libpq()
        self._namespace = url.query.get("schema", "public")
        self._table = f"{_pg_name(self._namespace)}.{HISTORY_TABLE}"
        with self.said(f"cannot connect to {self.shown}"):
            # the catalog read as import reads it: nothing of the database's own on the
            # search path, its deparse settings pinned (the history table is qualified)
            self._connection = self._psycopg.connect(
                self._dsn,
                autocommit=True,
                connect_timeout=10,
                options="-c search_path=pg_catalog,pg_temp -c row_security=off " + PINNED_SETTINGS,
            )
        with self._closed_on_failure(), self.said(f"cannot read {self.shown}"):
            if not self._rows("SELECT 1 FROM pg_namespace WHERE nspname = %s", [self._namespace]):
                raise TargetError(f"no schema {self._namespace!r} in the database ({self.shown})")
            if lock_seconds is not None:
                key = int.from_bytes(_key(HISTORY_TABLE, self._namespace)[:8], "big", signed=True)
                _wait(
                    lambda: self._rows("SELECT pg_try_advisory_lock(%s)", [key])[0][0],
                    lock_seconds,
                    f"another migrate apply holds the lock of schema {self._namespace!r}",
                )

    def _exists_sql(self) -> tuple[str, Sequence[object]]:
        return (
            "SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = %s AND c.relname = %s",
            [self._namespace, HISTORY_TABLE],
        )

    def _session(self) -> Any:
        session = self._psycopg.connect(self._dsn, autocommit=True, connect_timeout=10)
        # the scripts name tables unqualified: the URL's schema is where they are
        session.execute(f"SET search_path TO {_pg_name(self._namespace)}")
        return session


class _Mariadb(Target):
    dialect = "mariadb"
    _begin = "START TRANSACTION"

    def __init__(self, url: DatabaseUrl, text: str, lock_seconds: float | None) -> None:
        super().__init__(url, url.shown)
        self._pymysql = driver("pymysql")
        self._error = self._pymysql.Error
        if not url.database:
            raise TargetError("a MariaDB URL names its database: mysql://user@host/DATABASE")
        try:
            self._dsn = {"charset": "utf8mb4", **mariadb_dsn(text)}
        except EngineUnavailable as exc:
            raise TargetError(str(exc)) from None
        if self._dsn["charset"] not in ("utf8mb4", "utf8mb3", "utf8"):
            raise TargetError(
                "a migration is UTF-8 text: the URL's charset must be utf8mb4 (or left out)"
            )
        self._namespace = url.database
        self._table = f"`{url.database.replace('`', '``')}`.{HISTORY_TABLE}"
        with self._closed_on_failure(), self.said(f"cannot connect to MariaDB ({self.shown})"):
            self._connection = self._session()
            if lock_seconds is not None:
                name = f"{HISTORY_TABLE}:{_key(url.database).hex()[:32]}"
                _wait(
                    lambda: self._rows("SELECT GET_LOCK(%s, 0)", [name])[0][0] == 1,
                    lock_seconds,
                    f"another migrate apply holds the lock of database {url.database!r}",
                )

    def _plain(self, error: Exception) -> Exception:
        said = error.args  # PyMySQL's (1062, "Duplicate entry ...")
        if len(said) == 2 and isinstance(said[0], int):
            return Exception(f"ERROR {said[0]}: {said[1]}")
        return error

    def _exists_sql(self) -> tuple[str, Sequence[object]]:
        return (
            "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = %s AND TABLE_NAME = %s",
            [self._namespace, HISTORY_TABLE],
        )

    def _session(self) -> Any:
        return self._pymysql.connect(**self._dsn, autocommit=True, connect_timeout=10)


class _File(Target):
    """A database in a file. A file that does not exist yet is an empty database, made
    only when apply is about to change it (``materialize``), never for a dry run, a
    status or a refused run."""

    _magic: tuple[bytes, int, str] = (b"", 0, "")  # bytes, where, the engine's name

    def __init__(self, url: DatabaseUrl | None, path: Path, shown: str) -> None:
        super().__init__(url, shown)
        self._path = path
        if path.is_dir():
            raise TargetError(f"{shown} is a folder, not a database file")
        if not path.parent.is_dir():
            raise TargetError(f"no folder for {shown}: {str(path.parent)!r} does not exist")
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            mode = None
        except OSError as exc:
            raise TargetError(f"cannot read {shown}: {exc.strerror}") from None
        if mode is not None and not stat.S_ISREG(mode):  # a FIFO would hang, /dev/null...
            raise TargetError(f"{shown} is not a regular file")
        if mode is not None:
            magic, offset, engine = self._magic
            _check_magic(path, magic, offset, shown, engine)
        self.missing = mode is None


class _Sqlite(_File):
    dialect = "sqlite"
    _begin = "BEGIN IMMEDIATE"
    _magic = (SQLITE_MAGIC, 0, "SQLite")

    def __init__(
        self, url: DatabaseUrl | None, path: Path, shown: str, lock_seconds: float | None
    ) -> None:
        super().__init__(url, path, shown)
        self._error = sqlite3.Error
        self._lock: int | None = None
        if self.missing:
            return
        if lock_seconds is None:  # read only
            uri = f"file:{_uri_path(path)}?mode=ro"
            with self.said(f"cannot open {shown}"):
                self._connection = sqlite3.connect(uri, uri=True)
            return
        self._take(os.O_RDWR, lock_seconds)

    def _take(self, flags: int, lock_seconds: float) -> None:
        """The lock first: SQLite's own locks (fcntl) go when any descriptor of the file
        closes, so this one is closed last (``close``)."""
        try:
            self._lock = os.open(self._path, flags, 0o644)
        except OSError as exc:
            raise TargetError(f"cannot open {self.shown}: {exc.strerror}") from None
        lock = self._lock
        with self._closed_on_failure():
            holder = f"another migrate apply holds {self.shown}"
            _wait(lambda: _flocked(lock), lock_seconds, holder)
            with self.said(f"cannot open {self.shown}"):
                self._connection = self._session()

    def materialize(self, lock_seconds: float) -> None:
        self._take(os.O_RDWR | os.O_CREAT, lock_seconds)
        self.missing = False

    def _exists_sql(self) -> tuple[str, Sequence[object]]:
        # SQLite's names ignore case: SCHEMACOG_MIGRATIONS is the table CREATE would find
        return (
            "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND lower(name) = ?",
            [HISTORY_TABLE],
        )

    def _session(self) -> Any:
        return sqlite3.connect(self._path, isolation_level=None, timeout=10)

    def close(self) -> None:
        super().close()
        if self._lock is not None:
            os.close(self._lock)


class _Duckdb(_File):
    dialect = "duckdb"
    _begin = "BEGIN TRANSACTION"
    _magic = (b"DUCK", 8, "DuckDB")

    def __init__(self, url: DatabaseUrl, path: Path, lock_seconds: float | None) -> None:
        self._duckdb = driver("duckdb")
        super().__init__(url, path, url.shown)
        self._error = self._duckdb.Error
        if not self.missing:
            self._open(read_only=lock_seconds is None, lock_seconds=lock_seconds or 0.0)

    def _open(self, *, read_only: bool, lock_seconds: float) -> None:
        # no extension installed, and no file but the database's: what a script may
        # reach; DuckDB's own functions load as they are needed (a CHECK's chr(), read
        # again from the write-ahead log of a run that was stopped, is core_functions')
        settings = {
            "autoinstall_known_extensions": False,
            "autoload_known_extensions": True,
            "enable_external_access": False,
            "allow_community_extensions": False,
        }

        def opened() -> bool:
            try:
                self._connection = self._duckdb.connect(
                    str(self._path), read_only=read_only, config=settings
                )
            except self._duckdb.IOException as exc:
                if "lock" in str(exc).lower() and not read_only:
                    return False  # another process has the file open
                raise TargetError(f"cannot open {self.shown}: {self.masked(exc)}") from None
            except self._duckdb.Error as exc:
                raise TargetError(f"cannot open {self.shown}: {self.masked(exc)}") from None
            return True

        _wait(opened, lock_seconds, f"another process has {self.shown} open")

    def materialize(self, lock_seconds: float) -> None:
        self._open(read_only=False, lock_seconds=lock_seconds)
        self.missing = False

    def _exists_sql(self) -> tuple[str, Sequence[object]]:
        return (
            "SELECT 1 FROM information_schema.tables WHERE table_schema = 'main' "
            "AND lower(table_name) = ?",
            [HISTORY_TABLE],
        )

    def _session(self) -> Any:
        return self._connection.cursor()


def _flocked(descriptor: int) -> bool:
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _uri_path(path: Path) -> str:
    from urllib.parse import quote

    return quote(str(path.resolve()))


def _check_magic(path: Path, magic: bytes, offset: int, shown: str, engine: str) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(offset + len(magic))
    except OSError as exc:
        raise TargetError(f"cannot read {shown}: {exc.strerror}") from None
    if head[offset:] != magic and head:
        raise TargetError(f"{shown} is not a {engine} database")


def dialect_of(text: str) -> str:
    """The engine a URL names (a path: SQLite's file); TargetError if none."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise TargetError("the URL or path holds bytes that are not UTF-8") from None
    if not is_url(text):
        return "sqlite"
    try:
        url = parse_url(text)
    except UrlError as exc:
        raise TargetError(f"the URL cannot be used: {exc}") from None
    if url.dialect in ("sqlite", "duckdb") and (url.database or "").startswith(
        (":memory:", "file::memory:")
    ):
        raise TargetError("an in-memory database keeps nothing: name a file")
    return url.dialect


def open_target(text: str, *, lock_seconds: float | None) -> Target:
    """The database ``text`` names (a URL, or a SQLite file's path), locked where
    ``lock_seconds`` is given (Busy after that long), else opened to read only."""
    dialect_of(text)  # what no engine can be
    if not is_url(text):  # a path: a SQLite file that exists (a new one: sqlite:///PATH)
        try:
            refuse_settings(text)
        except ConnectError as exc:
            raise TargetError(str(exc)) from None
        if not Path(text).exists():  # never echoed: it may be a mistyped URL's password
            raise TargetError(
                "no SQLite database at the path given (a new one is made only when named "
                "as a URL, sqlite:///PATH)"
            )
        return _Sqlite(None, Path(text), text, lock_seconds)
    try:
        url = parse_url(text)
    except UrlError as exc:
        raise TargetError(f"the URL cannot be used: {exc}") from None
    try:
        if url.dialect in ("sqlite", "duckdb"):
            if not url.database:
                raise TargetError(f"a {url.dialect} URL names a file: {url.dialect}:///path")
            if url.dialect == "sqlite":
                return _Sqlite(url, Path(url.database), url.shown, lock_seconds)
            return _Duckdb(url, Path(url.database), lock_seconds)
        if url.dialect == "postgres":
            return _Postgres(url, lock_seconds)
        return _Mariadb(url, text, lock_seconds)
    except ConnectError as exc:  # a driver not installed
        raise TargetError(str(exc)) from None
