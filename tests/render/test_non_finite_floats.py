"""NaN and infinities in a float column (#14, item 3): refused by every layer that can.

The validator, the pydantic model and the cleaner refuse NaN, inf and -inf in every
float column; PostgreSQL and DuckDB (whose doubles hold them) and SQLite (infinities) by
a CHECK, MariaDB by its type. SQLite's driver stores NaN as NULL: a NOT NULL column
refuses it, and a nullable one says in its DDL that NaN is not enforced there.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pydantic
import pytest
from goldens import load_module, real_engine, run_cog

from schemacog.db import engines
from schemacog.db.backends import DIALECTS
from schemacog.model import Table
from schemacog.render.sql.ddl import render_ddl
from schemacog.schema.validate import load_schema

SCHEMA = """schemacog: 1
name: floats
tables:
  reading:
    columns:
      id: {type: integer, primary_key: true}
      plain: {type: float, nullable: true}
      bounded: {type: float, nullable: true, min: 0, max: 1}
      required: {type: float, default: 0.5}
"""
MODELS = (
    "# [[[cog sc.python.imports() ]]]\n# [[[end]]]\n\n\n"
    '# [[[cog sc.python.dataclass("reading") ]]]\n# [[[end]]]\n\n\n'
    '# [[[cog sc.python.pydantic("reading") ]]]\n# [[[end]]]\n\n\n'
    '# [[[cog sc.python.validator("reading") ]]]\n# [[[end]]]\n\n\n'
    '# [[[cog sc.python.cleaner("reading") ]]]\n# [[[end]]]\n'
)
VALUES: list[float] = [math.nan, math.inf, -math.inf, 0.25]
HUGE = 10**400  # an integer no double holds
COLUMNS = ["plain", "bounded", "required"]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Table, dict[str, str]]:
    folder = tmp_path_factory.mktemp("floats")
    (folder / "schema.yaml").write_text(SCHEMA, encoding="utf-8")
    run_cog(folder, "models.py", MODELS, folder / "schema.yaml")
    module = load_module(folder / "models.py", "floats_models")
    schema = load_schema(Path(folder / "schema.yaml"))
    ddl = {dialect: render_ddl(schema, dialect) for dialect in DIALECTS}
    return module, schema.table("reading"), ddl


@pytest.fixture(scope="module", params=sorted(DIALECTS))
def engine(
    request: pytest.FixtureRequest, project: tuple[Any, Table, dict[str, str]]
) -> Iterator[engines.Engine]:
    made = real_engine(request.param)
    made.run_script(project[2][request.param])
    yield made
    made.close()


@pytest.mark.parametrize("column", COLUMNS)
@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_every_python_layer_refuses_non_finite_floats(
    project: tuple[Any, Table, dict[str, str]], column: str, value: float
) -> None:
    module, _, _ = project
    finite = math.isfinite(value)
    row = {"id": 1, column: value}
    assert (module.validate_reading(row) == []) == finite, module.validate_reading(row)
    try:
        module.ReadingModel.model_validate(row)
        model_accepts = True
    except pydantic.ValidationError:
        model_accepts = False
    assert model_accepts == finite
    record, messages = module.clean_reading({"id": "1", column: repr(value)})
    assert (record is not None) == finite, messages


@pytest.mark.parametrize("column", COLUMNS)
@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_every_engine_refuses_non_finite_floats_or_says_it_cannot(
    project: tuple[Any, Table, dict[str, str]],
    engine: engines.Engine,
    column: str,
    value: float,
) -> None:
    table, ddl = project[1], project[2][engine.dialect]
    engine.run_script("DELETE FROM reading")
    error = engine.insert(table, {"id": 1, column: value})
    declared = f"NaN in {column} (the driver stores NaN as NULL)" in ddl
    if math.isfinite(value):
        assert error is None, (engine.dialect, error)
    elif declared and math.isnan(value):  # SQLite, a nullable column: NaN arrives as NULL
        assert engine.dialect == "sqlite"
        assert error is None
    else:
        assert error is not None, (engine.dialect, column, value)


def test_only_sqlite_declares_nan_and_only_for_nullable_columns(
    project: tuple[Any, Table, dict[str, str]],
) -> None:
    for dialect, ddl in project[2].items():
        declared = [c for c in COLUMNS if f"NaN in {c} (" in ddl]
        assert declared == (["plain", "bounded"] if dialect == "sqlite" else []), dialect


@pytest.mark.parametrize("column", COLUMNS)
def test_an_integer_no_float_holds_is_refused_by_every_python_layer(
    project: tuple[Any, Table, dict[str, str]], column: str
) -> None:
    module, _, _ = project
    row = {"id": 1, column: HUGE}
    assert module.validate_reading(row) != []
    with pytest.raises(pydantic.ValidationError):
        module.ReadingModel.model_validate(row)
    record, messages = module.clean_reading({"id": "1", column: str(HUGE)})
    assert record is None, messages
