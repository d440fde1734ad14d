"""Golden cases: tests/cases/<case>/schema.yaml and what every renderer makes of it.

Python and Markdown goldens are whole files produced by stock cog (``cog -r -p "import
schemacog.markers as sc"``) from marked files that mix hand-written code and regions;
SQL goldens are the ``ddl`` of each dialect. ``--update-goldens`` rewrites them.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from cogapp import Cog  # type: ignore[import-untyped]

from schemacog.db import engines
from schemacog.db.backends import BACKENDS, DIALECTS
from schemacog.engine import registry
from schemacog.model import Schema
from schemacog.render.sql.ddl import render_ddl
from schemacog.schema.validate import load_schema

CASES_DIR = Path(__file__).resolve().parent / "cases"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if (p / "schema.yaml").is_file())
# every sc.python call on a table, in the registry's order: a new one gets goldens at once
PYTHON_KINDS = tuple(
    spec.name
    for spec in registry.MARKERS
    if spec.namespace == "python" and spec.reads is registry.Reads.TABLE
)


def schema_of(case: str) -> Schema:
    return load_schema(CASES_DIR / case / "schema.yaml", f"{case}/schema.yaml")


def marked_python(schema: Schema) -> str:
    """A Python file with a region for every sc.python call and some code of its own."""
    parts = [
        f'"""Models of {schema.name}: generated regions between hand-written code."""\n\n',
        "# [[[cog sc.python.imports() ]]]\n# [[[end]]]\n",
    ]
    for enum in schema.enums:
        parts.append(f'\n\n# [[[cog sc.python.enum("{enum.name}") ]]]\n# [[[end]]]\n')
    for table in schema.tables:
        for kind in PYTHON_KINDS:
            parts.append(f'\n\n# [[[cog sc.python.{kind}("{table.name}") ]]]\n# [[[end]]]\n')
    parts.append(
        "\n\ndef table_count() -> int:\n"
        '    """Hand-written code after the regions."""\n'
        f"    return {len(schema.tables)}\n"
    )
    return "".join(parts)


def marked_docs(schema: Schema) -> str:
    cleaning = "".join(
        f'\n<!-- [[[cog sc.docs.cleaning("{table.name}") ]]] -->\n<!-- [[[end]]] -->\n'
        for table in schema.tables
    )
    return (
        f"# {schema.name}\n\nHand-written introduction.\n\n"
        "<!-- [[[cog sc.docs.dictionary() ]]] -->\n<!-- [[[end]]] -->\n\n"
        "## Diagram\n\n<!-- [[[cog sc.docs.erd() ]]] -->\n<!-- [[[end]]] -->\n"
        f"\n## Cleaning\n{cleaning}"
    )


def run_cog(folder: Path, name: str, text: str, schema_path: Path) -> str:
    """Stock cog, in-process, on ``folder/name`` with the schema configured for it."""
    (folder / "schema.yaml").write_bytes(schema_path.read_bytes())
    (folder / "pyproject.toml").write_text(
        '[tool.schemacog]\nschema = "schema.yaml"\nfiles = ["*"]\n', encoding="utf-8"
    )
    path = folder / name
    path.write_text(text, encoding="utf-8")
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        Cog().callable_main(["cog", "-r", "-p", "import schemacog.markers as sc", str(path)])
    return path.read_text(encoding="utf-8")


def renderers(case: str, workdir: Path) -> dict[str, Callable[[], str]]:
    """Golden file name -> how to render it now."""
    schema = schema_of(case)
    schema_path = CASES_DIR / case / "schema.yaml"
    found: dict[str, Callable[[], str]] = {
        "models.py": lambda: run_cog(workdir, "models.py", marked_python(schema), schema_path),
        "docs.md": lambda: run_cog(workdir, "docs.md", marked_docs(schema), schema_path),
    }
    for dialect in DIALECTS:
        found[f"ddl.{dialect}.sql"] = lambda d=dialect: render_ddl(schema, d)  # type: ignore[misc]
    return found


def load_models(case: str) -> ModuleType:
    return load_module(CASES_DIR / case / "models.py", f"golden_models_{case}")


def load_module(path: Path, name: str) -> ModuleType:
    """A generated Python file, imported as module ``name``."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def server_url(dialect: str) -> str | None:
    """The test server's connection: ``SCHEMACOG_TEST_<...>`` beside verify's variable."""
    variable = BACKENDS[dialect].url_variable
    return (
        os.environ.get(variable.replace("SCHEMACOG_", "SCHEMACOG_TEST_", 1)) if variable else None
    )


def real_engine(dialect: str) -> engines.Engine:
    try:
        return BACKENDS[dialect].connect(server_url(dialect))
    except engines.EngineUnavailable as exc:
        if os.environ.get(f"SCHEMACOG_REQUIRE_{dialect.upper()}") == "1":
            pytest.fail(
                f"{dialect} is required here (SCHEMACOG_REQUIRE_{dialect.upper()}=1): {exc}"
            )
        pytest.skip(f"{dialect} not available: {exc}")
