"""Every generated layer of one small schema, for the tests that compare their verdicts.

``generate`` renders the Python layers of a table with stock cog (``sc.python.imports()``,
the schema's enums and the chosen calls, in one file), imports them, and renders each dialect's DDL;
``loaded_engine`` opens a real engine with that DDL; ``model_accepts`` is the pydantic
model's verdict on a row.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pydantic
from goldens import load_module, real_engine, run_cog

from schemacog.db import engines
from schemacog.db.backends import DIALECTS
from schemacog.model import Schema, Table
from schemacog.render.sql.ddl import render_ddl
from schemacog.schema.validate import load_schema

PYTHON_LAYERS = ("dataclass", "pydantic", "validator", "cleaner")


@dataclass(frozen=True)
class Generated:
    module: ModuleType  # the generated Python of the table
    schema: Schema
    table: Table
    ddl: Mapping[str, str]  # dialect -> the whole schema's DDL


def generate(
    folder: Path, schema_text: str, table: str, calls: Sequence[str] = PYTHON_LAYERS
) -> Generated:
    """The layers of ``table`` in the schema ``schema_text``, written below ``folder``."""
    (folder / "schema.yaml").write_text(schema_text, encoding="utf-8")
    enums = [e.name for e in load_schema(folder / "schema.yaml").enums]  # generated here too
    regions = [f'# [[[cog sc.python.enum("{name}") ]]]\n# [[[end]]]\n' for name in enums]
    regions += [f'# [[[cog sc.python.{call}("{table}") ]]]\n# [[[end]]]\n' for call in calls]
    text = "\n\n".join(["# [[[cog sc.python.imports() ]]]\n# [[[end]]]\n", *regions])
    run_cog(folder, "models.py", text, folder / "schema.yaml")
    module = load_module(folder / "models.py", f"generated_{folder.name}")
    schema = load_schema(folder / "schema.yaml")
    ddl = {dialect: render_ddl(schema, dialect) for dialect in DIALECTS}
    return Generated(module, schema, schema.table(table), ddl)


@contextlib.contextmanager
def loaded_engine(dialect: str, ddl: str) -> Iterator[engines.Engine]:
    """A real engine (skipped where unavailable, unless required) holding ``ddl``."""
    engine = real_engine(dialect)
    try:
        engine.run_script(ddl)
        yield engine
    finally:
        engine.close()


def model_accepts(model: type[pydantic.BaseModel], row: Mapping[str, Any]) -> bool:
    try:
        model.model_validate(row)
    except pydantic.ValidationError:
        return False
    return True
