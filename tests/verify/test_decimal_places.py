"""An invalid example may hold too many decimal places (#14, item 2).

The places of a decimal are a rule of its column (``scale``), counted on the value itself
(``2.990`` has two), like the digits before the point (``precision``). PostgreSQL, DuckDB
and MariaDB round extra places, so verify does not expect them to refuse such a row and
says so; SQLite's CHECK refuses it, and so does every Python layer.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import RunCli

from schemacog.errors import SchemaError
from schemacog.schema.validate import load_schema_text

SCHEMA = """schemacog: 1
name: places
tables:
  price:
    columns:
      id: {type: integer, primary_key: true}
      amount: {type: decimal, precision: 5, scale: 2, default: '1.250'}
    examples:
      - {id: 1, amount: '2.990'}
      - {id: 2, amount: '999.99'}
    invalid_examples:
      - {row: {id: 3, amount: '2.999'}, reason: three places}
      - {row: {id: 4, amount: '1000'}, reason: four digits before the point}
"""


def test_the_rules_an_invalid_example_breaks_are_scale_and_precision() -> None:
    table = load_schema_text(SCHEMA, "places.yaml").table("price")
    assert [(r.kind, r.detail) for e in table.invalid_examples for r in e.broken] == [
        ("scale", "2.999 has more than 2 decimal places"),
        ("precision", "1000 has more than 3 digits before the point"),
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("'2.999'", "example breaks scale of price.amount: 2.999 has more than 2 decimal"),
        ("'-1000.5'", "example breaks precision of price.amount: -1000.5 has more than 3"),
        (  # exact past 28 digits, where Decimal.normalize() would round
            "'0.99000000000000000000000000001'",
            "example breaks scale of price.amount: 0.99000000000000000000000000001 has more",
        ),
    ],
)
def test_an_example_with_too_many_digits_is_an_error_at_its_value(value: str, message: str) -> None:
    text = SCHEMA.replace("amount: '2.990'", f"amount: {value}")
    with pytest.raises(SchemaError) as caught:
        load_schema_text(text, "places.yaml")
    [problem] = caught.value.problems
    assert str(problem).startswith(f"places.yaml:9:25: {message}"), str(problem)


def test_verify_refuses_it_where_the_engine_can_and_says_where_it_cannot(
    run_cli: RunCli, tmp_path: Path
) -> None:
    (tmp_path / "schema.yaml").write_text(SCHEMA, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.schemacog]\nschema = "schema.yaml"\nfiles = ["out/**/*"]\n', encoding="utf-8"
    )
    required = all(os.environ.get(f"SCHEMACOG_REQUIRE_{e}") == "1" for e in ("POSTGRES", "MARIADB"))
    result = run_cli("verify", *(["--require"] if required else []), cwd=tmp_path)
    assert result.code == 0, result.out + result.err
    lines = result.out.splitlines()
    said = {line.split("not enforced by ", 1)[1] for line in lines if "not enforced by " in line}
    for title in ("PostgreSQL", "DuckDB", "MariaDB"):
        skipped = any(f"{title.lower()}: DDL executes" in x and "skipped" in x for x in lines)
        assert skipped or f"{title}: scale of price(amount)" in said, said
    assert not any(x.startswith("SQLite") for x in said)
    sqlite = next(x for x in lines if x.startswith("examples in sqlite"))
    assert "2 accepted, 2 refused" in sqlite, sqlite
    for layer in ("validator", "pydantic"):
        line = next(x for x in lines if x.startswith(f"examples in python {layer}"))
        assert " ok " in line, line
