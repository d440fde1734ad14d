"""One truth (#14): for random schemas and values at and beyond every boundary, the
validator, the pydantic model, the cleaner and every engine give the same verdict.

Hypothesis draws a table with a column of every logical type (integers, float, decimal,
strings with lengths and patterns with shorthand classes (a pattern without max_length: values
at and beyond the implied 10,000 characters), free text, boolean, date, time,
timestamps, UUID, JSON, binary, enum; nullable or NOT NULL, with or without bounds) and
then whole rows whose values are drawn around each column's boundaries: integers just
outside each type, NaN and infinities, too many digits and places, non-ASCII letters,
digits and spaces, NUL characters and lone surrogates, naive and aware datetimes, JSON
with NaN or keys that are not text, nulls. Every Python layer must agree; each engine
must agree too, unless its DDL declares each rule the row breaks as not enforced there
(``-- Not enforced by ...``), which the test then reads as the engine's own word. Bounds
on dates, times and timestamps are drawn too (#15), and foreign keys, nullable or NOT
NULL, deferrable or not, into a table ``p`` of three rows: no Python layer sees other
rows, and every engine must refuse a row naming none of them, and only such a row.
Table checks are drawn from the grammar of ``check_expr`` (#15): comparisons of the drawn
columns with each other and with literals at the drawn values, IS [NOT] NULL, NOT, AND
and OR, nested; a check SQLite declares it compares less exactly (times to the
millisecond) excuses it as a column rule's declaration does. Decimals of more than 15
digits, which SQLite compares as doubles (declared), are left out of checks.
"""

from __future__ import annotations

import base64
import datetime as dt
import itertools
import json
import math
import os
import tempfile
import uuid
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
from schemacog.model import INTEGER_RANGES, Column, LogicalType, Schema
from schemacog.runtime import cleaning
from schemacog.schema import rules

PATTERNS = [r"^\d{2,4}$", r"^\w+$", r"^\S+$", r"^[\d.]+$", r"^a\sb$", r"^\D+$"]
TEXTS = ["12", "123", "\u0661\u0662", "\uff11\uff12", "stra\u00dfe", "abc", "a b", "a\u00a0b"]
TEXTS += ["a\u2003b", "a\tb", "1.5", "\u00e9t\u00e9", "x" * 9, "a\x00b", "\ud800", "\U0001f600"]
# a patterned string without max_length is at most 10,000 characters long (implied, #17):
# values that match each pattern of PATTERNS they can, at and beyond that bound
LONG_TEXTS = ["x" * 9_999, "x" * 10_000, "x" * 10_001, "1" * 10_000, "1" * 10_001, "x" * 40_000]
FREE_TEXTS = ["", "a", "a\x00b", "\x00", "\udc80x", "\U0001f600\u0301", "x" * 300]
JSONS: list[object] = [{"a": 1}, [1, "x", None], "s", 1.5, True, 2**70, {"a": math.nan}]
JSONS += [[math.inf], {"k": "a\x00"}, {1: 2}, ["\ud800"], {"nested": {"deep": [[]]}}]
JSONS += [json.loads("[" * 31 + "]" * 31), json.loads('{"k":' * 32 + "1" + "}" * 32)]
OTHER: dict[str, list[object]] = {  # the sampled values of the types without bounds
    "boolean": [True, False],
    "date": [dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(2024, 2, 29)],
    "time": [dt.time(0), dt.time(23, 59, 59, 999999), dt.time(12, 30)],
    "uuid": [uuid.UUID(int=0), uuid.UUID(int=2**128 - 1), uuid.uuid4()],
    "json": JSONS,
    "binary": [b"", b"\x00\xff", b"abc" * 50],
    "enum": ["a", "b c", "x", "z z"],  # no "B_C": the cleaner reads respellings as aliases
}
COUNTER = itertools.count()


@st.composite
def columns(draw: st.DrawFn) -> dict[str, str]:
    """column name -> its YAML flow mapping (every column nullable)."""
    found: dict[str, str] = {}
    kinds = ["int", "float", "decimal", "text", "stamp", "free_text", "fk", *OTHER]
    for index in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(kinds))
        keys = ["nullable: true"] if draw(st.booleans()) else []
        if kind == "int":
            keys.append(f"type: {draw(st.sampled_from(['smallint', 'integer', 'bigint']))}")
            if draw(st.booleans()):
                keys.append(f"min: {draw(st.integers(-5, 5))}")
        elif kind == "float":
            keys.append("type: float")
            if draw(st.booleans()):
                keys += ["min: 0", "max: 1"]
        elif kind == "decimal":
            precision = draw(st.integers(1, 20))  # SQLite checks no digits beyond 15
            keys += ["type: decimal", f"precision: {precision}"]
            keys.append(f"scale: {draw(st.integers(0, precision))}")
        elif kind == "text":
            keys.append("type: string")
            patterned = draw(st.booleans())
            if not patterned or draw(st.booleans()):  # else the implied max_length, 10,000
                keys.append(f"max_length: {draw(st.integers(1, 8))}")
            if patterned:
                keys.append(f"pattern: '{draw(st.sampled_from(PATTERNS))}'")
        elif kind == "stamp":
            stamp = draw(st.sampled_from(["timestamp", "timestamptz"]))
            keys.append(f"type: {stamp}")
            if draw(st.booleans()):  # the drawn values are at, before and after it
                bound = draw(st.sampled_from(["min", "max"]))
                keys.append(
                    f"{bound}: '2024-06-01T10:30:15{'Z' if stamp == 'timestamptz' else ''}'"
                )
        elif kind in ("date", "time") and draw(st.booleans()):
            low, high = {
                "date": ("'2000-01-01'", "'2024-02-29'"),
                "time": ("'00:00:01'", "'12:30'"),
            }[kind]
            keys += [f"type: {kind}", f"min: {low}", f"max: {high}"]
        elif kind == "free_text":
            keys.append("type: text")
        elif kind == "fk":  # into p, which holds the rows 1 to 3
            keys += ["type: integer", "references: p.id"]
            if draw(st.booleans()):
                keys.append("deferrable: true")
        elif kind == "enum":
            keys += ["type: enum", "enum: e"]
        else:
            keys.append(f"type: {kind}")
        found[f"c{index}"] = "{" + ", ".join(keys) + "}"
    return found


# literals a check compares a column of each kind with: at and between the drawn values
CHECK_LITERALS: dict[str, list[str]] = {
    "smallint": ["-1", "0", "1", "5"],
    "integer": ["-1", "0", "1", "5"],
    "bigint": ["-1", "0", "1", "5"],
    "float": ["0", "0.5", "1", "1.5", "-0.5"],
    "string": ["'12'", "'abc'", "'a b'", "'\u00e9t\u00e9'", "''"],
    "text": ["''", "'a'", "'x'"],
    "boolean": ["true", "false"],
    "date": ["'2000-01-01'", "'2024-02-29'", "'0001-01-01'"],
    "time": ["'00:00:01'", "'12:30'", "'23:59:59.999999'"],
    "timestamp": ["'2024-06-01T10:30:15'", "'2024-06-01T08:30:15'"],
    "timestamptz": ["'2024-06-01T10:30:15+02:00'", "'2024-06-01T10:30:15Z'"],
    "uuid": ["'00000000-0000-0000-0000-000000000000'"],
    "enum": ["'a'", "'b c'"],
}
ORDERED = {"smallint", "integer", "bigint", "float", "decimal", "string", "text", "date"}
ORDERED |= {"time", "timestamp", "timestamptz"}
FAMILIES = {"smallint": "int", "integer": "int", "bigint": "int", "string": "text"}


def _kind(keys: str) -> str:
    """The type of a drawn column, from its YAML flow mapping."""
    return keys.split("type: ")[1].split(",", maxsplit=1)[0].split("}", maxsplit=1)[0].strip()


@st.composite
def check_exprs(draw: st.DrawFn, drawn: dict[str, str]) -> str:
    """One expression of the check language over the drawn columns (and ``id``)."""
    return _check_expr(draw, drawn, 0)


def _check_expr(draw: st.DrawFn, drawn: dict[str, str], depth: int) -> str:
    kinds = {name: _kind(keys) for name, keys in drawn.items()}
    kinds["id"] = "integer"
    if depth < 2 and draw(st.integers(0, 3)) == 0:
        op = draw(st.sampled_from(["AND", "OR", "NOT"]))
        if op == "NOT":
            return f"NOT ({_check_expr(draw, drawn, depth + 1)})"
        parts = [_check_expr(draw, drawn, depth + 1) for _ in range(draw(st.integers(2, 3)))]
        return f" {op} ".join(f"({part})" for part in parts)
    name = draw(st.sampled_from(sorted(kinds)))
    kind = kinds[name]
    if kind in ("json", "binary") or draw(st.integers(0, 4)) == 0:
        return f"{name} IS {draw(st.sampled_from(['', 'NOT ']))}NULL"
    ops = ["=", "<>", "<", "<=", ">", ">="] if kind in ORDERED else ["=", "<>"]
    op = draw(st.sampled_from(ops))
    family = FAMILIES.get(kind, kind)
    peers = [
        other
        for other, other_kind in kinds.items()
        if other != name
        and FAMILIES.get(other_kind, other_kind) == family
        and (kind != "decimal" or drawn[other] == drawn[name])
    ]
    with_column: bool = draw(st.booleans())
    if peers and with_column:
        return f"{name} {op} {draw(st.sampled_from(peers))}"
    if kind == "decimal":
        scale = int(drawn[name].split("scale: ")[1].split("}")[0].split(",")[0])
        literals = ["0", "1", format(Decimal(1).scaleb(-scale), "f"), "-1"]
    else:
        literals = CHECK_LITERALS[kind]
    literal = draw(st.sampled_from(literals))
    return f"{literal} {op} {name}" if draw(st.booleans()) else f"{name} {op} {literal}"


def _in_checks(drawn: dict[str, str]) -> dict[str, str]:
    """The drawn columns a check may read: no decimal SQLite compares as a double."""
    return {
        name: keys
        for name, keys in drawn.items()
        if _kind(keys) != "decimal" or int(keys.split("precision: ")[1].split(",")[0]) <= 15
    }


def _values(schema: Schema, name: str) -> st.SearchStrategy[object]:
    column = schema.table("t").column(name)
    if _is_foreign_key(schema, name):
        return st.sampled_from([*PARENTS, 4, 99])  # a parent row, or none
    if column.type in INTEGER_RANGES:
        low, high = INTEGER_RANGES[column.type]
        edges: list[int] = [low - 1, low, high, high + 1, 0, -1, 1]
        if isinstance(column.min, int):
            edges += [column.min - 1, column.min]
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
        places += [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")]
        return st.sampled_from(places) | st.decimals(
            -top * 2, top * 2, allow_nan=False, places=scale + 1
        )
    if column.type in (LogicalType.TIMESTAMP, LogicalType.TIMESTAMPTZ):
        naive = dt.datetime(2024, 6, 1, 10, 30, 15)
        aware = naive.replace(tzinfo=dt.timezone(dt.timedelta(hours=2)))
        return st.sampled_from([naive, aware, aware.astimezone(dt.UTC)])
    if column.type is LogicalType.TEXT:
        return st.sampled_from(FREE_TEXTS)
    if column.type is LogicalType.STRING and column.max_length_implied:
        return st.sampled_from(TEXTS + LONG_TEXTS)
    if column.type is LogicalType.STRING:
        return st.sampled_from(TEXTS)
    return st.sampled_from(OTHER[column.type.value])


def _raw(value: object, kind: LogicalType) -> object:
    """The text a raw export would hold for ``value`` (what the cleaner reads); JSON
    values as they are (text would turn keys into text), but a JSON string as JSON."""
    if value is None:
        return None
    if kind is LogicalType.JSON:
        return json.dumps(value) if isinstance(value, str) else value
    if kind is LogicalType.BINARY:
        assert isinstance(value, bytes)
        return base64.b64encode(value).decode()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


# the declarations that excuse an engine from a rule (rules.py's kinds, and type rules)
_DECLARATIONS: dict[str, tuple[str, ...]] = {
    rules.PATTERN: ("pattern of {c}:",),
    rules.MIN: ("bounds of {c}:",),  # SQLite's julianday(), to the millisecond
    rules.MAX: ("bounds of {c}:",),
    rules.SCALE: ("scale of {c}:", "digits of {c}:"),
    rules.PRECISION: ("digits of {c}:",),
    "offset": ("offset of {c}:",),
    "nan": ("NaN in {c} ",),
    "json": ("JSON of {c}:",),
}


def _reasons(schema: Schema, column: Column, value: object) -> set[str]:
    """Why the Python layers refuse ``value`` in ``column`` (empty: they accept it)."""
    if value is None:
        return set() if column.nullable else {rules.NOT_NULL}
    if isinstance(value, float) and not math.isfinite(value):
        return {"nan" if math.isnan(value) else "infinite"}
    if isinstance(value, Decimal) and not value.is_finite():
        return {"infinite"}
    if isinstance(value, dt.datetime | dt.time):
        aware = value.utcoffset() is not None
        if aware != (column.type is LogicalType.TIMESTAMPTZ):
            return {"offset"}
    if column.type is LogicalType.JSON and cleaning._json_problem(value) is not None:
        return {"json"}
    if column.type in INTEGER_RANGES and isinstance(value, int):
        low, high = INTEGER_RANGES[column.type]
        if not low <= value <= high:
            return {"range"}
    if isinstance(value, str) and cleaning._text_problem(value) is not None:
        return {"text"}
    enum_values = schema.enum(column.enum).value_names if column.enum else ()
    return {rule.kind for rule in rules.value_rules(column, value, enum_values)}  # type: ignore[arg-type]


PARENTS = (1, 2, 3)  # the rows of p


def _is_foreign_key(schema: Schema, name: str) -> bool:
    return any(fk.columns == (name,) for fk in schema.table("t").foreign_keys)


def _keys_not_text(value: object) -> bool:
    if isinstance(value, dict):
        return any(not isinstance(k, str) or _keys_not_text(v) for k, v in value.items())
    return isinstance(value, list) and any(_keys_not_text(v) for v in value)


class _Layers:
    """The generated Python and the engines of one drawn schema."""

    def __init__(self, text: str, engines_: dict[str, engines.Engine]) -> None:
        with tempfile.TemporaryDirectory() as folder:
            drawn = Path(folder) / f"drawn_{next(COUNTER)}"
            drawn.mkdir()
            generated = generate(drawn, text, "t")
        self.schema, self.module = generated.schema, generated.module
        self.ddl = generated.ddl
        parent = self.schema.table("p")
        for name, engine in engines_.items():
            engine.run_script("DROP TABLE IF EXISTS t")
            engine.run_script("DROP TABLE IF EXISTS p")
            engine.run_script(self.ddl[name])
            for key in PARENTS:
                assert engine.insert(parent, {"id": key}) is None

    def python(self, row: dict[str, object]) -> dict[str, bool]:
        model = model_accepts(self.module.TModel, row)
        table = self.schema.table("t")
        raw = {name: _raw(value, table.column(name).type) for name, value in row.items()}
        record, _ = self.module.clean_t(raw)
        return {
            "validator": self.module.validate_t(row) == [],
            "pydantic": model,
            "cleaner": record is not None,
        }

    def excused(self, dialect: str, row: dict[str, Any]) -> bool:
        """Does the DDL of ``dialect`` declare every rule the row breaks as not enforced?
        (Only then may the engine accept a row that the Python layers refuse.)"""
        table = self.schema.table("t")
        title = DIALECTS[dialect].title
        said = [
            x.removeprefix(f"-- Not enforced by {title}: ")
            for x in self.ddl[dialect].splitlines()
            if x.startswith(f"-- Not enforced by {title}: ")
        ]
        column_reasons = False
        for column in table.columns:
            name = column.name
            for reason in _reasons(self.schema, column, row.get(name)):
                column_reasons = True
                starts = [f.format(c=name) for f in _DECLARATIONS.get(reason, ())]
                if not any(line.startswith(start) for line in said for start in starts):
                    return False
        if column_reasons:
            return True  # the values are not all of their types: no check can be read
        typed = rules.effective_row(table, row)
        return all(
            any(line.startswith(f"check {check.name}:") for line in said)
            for check in table.checks
            if rules.check_holds(check.tree, typed) is False
        )


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
    readable = _in_checks(drawn)
    checks = data.draw(st.lists(check_exprs(readable), max_size=2), label="checks")
    text = "schemacog: 1\nname: drawn\nmissing_values: []\n"
    enum = f"e{next(COUNTER)}"  # a new type each time: PostgreSQL's plans keep the old one
    text += f"enums:\n  {enum}: {{values: {{a: , b c: }}}}\ntables:\n"
    text += "  p:\n    columns:\n      id: {type: integer, primary_key: true}\n"
    text += "  t:\n    columns:\n"
    text += "      id: {type: integer, primary_key: true}\n"
    text += "".join(
        f"      {name}: {keys.replace('enum: e', f'enum: {enum}')}\n"
        for name, keys in drawn.items()
    )
    if checks:
        text += "    checks:\n" + "".join(f"      - expr: {json.dumps(c)}\n" for c in checks)
    layers = _Layers(text, all_engines)
    table = layers.schema.table("t")
    for _ in range(data.draw(st.integers(3, 6))):
        row: dict[str, Any] = {"id": 1}
        for name in drawn:
            nullable = table.column(name).nullable
            value = data.draw(_values(layers.schema, name) | st.just(None), label=name)
            if value is not None or nullable or data.draw(st.booleans(), label="null"):
                row[name] = value  # a null in a NOT NULL column, now and then
        verdicts = layers.python(row)
        assert len(set(verdicts.values())) == 1, (drawn, checks, row, verdicts)
        # a foreign key is a rule between rows, which no Python layer sees: every engine
        # refuses a row naming no row of p, and only then
        named = all(
            row.get(name) is None or row[name] in PARENTS
            for name in drawn
            if _is_foreign_key(layers.schema, name)
        )
        expected = verdicts["validator"] and named
        if any(_keys_not_text(value) for value in row.values()):
            continue  # every driver writes such JSON with text keys: no engine sees the value
        for dialect, engine in all_engines.items():
            engine.run_script("DELETE FROM t")
            error = engine.insert(table, row)
            accepted = error is None
            excused = accepted and layers.excused(dialect, row)
            if accepted != expected and not excused and named:
                pytest.fail(
                    f"{dialect} {'accepted' if accepted else 'refused'} {row!r}"
                    f" of {drawn} checked by {checks}, the Python layers did not ({error})"
                )
            if not named and accepted:
                pytest.fail(f"{dialect} accepted {row!r} of {drawn}, naming no row of p")
