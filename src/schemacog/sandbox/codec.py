"""The wire codec of ``schemacog verify``: typed example values as tagged JSON, and back.

``encode`` runs in schemacog; ``decode`` runs in the isolated children
(``verify.runner``, ``db.engine_child``), which load this file by its path instead of
importing schemacog. So this module imports nothing but the standard library at run time.
A tagged value is a one-key object, ``{"$date": "2024-01-31"}``; any other JSON value
stands for itself.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import json
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from schemacog.model import Value

__all__ = ["decode", "encode"]


class _Tag(NamedTuple):
    kind: type[Any] | tuple[type[Any], ...]
    tag: str
    write: Callable[[Any], str]
    read: Callable[[str], Any]


def _base64(data: bytes) -> str:
    return base64.b64encode(data).decode()


# in the order values are tried: a datetime is a date too
_TAGS = (
    _Tag(decimal.Decimal, "$decimal", str, decimal.Decimal),
    _Tag(dt.datetime, "$datetime", dt.datetime.isoformat, dt.datetime.fromisoformat),
    _Tag(dt.date, "$date", dt.date.isoformat, dt.date.fromisoformat),
    _Tag(dt.time, "$time", dt.time.isoformat, dt.time.fromisoformat),
    _Tag(uuid.UUID, "$uuid", str, uuid.UUID),
    _Tag(bytes, "$bytes", _base64, base64.b64decode),
    _Tag((dict, list), "$json", json.dumps, json.loads),
)
_READERS = {tag.tag: tag.read for tag in _TAGS}


def encode(value: Value) -> Any:
    """A typed value as JSON for the child process."""
    for tag in _TAGS:
        if isinstance(value, tag.kind):
            return {tag.tag: tag.write(value)}
    return value


def decode(value: Any) -> Any:
    """The typed value back from its tag (what ``encode`` wrote)."""
    if isinstance(value, dict) and len(value) == 1:
        [(tag, raw)] = value.items()
        if tag in _READERS:
            return _READERS[tag](raw)
    return value
