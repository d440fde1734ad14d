"""Digits of a decimal (#14, item 2): every layer refuses what its type cannot hold.

``decimal(10, 2)``: more than 8 digits before the point, or more than 2 places (counted
on the value itself: ``2.990`` has two), or NaN/infinity, is refused by the validator,
the pydantic model and the cleaner. Engines: PostgreSQL, DuckDB and MariaDB refuse too
many digits by their types and round extra places (their DDL declares it); SQLite,
whose NUMERIC holds anything, gets CHECKs for both.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
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
name: prices
tables:
  price:
    columns:
      id: {type: integer, primary_key: true}
      amount: {type: decimal, precision: 10, scale: 2, nullable: true}
"""
MODELS = (
    "# [[[cog sc.python.imports() ]]]\n# [[[end]]]\n\n\n"
    '# [[[cog sc.python.dataclass("price") ]]]\n# [[[end]]]\n\n\n'
    '# [[[cog sc.python.pydantic("price") ]]]\n# [[[end]]]\n\n\n'
    '# [[[cog sc.python.validator("price") ]]]\n# [[[end]]]\n\n\n'
    '# [[[cog sc.python.cleaner("price") ]]]\n# [[[end]]]\n'
)
# value -> (fits the type, too many places only)
CASES: dict[str, tuple[bool, bool]] = {
    "99999999.99": (True, False),
    "-99999999.99": (True, False),
    "2.990": (True, False),
    "0": (True, False),
    "12345678.9": (True, False),
    "123456789.00": (False, False),
    "100000000": (False, False),
    "2.999": (False, True),
    "-0.001": (False, True),
    "0.125": (False, True),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Table, dict[str, str]]:
    folder = tmp_path_factory.mktemp("prices")
    (folder / "schema.yaml").write_text(SCHEMA, encoding="utf-8")
    run_cog(folder, "models.py", MODELS, folder / "schema.yaml")
    module = load_module(folder / "models.py", "prices_models")
    schema = load_schema(Path(folder / "schema.yaml"))
    ddl = {dialect: render_ddl(schema, dialect) for dialect in DIALECTS}
    return module, schema.table("price"), ddl


@pytest.fixture(scope="module", params=sorted(DIALECTS))
def engine(
    request: pytest.FixtureRequest, project: tuple[Any, Table, dict[str, str]]
) -> Iterator[engines.Engine]:
    made = real_engine(request.param)
    made.run_script(project[2][request.param])
    yield made
    made.close()


@pytest.mark.parametrize("text", [*CASES, "NaN", "Infinity", "-Infinity"])
def test_every_python_layer_counts_the_digits_alike(
    project: tuple[Any, Table, dict[str, str]], text: str
) -> None:
    module = project[0]
    fits = CASES.get(text, (False, False))[0]
    row = {"id": 1, "amount": Decimal(text)}
    assert (module.validate_price(row) == []) == fits, module.validate_price(row)
    try:
        module.PriceModel.model_validate(row)
        model_accepts = True
    except pydantic.ValidationError:
        model_accepts = False
    assert model_accepts == fits
    record, messages = module.clean_price({"id": "1", "amount": text})
    assert (record is not None) == fits, messages


@pytest.mark.parametrize("text", list(CASES))
def test_every_engine_refuses_what_it_can_and_declares_what_it_rounds(
    project: tuple[Any, Table, dict[str, str]], engine: engines.Engine, text: str
) -> None:
    table, ddl = project[1], project[2][engine.dialect]
    fits, places_only = CASES[text]
    rounds = "scale of amount: more than 2 decimal places are rounded" in ddl
    assert rounds == (engine.dialect != "sqlite")
    engine.run_script("DELETE FROM price")
    error = engine.insert(table, {"id": 1, "amount": Decimal(text)})
    refused = error is not None
    assert refused == (not fits and not (places_only and rounds)), (engine.dialect, error)
