"""Integer types hold their SQL range in every layer (#14, item 1).

For each integer type, a value just inside and just outside the type's range (with and
without the column's own bounds) gets the same verdict from the validator, the pydantic
model, the cleaner and every engine: PostgreSQL, DuckDB and MariaDB by their types,
SQLite (which stores any 64-bit integer) by the CHECKs the DDL gives it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pydantic
import pytest
from goldens import load_module, real_engine, run_cog

from schemacog.db import engines
from schemacog.db.backends import DIALECTS
from schemacog.model import INTEGER_RANGES, LogicalType, Table
from schemacog.render.sql.ddl import render_ddl
from schemacog.schema.validate import load_schema

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
MODELS = (
    "# [[[cog sc.python.imports() ]]]\n# [[[end]]]\n\n\n"
    '# [[[cog sc.python.dataclass("counts") ]]]\n# [[[end]]]\n\n\n'
    '# [[[cog sc.python.pydantic("counts") ]]]\n# [[[end]]]\n\n\n'
    '# [[[cog sc.python.validator("counts") ]]]\n# [[[end]]]\n\n\n'
    '# [[[cog sc.python.cleaner("counts") ]]]\n# [[[end]]]\n'
)
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
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Table, dict[str, str]]:
    folder = tmp_path_factory.mktemp("ranges")
    (folder / "schema.yaml").write_text(SCHEMA, encoding="utf-8")
    run_cog(folder, "models.py", MODELS, folder / "schema.yaml")
    module = load_module(folder / "models.py", "ranges_models")
    schema = load_schema(Path(folder / "schema.yaml"))
    ddl = {dialect: render_ddl(schema, dialect) for dialect in DIALECTS}
    return module, schema.table("counts"), ddl


@pytest.fixture(scope="module", params=sorted(DIALECTS))
def engine(
    request: pytest.FixtureRequest, project: tuple[Any, Table, dict[str, str]]
) -> Iterator[engines.Engine]:
    made = real_engine(request.param)
    made.run_script(project[2][request.param])
    yield made
    made.close()


@pytest.mark.parametrize(("column", "value", "inside"), _cases())
def test_every_python_layer_holds_the_range_of_the_type(
    project: tuple[Any, Table, dict[str, str]], column: str, value: int, inside: bool
) -> None:
    module, _, _ = project
    row = {"id": 1, column: value}
    assert (module.validate_counts(row) == []) == inside, module.validate_counts(row)
    try:
        module.CountsModel.model_validate(row)
        model_accepts = True
    except pydantic.ValidationError:
        model_accepts = False
    assert model_accepts == inside
    record, messages = module.clean_counts({"id": "1", column: str(value)})
    assert (record is not None) == inside, messages


@pytest.mark.parametrize(("column", "value", "inside"), _cases())
def test_every_engine_holds_the_range_of_the_type(
    project: tuple[Any, Table, dict[str, str]],
    engine: engines.Engine,
    column: str,
    value: int,
    inside: bool,
) -> None:
    table = project[1]
    engine.run_script("DELETE FROM counts")
    error = engine.insert(table, {"id": 1, column: value})
    assert (error is None) == inside, (engine.dialect, column, value, error)
