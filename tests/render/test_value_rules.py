"""Value rules every layer shares (#14): text, JSON, time offsets, pydantic's reading.

Text holds no NUL character and no lone surrogate (PostgreSQL and every driver refuse
them; SQLite, DuckDB and MariaDB get a CHECK for NUL). JSON has text keys, finite numbers
and such text. The pydantic model reads numbers and booleans strictly and what JSON
carries as text with the cleaner's own readers. Each test here fails on the code before.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from layers import Generated, generate, loaded_engine, model_accepts

from schemacog.db.backends import DIALECTS
from schemacog.errors import SchemaError
from schemacog.model import Value
from schemacog.render.sql.ddl import render_ddl
from schemacog.schema.validate import load_schema_text

SCHEMA = """schemacog: 1
name: values
enums:
  e: {values: {a: , b: }}
tables:
  t:
    columns:
      id: {type: integer, primary_key: true}
      s: {type: string, max_length: 5, nullable: true}
      tx: {type: text, nullable: true}
      j: {type: json, nullable: true}
      n: {type: smallint, nullable: true}
      f: {type: float, nullable: true}
      d: {type: date, nullable: true}
      tm: {type: time, nullable: true}
      ts: {type: timestamp, nullable: true}
      u: {type: uuid, nullable: true}
      b: {type: binary, nullable: true}
      big: {type: decimal, precision: 29, scale: 0, nullable: true}
      lvl: {type: enum, enum: e}
"""


@pytest.fixture(scope="module")
def layers(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    return generate(tmp_path_factory.mktemp("values"), SCHEMA, "t")


def _verdicts(layers: Generated, column: str, value: object) -> dict[str, bool]:
    row: dict[str, Any] = {"id": 1, "lvl": "a", column: value}
    record, _ = layers.module.clean_t(row)
    return {
        "validator": layers.module.validate_t(row) == [],
        "pydantic": model_accepts(layers.module.TModel, row),
        "cleaner": record is not None,
    }


def _nested(depth: int) -> Any:
    """Arrays and objects nested ``depth`` deep."""
    value: Any = 1
    for level in range(depth):
        value = [value] if level % 2 else {"k": value}
    return value


REFUSED_BY_EVERY_PYTHON_LAYER = [
    ("s", "a\x00b"),
    ("tx", "\x00"),
    ("tx", "x\ud800"),
    ("j", {"a": float("nan")}),
    ("j", [float("inf")]),
    ("j", {1: "x"}),
    ("j", {"k": "a\x00"}),
    ("j", ["\udc80"]),
    ("j", _nested(32)),  # MariaDB's JSON_VALID refuses 32 levels; the rule for every layer
    ("tm", dt.time(10, 0, tzinfo=dt.UTC)),
]


@pytest.mark.parametrize(("column", "value"), REFUSED_BY_EVERY_PYTHON_LAYER)
def test_every_python_layer_refuses(layers: Generated, column: str, value: object) -> None:
    assert _verdicts(layers, column, value) == dict.fromkeys(_verdicts(layers, "n", 1), False)


def test_the_validator_says_why(layers: Generated) -> None:
    problems = layers.module.validate_t
    base = {"id": 1, "lvl": "a"}
    assert problems({**base, "tx": "a\x00"}) == ["tx: contains a NUL character"]
    assert problems({**base, "j": {1: 2}}) == ["j: has an object key that is not text"]
    assert problems({**base, "j": ["\x00"]}) == ["j: holds text that contains a NUL character"]
    assert problems({**base, "tm": dt.time(1, tzinfo=dt.UTC)}) == ["tm: must not have a time zone"]


def test_the_validator_counts_digits_exactly_beyond_28(layers: Generated) -> None:
    nines = Decimal("9" * 29)  # abs() would round it to 1.000E+29 in the default context
    assert _verdicts(layers, "big", nines) == {"validator": True, "pydantic": True, "cleaner": True}
    assert _verdicts(layers, "big", Decimal("-" + "9" * 29)) == {
        "validator": True,
        "pydantic": True,
        "cleaner": True,
    }
    assert not any(_verdicts(layers, "big", Decimal("1" + "0" * 29)).values())


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("n", True),
        ("n", 1.0),
        ("n", "5"),
        ("f", True),
        ("f", "1.5"),
        ("s", b"ab"),
        ("d", 0),
        ("d", "0"),
        ("d", dt.datetime(2024, 1, 1)),
        ("ts", 1_700_000_000),
        ("ts", "1700000000"),
        ("ts", dt.date(2024, 1, 1)),
        ("tm", 5),
        ("u", uuid.UUID(int=1).bytes),
        ("b", bytearray(b"x")),
        ("b", "YWI"),  # unpadded
        ("b", "-_8="),  # the URL-safe alphabet
    ],
)
def test_pydantic_refuses_what_it_would_convert(
    layers: Generated, column: str, value: object
) -> None:
    assert not model_accepts(layers.module.TModel, {"id": 1, "lvl": "a", column: value})


def test_the_cleaner_strips_ascii_white_space_only(layers: Generated) -> None:
    def cleaned(text: str) -> object:
        record, _ = layers.module.clean_t({"id": "1", "lvl": "a", "tx": text})
        return None if record is None else record.tx

    assert cleaned(" ab\t\r\n\f\v") == "ab"
    for kept in ("\u00a0ab", "ab\u2028", "\x1fab", "\u3000"):
        assert cleaned(kept) == kept  # judged as they are, like \s judges them


def test_an_unknown_key_is_refused_by_the_validator_and_pydantic(layers: Generated) -> None:
    row = {"id": 1, "lvl": "a", "extra_column": 1}
    assert layers.module.validate_t(row) == ["extra_column: unknown column"]
    assert not model_accepts(layers.module.TModel, row)


def test_pydantic_reads_text_as_the_cleaner_does(layers: Generated) -> None:
    """What JSON carries as text (a web framework hands over json.loads output)."""
    raw = {
        "id": 1,
        "lvl": "a",
        "d": "2024-02-29",
        "tm": "23:59:59.5",
        "ts": "2024-01-01T10:00:00",
        "u": "00000000-0000-0000-0000-000000000001",
        "b": "YWI=",
    }
    model = layers.module.TModel.model_validate(raw)
    record, _ = layers.module.clean_t(raw)
    for name in ("d", "tm", "ts", "u", "b"):
        assert getattr(model, name) == getattr(record, name), name
    assert model.b == b"ab"
    assert layers.module.TModel.model_validate_json(model.model_dump_json()) == model


def test_a_not_null_json_column_refuses_none_in_pydantic(tmp_path: Path) -> None:
    text = SCHEMA.replace("j: {type: json, nullable: true}", "j: {type: json}")
    made = generate(tmp_path, text, "t")
    assert not model_accepts(made.module.TModel, {"id": 1, "lvl": "a", "j": None})
    assert model_accepts(made.module.TModel, {"id": 1, "lvl": "a", "j": {"a": None}})


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_every_layer_refuses_a_decimal_that_is_not_finite(layers: Generated, dialect: str) -> None:
    # PostgreSQL's numeric holds NaN, and NaN >= 0 is true there: a CHECK refuses it
    values = [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")]
    assert not any(any(_verdicts(layers, "big", value).values()) for value in values)
    with loaded_engine(dialect, layers.ddl[dialect]) as engine:
        for number, value in enumerate(values):
            row: dict[str, Value] = {"id": number, "lvl": "a", "big": value}
            assert engine.insert(layers.table, row) is not None, value


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_every_engine_refuses_nul_in_text(layers: Generated, dialect: str) -> None:
    with loaded_engine(dialect, layers.ddl[dialect]) as engine:
        assert engine.insert(layers.table, {"id": 1, "lvl": "a", "tx": "ok"}) is None
        assert engine.insert(layers.table, {"id": 2, "lvl": "a", "tx": "a\x00b"}) is not None
        assert engine.insert(layers.table, {"id": 3, "lvl": "a", "s": "\x00"}) is not None
        assert engine.insert(layers.table, {"id": 4, "lvl": "a", "tx": "x\ud800"}) is not None


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_json_nested_31_deep_is_accepted_by_every_layer(layers: Generated, dialect: str) -> None:
    assert all(_verdicts(layers, "j", _nested(31)).values())
    with loaded_engine(dialect, layers.ddl[dialect]) as engine:
        assert engine.insert(layers.table, {"id": 1, "lvl": "a", "j": _nested(31)}) is None
        refused = engine.insert(layers.table, {"id": 2, "lvl": "a", "j": _nested(32)}) is not None
    declared = "arrays and objects nested deeper than 31" in layers.ddl[dialect]
    assert refused != declared, (dialect, refused, declared)  # MariaDB refuses; others say so


def test_the_cleaner_refuses_json_text_nested_too_deep(layers: Generated) -> None:
    for depth in (32, 5000):  # 5000: deeper than json.loads can read, no RecursionError
        record, problems = layers.module.clean_t(
            {"id": 1, "lvl": "a", "j": "[" * depth + "]" * depth}
        )
        assert record is None, problems
    record, _ = layers.module.clean_t({"id": 1, "lvl": "a", "j": "[" * 31 + "]" * 31})
    assert record is not None


def test_an_example_nested_too_deep_is_an_error_at_its_value() -> None:
    deep = "[" * 32 + "]" * 32
    text = SCHEMA + f"    examples:\n      - {{id: 1, lvl: a, j: {deep}}}\n"
    with pytest.raises(SchemaError) as caught:
        load_schema_text(text, "values.yaml")
    [problem] = caught.value.problems
    assert "nests arrays and objects deeper than 31" in str(problem), str(problem)


def test_what_engines_store_in_json_is_declared(layers: Generated) -> None:
    said = {
        d: [x for x in layers.ddl[d].splitlines() if x.startswith("-- Not enforced by") and "JSON"]
        for d in DIALECTS
    }
    # jsonb refuses NaN, \u0000 and lone surrogates; only the depth is declared
    assert [x.split(": stores ")[1] for x in said["postgres"] if "JSON of j" in x] == [
        "arrays and objects nested deeper than 31"
    ]
    for dialect in ("sqlite", "duckdb", "mariadb"):
        assert any("JSON of j: stores " in x and "\\u0000" in x for x in said[dialect]), dialect


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_every_engine_refuses_a_row_without_its_not_null_enum(
    layers: Generated, dialect: str
) -> None:
    # MariaDB's ENUM(...) gave such a row the first value, even in strict mode
    with loaded_engine(dialect, layers.ddl[dialect]) as engine:
        assert engine.insert(layers.table, {"id": 1}) is not None
        assert engine.insert(layers.table, {"id": 2, "lvl": "a "}) is not None
        assert engine.insert(layers.table, {"id": 3, "lvl": "a"}) is None


def test_sqlite_declares_decimals_beyond_its_exact_digits(layers: Generated) -> None:
    ddl = layers.ddl["sqlite"]
    assert "-- Not enforced by SQLite: digits of big: SQLite keeps 15 significant digits" in ddl
    assert "abs(big)" not in ddl
    with loaded_engine("sqlite", ddl) as engine:
        assert engine.insert(layers.table, {"id": 1, "lvl": "a", "big": Decimal("9" * 18)}) is None


CASCADING = """schemacog: 1
name: w
enums:
  st: {values: {ok: , no: }}
tables:
  p:
    columns:
      code: {type: string, max_length: 5, primary_key: true}
      s: {type: enum, enum: st, unique: true}
  c:
    columns:
      id: {type: integer, primary_key: true}
      code: {type: string, max_length: 5, unique: true, references: p.code, on_update: cascade}
      s: {type: enum, enum: st, nullable: true, references: p.s, on_update: cascade}
  g:
    columns:
      id: {type: integer, primary_key: true}
      code: {type: string, max_length: 20, nullable: true, references: c.code}
"""


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_a_column_without_check_keeps_trailing_spaces_for_its_foreign_key(dialect: str) -> None:
    """MariaDB writes no CHECK on a column an ON UPDATE CASCADE writes; as VARCHAR(n) it
    trimmed 'abcde ' to 'abcde', which then matched the key. Now VARCHAR(n + 1)."""
    schema = load_schema_text(CASCADING, "w.yaml")
    ddl = render_ddl(schema, dialect)
    if dialect == "mariadb":
        assert "    code VARCHAR(6) NOT NULL," in ddl
        assert (
            "CONSTRAINT fk_c_code FOREIGN KEY (code) REFERENCES p (code) ON UPDATE CASCADE" in ddl
        )
    with loaded_engine(dialect, ddl) as engine:
        assert engine.insert(schema.table("p"), {"code": "abcde", "s": "ok"}) is None
        assert engine.insert(schema.table("c"), {"id": 1, "code": "abcde"}) is None
        assert engine.insert(schema.table("c"), {"id": 2, "code": "abcde "}) is not None
        assert engine.insert(schema.table("c"), {"id": 3, "code": "abcde", "s": "ok "}) is not None
        assert engine.insert(schema.table("g"), {"id": 1, "code": "abcde "}) is not None
        assert engine.insert(schema.table("g"), {"id": 2, "code": "abcde"}) is None
