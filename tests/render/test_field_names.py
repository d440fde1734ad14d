"""A column named like what a generated class body reads after its fields (``int``,
``str``, ``Any``, ``enum``) becomes a field with a ``_`` (an attacker's database had
``"int" int DEFAULT 5``: the class body's later ``int | None`` read ``5 | None``)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from goldens import CASES, CASES_DIR
from layers import PYTHON_LAYERS, generate

from schemacog.naming import CLASS_BODY_NAMES, field_name

SHADOWS = """schemacog: 1
name: shadows
enums:
  mood: {values: [ok, bad]}
tables:
  t:
    columns:
      id: {type: integer, primary_key: true}
      int: {type: integer, default: 5}
      str: {type: string, default: x, max_length: 9}
      Any: {type: json, nullable: true}
      enum: {type: enum, enum: mood, default: ok}
      float: {type: float, default: 1.5}
      later: {type: integer, nullable: true}
      words: {type: text, nullable: true}
    examples:
      - {id: 1}
"""


def test_columns_named_like_what_a_class_body_reads_still_generate(tmp_path: Path) -> None:
    generated = generate(tmp_path, SHADOWS, "t", PYTHON_LAYERS)
    module = generated.module
    row = module.T(id=1, int_=5, str_="x", Any_=None, enum_=module.Mood.OK, float_=1.5)
    assert (row.int_, row.later) == (5, None)
    model = module.TModel(id=1)
    assert (model.int_, model.str_, model.float_) == (5, "x", 1.5)


@pytest.mark.parametrize("case", CASES)
def test_every_name_a_generated_module_imports_is_kept_from_fields(case: str) -> None:
    """The generated module's unaliased imports are all in ``CLASS_BODY_NAMES``."""
    tree = ast.parse((CASES_DIR / case / "models.py").read_text(encoding="utf-8"))
    imported = {
        (alias.asname or alias.name).split(".")[0]
        for node in tree.body
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
        if getattr(node, "module", None) != "__future__"
    }
    assert {name for name in imported if not name.startswith("_")} <= CLASS_BODY_NAMES
    assert all(field_name(name).endswith("_") for name in CLASS_BODY_NAMES)
