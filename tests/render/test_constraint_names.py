"""Named constraints (#15, item 4): a name that depends only on the schema, for every
PRIMARY KEY, UNIQUE, FOREIGN KEY and CHECK; cut to 63 characters with a hash; unique in
the schema; and the names engines report in their errors. A table's ``constraint_names``
(#19) gives a constraint another name, in every dialect's DDL and in the engines' errors."""

from __future__ import annotations

import os

import pytest
from goldens import CASES, CASES_DIR
from hypothesis import given, settings
from layers import loaded_engine
from test_agreement_property import columns

from schemacog.db.backends import DIALECTS
from schemacog.model import Schema
from schemacog.naming import table_constraints
from schemacog.render.sql.ddl import constraint_names, render_ddl
from schemacog.schema.validate import load_schema, load_schema_text

LONG = "a_table_name_that_is_long_enough_to_need_cutting_by_itself_x"
SCHEMA = f"""schemacog: 1
name: names
tables:
  a_b:
    columns:
      c: {{type: integer, primary_key: true}}
      d: {{type: integer, unique: true}}
  a:
    columns:
      b_c: {{type: integer, primary_key: true}}
      b_d: {{type: integer, unique: true}}
      n: {{type: smallint, min: 0}}
  {LONG}:
    columns:
      id: {{type: integer, primary_key: true}}
      a_b_c: {{type: integer, references: a_b.c}}
"""


def test_names_depend_only_on_the_schema_and_are_unique_and_short() -> None:
    schema = load_schema_text(SCHEMA, "names.yaml")
    for dialect in DIALECTS:
        names = constraint_names(schema, dialect)
        assert names[("pk", "a_b")] == "pk_a_b"
        assert names[("uq", "a_b", "d")] == "uq_a_b_d"  # the first, in creation order
        assert names[("uq", "a", "b_d")].startswith("uq_a_b_d_")  # the same words: a hash
        assert names[("ck", "a", "n", "min")] == "ck_a_n_min"
        long_name = names[("fk", LONG, "a_b_c")]
        assert len(long_name) == 63
        assert long_name.startswith(f"fk_{LONG}"[:54])
        assert len(set(names.values())) == len(names)
        assert constraint_names(load_schema_text(SCHEMA, "names.yaml"), dialect) == names


@pytest.mark.parametrize("dialect", ["postgres", "sqlite", "mariadb"])
def test_the_engine_names_the_constraint_a_row_breaks(dialect: str) -> None:
    schema = load_schema_text(SCHEMA, "names.yaml")
    with loaded_engine(dialect, render_ddl(schema, dialect)) as engine:
        error = engine.insert(schema.table("a"), {"b_c": 1, "b_d": 1, "n": -1})
    assert error is not None
    assert "ck_a_n_min" in error, error


def test_duckdb_says_it_keeps_no_names() -> None:
    ddl = render_ddl(load_schema_text(SCHEMA, "names.yaml"), "duckdb")
    assert ddl.startswith("-- DuckDB: constraint names are not kept")
    with loaded_engine("duckdb", ddl):
        pass


# --- constraint_names: the names a database made by other tools has (#19) ---------------

RENAMED = """schemacog: 1
name: renamed
tables:
  film:
    columns:
      film_id: {type: integer, primary_key: true}
      title: {type: string, max_length: 20, unique: true}
      length: {type: smallint, min: 1, nullable: true}
    checks:
      - {name: short, expr: "length < 400"}
    constraint_names:
      pk_film: film_pkey
      uq_film_title: film_title_key
      ck_film_length_min: film_length_check
      ck_film_short: film_check
  rental:
    columns:
      rental_id: {type: integer, primary_key: true}
      film_id: {type: integer, references: film.film_id}
    constraint_names:
      fk_rental_film_id: rental_film_id_fkey
"""
GIVEN = {
    ("pk", "film"): "film_pkey",
    ("uq", "film", "title"): "film_title_key",
    ("ck", "film", "length", "min"): "film_length_check",
    ("ck", "film", "short"): "film_check",
    ("fk", "rental", "film_id"): "rental_film_id_fkey",
}


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_constraint_names_name_the_constraints_in_every_dialect(dialect: str) -> None:
    schema = load_schema_text(RENAMED, "renamed.yaml")
    names = constraint_names(schema, dialect)
    for key, name in GIVEN.items():
        assert names[key] == name
    ddl = render_ddl(schema, dialect)
    derived = ("pk_film", "uq_film_title", "ck_film_length_min", "ck_film_short", "fk_rental_")
    assert not [name for name in derived if name in ddl]
    if dialect != "duckdb":  # it writes no names
        assert all(name in ddl for name in GIVEN.values())
    assert "pk_rental" in names.values()  # the others keep theirs


@pytest.mark.parametrize(
    ("dialect", "row", "name"),
    [
        ("postgres", {"film_id": 1, "title": "a", "length": 0}, "film_length_check"),
        ("sqlite", {"film_id": 1, "title": "a", "length": 500}, "film_check"),
        ("mariadb", {"film_id": 1, "title": "a", "length": 0}, "film_length_check"),
    ],
)
def test_the_engine_names_a_renamed_constraint(
    dialect: str, row: dict[str, int | str], name: str
) -> None:
    schema = load_schema_text(RENAMED, "renamed.yaml")
    with loaded_engine(dialect, render_ddl(schema, dialect)) as engine:
        error = engine.insert(schema.table("film"), row)
    assert error is not None
    assert name in error, error


def _derived(schema: Schema) -> set[tuple[str, str]]:
    return {(key[1], name) for d in DIALECTS for key, name in constraint_names(schema, d).items()}


@pytest.mark.parametrize("case", CASES)
def test_every_name_a_dialect_derives_is_one_constraint_names_may_give(case: str) -> None:
    """``naming.table_constraints`` (what the validator accepts as a key) holds every
    name any dialect's DDL derives: no constraint is out of reach."""
    schema = load_schema(CASES_DIR / case / "schema.yaml")
    possible = {(t.name, name) for t in schema.tables for name in table_constraints(t)}
    assert _derived(schema) <= possible


@settings(max_examples=int(os.environ.get("SCHEMACOG_NAME_EXAMPLES", "60")), deadline=None)
@given(drawn=columns())
def test_every_drawn_column_rule_is_one_constraint_names_may_give(drawn: dict[str, str]) -> None:
    text = "schemacog: 1\nname: drawn\nenums:\n  e: {values: [a, b]}\ntables:\n"
    text += "  p:\n    columns:\n      id: {type: integer, primary_key: true}\n"
    text += "  t:\n    columns:\n      id: {type: integer, primary_key: true}\n"
    text += "".join(f"      {name}: {keys}\n" for name, keys in drawn.items())
    schema = load_schema_text(text, "drawn.yaml")
    possible = {(t.name, name) for t in schema.tables for name in table_constraints(t)}
    assert _derived(schema) <= possible
