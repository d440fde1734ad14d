"""Named constraints (#15, item 4): a name that depends only on the schema, for every
PRIMARY KEY, UNIQUE, FOREIGN KEY and CHECK; cut to 63 characters with a hash; unique in
the schema; and the names engines report in their errors."""

from __future__ import annotations

import pytest
from layers import loaded_engine

from schemacog.db.backends import DIALECTS
from schemacog.render.sql.ddl import constraint_names, render_ddl
from schemacog.schema.validate import load_schema_text

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
