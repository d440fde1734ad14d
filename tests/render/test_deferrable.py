"""Deferrable foreign keys and cycles no row can enter (#15, item 1, first part).

Sakila's ``store.manager_staff_id -> staff`` and ``staff.store_id -> store`` are NOT
NULL both ways: no row of either can be inserted first. Such a cycle (a self-reference
counts) is an error unless an edge is nullable or ``deferrable: true``, which PostgreSQL
and SQLite check at commit (``DEFERRABLE INITIALLY DEFERRED``); MariaDB and DuckDB
check every statement, and their DDL says how to load such a cycle there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import RunCli
from layers import loaded_engine

from schemacog.errors import SchemaError
from schemacog.render.sql.ddl import render_ddl
from schemacog.schema.validate import load_schema_text

CYCLE = """schemacog: 1
name: rental
tables:
  store:
    columns:
      id: {type: integer, primary_key: true}
      manager_staff_id: {type: integer, references: staff.id}
  staff:
    columns:
      id: {type: integer, primary_key: true}
      store_id: {type: integer, references: store.id}
"""
DEFERRED = CYCLE.replace("references: staff.id}", "references: staff.id, deferrable: true}")


def test_a_not_null_cycle_is_an_error_naming_it_and_the_ways_out() -> None:
    with pytest.raises(SchemaError) as caught:
        load_schema_text(CYCLE, "rental.yaml")
    [problem] = caught.value.problems
    assert str(problem) == (
        "rental.yaml:7:53: the foreign keys store(manager_staff_id) -> staff, "
        "staff(store_id) -> store form a cycle of NOT NULL columns, so no row of it can be "
        "inserted first; make one of them deferrable: true (checked at commit), or its "
        "columns nullable"
    )


def test_a_not_null_self_reference_is_one_too() -> None:
    text = """schemacog: 1
name: staff
tables:
  employee:
    columns:
      id: {type: integer, primary_key: true}
      boss: {type: integer, references: employee.id}
"""
    with pytest.raises(SchemaError) as caught:
        load_schema_text(text, "staff.yaml")
    [problem] = caught.value.problems
    assert "the foreign key employee(boss) -> employee names its own table with NOT NULL" in str(
        problem
    )


@pytest.mark.parametrize(
    "text",
    [
        DEFERRED,
        CYCLE.replace("references: store.id}", "nullable: true, references: store.id}"),
    ],
    ids=["deferrable", "nullable"],
)
def test_a_deferrable_or_nullable_edge_opens_the_cycle(text: str) -> None:
    load_schema_text(text, "rental.yaml")


@pytest.mark.parametrize("dialect", ["postgres", "sqlite"])
def test_the_cycle_loads_in_one_transaction_where_the_check_waits(dialect: str) -> None:
    ddl = render_ddl(load_schema_text(DEFERRED, "rental.yaml"), dialect)
    assert "REFERENCES staff (id) DEFERRABLE INITIALLY DEFERRED" in ddl
    with loaded_engine(dialect, ddl) as engine:
        engine.run_script(
            "BEGIN; INSERT INTO store VALUES (1, 1); INSERT INTO staff VALUES (1, 1); COMMIT;"
        )
        with pytest.raises(Exception, match=r"(?i)foreign key"):  # checked at commit
            engine.run_script("BEGIN; INSERT INTO store VALUES (2, 99); COMMIT;")


def test_mariadb_says_how_to_load_the_cycle() -> None:
    ddl = render_ddl(load_schema_text(DEFERRED, "rental.yaml"), "mariadb")
    assert "DEFERRABLE" not in ddl
    said = [x for x in ddl.splitlines() if "deferral of (manager_staff_id) -> staff" in x]
    assert len(said) == 1
    assert "checked at each statement; rows that name rows after them load with SET" in said[0]
    with loaded_engine("mariadb", ddl):
        pass  # the DDL executes


def test_duckdb_leaves_the_closing_key_out_and_says_so() -> None:
    ddl = render_ddl(load_schema_text(DEFERRED, "rental.yaml"), "duckdb")
    assert "DEFERRABLE" not in ddl
    assert "foreign key store(manager_staff_id) -> staff closes a cycle" in ddl
    with loaded_engine("duckdb", ddl):
        pass


# the deferrable edge on the first table in file order, or on the second (the cycle
# must break there: staff's rows go first)
SECOND = CYCLE.replace("references: store.id}", "references: store.id, deferrable: true}")


@pytest.mark.parametrize("schema_text", [DEFERRED, SECOND], ids=["first", "second"])
def test_verify_loads_the_cycle_in_every_engine(
    run_cli: RunCli, tmp_path: Path, schema_text: str
) -> None:
    examples = """    examples:
      - {id: 1, manager_staff_id: 1}
    invalid_examples:
      - {row: {id: 2, manager_staff_id: 99}, reason: no such manager}
  staff:"""
    text = schema_text.replace("\n  staff:", "\n" + examples, 1)
    text += "    examples:\n      - {id: 1, store_id: 1}\n"
    (tmp_path / "schema.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.schemacog]\nschema = "schema.yaml"\nfiles = ["out/**/*"]\n', encoding="utf-8"
    )
    required = all(os.environ.get(f"SCHEMACOG_REQUIRE_{e}") == "1" for e in ("POSTGRES", "MARIADB"))
    result = run_cli("verify", *(["--require"] if required else []), cwd=tmp_path)
    assert result.code == 0, result.out + result.err
    lines = result.out.splitlines()
    for engine in ("sqlite", "postgres"):
        line = next((x for x in lines if x.startswith(f"examples in {engine}")), "")
        assert not line or "2 accepted, 1 refused" in line, line
    if required:
        assert (
            "examples loaded with foreign key checks off (rows that name rows after" in result.out
        )


@pytest.mark.parametrize("dialect", ["postgres", "sqlite"])
def test_rows_together_are_checked_at_commit_and_left_out_if_refused(dialect: str) -> None:
    schema = load_schema_text(DEFERRED, "rental.yaml")
    store, staff = schema.table("store"), schema.table("staff")
    with loaded_engine(dialect, render_ddl(schema, dialect)) as engine:
        loaded = engine.insert_together(
            [(store, {"id": 1, "manager_staff_id": 1}), (staff, {"id": 1, "store_id": 1})]
        )
        assert loaded.errors == [None, None]
        assert loaded.commit is None
        dangling = engine.insert_together([(store, {"id": 2, "manager_staff_id": 99})])
        assert dangling.errors == [None]  # deferred: the statement passes
        assert dangling.commit is not None  # the commit does not
        assert engine.insert(store, {"id": 2, "manager_staff_id": 1}) is None  # 2 was not kept


def test_verify_reports_duckdb_refusing_rows_that_name_later_rows(
    run_cli: RunCli, tmp_path: Path
) -> None:
    text = """schemacog: 1
name: emp
tables:
  emp:
    columns:
      id: {type: integer, primary_key: true}
      boss_id: {type: integer, references: emp.id, deferrable: true}
    examples:
      - {id: 1, boss_id: 2}
      - {id: 2, boss_id: 2}
"""
    (tmp_path / "schema.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.schemacog]\nschema = "schema.yaml"\nfiles = ["out/**/*"]\n', encoding="utf-8"
    )
    result = run_cli("verify", "--engines", "duckdb,sqlite", cwd=tmp_path)
    assert result.code == 0, result.out + result.err
    assert result.out.count("refused by DuckDB, as its DDL says") == 2, result.out
    sqlite = next(x for x in result.out.splitlines() if x.startswith("examples in sqlite"))
    assert "2 accepted" in sqlite, sqlite  # checked at commit: the order does not matter


def test_a_timestamptz_outside_year_9999_in_utc_is_an_error_at_it() -> None:
    text = """schemacog: 1
name: t
tables:
  t:
    columns:
      id: {type: integer, primary_key: true}
      at: {type: timestamptz, max: "9999-12-31T23:59:59-01:00"}
"""
    with pytest.raises(SchemaError) as caught:
        load_schema_text(text, "t.yaml")
    [problem] = caught.value.problems
    assert str(problem).startswith("t.yaml:7:36: max: '9999-12-31T23:59:59-01:00' is outside"), str(
        problem
    )


def test_two_cycles_through_one_table_are_two_errors() -> None:
    text = """schemacog: 1
name: eight
tables:
  a:
    columns:
      id: {type: integer, primary_key: true}
      b_id: {type: integer, references: b.id}
      c_id: {type: integer, references: c.id}
  b:
    columns:
      id: {type: integer, primary_key: true}
      a_id: {type: integer, references: a.id}
  c:
    columns:
      id: {type: integer, primary_key: true}
      a_id: {type: integer, references: a.id}
"""
    with pytest.raises(SchemaError) as caught:
        load_schema_text(text, "eight.yaml")
    found = sorted(str(p) for p in caught.value.problems)
    assert len(found) == 2, found
    assert "a(b_id) -> b, b(a_id) -> a form a cycle" in found[0]
    assert "a(c_id) -> c, c(a_id) -> a form a cycle" in found[1]
