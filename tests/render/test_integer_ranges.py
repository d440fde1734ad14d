"""Integer types hold their SQL range in every layer (#14, item 1).

For each integer type, a value just inside and just outside the type's range (with and
without the column's own bounds) gets the same verdict from the validator, the pydantic
model, the cleaner and every engine: PostgreSQL, DuckDB and MariaDB by their types,
SQLite (which stores any 64-bit integer) by the CHECKs the DDL gives it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from layers import Generated, generate, loaded_engine, model_accepts

from schemacog.db import engines
from schemacog.db.backends import DIALECTS
from schemacog.model import INTEGER_RANGES, LogicalType

SCHEMA = """schemacog: 1
name: ranges
tables:
  counts:
    columns:
      id: {type: integer, primary_key: true}
      small: {type: smallint, nullable: true}
      whole: {type: integer, nullable: true}
      big: {type: bigint, nullable: true}
      bounded: {type: smallint, nullable: true, min: 1}
"""
TYPES = {"small": LogicalType.SMALLINT, "whole": LogicalType.INTEGER, "big": LogicalType.BIGINT}


def _cases() -> list[tuple[str, int, bool]]:
    """(column, value, inside its range) at and beyond every bound."""
    cases = []
    for column, logical in TYPES.items():
        low, high = INTEGER_RANGES[logical]
        cases += [(column, low - 1, False), (column, low, True)]
        cases += [(column, high, True), (column, high + 1, False)]
    high = INTEGER_RANGES[LogicalType.SMALLINT][1]
    cases += [("bounded", 0, False), ("bounded", 1, True)]
    cases += [("bounded", high, True), ("bounded", high + 1, False)]
    return cases


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    return generate(tmp_path_factory.mktemp("ranges"), SCHEMA, "counts")


@pytest.fixture(scope="module", params=sorted(DIALECTS))
def engine(request: pytest.FixtureRequest, project: Generated) -> Iterator[engines.Engine]:
    with loaded_engine(request.param, project.ddl[request.param]) as made:
        yield made


@pytest.mark.parametrize(("column", "value", "inside"), _cases())
def test_every_python_layer_holds_the_range_of_the_type(
    project: Generated, column: str, value: int, inside: bool
) -> None:
    module = project.module
    row = {"id": 1, column: value}
    assert (module.validate_counts(row) == []) == inside, module.validate_counts(row)
    assert model_accepts(module.CountsModel, row) == inside
    record, messages = module.clean_counts({"id": "1", column: str(value)})
    assert (record is not None) == inside, messages


@pytest.mark.parametrize(("column", "value", "inside"), _cases())
def test_every_engine_holds_the_range_of_the_type(
    project: Generated,
    engine: engines.Engine,
    column: str,
    value: int,
    inside: bool,
) -> None:
    table = project.table
    engine.run_script("DELETE FROM counts")
    error = engine.insert(table, {"id": 1, column: value})
    assert (error is None) == inside, (engine.dialect, column, value, error)
