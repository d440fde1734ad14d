"""NaN and infinities in a float column (#14, item 3): refused by every layer that can.

The validator, the pydantic model and the cleaner refuse NaN, inf and -inf in every
float column; PostgreSQL and DuckDB (whose doubles hold them) and SQLite (infinities) by
a CHECK, MariaDB by its type. SQLite's driver stores NaN as NULL: a NOT NULL column
refuses it, and a nullable one says in its DDL that NaN is not enforced there.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import pydantic
import pytest
from layers import Generated, generate, loaded_engine, model_accepts

from schemacog.db import engines
from schemacog.db.backends import DIALECTS

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
VALUES: list[float] = [math.nan, math.inf, -math.inf, 0.25]
HUGE = 10**400  # an integer no double holds
COLUMNS = ["plain", "bounded", "required"]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    return generate(tmp_path_factory.mktemp("floats"), SCHEMA, "reading")


@pytest.fixture(scope="module", params=sorted(DIALECTS))
def engine(request: pytest.FixtureRequest, project: Generated) -> Iterator[engines.Engine]:
    with loaded_engine(request.param, project.ddl[request.param]) as made:
        yield made


@pytest.mark.parametrize("column", COLUMNS)
@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_every_python_layer_refuses_non_finite_floats(
    project: Generated, column: str, value: float
) -> None:
    module = project.module
    finite = math.isfinite(value)
    row = {"id": 1, column: value}
    assert (module.validate_reading(row) == []) == finite, module.validate_reading(row)
    assert model_accepts(module.ReadingModel, row) == finite
    record, messages = module.clean_reading({"id": "1", column: repr(value)})
    assert (record is not None) == finite, messages


@pytest.mark.parametrize("column", COLUMNS)
@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_every_engine_refuses_non_finite_floats_or_says_it_cannot(
    project: Generated,
    engine: engines.Engine,
    column: str,
    value: float,
) -> None:
    table, ddl = project.table, project.ddl[engine.dialect]
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
    project: Generated,
) -> None:
    for dialect, ddl in project.ddl.items():
        declared = [c for c in COLUMNS if f"NaN in {c} (" in ddl]
        assert declared == (["plain", "bounded"] if dialect == "sqlite" else []), dialect


@pytest.mark.parametrize("column", COLUMNS)
def test_an_integer_no_float_holds_is_refused_by_every_python_layer(
    project: Generated, column: str
) -> None:
    module = project.module
    row = {"id": 1, column: HUGE}
    assert module.validate_reading(row) != []
    with pytest.raises(pydantic.ValidationError):
        module.ReadingModel.model_validate(row)
    record, messages = module.clean_reading({"id": "1", column: str(HUGE)})
    assert record is None, messages
