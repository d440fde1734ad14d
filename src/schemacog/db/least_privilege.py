"""Sessions of least privilege for the SQL that verify runs on a server.

A user template's output is SQL the pull request wrote (``sc.template`` in a ``.sql``
file), and verify runs it. It must not run as a user that can reach the server's host:
a PostgreSQL superuser runs programs (``COPY ... TO PROGRAM``) and reads files, a
MariaDB user with ``FILE`` writes them (``SELECT ... INTO OUTFILE``). So verify runs
every statement in a session of its own throwaway user, which owns the throwaway
schema (PostgreSQL) or has every right on the throwaway database and none beyond it
(MariaDB), and drops that user at the end. It can do so only when the connection it was
given may create users; when it may not, the session is the connection's own user's,
with ``not_limited`` saying why, and the SQL of user templates is not run (``verify.run``):
what a given user may do in its own databases (drop their tables, leave objects, change
their settings) cannot be told from its privileges alone.
"""

from __future__ import annotations

import contextlib
import secrets
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Final

__all__ = [
    "POSTGRES_RIGHTS",
    "Limited",
    "Watchdog",
    "mariadb_rights",
    "postgres_rights",
    "throwaway_name",
    "with_user",
]

# what a PostgreSQL user must not hold for the session to be limited: the attributes of
# pg_roles, and the predefined roles that reach files, programs or all data
POSTGRES_RIGHTS: Final = (
    "rolsuper",
    "rolcreaterole",  # before PostgreSQL 16, may grant itself the roles below
    "rolcreatedb",
    "rolreplication",
    "rolbypassrls",
)
_POSTGRES_ROLES: Final = (
    "pg_execute_server_program",
    "pg_read_server_files",
    "pg_write_server_files",
    "pg_read_all_data",
    "pg_write_all_data",
    "pg_signal_backend",
)
# MariaDB's global privileges that reach files, other databases, users or the server
_MARIADB_HARMLESS: Final = frozenset({"USAGE"})


@dataclass(frozen=True)
class Limited:
    """The session statements run in, the user verify made for it (to drop), and why it
    is not limited when it is not (None when it is)."""

    connection: Any
    user: str | None
    not_limited: str | None = None


def throwaway_name() -> str:
    """A name no other run uses (``schemacog_`` and 12 hex digits)."""
    return f"schemacog_{secrets.token_hex(6)}"


def postgres_rights(connection: Any) -> list[str]:
    """The rights of the connection's user that a limited session must not hold."""
    attributes = ", ".join(POSTGRES_RIGHTS)
    row = connection.execute(
        f"SELECT {attributes} FROM pg_roles WHERE rolname = current_user"
    ).fetchone()
    held = [
        name.removeprefix("rol") for name, value in zip(POSTGRES_RIGHTS, row, strict=True) if value
    ]
    for role in _POSTGRES_ROLES:
        member = connection.execute(
            "SELECT pg_has_role(current_user, oid, 'MEMBER') FROM pg_roles WHERE rolname = %s",
            [role],
        ).fetchone()
        if member is not None and member[0]:
            held.append(role)
    return held


def mariadb_rights(cursor: Any) -> list[str]:
    """The global privileges of the connection's user beyond logging in."""
    cursor.execute(
        "SELECT DISTINCT PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES "
        "WHERE GRANTEE = CONCAT(\"'\", SUBSTRING_INDEX(CURRENT_USER(), '@', 1), \"'@'\", "
        "SUBSTRING_INDEX(CURRENT_USER(), '@', -1), \"'\") ORDER BY PRIVILEGE_TYPE"
    )
    return [str(row[0]) for row in cursor.fetchall() if str(row[0]) not in _MARIADB_HARMLESS]


class Watchdog:
    """Stops a session's statement that runs past its deadline: ``cancel`` first, and
    ``end`` (the session's end, from another connection) when it still runs ``grace``
    seconds later. A script may turn the server's timeout off (``SET statement_timeout
    = 0``), and a PL/pgSQL block may catch a cancel; neither outlives the end. One thread
    for all the statements of a session: a statement only sets its deadline."""

    def __init__(
        self, cancel: Callable[[], object], end: Callable[[], object], grace: float = 15.0
    ) -> None:
        self._actions = (cancel, end)
        self._grace = grace
        self._lock = threading.Condition()
        self._deadline: float | None = None
        self._stage = 0
        self._closed = False
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    @contextmanager
    def statement(self, seconds: float) -> Iterator[None]:
        with self._lock:
            self._deadline, self._stage = time.monotonic() + seconds, 0
            self._lock.notify()
        try:
            yield
        finally:
            with self._lock:
                self._deadline = None
                self._lock.notify()

    def _watch(self) -> None:
        while True:
            with self._lock:
                if self._closed:
                    return
                if self._deadline is None:
                    self._lock.wait()
                    continue
                left = self._deadline - time.monotonic()
                if left > 0:
                    self._lock.wait(left)
                    continue
                action = self._actions[min(self._stage, 1)]
                self._stage += 1
                self._deadline = time.monotonic() + self._grace if self._stage == 1 else None
            with contextlib.suppress(Exception):  # the session may have ended already
                action()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._lock.notify()
        self._thread.join(timeout=5)


def with_user(settings: Mapping[str, Any], user: str, password: str) -> dict[str, Any]:
    """Connection settings with another user and password."""
    return {**settings, "user": user, "password": password}
