"""A patterned string column without max_length is at most 10,000 characters (#17 item 4).

The bound is a rule of the model (``Column.max_length``, ``max_length_implied``), so every
layer holds it alike: the validator, the pydantic model, the cleaner and each engine's
CHECK accept a matching value of 10,000 characters and refuse one of 10,001. The Python
layers never match an overlong value against the pattern, so an attack value answers
fast whatever its length, and one within the bound answers fast because the pattern was
accepted for that length.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from layers import generate, loaded_engine, model_accepts

from schemacog.db.backends import DIALECTS
from schemacog.errors import SchemaError
from schemacog.schema.pattern_cost import IMPLIED_MAX_LENGTH
from schemacog.schema.validate import load_schema_text

SCHEMA = """schemacog: 1
name: implied
missing_values: []
tables:
  t:
    columns:
      id: {type: integer, primary_key: true}
      word: {type: string, nullable: true, pattern: '^[a-z]+$'}
      pair: {type: string, nullable: true, pattern: '^(.*),(.*)x$'}
      given: {type: string, nullable: true, pattern: '^[a-z]+$', max_length: 20000}
"""


# (column, a value that matches, of any length): at and just beyond each bound
def _word(length: int) -> str:
    return "a" * length


def _pair(length: int) -> str:
    return "," * (length - 1) + "x"


MATCHING = {"word": _word, "pair": _pair}


@pytest.fixture(scope="module")
def layers(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder: Path = tmp_path_factory.mktemp("implied")
    return generate(folder, SCHEMA, "t")


def _python_verdicts(layers: Any, row: dict[str, object]) -> dict[str, bool]:
    record, _ = layers.module.clean_t({k: str(v) for k, v in row.items()})
    return {
        "validator": layers.module.validate_t(row) == [],
        "pydantic": model_accepts(layers.module.TModel, row),
        "cleaner": record is not None,
    }


def test_the_model_holds_the_implied_bound(layers: Any) -> None:
    table = layers.schema.table("t")
    assert table.column("word").max_length == IMPLIED_MAX_LENGTH == 10_000
    assert table.column("word").max_length_implied
    assert table.column("given").max_length == 20_000  # degree 1: a longer bound is allowed
    assert not table.column("given").max_length_implied


@pytest.mark.parametrize("column", sorted(MATCHING))
def test_python_layers_accept_10000_and_refuse_10001(layers: Any, column: str) -> None:
    at_bound = {"id": 1, column: MATCHING[column](IMPLIED_MAX_LENGTH)}
    beyond = {"id": 1, column: MATCHING[column](IMPLIED_MAX_LENGTH + 1)}
    assert _python_verdicts(layers, at_bound) == dict.fromkeys(_python_verdicts(layers, {}), True)
    assert set(_python_verdicts(layers, beyond).values()) == {False}
    assert layers.module.validate_t(beyond) == [f"{column}: must be at most 10000 characters"]


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_every_engine_accepts_10000_and_refuses_10001(layers: Any, dialect: str) -> None:
    table = layers.schema.table("t")
    with loaded_engine(dialect, layers.ddl[dialect]) as engine:
        for key, (column, make) in enumerate(sorted(MATCHING.items())):
            accepted = engine.insert(table, {"id": 2 * key, column: make(IMPLIED_MAX_LENGTH)})
            refused = engine.insert(table, {"id": 2 * key + 1, column: make(10_001)})
            assert accepted is None, (dialect, column, accepted)
            assert refused is not None, (dialect, column)  # it matches: only the length


@pytest.mark.parametrize("length", [41, 10_001, 1_000_000])
def test_attack_values_are_refused_fast(layers: Any, length: int) -> None:
    # ',' * n and no 'x': '^(.*),(.*)x$' backtracks over every pair of places (degree 2),
    # fast within 10,000 characters; beyond them the pattern is never tried
    value = "," * (length - 1) + "!"
    started = time.process_time()
    problems = layers.module.validate_t({"id": 1, "pair": value})
    record, messages = layers.module.clean_t({"id": "1", "pair": value})
    seconds = time.process_time() - started
    assert seconds < 2.0, seconds
    assert record is None
    expected = "must match" if length <= IMPLIED_MAX_LENGTH else "must be at most 10000"
    assert any(expected in p for p in problems)
    assert any(expected in m for m in messages)


def test_validate_refuses_an_overlong_example_fast() -> None:
    # an example row is a value too: checked against the length, never matched beyond it
    value = "," * 999_999 + "!"
    text = SCHEMA + f"    examples:\n      - {{id: 1, pair: '{value}'}}\n"
    started = time.process_time()
    with pytest.raises(SchemaError) as caught:
        load_schema_text(text, "implied.yaml")
    assert time.process_time() - started < 5.0
    assert "length 1000000 is more than 10000" in str(caught.value)
    assert "does not match" not in str(caught.value)
