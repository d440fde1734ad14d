"""One truth (#14): for random schemas and values at and beyond every boundary, the
validator, the pydantic model, the cleaner and every engine give the same verdict.

Hypothesis draws a table (integer, float, decimal, text and timestamp columns, with or
without bounds, lengths and patterns with shorthand classes) and then rows that set one
column to a value drawn around that column's boundaries: integers just outside each
type, NaN and infinities, too many digits and places, non-ASCII letters, digits and
spaces, naive and aware datetimes. Every Python layer must agree; each engine must agree
too, unless its DDL declares the column's rule as not enforced there (``-- Not enforced
by ...``), which the test then reads as the engine's own word.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import os
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from goldens import real_engine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from layers import generate, model_accepts

from schemacog.db import engines
from schemacog.db.backends import DIALECTS
from schemacog.model import INTEGER_RANGES, LogicalType, Schema

PATTERNS = [r"^\d{2,4}$", r"^\w+$", r"^\S+$", r"^[\d.]+$", r"^a\sb$", r"^\D+$"]
TEXTS = ["12", "123", "\u0661\u0662", "\uff11\uff12", "stra\u00dfe", "abc", "a b", "a\u00a0b"]
TEXTS += ["a\u2003b", "a\tb", "1.5", "\u00e9t\u00e9", "x" * 9]
COUNTER = itertools.count()


@st.composite
def columns(draw: st.DrawFn) -> dict[str, str]:
    """column name -> its YAML flow mapping (every column nullable)."""
    found: dict[str, str] = {}
    for index in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["int", "float", "decimal", "text", "stamp"]))
        keys = ["nullable: true"]
        if kind == "int":
            keys.append(f"type: {draw(st.sampled_from(['smallint', 'integer', 'bigint']))}")
            if draw(st.booleans()):
                keys.append(f"min: {draw(st.integers(-5, 5))}")
        elif kind == "float":
            keys.append("type: float")
            if draw(st.booleans()):
                keys += ["min: 0", "max: 1"]
        elif kind == "decimal":
            precision = draw(st.integers(1, 12))
            keys += ["type: decimal", f"precision: {precision}"]
            keys.append(f"scale: {draw(st.integers(0, precision))}")
        elif kind == "text":
            keys.append("type: string")
            keys.append(f"max_length: {draw(st.integers(1, 8))}")
            if draw(st.booleans()):
                keys.append(f"pattern: '{draw(st.sampled_from(PATTERNS))}'")
        else:
            keys.append(f"type: {draw(st.sampled_from(['timestamp', 'timestamptz']))}")
        found[f"c{index}"] = "{" + ", ".join(keys) + "}"
    return found


def _values(schema: Schema, name: str) -> st.SearchStrategy[object]:
    column = schema.table("t").column(name)
    if column.type in INTEGER_RANGES:
        low, high = INTEGER_RANGES[column.type]
        edges: list[int] = [low - 1, low, high, high + 1, 0, -1, 1]
        if column.min is not None:
            edges += [int(column.min) - 1, int(column.min)]
        return st.sampled_from(edges) | st.integers(low - 10, high + 10)
    if column.type is LogicalType.FLOAT:
        return st.sampled_from([math.nan, math.inf, -math.inf, 0.0, 1.0, 1.5, -0.5]) | st.floats()
    if column.type is LogicalType.DECIMAL:
        assert column.precision is not None
        scale = column.scale or 0
        whole = column.precision - scale
        top = Decimal(10) ** whole
        step = Decimal(1).scaleb(-scale)
        places = [top - step, top, -(top - step), step, step / 10, Decimal("2.990"), Decimal(0)]
        return st.sampled_from(places) | st.decimals(
            -top * 2, top * 2, allow_nan=False, places=scale + 1
        )
    if column.type in (LogicalType.TIMESTAMP, LogicalType.TIMESTAMPTZ):
        naive = dt.datetime(2024, 6, 1, 10, 30, 15)
        aware = naive.replace(tzinfo=dt.timezone(dt.timedelta(hours=2)))
        return st.sampled_from([naive, aware, aware.astimezone(dt.UTC)])
    return st.sampled_from(TEXTS)


def _raw(value: object) -> str:
    """The text a raw export would hold for ``value`` (what the cleaner reads)."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return str(value)


class _Layers:
    """The generated Python and the engines of one drawn schema."""

    def __init__(self, text: str, engines_: dict[str, engines.Engine]) -> None:
        with tempfile.TemporaryDirectory() as folder:
            drawn = Path(folder) / f"drawn_{next(COUNTER)}"
            drawn.mkdir()
            generated = generate(drawn, text, "t")
        self.schema, self.module = generated.schema, generated.module
        self.ddl = generated.ddl
        for name, engine in engines_.items():
            engine.run_script("DROP TABLE IF EXISTS t")
            engine.run_script(self.ddl[name])

    def python(self, name: str, value: object) -> dict[str, bool]:
        row = {"id": 1, name: value}
        model = model_accepts(self.module.TModel, row)
        record, _ = self.module.clean_t({"id": "1", name: _raw(value)})
        return {
            "validator": self.module.validate_t(row) == [],
            "pydantic": model,
            "cleaner": record is not None,
        }

    def declared(self, dialect: str, name: str) -> bool:
        """Does the DDL say a rule of column ``name`` is not enforced in ``dialect``?"""
        title = DIALECTS[dialect].title
        lines = [x for x in self.ddl[dialect].splitlines() if x.startswith("-- Not enforced")]
        said = any(f" {name}" in x or f"({name}" in x for x in lines)
        return said or (title == "SQLite" and "pattern" in self.ddl[dialect])


@pytest.fixture(scope="module")
def all_engines() -> Iterator[dict[str, engines.Engine]]:
    made = {name: real_engine(name) for name in sorted(DIALECTS)}
    yield made
    for engine in made.values():
        engine.close()


@settings(
    max_examples=int(os.environ.get("SCHEMACOG_AGREEMENT_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(columns(), st.data())
def test_every_layer_gives_the_same_verdict(
    all_engines: dict[str, engines.Engine], drawn: dict[str, str], data: st.DataObject
) -> None:
    text = "schemacog: 1\nname: drawn\nmissing_values: []\ntables:\n  t:\n    columns:\n"
    text += "      id: {type: integer, primary_key: true}\n"
    text += "".join(f"      {name}: {keys}\n" for name, keys in drawn.items())
    layers = _Layers(text, all_engines)
    table = layers.schema.table("t")
    for name, keys in drawn.items():
        drawn_values: list[Any] = data.draw(
            st.lists(_values(layers.schema, name), min_size=3, max_size=6)
        )
        for value in drawn_values:
            verdicts = layers.python(name, value)
            assert len(set(verdicts.values())) == 1, (name, keys, value, verdicts)
            expected = verdicts["validator"]
            for dialect, engine in all_engines.items():
                engine.run_script("DELETE FROM t")
                accepted = engine.insert(table, {"id": 1, name: value}) is None
                if accepted != expected and not (accepted and layers.declared(dialect, name)):
                    pytest.fail(
                        f"{dialect} {'accepted' if accepted else 'refused'} {value!r}"
                        f" in {name} {keys}, the Python layers did not"
                    )
