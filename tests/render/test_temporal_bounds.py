"""Bounds on dates and times (#15, item 3): ``min``/``max`` on date, time, timestamp and
timestamptz, read per type as defaults are, in every layer and engine.

SQLite stores them as text, which would not compare ('T' or ' ', offsets): its CHECKs
compare ``julianday()`` of both sides, to the millisecond, and its DDL says so.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from layers import Generated, generate, loaded_engine, model_accepts

from schemacog.db.backends import DIALECTS
from schemacog.errors import SchemaError
from schemacog.model import Value
from schemacog.schema.validate import load_schema_text

SCHEMA = """schemacog: 1
name: dates
tables:
  t:
    columns:
      id: {type: integer, primary_key: true}
      d: {type: date, nullable: true, min: "1900-01-01", max: "2099-12-31"}
      tm: {type: time, nullable: true, min: "08:00", max: "18:00:00.5"}
      ts: {type: timestamp, nullable: true, min: "2000-01-01T00:00:00"}
      tz: {type: timestamptz, nullable: true, max: "2030-01-01T00:00:00Z"}
"""
PLUS_TWO = dt.timezone(dt.timedelta(hours=2))
# (column, value, in bounds)
CASES: list[tuple[str, dt.date | dt.time, bool]] = [
    ("d", dt.date(1899, 12, 31), False),
    ("d", dt.date(1900, 1, 1), True),
    ("d", dt.date(2099, 12, 31), True),
    ("d", dt.date(2100, 1, 1), False),
    ("tm", dt.time(7, 59, 59), False),
    ("tm", dt.time(8, 0), True),
    ("tm", dt.time(18, 0, 0, 500000), True),
    ("tm", dt.time(18, 0, 1), False),
    ("ts", dt.datetime(1999, 12, 31, 23, 59, 59), False),
    ("ts", dt.datetime(2000, 1, 1), True),
    ("tz", dt.datetime(2030, 1, 1, 2, 0, tzinfo=PLUS_TWO), True),  # the bound's instant
    ("tz", dt.datetime(2030, 1, 1, 0, 0, 1, tzinfo=dt.UTC), False),
    ("tz", dt.datetime(2030, 1, 1, 2, 0, 1, tzinfo=PLUS_TWO), False),
]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    return generate(tmp_path_factory.mktemp("dates"), SCHEMA, "t")


@pytest.mark.parametrize(("column", "value", "inside"), CASES)
def test_every_python_layer_keeps_the_bounds(
    project: Generated, column: str, value: dt.date, inside: bool
) -> None:
    row = {"id": 1, column: value}
    record, messages = project.module.clean_t({"id": "1", column: value.isoformat()})
    assert (project.module.validate_t(row) == []) == inside
    assert model_accepts(project.module.TModel, row) == inside
    assert (record is not None) == inside, messages


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_every_engine_keeps_the_bounds(project: Generated, dialect: str) -> None:
    ddl = project.ddl[dialect]
    declared = "bounds of tm: compared as julianday(c), to the millisecond" in ddl
    assert declared == (dialect == "sqlite")
    with loaded_engine(dialect, ddl) as engine:
        for number, (column, value, inside) in enumerate(CASES):
            row: dict[str, Value] = {"id": number, column: value}
            accepted = engine.insert(project.table, row) is None
            assert accepted == inside, (dialect, column, value)


def test_an_example_out_of_bounds_breaks_min_or_max() -> None:
    text = SCHEMA + "    invalid_examples:\n      - {row: {id: 1, d: '1899-12-31'}, reason: old}\n"
    table = load_schema_text(text, "dates.yaml").table("t")
    [rule] = table.invalid_examples[0].broken
    assert (rule.kind, rule.detail) == ("min", "1899-12-31 is before the minimum 1900-01-01")


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        ("{type: date, min: 1900}", "expected an ISO 8601 date (YYYY-MM-DD) string"),
        ("{type: date, min: '2000-01-01', max: '1999-01-01'}", "max 1999-01-01 is less than min"),
        ("{type: date, warn_min: '2000-01-01'}", "warn_min"),
        ("{type: timestamptz, min: '2000-01-01T00:00:00'}", "timestamp with offset"),
    ],
)
def test_a_bad_bound_is_an_error_at_it(keys: str, message: str, tmp_path: Path) -> None:
    text = f"schemacog: 1\nname: b\ntables:\n  t:\n    columns:\n      c: {keys}\n"
    text += "      id: {type: integer, primary_key: true}\n"
    with pytest.raises(SchemaError) as caught:
        load_schema_text(text, "b.yaml")
    found = [str(p) for p in caught.value.problems]
    assert any(message in x and x.startswith("b.yaml:6:") for x in found), found


INSTANTS = """schemacog: 1
name: instants
tables:
  t:
    columns:
      id: {type: integer, primary_key: true}
      tz: {type: timestamptz, nullable: true}
"""
# the instant in UTC lies past 9999-12-31 or before 0001-01-01: Python has no such
# datetime in UTC, MariaDB's DATETIME holds none; the others get a CHECK
EDGES = [
    (
        dt.datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=dt.timezone(-dt.timedelta(hours=12))),
        False,
    ),
    (dt.datetime(1, 1, 1, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=1))), False),
    (dt.datetime(9999, 12, 31, 11, 0, tzinfo=dt.timezone(-dt.timedelta(hours=12))), True),
    (dt.datetime(1, 1, 1, 1, 0, tzinfo=dt.timezone(dt.timedelta(hours=1))), True),
]


@pytest.fixture(scope="module")
def instants(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    return generate(tmp_path_factory.mktemp("instants"), INSTANTS, "t")


@pytest.mark.parametrize(("value", "inside"), EDGES)
def test_every_python_layer_keeps_instants_in_years_1_to_9999(
    instants: Generated, value: dt.datetime, inside: bool
) -> None:
    row = {"id": 1, "tz": value}
    record, messages = instants.module.clean_t({"id": "1", "tz": value.isoformat()})
    assert (instants.module.validate_t(row) == []) == inside, instants.module.validate_t(row)
    assert model_accepts(instants.module.TModel, row) == inside
    assert (record is not None) == inside, messages


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_every_engine_keeps_instants_in_years_1_to_9999(instants: Generated, dialect: str) -> None:
    with loaded_engine(dialect, instants.ddl[dialect]) as engine:
        for number, (value, inside) in enumerate(EDGES):
            accepted = engine.insert(instants.table, {"id": number, "tz": value}) is None
            assert accepted == inside, (dialect, value)
        assert engine.insert(instants.table, {"id": 9, "tz": None}) is None
