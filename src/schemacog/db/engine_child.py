"""One in-memory SQLite or DuckDB database, in a limited child process of ``verify``.

SQL that a user template wrote runs here, never in schemacog's own process: in the
isolation of ``sandbox.isolation`` (its limits, its jail), with a database that reaches
no file. SQLite attaches no database (``VACUUM INTO`` attaches one), loads no extension
and runs no PRAGMA but those that read the schema or set the checks; DuckDB has no
external access, loads no extension, and cannot change its settings back.

Run by its path (``python -I -B engine_child.py sqlite|duckdb SECONDS``); reads one JSON request
per line on stdin and writes one JSON answer per line on stdout:

- ``{"script": SQL}``: the statements of SQL; answers ``{"error": message or null}``;
- ``{"each": [[SQL, PARAMS], ...]}``: each statement with its parameters (typed values
  as ``sandbox.codec`` writes them); answers ``{"errors": [message or null, ...]}``;
- ``{"query": SQL, "params": PARAMS}``: answers ``{"rows": [[value, ...], ...]}``.

A statement runs at most SECONDS seconds (``verify``'s statement timeout), and SQLite's
heap is limited.
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

__all__ = ["DUCKDB_CONFIG", "SQLITE_PRAGMAS", "decode", "main"]

_HEAP_BYTES: Final = 512 * 1024 * 1024
DUCKDB_CONFIG: Final[dict[str, str | bool | int | float | list[str]]] = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "memory_limit": "512MB",
    "threads": 1,
    "lock_configuration": True,
}
# the PRAGMAs a script may run in SQLite: they read the schema or set the checks
SQLITE_PRAGMAS: Final = frozenset(
    {
        "defer_foreign_keys",
        "foreign_key_check",
        "foreign_key_list",
        "foreign_keys",
        "index_info",
        "index_list",
        "index_xinfo",
        "integrity_check",
        "quick_check",
        "recursive_triggers",
        "table_info",
        "table_list",
        "table_xinfo",
    }
)


def _codec() -> Any:
    path = Path(__file__).resolve().parent.parent / "sandbox" / "codec.py"
    spec = importlib.util.spec_from_file_location("schemacog_engine_codec", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


decode: Callable[[Any], Any] = _codec().decode


def _authorizer(action: int, first: str | None, *_: object) -> int:
    if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH):
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_PRAGMA and (first or "").lower() not in SQLITE_PRAGMAS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


class _Sqlite:
    errors = (sqlite3.Error, OverflowError, UnicodeEncodeError)  # a driver's no

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds
        self.connection = sqlite3.connect(":memory:", isolation_level=None)
        self.connection.execute("PRAGMA foreign_keys = ON")
        self.connection.execute(f"PRAGMA hard_heap_limit = {_HEAP_BYTES}")
        self.connection.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
        self.connection.set_authorizer(_authorizer)
        self.deadline = 0.0
        self.connection.set_progress_handler(self._stop, 10_000)

    def _stop(self) -> int:
        return int(time.monotonic() > self.deadline)

    def script(self, sql: str) -> None:
        self.deadline = time.monotonic() + self.seconds
        self.connection.executescript(sql)

    def execute(self, sql: str, params: list[Any]) -> list[Any]:
        self.deadline = time.monotonic() + self.seconds
        return self.connection.execute(sql, params).fetchall()


class _Duckdb:
    def __init__(self, seconds: int) -> None:
        import duckdb

        self.seconds = seconds
        self.errors = (duckdb.Error,)
        self.connection = duckdb.connect(":memory:", config=DUCKDB_CONFIG)

    def _bounded(self, run: Callable[[], Any]) -> Any:
        timer = threading.Timer(self.seconds, self.connection.interrupt)
        timer.daemon = True
        timer.start()
        try:
            return run()
        finally:
            timer.cancel()

    def script(self, sql: str) -> None:
        self._bounded(lambda: self.connection.execute(sql))

    def execute(self, sql: str, params: list[Any]) -> list[Any]:
        return list(self._bounded(lambda: self.connection.execute(sql, params).fetchall()))


def _answer(database: Any, request: dict[str, Any]) -> dict[str, Any]:
    if "script" in request:
        try:
            database.script(request["script"])
        except database.errors as exc:
            return {"error": str(exc) or type(exc).__name__}
        return {"error": None}
    if "each" in request:
        errors: list[str | None] = []
        for sql, params in request["each"]:
            try:
                database.execute(sql, [decode(p) for p in params])
                errors.append(None)
            except database.errors as exc:
                errors.append(str(exc) or type(exc).__name__)
        return {"errors": errors}
    rows = database.execute(request["query"], [decode(p) for p in request["params"]])
    return {"rows": [list(row) for row in rows]}


def main(argv: list[str]) -> int:
    kind, seconds = argv[0], int(argv[1])
    database = _Sqlite(seconds) if kind == "sqlite" else _Duckdb(seconds)
    answers = sys.stdout
    sys.stdout = sys.stderr
    for line in sys.stdin:
        try:
            answer = _answer(database, json.loads(line))
        except MemoryError:
            answer = {"fault": "out of memory"}
        except Exception as exc:  # the parent says it; the child goes on
            answer = {"fault": f"{type(exc).__name__}: {exc}"}
        answers.write(json.dumps(answer, default=str) + "\n")
        answers.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
