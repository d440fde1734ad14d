"""Renderers against golden files, and what they produce run for real.

- every golden is rendered twice (same bytes) and compared with tests/cases/<case>/;
- the Python golden is ruff-clean, formatter-stable, mypy --strict clean and imports;
  its pydantic models and validators accept every example and reject invalid ones;
- each dialect's DDL runs in its real engine, the catalog read back matches the model,
  examples insert and invalid examples are refused wherever the engine can enforce them.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from goldens import CASES, CASES_DIR, load_models, real_engine, renderers, run_cog, schema_of

from schemacog.db import engines
from schemacog.db.backends import DIALECTS
from schemacog.model import Column, LogicalType, Schema, Table
from schemacog.naming import field_name, pascal_case
from schemacog.render.sql import ddl
from schemacog.render.sql.ddl import column_type, creation_order
from schemacog.render.sql.dialects import Comments
from schemacog.render.sql.limits import key_plans
from schemacog.schema.rules import FOREIGN_KEY, PRIMARY_KEY, UNIQUE

GOLDEN_NAMES = ["models.py", "docs.md", *(f"ddl.{d}.sql" for d in DIALECTS)]
KEY_RULES = {PRIMARY_KEY, UNIQUE, FOREIGN_KEY}


@pytest.mark.parametrize("name", GOLDEN_NAMES)
@pytest.mark.parametrize("case", CASES)
def test_golden_is_stable_and_matches(
    case: str, name: str, tmp_path: Path, update_goldens: bool
) -> None:
    render = renderers(case, tmp_path)[name]
    first = render()
    assert render() == first, "rendering twice gave different bytes"
    golden = CASES_DIR / case / name
    if update_goldens:
        golden.write_text(first, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == first


@pytest.mark.parametrize("case", CASES)
def test_cog_on_its_own_output_changes_nothing(case: str, tmp_path: Path) -> None:
    golden = (CASES_DIR / case / "models.py").read_text(encoding="utf-8")
    again = run_cog(tmp_path, "models.py", golden, CASES_DIR / case / "schema.yaml")
    assert again == golden


def test_shop_case_is_this_repos_schema() -> None:
    root = CASES_DIR.parent.parent
    assert (CASES_DIR / "shop" / "schema.yaml").read_bytes() == (
        root / "schema" / "shop.yaml"
    ).read_bytes(), "copy schema/shop.yaml to tests/cases/shop/ and run --update-goldens"


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False, timeout=300)


TOOLS = {
    "ruff check": ["-m", "ruff", "check", "--isolated", "--no-cache", "--output-format=concise"],
    "ruff format": ["-m", "ruff", "format", "--isolated", "--no-cache", "--check"],
    "mypy --strict": ["-m", "mypy", "--strict", "--config-file=", "--no-incremental"],
}


@pytest.fixture(scope="module")
def python_goldens_checked(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, subprocess.CompletedProcess[str]]:
    """Each tool run once over every case's models.py (as ``<case>_models.py``)."""
    folder = tmp_path_factory.mktemp("python_goldens")
    for case in CASES:
        (folder / f"{case}_models.py").write_bytes((CASES_DIR / case / "models.py").read_bytes())
    files = [f"{case}_models.py" for case in CASES]
    return {tool: _run([sys.executable, *args, *files], folder) for tool, args in TOOLS.items()}


@pytest.mark.parametrize("case", CASES)
def test_generated_python_is_ruff_and_mypy_clean(
    case: str, tmp_path: Path, python_goldens_checked: dict[str, subprocess.CompletedProcess[str]]
) -> None:
    mentions = re.compile(rf"(^|[\s/]){re.escape(case)}_models\.py\b")
    for tool, result in python_goldens_checked.items():
        output = result.stdout + result.stderr
        assert not [line for line in output.splitlines() if mentions.search(line)], output
        # a failing run must have failed on some other case's file, not on its own
        assert result.returncode == 0 or re.search(r"\w+_models\.py\b", output), (tool, output)
    (tmp_path / "models.py").write_bytes((CASES_DIR / case / "models.py").read_bytes())
    imported = _run([sys.executable, "-W", "error", "-c", "import models"], tmp_path)
    assert imported.returncode == 0, imported.stderr


def _row_for_python(table: Table, values: dict[str, Any]) -> dict[str, Any]:
    return {c.name: values[c.name] for c in table.columns if c.name in values}


@pytest.mark.parametrize("case", CASES)
def test_python_layers_agree_with_the_examples(case: str) -> None:
    schema = schema_of(case)
    models = load_models(case)
    for table in schema.tables:
        model = getattr(models, pascal_case(table.name) + "Model")
        record = getattr(models, pascal_case(table.name))
        validate = getattr(models, f"validate_{table.name}")
        for example in table.examples:
            row = _row_for_python(table, example.values)
            assert validate(row) == [], (table.name, row)
            instance = model(**row)
            dumped = instance.model_dump()
            fields = {field_name(name): value for name, value in row.items()}
            record(**{k: getattr(instance, k) for k in dumped})  # the dataclass takes it too
            for key, value in fields.items():
                assert dumped[key] == value, (table.name, key)
        for invalid in table.invalid_examples:
            row = _row_for_python(table, invalid.values)
            single_row = [r for r in invalid.broken if r.kind not in KEY_RULES]
            problems = validate(row)
            assert bool(problems) == bool(single_row), (table.name, row, problems)
            if single_row:
                with pytest.raises(ValueError, match="validation error"):
                    model(**row)


# --- real engines -----------------------------------------------------------------


@pytest.fixture(params=sorted(DIALECTS))
def engine(request: pytest.FixtureRequest) -> Iterator[engines.Engine]:
    made = real_engine(request.param)
    try:
        yield made
    finally:
        made.close()


def _quoted_values(values: tuple[str, ...], separator: str) -> str:
    return separator.join("'" + v.replace("\\", "\\\\").replace("'", "''") + "'" for v in values)


def catalog_type(dialect: str, schema: Schema, table: Table, column: Column) -> str:
    """How the engine's catalog spells the type that the DDL declared."""
    d = DIALECTS[dialect]
    declared = column_type(d, schema, table, column, key_plans(d, schema)[table.name])
    values = schema.enum(column.enum).value_names if column.enum else ()
    if dialect == "postgres":
        return {
            "time": "time without time zone",
            "timestamp": "timestamp without time zone",
            "timestamptz": "timestamp with time zone",
        }.get(declared, declared)
    if dialect == "duckdb":
        if column.type is LogicalType.ENUM:
            return "ENUM(" + _quoted_values(values, ", ").replace("\\\\", "\\") + ")"
        return {"TIMESTAMPTZ": "TIMESTAMP WITH TIME ZONE"}.get(declared, declared)
    if dialect == "mariadb":
        spelled = {
            "BIGINT": "bigint(20)",
            "INT": "int(11)",
            "SMALLINT": "smallint(6)",
            "BOOLEAN": "tinyint(1)",
            "JSON": "longtext",
        }
        return spelled.get(declared, declared.lower())
    return declared


@pytest.mark.parametrize("case", CASES)
def test_ddl_runs_and_the_catalog_matches_the_model(case: str, engine: engines.Engine) -> None:
    schema = schema_of(case)
    engine.run_script((CASES_DIR / case / f"ddl.{engine.dialect}.sql").read_text(encoding="utf-8"))
    for table in schema.tables:
        found = engine.columns(table.name)
        assert [c.name for c in found] == [c.name for c in table.columns]
        for column, seen in zip(table.columns, found, strict=True):
            assert seen.nullable == column.nullable, (table.name, column.name)
            assert seen.type == catalog_type(engine.dialect, schema, table, column), (
                table.name,
                column.name,
            )
        plan = key_plans(DIALECTS[engine.dialect], schema)[table.name]
        key = [] if plan.primary_key_as_unique else list(table.primary_key)
        assert engine.primary_key(table.name) == key


@pytest.mark.parametrize("case", CASES)
def test_engines_accept_examples_and_refuse_invalid_ones(case: str, engine: engines.Engine) -> None:
    schema = schema_of(case)
    dialect = DIALECTS[engine.dialect]
    engine.run_script((CASES_DIR / case / f"ddl.{engine.dialect}.sql").read_text(encoding="utf-8"))
    order, deferred = creation_order(schema, dialect)
    rows = [(table, example.values) for table in order for example in table.examples]
    has_deferrable = any(fk.deferrable for table in order for fk in table.foreign_keys)
    loaded = engine.insert_together(rows, foreign_key_checks=not has_deferrable)
    assert loaded.errors == [None] * len(rows), [e for e in loaded.errors if e]
    assert loaded.commit is None, loaded.commit
    unenforced_fks = {
        (name, fk.columns)
        for name, fks in deferred.items()
        for fk in fks
        if not dialect.alter_foreign_keys
    } | {
        (name, fk.columns)
        for name, plan in key_plans(dialect, schema).items()
        for fk in plan.unbuilt
    }
    for table in order:
        for invalid in table.invalid_examples:
            enforceable = [
                rule
                for rule in invalid.broken
                if not (rule.kind == "pattern" and dialect.regex is None)
                and (table.name, rule.columns) not in unenforced_fks
            ]
            error = engine.insert(table, invalid.values)
            assert (error is not None) == bool(enforceable), (table.name, invalid.values, error)


@pytest.mark.parametrize("comments", list(Comments))
def test_every_comment_style_keeps_the_descriptions(comments: Comments) -> None:
    """A new ``Comments`` member that ddl.py does not handle would drop every description."""
    schema = schema_of("shop")
    styled = type("Styled", (type(DIALECTS["postgres"]),), {"comments": comments})()
    table = next(
        t for t in schema.tables if t.description and any(c.description for c in t.columns)
    )
    column = next(c for c in table.columns if c.description)
    text = ddl._render_table(
        styled, schema, table, (), key_plans(styled, schema)[table.name], used=ddl.Names()
    )
    for description in (table.description, column.description):
        assert description is not None
        assert description.split("\n")[0].replace("'", "''")[:40] in text, (comments, description)
