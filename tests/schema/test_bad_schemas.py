"""Bad schemas, one file per case (``tests/data/bad_schemas``, read by ``bad_schemas``):
each reports exactly the error lines its file expects.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_schemas import CASES, BadSchema

from schemacog.errors import SchemaError
from schemacog.schema.validate import load_schema


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_schema_reports_exact_lines(tmp_path: Path, case: BadSchema) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(case.data)
    with pytest.raises(SchemaError) as caught:
        load_schema(path, "bad.yaml")
    assert [str(p) for p in caught.value.problems] == [f"bad.yaml:{e}" for e in case.expected]


def test_case_folder_is_large() -> None:
    assert len(CASES) >= 40
