"""The cleaner step of ``schemacog verify``: examples, written out as raw text, through the
generated ``clean_<table>`` functions (in the same isolated child as the other layers).

Every example must come back accepted, holding the values it spelt; every invalid example
that breaks a rule a single row can break must be rejected. An example whose text a
cleaner reads differently by design (a string that is a missing token or has surrounding
spaces, an explicit null where the column has a default) is skipped and counted.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from schemacog.model import Column, LogicalType, Schema, Table, Value
from schemacog.naming import field_name
from schemacog.sandbox.codec import encode

__all__ = ["Expectation", "problems", "requests"]


@dataclass(frozen=True)
class Expectation:
    label: str
    accept: bool
    broken: list[str]


def _raw_text(column: Column, value: Value) -> str:
    """How a CSV export would spell a typed value of this column."""
    if column.type is LogicalType.JSON:
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    return str(value)


def _read_differently(schema: Schema, column: Column, value: Value) -> bool:
    if value is None:
        return column.has_default
    tokens = column.missing_values if column.missing_values is not None else schema.missing_values
    text = _raw_text(column, value)
    return text != text.strip() or text in tokens


def requests(
    schema: Schema,
    cleaners: dict[str, tuple[int, str]],
    rows: Sequence[tuple[Table, dict[str, Value], str, list[str]]],
) -> tuple[list[dict[str, Any]], list[Expectation], int]:
    """Child requests for ``rows`` (table, typed row, label, rules broken) of tables with
    a cleaner; also the expectations and how many rows were skipped."""
    found: list[dict[str, Any]] = []
    expected: list[Expectation] = []
    skipped = 0
    for table, row, label, broken in rows:
        if table.name not in cleaners:
            continue
        columns = {c.name: c for c in table.columns if c.name in row}
        if any(_read_differently(schema, columns[n], v) for n, v in row.items() if n in columns):
            skipped += 1
            continue
        module, function = cleaners[table.name]
        found.append(
            {
                "module": module,
                "cleaner": function,
                "row": {n: _raw_text(columns[n], v) for n, v in row.items() if v is not None},
                "expected": {n: encode(v) for n, v in row.items()},
                "fields": {n: field_name(n) for n in row},
            }
        )
        expected.append(Expectation(label, not broken, broken))
    return found, expected, skipped


def problems(expected: Sequence[Expectation], answers: Sequence[Any]) -> list[str]:
    """What the cleaners did that the examples say they must not."""
    found = []
    for expectation, answer in zip(expected, answers, strict=False):
        if answer is None or "cleaner" not in answer:
            continue
        outcome = answer["cleaner"]
        label = expectation.label
        if expectation.accept and not outcome["accepted"]:
            found.append(f"{label}: the cleaner rejected it: {'; '.join(outcome['messages'])}")
        elif expectation.accept and outcome["differs"]:
            found.append(f"{label}: the cleaner read {', '.join(outcome['differs'])} differently")
        elif not expectation.accept and outcome["accepted"]:
            found.append(
                f"{label}: the cleaner accepted it, but it breaks {', '.join(expectation.broken)}"
            )
    return found
