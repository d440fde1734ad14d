"""The shipped JSON Schema accepts every valid fixture and knows exactly the format's keys."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import FIXTURES, ROOT

from schemacog.model import FkAction, LogicalType
from schemacog.schema import keys as validate
from schemacog.schema.loader import load_file, to_python

VALID = [*sorted((FIXTURES / "valid").glob("*.yaml")), ROOT / "schema" / "shop.yaml"]
VALID += sorted((ROOT / "tests" / "cases").glob("*/schema.yaml"))  # checks, deferrable...


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    text = files("schemacog.schema").joinpath("schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded


@pytest.mark.parametrize("path", VALID, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_valid_fixture_passes_the_json_schema(document: dict[str, Any], path: Path) -> None:
    instance = to_python(load_file(path).root)  # type: ignore[arg-type]
    jsonschema.Draft202012Validator(document).validate(instance)


def test_json_schema_rejects_a_misspelled_key(document: dict[str, Any]) -> None:
    instance = {
        "schemacog": 1,
        "name": "t",
        "tables": {"a": {"columns": {"id": {"tpye": "integer"}}}},
    }
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(document).validate(instance)


def test_json_schema_keys_match_the_validator(document: dict[str, Any]) -> None:
    defs = document["$defs"]
    assert tuple(document["properties"]) == validate.TOP_KEYS
    assert tuple(defs["enum"]["properties"]) == validate.ENUM_KEYS
    assert tuple(defs["table"]["properties"]) == validate.TABLE_KEYS
    assert tuple(defs["column"]["properties"]) == validate.COLUMN_KEYS
    assert tuple(defs["index"]["properties"]) == validate.INDEX_KEYS
    assert tuple(defs["check"]["properties"]) == validate.CHECK_KEYS
    assert defs["table"]["properties"]["checks"]["maxItems"] == validate.MAX_CHECKS
    assert tuple(defs["foreign_key"]["properties"]) == validate.FOREIGN_KEY_KEYS
    assert tuple(defs["foreign_key"]["properties"]["references"]["properties"]) == (
        validate.REFERENCE_KEYS
    )
    invalid = defs["table"]["properties"]["invalid_examples"]["items"]["properties"]
    assert tuple(invalid) == validate.INVALID_EXAMPLE_KEYS
    assert defs["column"]["properties"]["type"]["enum"] == [t.value for t in LogicalType]
    assert defs["column"]["properties"]["on_delete"]["enum"] == [a.value for a in FkAction]
    assert defs["column"]["properties"]["precision"]["maximum"] == validate.MAX_DECIMAL_PRECISION
    assert defs["table"]["properties"]["columns"]["maxProperties"] == validate.MAX_COLUMNS
    assert document["properties"]["tables"]["maxProperties"] == validate.MAX_TABLES
