"""Python source literals for schema values, as ``ruff format`` would leave them.

Strings use double quotes unless that needs more escapes than single quotes (ruff's
rule), so the generated file is formatter-stable. Library types go through the
underscore aliases that ``sc.python.imports()`` emits (``_dt``, ``_decimal``, ``_uuid``).
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import uuid

from schemacog.model import Value
from schemacog.render.layout import Call, Expr, flat, prefixed

__all__ = ["bytes_literal", "expr", "json_expr", "literal", "raw_or_string", "string"]

_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\x00"}


def string(text: str) -> str:
    """A str literal: double-quoted unless the text holds more double than single quotes."""
    quote = "'" if text.count('"') > text.count("'") else '"'
    body = "".join(_ESCAPES.get(ch, "\\" + ch if ch == quote else ch) for ch in text)
    return quote + body + quote


def raw_or_string(text: str) -> str:
    """A raw literal (for regex sources) when one can spell ``text``, else :func:`string`."""
    if "\n" not in text and "\r" not in text and not text.endswith("\\"):
        if '"' not in text:
            return f'r"{text}"'
        if "'" not in text:
            return f"r'{text}'"
    return string(text)


def bytes_literal(data: bytes) -> str:
    quote = "'" if data.count(b'"') > data.count(b"'") else '"'
    out = []
    for byte in data:
        char = chr(byte)
        if char in {"\\", quote}:
            out.append("\\" + char)
        elif 0x20 <= byte < 0x7F:
            out.append(char)
        else:
            out.append(f"\\x{byte:02x}")
    return "b" + quote + "".join(out) + quote


def literal(value: Value) -> str:
    """Python source of a schema value, on one line."""
    return flat(expr(value))


def expr(value: Value) -> Expr:
    """Python expression of a schema value; calls stay splittable by the layout.

    JSON values become ``_json.loads("...")`` of their canonical text: one string atom
    that no formatter splits, whatever its size.
    """
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, str):
        return string(value)
    if isinstance(value, decimal.Decimal):
        text = str(value)
        if text.lstrip("-").isdigit():  # ruff (FURB157) wants Decimal(0), not Decimal("0")
            return Call("_decimal.Decimal(", [str(int(value))], ")")
        return Call("_decimal.Decimal(", [string(text)], ")")
    if isinstance(value, dt.datetime):
        args: list[Expr] = [str(value.year), str(value.month), str(value.day), *_clock(value)]
        offset = value.utcoffset()
        if offset is not None:
            seconds = int(offset.total_seconds())
            zone = Call("_dt.timezone(", [f"_dt.timedelta(seconds={seconds})"], ")")
            args.append("tzinfo=_dt.UTC" if not seconds else prefixed("tzinfo=", zone))
        return Call("_dt.datetime(", args, ")")
    if isinstance(value, dt.date):
        return Call("_dt.date(", [str(value.year), str(value.month), str(value.day)], ")")
    if isinstance(value, dt.time):
        return Call("_dt.time(", _clock(value), ")")
    if isinstance(value, uuid.UUID):
        return Call("_uuid.UUID(", [string(str(value))], ")")
    if isinstance(value, bytes):
        return bytes_literal(value)
    raise TypeError(f"no Python literal for {type(value).__name__}")


def json_expr(value: Value) -> Expr:
    """``_json.loads("...")`` of a JSON value's canonical text."""
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return Call("_json.loads(", [string(text)], ")")


def _float(value: float) -> str:
    text = repr(value)
    if "e" in text:  # ruff format writes exponents without '+' and keeps lower case
        mantissa, exponent = text.split("e")
        text = f"{mantissa}e{int(exponent)}"
    return text


def _clock(value: dt.time | dt.datetime) -> list[str]:
    parts = [str(value.hour), str(value.minute)]
    if value.second or value.microsecond:
        parts.append(str(value.second))
    if value.microsecond:
        parts.append(str(value.microsecond))
    return parts
