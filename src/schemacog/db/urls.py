"""Database URLs in SQLAlchemy's forms, read by one parser (verify now, import and drift later).

``postgresql://user:password@host:port/db`` (also ``postgres://`` and a driver suffix,
``postgresql+psycopg://``), ``mysql://`` or ``mariadb://`` (``+pymysql``), with
``?unix_socket=/path`` and ``?charset=``; ``sqlite:///relative.db``,
``sqlite:////absolute.db``, ``duckdb:///path.duckdb``. A PostgreSQL connection may also
be libpq's ``key=value`` settings, passed on as they are. An error never shows the
password: ``UrlError`` says which part is wrong, and ``DatabaseUrl.shown`` masks it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final
from urllib.parse import parse_qsl, unquote, unquote_to_bytes, urlsplit

__all__ = ["SCHEMES", "DatabaseUrl", "UrlError", "is_url", "parse_url"]


class UrlError(ValueError):
    """A connection URL that cannot be used; the message never holds its password."""


# scheme (before any "+driver") -> dialect
SCHEMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "postgresql": "postgres",
        "postgres": "postgres",
        "mysql": "mariadb",
        "mariadb": "mariadb",
        "sqlite": "sqlite",
        "duckdb": "duckdb",
    }
)
# dialect -> the query parameters its URL may hold (None: any, for libpq to check)
_QUERY: Final[Mapping[str, frozenset[str] | None]] = MappingProxyType(
    {
        "postgres": None,
        "mariadb": frozenset({"unix_socket", "charset"}),
        "sqlite": frozenset(),
        "duckdb": frozenset(),
    }
)


@dataclass(frozen=True)
class DatabaseUrl:
    dialect: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    host: str | None = None
    port: int | None = None
    database: str | None = None  # a server's database, or the file of SQLite and DuckDB
    query: Mapping[str, str] = field(default_factory=dict)
    text: str = field(default="", repr=False)  # as given (it may hold the password)

    @property
    def shown(self) -> str:
        """The URL as it may be printed: the password replaced by ``***`` (also libpq's
        ``?password=`` parameter)."""
        text = re.sub(r"([?&](?:ssl)?password=)[^&#]*", r"\1***", self.text)
        if self.password is None:
            return text
        head, _, rest = text.partition("://")
        netloc, slash, tail = rest.partition("/")
        credentials, _, where = netloc.rpartition("@")
        return f"{head}://{credentials.partition(':')[0]}:***@{where}{slash}{tail}"

    @property
    def secret(self) -> str | None:
        """The password, wherever the URL gives it (to mask in a driver's message)."""
        return self.password if self.password is not None else self.query.get("password")

    @property
    def secrets(self) -> frozenset[str]:
        """Every form of the password a driver's message may echo: as decoded, and as
        written in the URL (libpq echoes a token it cannot decode as it stands)."""
        netloc = self.text.partition("://")[2].partition("/")[0]
        written = [netloc.rpartition("@")[0].partition(":")[2]] if "@" in netloc else []
        written += re.findall(r"[?&](?:ssl)?password=([^&#]*)", self.text)
        forms = {*written, *(unquote(form) for form in written)}
        forms |= {v for k, v in self.query.items() if k in ("password", "sslpassword")}
        if self.secret is not None:
            forms.add(self.secret)
        return frozenset(form for form in forms if form)

    def for_libpq(self) -> str:
        """A PostgreSQL URL as libpq reads it: no driver in its scheme, no ``schema``
        (the text is kept as written, ``postgresql:///db`` with its empty host too)."""
        rest, _, query = self.text.partition("://")[2].partition("?")
        kept = [part for part in query.split("&") if part and part.partition("=")[0] != "schema"]
        return f"postgresql://{rest}" + (f"?{'&'.join(kept)}" if kept else "")


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(text: str) -> bool:
    """Does ``text`` start with a URL scheme (else it is, say, libpq's key=value settings,
    whose values may hold ``://``)?"""
    return _SCHEME.match(text) is not None


def parse_url(text: str, dialect: str | None = None) -> DatabaseUrl:
    """``text`` read as a database URL; ``dialect``, when given, is the one it must name."""
    try:  # as written and as percent-decoded: the drivers decode it as UTF-8
        unquote_to_bytes(text).decode("utf-8")
    except UnicodeError:  # bytes of another encoding on the command line, or %C3 alone
        raise UrlError("the URL holds bytes that are not UTF-8 (or percent-encodes them)") from None
    if "\x00" in unquote(text):
        raise UrlError("the URL holds a NUL character")
    scheme = text.partition("://")[0]
    if not is_url(text):  # nothing before "://" is echoed: it may be a password
        raise UrlError(
            "not a database URL: it must start with "
            + ", ".join(f"{name}://" for name in SCHEMES if _for(name, dialect))
        )
    base = scheme.lower().partition("+")[0]
    found = SCHEMES.get(base)
    if found is None or not _for(base, dialect):
        wanted = ", ".join(f"{name}://" for name in SCHEMES if _for(name, dialect))
        what = "an unknown URL scheme" if found is None else f"not a URL for {dialect}"
        raise UrlError(f"{scheme + '://'!r} is {what}: use {wanted}")
    rest = text.partition("://")[2]
    if found in ("postgres", "mariadb") and rest.rfind("@") > min(
        (at for at in (rest.find(c) for c in "/?#") if at >= 0), default=len(rest)
    ):  # a '/', '?' or '#' before the last '@': a password cut apart, never echoed
        raise UrlError(
            "the URL's user part cannot be read: a '/', '?', '#' or '@' in a password "
            "must be percent-encoded (%2F, %3F, %23, %40)"
        )
    try:
        parts = urlsplit(text)
    except ValueError:  # urllib's "Invalid IPv6 URL": a '[' or ']' where none may be
        raise UrlError("the URL's host part cannot be read (a '[' or ']' out of place?)") from None
    several_hosts = found == "postgres" and "," in parts.netloc  # libpq's host1,host2:port
    try:
        port = None if several_hosts else parts.port
    except ValueError:
        port = 0
    if port == 0:
        raise UrlError("the URL's port is not a number from 1 to 65535")
    if parts.fragment:
        raise UrlError("a database URL has no '#' part")
    query: dict[str, str] = {}
    written_keys = [part.partition("=")[0] for part in parts.query.split("&") if part]
    if not all(re.fullmatch(r"[a-z_]+", key) for key in written_keys):
        # a parameter's name is never percent-encoded (pass%77ord= is libpq's password,
        # which the masking would not know): nor echoed
        raise UrlError(
            "a URL parameter's name is lower-case letters and underscores, never "
            "percent-encoded (a '?' or '@' in a password must be percent-encoded)"
        )
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        allowed = _QUERY[found]
        # a name is never echoed: with an unescaped '?', a password ends up here
        # libpq's parameters are words (sslmode, connect_timeout): anything else is a
        # piece of the URL a '?' in a password cut off, never sent on
        if (allowed is not None and key not in allowed) or not re.fullmatch(r"[a-z_]+", key):
            known = "libpq's" if allowed is None else ", ".join(sorted(allowed)) or "none"
            raise UrlError(
                f"an unknown URL parameter (known here: {known}; "
                "a '?' or '@' in a password must be percent-encoded)"
            )
        if key in query:
            raise UrlError(
                f"URL parameter {key!r} given twice"
                if key in (allowed or ())
                else "a URL parameter given twice"
            )
        query[key] = value
    path = unquote(parts.path)
    if found in ("sqlite", "duckdb"):
        if parts.netloc:
            raise UrlError(f"a {base} URL names a file, not a host: {base}:///path")
        database = path[1:] if path.startswith("/") else path
        return DatabaseUrl(found, database=database or None, query=query, text=text)
    host = None if several_hosts else (unquote(parts.hostname) if parts.hostname else None)
    if found == "mariadb" and port is not None and host is None:
        raise UrlError("the URL gives a port but no host")
    if found == "mariadb" and host not in (None, "localhost") and "unix_socket" in query:
        raise UrlError("the URL gives both a host and ?unix_socket=: give one")
    return DatabaseUrl(
        found,
        user=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password is not None else None,
        host=host,
        port=port,
        database=path.strip("/") or None,
        query=query,
        text=text,
    )


def _for(scheme: str, dialect: str | None) -> bool:
    return dialect is None or SCHEMES[scheme] == dialect
