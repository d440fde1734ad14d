"""The catalog readers on the real engines: this repo's example read back from each, and
two databases built in another order read equal."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from migration_engines import ENGINES, database

from schemacog.db.catalog.model import Index
from schemacog.render.sql.ddl import render_ddl
from schemacog.schema.validate import load_schema

SHOP = load_schema(ROOT / "schema" / "shop.yaml")
NAMED_CHECKS = {"sqlite", "postgres", "mariadb"}  # DuckDB keeps no constraint names
TYPED_ENUMS = {"postgres", "duckdb"}
ACTIONS = {"postgres", "sqlite", "mariadb"}  # DuckDB enforces no ON DELETE SET NULL


@pytest.mark.parametrize("engine", ENGINES)
def test_the_example_reads_back(engine: str, tmp_path: Path) -> None:
    with database(engine, tmp_path) as db:
        db.run(render_ddl(SHOP, engine))
        catalog = db.catalog()
    assert set(catalog.tables) == {t.name for t in SHOP.tables}
    customer = catalog.tables["customer"]
    assert {c.name for c in customer.columns} == {c.name for c in SHOP.table("customer").columns}
    assert customer.primary_key is not None
    assert customer.primary_key.columns == ("id",)
    assert customer.column("id").identity
    assert customer.column("birth_date").nullable
    assert not customer.column("email").nullable
    assert {k.columns for k in customer.unique} == {("public_id",), ("email",)}
    (referrer,) = customer.foreign_keys
    assert (referrer.columns, referrer.ref_table, referrer.ref_columns) == (
        ("referrer_id",),
        "customer",
        ("id",),
    )
    if engine in ACTIONS:
        assert referrer.on_delete == "SET NULL"
    assert Index("ix_customer_name", ("name",), False) in customer.indexes
    names = {c.name for c in customer.checks}
    if engine in NAMED_CHECKS:
        assert "ck_customer_name_max_length" in names
    else:
        assert names == {""}
    assert len(customer.checks) >= 5
    line = catalog.tables["return_line"]
    (order_line,) = line.foreign_keys
    assert order_line.columns == ("order_id", "line_no")
    assert order_line.on_delete == ("CASCADE" if engine in ACTIONS else "NO ACTION")
    if engine in TYPED_ENUMS:
        assert catalog.enums["order_status"] == SHOP.enum("order_status").value_names
    if engine in ("postgres", "duckdb", "mariadb"):
        assert customer.comment == "A person who buys from the shop."
        assert customer.column("name").comment == "Full name."


@pytest.mark.parametrize("engine", ENGINES)
def test_a_column_added_later_reads_as_one_made_at_once(engine: str, tmp_path: Path) -> None:
    made = "CREATE TABLE t (a INTEGER NOT NULL, b INTEGER, c VARCHAR(10));\n"
    later = (
        "CREATE TABLE t (a INTEGER NOT NULL, c VARCHAR(10));\nALTER TABLE t ADD COLUMN b INTEGER;\n"
    )
    with database(engine, tmp_path) as first, database(engine, tmp_path) as second:
        first.run(made)
        second.run(later)
        assert first.catalog().differences(second.catalog()) == []
        second.run("ALTER TABLE t ADD COLUMN d INTEGER;\n")
        assert first.catalog().differences(second.catalog()) != []
