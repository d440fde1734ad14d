"""Sessions of least privilege for the SQL that verify runs on a server.

A user template's output is SQL the pull request wrote (``sc.template`` in a ``.sql``
file), and verify runs it. It must not run as a user that can reach the server's host:
a PostgreSQL superuser runs programs (``COPY ... TO PROGRAM``) and reads files, a
MariaDB user with ``FILE`` writes them (``SELECT ... INTO OUTFILE``). So verify runs
every statement in a session of its own throwaway user, which owns the throwaway
schema (PostgreSQL) or has every right on the throwaway database and none beyond it
(MariaDB), and drops that user at the end. It can do so only when the connection it was
given may create users; when it may not, that connection's own user is used if it holds
no such right, and otherwise the session is the connection's own, with ``limited`` saying
why it is not limited: the SQL of user templates is then not run (``verify.run``).
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Final

__all__ = [
    "POSTGRES_RIGHTS",
    "Limited",
    "mariadb_rights",
    "postgres_rights",
    "throwaway_name",
    "watchdog",
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


@contextmanager
def watchdog(seconds: float, cancel: Callable[[], object]) -> Iterator[None]:
    """Calls ``cancel`` when the block runs longer than ``seconds``: a statement that
    turned its server-side timeout off (``SET statement_timeout = 0``) is stopped too."""
    timer = threading.Timer(seconds, cancel)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def with_user(settings: Mapping[str, Any], user: str, password: str) -> dict[str, Any]:
    """Connection settings with another user and password."""
    return {**settings, "user": user, "password": password}
