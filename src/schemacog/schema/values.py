"""Reading YAML values (defaults, bounds, example rows) per logical column type.

Design §3: date/time/timestamp values are ISO 8601 strings, decimals a string or an
integer (a float is refused: binary rounding), uuid a string, binary base64, json any
YAML value. Each reader returns the typed value or raises ``ValueError`` with a message
that the caller positions at the value's node.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import decimal
import math
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from schemacog.model import INTEGER_RANGES, JsonValue, LogicalType, Value
from schemacog.runtime.cleaning import _JSON_DEPTH as JSON_DEPTH
from schemacog.runtime.cleaning import _decimal_places as decimal_places
from schemacog.schema.loader import MapNode, Node, ScalarNode, SeqNode, kind_of, scalar_kind

__all__ = [
    "DATE_RE",
    "TIMESTAMPTZ_RE",
    "TIMESTAMP_RE",
    "TIME_RE",
    "UUID_RE",
    "TypeSpec",
    "read_text",
    "read_value",
]

_T = TypeVar("_T")


_DECIMAL = re.compile(r"[-+]?[0-9]+(?:\.[0-9]+)?\Z")
_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_TIME = r"[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?"
_OFFSET = r"(?:Z|[-+][0-9]{2}:[0-9]{2})"
DATE_RE = re.compile(_DATE + r"\Z")
TIME_RE = re.compile(_TIME + r"\Z")
TIMESTAMP_RE = re.compile(f"{_DATE}[T ]{_TIME}\\Z")
TIMESTAMPTZ_RE = re.compile(f"{_DATE}[T ]{_TIME}{_OFFSET}\\Z")
UUID_RE = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}\Z")


@dataclass(frozen=True, slots=True)
class TypeSpec:
    """What a value reader needs to know about its column (constraints live in rules.py)."""

    type: LogicalType
    precision: int | None = None
    scale: int | None = None


def _scalar(node: Node, expected: str) -> ScalarNode:
    if not isinstance(node, ScalarNode):
        raise ValueError(f"expected {expected}, found {kind_of(node)}")
    return node


def _string(node: Node, expected: str) -> str:
    value = _scalar(node, expected).value
    if not isinstance(value, str):
        hint = "; quote it to make it a string" if value is not None else ""
        raise ValueError(f"expected {expected}, found {scalar_kind(value)}{hint}")
    return value


def read_text(node: Node, spec: TypeSpec) -> str:
    return _string(node, "a string")


def _read_integer(node: Node, spec: TypeSpec) -> int:
    value = _scalar(node, "an integer").value
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected an integer, found {scalar_kind(value)}")
    low, high = INTEGER_RANGES[spec.type]
    if not low <= value <= high:
        raise ValueError(f"{value} is out of range for {spec.type} ({low} to {high})")
    return value


def _read_float(node: Node, spec: TypeSpec) -> float:
    value = _scalar(node, "a number").value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"expected a number, found {scalar_kind(value)}")
    if not math.isfinite(value):
        raise ValueError(f"{value} is not a finite number")
    return float(value)


def _read_decimal(node: Node, spec: TypeSpec) -> decimal.Decimal:
    value = _scalar(node, "a decimal").value
    if isinstance(value, float):
        raise ValueError(
            f"decimal {value!r} must be a quoted string ('{value}') or an integer: "
            "a YAML float is binary and loses digits"
        )
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"expected a decimal, found {scalar_kind(value)}")
    if isinstance(value, str) and not _DECIMAL.match(value):
        raise ValueError(f"{value!r} is not a decimal number (digits, optional '.' and digits)")
    number = decimal.Decimal(value)
    _check_decimal_digits(number, spec.precision, spec.scale)
    return number


def _check_decimal_digits(
    number: decimal.Decimal, precision: int | None, scale: int | None
) -> None:
    """Refuse a bound that its column's precision/scale would round or overflow.

    Places are counted on the value itself (``2.990`` has two), as rules.SCALE does.
    """
    if precision is None:
        return
    scale = scale or 0
    # exactly, at any length: normalize() and abs() round to the context's 28 digits
    if decimal_places(number) > scale:
        raise ValueError(f"{number} has more than {scale} decimal places")
    if number.copy_abs() >= 10 ** (precision - scale):
        raise ValueError(f"{number} has more than {precision - scale} digits before the point")


def _read_boolean(node: Node, spec: TypeSpec) -> bool:
    value = _scalar(node, "true or false").value
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, found {scalar_kind(value)}")
    return value


def _iso(node: Node, pattern: re.Pattern[str], what: str) -> str:
    text = _string(node, f"an ISO 8601 {what} string")
    if not pattern.match(text):
        raise ValueError(f"{text!r} is not an ISO 8601 {what}")
    return text


def _read_date(node: Node, spec: TypeSpec) -> dt.date:
    text = _iso(node, DATE_RE, "date (YYYY-MM-DD)")
    return _parse(dt.date.fromisoformat, text, "date")


def _read_time(node: Node, spec: TypeSpec) -> dt.time:
    text = _iso(node, TIME_RE, "time (HH:MM[:SS[.ffffff]])")
    return _parse(dt.time.fromisoformat, text, "time")


def _read_timestamp(node: Node, spec: TypeSpec) -> dt.datetime:
    text = _iso(node, TIMESTAMP_RE, "timestamp without offset (YYYY-MM-DDTHH:MM[:SS])")
    return _parse(dt.datetime.fromisoformat, text, "timestamp")


def _read_timestamptz(node: Node, spec: TypeSpec) -> dt.datetime:
    text = _iso(node, TIMESTAMPTZ_RE, "timestamp with offset (YYYY-MM-DDTHH:MM:SSZ or +HH:MM)")
    value = _parse(dt.datetime.fromisoformat, text, "timestamp")
    try:
        value.astimezone(dt.UTC)  # as every engine stores it, or compares it
    except OverflowError:
        raise ValueError(f"{text!r} is outside the years 1 to 9999 in UTC") from None
    return value


def _parse(parse: Callable[[str], _T], text: str, what: str) -> _T:
    try:
        return parse(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a valid {what}") from None


def _read_uuid(node: Node, spec: TypeSpec) -> uuid.UUID:
    text = _string(node, "a UUID string")
    if not UUID_RE.match(text):
        raise ValueError(f"{text!r} is not a UUID (8-4-4-4-12 hexadecimal digits)")
    return uuid.UUID(text)


def _read_binary(node: Node, spec: TypeSpec) -> bytes:
    text = _string(node, "a base64 string")
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError(f"{text!r} is not valid base64") from None


def _read_json(node: Node, spec: TypeSpec, depth: int = 1) -> JsonValue:
    if isinstance(node, ScalarNode):
        value = node.value
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"{value} is not representable in JSON")
        return value
    if depth > JSON_DEPTH:  # the generated layers' rule (runtime/cleaning.py)
        raise ValueError(f"nests arrays and objects deeper than {JSON_DEPTH}")
    if isinstance(node, SeqNode):
        return [_read_json(item, spec, depth + 1) for item in node.items]
    assert isinstance(node, MapNode)
    return {key: _read_json(value, spec, depth + 1) for key, value in node.items.items()}


def _read_enum(node: Node, spec: TypeSpec) -> str:
    # Membership is a constraint (an invalid example may break it): see rules.py.
    return _string(node, "an enum value")


_READERS: dict[LogicalType, Callable[[Node, TypeSpec], Value]] = {
    LogicalType.STRING: read_text,
    LogicalType.TEXT: read_text,
    LogicalType.SMALLINT: _read_integer,
    LogicalType.INTEGER: _read_integer,
    LogicalType.BIGINT: _read_integer,
    LogicalType.FLOAT: _read_float,
    LogicalType.DECIMAL: _read_decimal,
    LogicalType.BOOLEAN: _read_boolean,
    LogicalType.DATE: _read_date,
    LogicalType.TIME: _read_time,
    LogicalType.TIMESTAMP: _read_timestamp,
    LogicalType.TIMESTAMPTZ: _read_timestamptz,
    LogicalType.UUID: _read_uuid,
    LogicalType.JSON: _read_json,
    LogicalType.BINARY: _read_binary,
    LogicalType.ENUM: _read_enum,
}


def read_value(node: Node, spec: TypeSpec) -> Value:
    """The typed value of ``node`` for a column of ``spec``; ValueError if it is not one."""
    return _READERS[spec.type](node, spec)
