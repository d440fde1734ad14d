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

import pytest
from layers import Generated, generate, loaded_engine, model_accepts

from schemacog.db import engines
from schemacog.db.backends import DIALECTS

SCHEMA = """schemacog: 1
name: prices
tables:
  price:
    columns:
      id: {type: integer, primary_key: true}
      amount: {type: decimal, precision: 10, scale: 2, nullable: true}
"""
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
def project(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    return generate(tmp_path_factory.mktemp("prices"), SCHEMA, "price")


@pytest.fixture(scope="module", params=sorted(DIALECTS))
def engine(request: pytest.FixtureRequest, project: Generated) -> Iterator[engines.Engine]:
    with loaded_engine(request.param, project.ddl[request.param]) as made:
        yield made


# exact however many digits or however large the exponent, and at once (the validator
# took minutes on 1E-100000000; normalize() rounds past 28 digits)
FAR = ["0.99000000000000000000000000001", "1E-100000000", "1E+10000000", "-1E-999999999"]


@pytest.mark.parametrize("text", [*CASES, "NaN", "Infinity", "-Infinity", *FAR])
def test_every_python_layer_counts_the_digits_alike(project: Generated, text: str) -> None:
    module = project.module
    fits = CASES.get(text, (False, False))[0]
    row = {"id": 1, "amount": Decimal(text)}
    assert (module.validate_price(row) == []) == fits, module.validate_price(row)
    assert model_accepts(module.PriceModel, row) == fits
    record, messages = module.clean_price({"id": "1", "amount": text})
    assert (record is not None) == fits, messages


@pytest.mark.parametrize("text", list(CASES))
def test_every_engine_refuses_what_it_can_and_declares_what_it_rounds(
    project: Generated, engine: engines.Engine, text: str
) -> None:
    table, ddl = project.table, project.ddl[engine.dialect]
    fits, places_only = CASES[text]
    rounds = "scale of amount: more than 2 decimal places are rounded" in ddl
    assert rounds == (engine.dialect != "sqlite")
    # SQLite compares as a double: places past 15 significant digits are declared unseen
    unseen = "places past 15 significant digits are not seen" in ddl
    assert unseen == (engine.dialect == "sqlite")
    engine.run_script("DELETE FROM price")
    error = engine.insert(table, {"id": 1, "amount": Decimal(text)})
    refused = error is not None
    assert refused == (not fits and not (places_only and rounds)), (engine.dialect, error)


def test_sqlite_does_not_see_places_past_a_double_and_says_so(project: Generated) -> None:
    ddl = project.ddl["sqlite"]
    with loaded_engine("sqlite", ddl) as engine:
        error = engine.insert(project.table, {"id": 1, "amount": Decimal("0.99000000000000001")})
    assert error is None  # what the DDL declares; every Python layer refuses it
    assert "-- Not enforced by SQLite: scale of amount: a value is compared as a double" in ddl
