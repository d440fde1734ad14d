"""SQL text of names and values: identifiers quoted where a dialect needs it, literals."""

from __future__ import annotations

import datetime as dt
import decimal
import json
import uuid

from schemacog.model import Column, LogicalType, Value
from schemacog.render.sql.dialects import Dialect, utc

__all__ = ["comment", "literal", "quote", "string_literal"]

# what ends a ``--`` comment in some engine: each is written as an escape inside one
_LINE_ENDS = str.maketrans(
    {char: f"\\u{ord(char):04x}" for char in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}
)


def comment(text: str) -> str:
    """A ``--`` comment line of ``text``, whatever it holds: a line break in it (from a
    literal of the schema, say) is written as an escape, so nothing after it is SQL."""
    return "-- " + text.translate(_LINE_ENDS)


def quote(dialect: Dialect, name: str) -> str:
    """An identifier, quoted only where the dialect needs it (keyword, or case)."""
    needs = name.lower() in dialect.reserved or (dialect.fold_case and name != name.lower())
    return f"{dialect.quote}{name}{dialect.quote}" if needs else name


def string_literal(dialect: Dialect, text: str) -> str:
    body = text.replace("'", "''")
    if "\\" in text and dialect.backslash_prefix is not None:
        return f"{dialect.backslash_prefix}'{body.replace(chr(92), chr(92) * 2)}'"
    if dialect.backslash_escapes:
        body = body.replace("\\", "\\\\")
    return f"'{body}'"


def literal(dialect: Dialect, column: Column, value: Value) -> str:
    """A SQL literal of ``value`` for ``column`` (a default, a bound, an example value)."""
    if value is None:
        return "NULL"
    if column.type is LogicalType.JSON:
        return string_literal(dialect, json.dumps(value, ensure_ascii=False, separators=(",", ":")))
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, decimal.Decimal):
        return format(value, "f")  # str() writes 1E-7, which some engines read as a double
    if isinstance(value, float):
        return dialect.float_literal(value)
    if isinstance(value, bytes):
        return dialect.bytes_literal(value)
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:  # in UTC: PostgreSQL reads no offset past 15:59
            value = utc(value) if dialect.timestamptz_as_utc else value.astimezone(dt.UTC)
        return string_literal(dialect, value.isoformat(sep=" "))
    if isinstance(value, dt.date | dt.time | uuid.UUID):
        return string_literal(
            dialect, value.isoformat() if not isinstance(value, uuid.UUID) else str(value)
        )
    assert isinstance(value, str)
    return string_literal(dialect, value)
