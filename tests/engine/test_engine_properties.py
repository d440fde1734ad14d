"""Hypothesis: for random valid schemas and random marked files, regen then check is clean.

Files vary in kind (Python, SQL, Markdown), comment prefix, indentation of markers, line
endings and BOM; the schemas come from the generator in ``schema_strategies``.
"""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schema_strategies import Generated, schemas

from schemacog.engine.files import Change, write_all
from schemacog.engine.process import render_tree


def python_file(generated: Generated, draw: st.DataObject) -> str:
    tables = draw.draw(st.lists(st.sampled_from(generated.tables), min_size=1, unique=True))
    kinds = draw.draw(
        st.lists(
            st.sampled_from(["pydantic", "validator", "columns", "cleaner", "pandas_dtypes"]),
            unique=True,
        )
    )
    kinds = ["dataclass", *kinds]  # a cleaner builds the table's dataclass
    parts = ['"""Generated."""\n\n# [[[cog sc.python.imports() ]]]\n# [[[end]]]\n']
    parts += [f'\n\n# [[[cog sc.python.enum("{e}") ]]]\n# [[[end]]]\n' for e in generated.enums]
    parts += [
        f'\n\n# [[[cog sc.python.{kind}("{table}") ]]]\n# [[[end]]]\n'
        for table in tables
        for kind in kinds
    ]
    return "".join(parts)


def sql_file(generated: Generated, draw: st.DataObject) -> str:
    dialect = draw.draw(st.sampled_from(["postgres", "sqlite", "duckdb", "mariadb"]))
    indent = draw.draw(st.sampled_from(["", "    "]))
    calls = [f'sc.sql.ddl(dialect="{dialect}")'] + [
        f'sc.sql.create_table("{t}", dialect="{dialect}")'
        for t in draw.draw(st.lists(st.sampled_from(generated.tables), unique=True))
    ]
    return "".join(
        f"{indent}-- [[[cog {call} ]]]\n{indent}-- [[[end]]]\nSELECT 1;\n" for call in calls
    )


def docs_file(generated: Generated, draw: st.DataObject) -> str:
    table = draw.draw(st.sampled_from(generated.tables))
    return (
        '# Docs\n\n<!-- [[[cog\nsc.docs.table("'
        + table
        + '")\nsc.docs.erd()\n]]] -->\n<!-- [[[end]]] -->\n'
        "text after\n"
        f'<!-- [[[cog sc.docs.cleaning("{table}") ]]] -->\n<!-- [[[end]]] -->\n'
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(schemas(), st.data())
def test_regen_then_check_is_clean_and_regen_is_a_fixed_point(
    generated: Generated, data: st.DataObject
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "schema.yaml").write_text(generated.written.text, encoding="utf-8")
        (root / "pyproject.toml").write_text(
            '[tool.schemacog]\nschema = "schema.yaml"\nfiles = ["out/**/*"]\n'
            + ("checksum = true\n" if data.draw(st.booleans()) else ""),
            encoding="utf-8",
        )
        makers = {"m.py": python_file, "s.sql": sql_file, "d.md": docs_file}
        for name in data.draw(st.lists(st.sampled_from(sorted(makers)), min_size=1, unique=True)):
            text = makers[name](generated, data)
            if data.draw(st.booleans()):
                text = text.replace("\n", "\r\n")
            raw = (codecs.BOM_UTF8 if data.draw(st.booleans()) else b"") + text.encode()
            (root / "out").mkdir(exist_ok=True)
            (root / "out" / name).write_bytes(raw)
        first = render_tree([], root)
        assert first.problems == []
        assert len(first.results) == first.files_checked > 0  # every file had empty regions
        assert write_all([Change(r.source, r.new) for r in first.results]).problems == []
        second = render_tree([], root)
        assert second.problems == []
        assert second.results == [], [r.source.shown for r in second.results]
