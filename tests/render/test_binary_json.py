"""Binary fields cross JSON as standard base64 (#14, item 4), as the cleaner reads them.

pydantic's own base64 writes the URL-safe alphabet ("-" and "_"); the generated models
write standard base64 in JSON mode, read it back, and keep raw bytes in Python mode.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from layers import generate

SCHEMA = """schemacog: 1
name: blobs
tables:
  blob:
    columns:
      id: {type: integer, primary_key: true}
      data: {type: binary, nullable: true}
"""
RAW = bytes([251, 255, 254, 0, 62, 63])  # standard and URL-safe base64 differ on these


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return generate(tmp_path_factory.mktemp("blobs"), SCHEMA, "blob").module


def test_json_carries_standard_base64_both_ways(models: Any) -> None:
    standard = base64.b64encode(RAW).decode()
    assert standard != base64.urlsafe_b64encode(RAW).decode()
    model = models.BlobModel(id=1, data=RAW)
    assert json.loads(model.model_dump_json())["data"] == standard
    again = models.BlobModel.model_validate_json(json.dumps({"id": 1, "data": standard}))
    assert again.data == RAW
    assert models.BlobModel.model_validate({"id": 1, "data": b"raw"}).data == b"raw"
    record, messages = models.clean_blob({"id": "1", "data": standard})
    assert record is not None, messages
    assert record.data == RAW
