"""The registry of the marker API: signatures bound before anything runs, one source for all."""

from __future__ import annotations

import dataclasses
import inspect
import re
from pathlib import Path

import goldens
import pytest
from cogapp import Cog  # type: ignore[import-untyped]
from cogapp.cogapp import CogError  # type: ignore[import-untyped]
from conftest import ROOT
from goldens import CASES, CASES_DIR, schema_of

from schemacog import markers
from schemacog.db.backends import DIALECTS
from schemacog.engine import registry
from schemacog.engine.marker_context import MarkerContext, activated
from schemacog.engine.process import render_tree
from schemacog.engine.scan import MarkerCall
from schemacog.model import Column, EnumValue, LogicalType, Schema

SHOP = CASES_DIR / "shop" / "schema.yaml"
RENDERERS_DOC = ROOT / "docs" / "renderers.md"

# marker code -> the error, positioned at the argument at fault (or the call)
WRONG_ARGUMENTS = [
    (
        'sc.python.dataclass("customer", "x")',
        "1:42: sc.python.dataclass() takes 1 argument by position, got 2",
    ),
    (
        'sc.python.dataclass(tabel="customer")',
        "1:30: sc.python.dataclass() has no argument 'tabel'; did you mean 'table'?",
    ),
    ("sc.python.dataclass()", "1:10: sc.python.dataclass() needs the argument 'table'"),
    ('sc.sql.ddl("postgres", dialect="sqlite")', "1:33: sc.sql.ddl() got 'dialect' twice"),
    ("sc.python.dataclass(1)", "1:30: sc.python.dataclass(): 'table' must be a string, got 1"),
    (
        "sc.sql.ddl(dialect=[1])",
        "1:21: sc.sql.ddl(): 'dialect' must be a string or None, got [1]",
    ),
    (
        "sc.sql.erd()",
        "1:10: marker code not allowed: unknown marker function sc.sql.erd; "
        "did you mean 'sc.docs.erd'?",
    ),
    (
        "sc.docs.tables()",
        "1:10: marker code not allowed: unknown marker function sc.docs.tables; "
        "did you mean 'sc.docs.table'?",
    ),
    ("sc.nothing()", "1:10: marker code not allowed: unknown marker function sc.nothing"),
    ("sc.template()", "1:10: sc.template() needs the argument 'path'"),
    ("sc.docs.erd(1)", "1:22: sc.docs.erd() takes 0 arguments by position, got 1"),
]


def project(tmp_path: Path, files: dict[str, str]) -> Path:
    (tmp_path / "schema.yaml").write_bytes(SHOP.read_bytes())
    (tmp_path / "pyproject.toml").write_text(
        '[tool.schemacog]\nschema = "schema.yaml"\nfiles = ["*.py"]\n', encoding="utf-8"
    )
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("code", "error"), WRONG_ARGUMENTS)
def test_safe_mode_binds_every_call_against_its_signature(
    tmp_path: Path, code: str, error: str
) -> None:
    root = project(tmp_path, {"m.py": f"# [[[cog {code} ]]]\n# [[[end]]]\n"})
    outcome = render_tree([], root)
    assert [str(problem) for problem in outcome.problems] == [f"m.py:{error}"]
    assert outcome.results == []


@pytest.mark.parametrize(
    ("code", "error"), [w for w in WRONG_ARGUMENTS if "not allowed" not in w[1]]
)
def test_stock_cog_reports_the_same_binding_errors(tmp_path: Path, code: str, error: str) -> None:
    path = project(tmp_path, {"m.py": f"# [[[cog {code} ]]]\n# [[[end]]]\n"}) / "m.py"
    message = error.split(": ", 1)[1]
    with pytest.raises(CogError, match=f"m.py:1: {re.escape(message)}$"):
        Cog().callable_main(["cog", "-r", "-p", "import schemacog.markers as sc", str(path)])


def test_keyword_and_positional_calls_are_the_same_call(tmp_path: Path) -> None:
    by_position = "# [[[cog sc.python.imports() ]]]\n# [[[end]]]\n"
    by_position += '# [[[cog sc.python.dataclass("customer") ]]]\n# [[[end]]]\n'
    by_keyword = by_position.replace('dataclass("customer")', 'dataclass(table="customer")')
    root = project(tmp_path, {"a.py": by_position, "b.py": by_keyword})
    outcome = render_tree([], root)
    assert outcome.problems == []
    texts = {r.source.shown: r.new.decode().replace(by_keyword, "") for r in outcome.results}
    new_a = texts["a.py"].replace('dataclass("customer")', 'dataclass(table="customer")')
    assert "import dataclasses" in texts["b.py"]  # imports() saw the keyword-form call
    assert new_a == texts["b.py"]


def test_the_sc_namespaces_hold_exactly_the_registry() -> None:
    for spec in registry.MARKERS:
        target = getattr(markers, spec.namespace) if spec.namespace else markers
        function = getattr(target, spec.name)
        parameters = inspect.signature(function).parameters
        assert [p.name for p in parameters.values()] == [p.name for p in spec.params]
    public = {
        f"sc.{namespace}.{name}"
        for namespace in ("python", "sql", "docs")
        for name in vars(getattr(markers, namespace))
        if not name.startswith("_")
    }
    assert public | {"sc.template"} == {spec.dotted for spec in registry.MARKERS}
    with pytest.raises(AttributeError, match=r"sc\.python has no marker call 'dataclas'"):
        markers.python.dataclas  # noqa: B018


def test_dialect_and_subject_are_read_by_position_or_keyword() -> None:
    by_position = MarkerCall(1, 1, "sql", "create_table", ("order", "sqlite"))
    by_keyword = MarkerCall(
        1, 1, "sql", "create_table", (), {"table": "order", "dialect": "sqlite"}
    )
    default = MarkerCall(1, 1, "sql", "create_table", ("order",))
    for call in (by_position, by_keyword):
        assert registry.subject_of(call) == "order"
        assert registry.dialect_of(call, "postgres") == "sqlite"
    assert registry.dialect_of(default, "mariadb") == "mariadb"
    assert registry.dialect_of(MarkerCall(1, 1, "python", "columns", ("order",)), "x") is None
    assert registry.subject_of(MarkerCall(1, 1, "python", "nothing", ("order",))) is None
    template = MarkerCall(1, 1, "", "template", ("ddl.j2",), {"dialect": "sqlite"})
    assert registry.dialect_of(template, "postgres") == "sqlite"
    assert registry.dialect_of(MarkerCall(1, 1, "", "template", ("x.j2",)), "postgres") is None


def test_docs_call_table_is_the_registry(update_goldens: bool) -> None:
    text = RENDERERS_DOC.read_text(encoding="utf-8")
    start = text.index("| call | output |")
    end = text.index("\n\n", start) + 1
    if update_goldens:
        RENDERERS_DOC.write_text(text[:start] + registry.call_table() + text[end:], "utf-8")
        text = RENDERERS_DOC.read_text(encoding="utf-8")
        end = text.index("\n\n", start) + 1
    assert text[start:end] == registry.call_table(), "run pytest --update-goldens"
    for spec in registry.MARKERS:  # and every public call is named in the docs
        assert f"`{spec.signature}`" in text


def _changed_elsewhere(schema: Schema, kept: frozenset[str]) -> Schema:
    """``schema`` with every table and enum outside ``kept`` edited (described, extended)."""
    tables = tuple(
        table
        if f"table:{table.name}" in kept
        else dataclasses.replace(
            table,
            description="Changed elsewhere.",
            columns=(*table.columns, Column(name="zz_added", type=LogicalType.TEXT, nullable=True)),
        )
        for table in schema.tables
    )
    enums = tuple(
        enum
        if f"enum:{enum.name}" in kept
        else dataclasses.replace(
            enum,
            description="Changed elsewhere.",
            values=(*enum.values, EnumValue("zz_added", "Added.", enum.pos)),
        )
        for enum in schema.enums
    )
    return dataclasses.replace(schema, tables=tables, enums=enums)


def _calls_of(schema: Schema) -> list[tuple[registry.MarkerSpec, dict[str, object]]]:
    found: list[tuple[registry.MarkerSpec, dict[str, object]]] = []
    for spec in registry.MARKERS:
        if spec.reads is registry.Reads.SCHEMA:
            continue
        subjects = schema.tables if spec.reads is registry.Reads.TABLE else schema.enums
        dialects = list(DIALECTS) if spec.param(registry.Role.DIALECT) else [None]
        found += [
            (spec, {str(spec.reads): subject.name, "dialect": dialect})
            for subject in subjects
            for dialect in dialects
        ]
    return found


@pytest.mark.parametrize("case", CASES)
def test_a_call_depends_on_nothing_outside_what_the_registry_says_it_reads(case: str) -> None:
    schema = schema_of(case)
    for spec, arguments in _calls_of(schema):
        kept = registry.depends_on(spec, arguments, schema)
        assert kept is not None
        subject = str(arguments[str(spec.reads)])
        calls = (
            MarkerCall(1, 1, "python", "imports"),
            MarkerCall(2, 1, "python", "dataclass", (subject,)),
        )
        changed = _changed_elsewhere(schema, kept)
        assert _text(changed, spec, arguments, calls) == _text(schema, spec, arguments, calls), (
            spec.dotted,
            arguments,
        )


def _text(
    schema: Schema,
    spec: registry.MarkerSpec,
    arguments: dict[str, object],
    calls: tuple[MarkerCall, ...],
) -> str:
    context = MarkerContext(schema, None, "m.py", 1, calls, emit=False)
    with activated(context):
        return registry.render(spec, context, arguments)


def test_depends_on_names_the_table_its_enums_and_its_parents() -> None:
    schema = schema_of("shop")
    spec = next(s for s in registry.MARKERS if s.dotted == "sc.python.cleaner")
    order = schema.table("order")
    assert registry.depends_on(spec, {"table": "order"}, schema) == frozenset(
        {
            "table:order",
            *(f"enum:{c.enum}" for c in order.columns if c.enum),
            *(f"table:{fk.ref_table}" for fk in order.foreign_keys),
        }
    )
    assert registry.depends_on(spec, {"table": "nope"}, schema) == frozenset({"table:nope"})
    ddl = next(s for s in registry.MARKERS if s.dotted == "sc.sql.ddl")
    assert registry.depends_on(ddl, {}, schema) is None


# calls the golden cases render through another call, and which one
_COVERED_THROUGH = {
    "sc.docs.table": "sc.docs.dictionary",
    "sc.docs.enum": "sc.docs.dictionary",
    "sc.sql.create_table": "sc.sql.ddl (test_markers: the region equals the ddl block)",
    "sc.sql.create_enum": "sc.sql.ddl",
    "sc.sql.ddl": "the ddl.<dialect>.sql goldens",
    "sc.template": "user templates: tests/test_markers.py",
}


def test_every_marker_call_is_rendered_by_the_golden_cases() -> None:
    schema = schema_of("shop")
    marked = goldens.marked_python(schema) + goldens.marked_docs(schema)
    for spec in registry.MARKERS:
        assert f"{spec.dotted}(" in marked or spec.dotted in _COVERED_THROUGH, spec.dotted
    assert set(_COVERED_THROUGH) <= {spec.dotted for spec in registry.MARKERS}
