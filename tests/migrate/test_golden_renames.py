"""Every golden case (cycles, deferrable keys, every feature, hostile names) renamed
whole: each table and the columns no key or check names get new names with
``renamed_from``. On each real engine the migration keeps every row and ends with the
catalog of a fresh DDL; PostgreSQL renames in place, the others rebuild."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from goldens import CASES, schema_of
from migration_engines import ENGINES
from migration_roundtrip import assert_migrated, migrate

from schemacog.model import Column, Schema, Table


def _free(schema: Schema, table: Table, column: Column) -> bool:
    """A column that no key, index, check or foreign key names (its name may change
    without the rest of the schema changing)."""
    named = {
        *table.primary_key,
        *(c for key in table.unique for c in key),
        *(c for index in table.indexes for c in index.columns),
        *(c for check in table.checks for c in check.columns),
    }
    for other in schema.tables:
        for fk in other.foreign_keys:
            if other.name == table.name:
                named.update(fk.columns)
            if fk.ref_table == table.name:
                named.update(fk.ref_columns)
    return column.name not in named


def renamed_whole(schema: Schema) -> Schema:
    names = {t.name: f"{t.name}_v2" for t in schema.tables}
    tables = []
    for table in schema.tables:
        columns = tuple(
            dataclasses.replace(c, name=f"{c.name}_x", renamed_from=(c.name,))
            if _free(schema, table, c)
            else c
            for c in table.columns
        )
        keys = tuple(
            dataclasses.replace(fk, ref_table=names[fk.ref_table]) for fk in table.foreign_keys
        )
        tables.append(
            dataclasses.replace(
                table,
                name=names[table.name],
                renamed_from=(table.name,),
                columns=columns,
                foreign_keys=keys,
                examples=(),
                invalid_examples=(),
            )
        )
    return dataclasses.replace(schema, tables=tuple(tables))


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", CASES)
def test_a_golden_case_renamed_whole(case: str, engine: str, tmp_path: Path) -> None:
    old = schema_of(case)
    outcome = migrate(engine, tmp_path, old, renamed_whole(old))
    assert_migrated(outcome)
    if engine == "postgres":
        assert outcome.plan.rebuilt == []  # renamed in place, constraints and all
