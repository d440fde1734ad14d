"""Benchmark trees: the same marked files written for each tool being compared.

A tree has F marked files of K regions each (Python, SQL and Markdown mixed) plus as
many unmarked files, all over one generated schema of T tables. Flavours differ only in
the marker code: ``schemacog`` (``sc.*`` calls, also run by stock cog with the markers
module), ``cached`` (a small helper that loads the YAML once, what a careful team
writes) and ``naive`` (each block loads the YAML and renders with inline Jinja).
"""

from __future__ import annotations

import random
from pathlib import Path

from corpus import schema_text

SIZES = {"small": (20, 50, 4), "medium": (200, 500, 4), "large": (200, 2000, 4)}

HELPER = '''"""What a careful team writes by hand: load the schema once, render inline."""

import functools

import jinja2
import yaml


@functools.lru_cache(maxsize=None)
def schema():
    with open("schema.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _columns(table):
    return schema()["tables"][table]["columns"]


DATACLASS = jinja2.Template(
    "@dataclass\\nclass {{ name }}:\\n"
    "{% for c, s in cols.items() %}    {{ c }}: {{ s.type }}\\n{% endfor %}"
)
CREATE = jinja2.Template(
    "CREATE TABLE {{ table }} (\\n{% for c, s in cols.items() %}"
    "    {{ c }} {{ s.type }}{{ ',' if not loop.last }}\\n{% endfor %});\\n"
)


def dataclass(table):
    name = "".join(p.title() for p in table.split("_"))
    return DATACLASS.render(name=name, cols=_columns(table))


def create_table(table):
    return CREATE.render(table=table, cols=_columns(table))
'''

NAIVE_PY = (
    "import yaml, jinja2; "
    "t = yaml.safe_load(open('schema.yaml'))['tables']['{table}']; "
    "cog.out(jinja2.Template('class T:\\n{{% for c, s in cols.items() %}}    {{{{ c }}}}: "
    "{{{{ s.type }}}}\\n{{% endfor %}}').render(cols=t['columns']))"
)


def _calls(flavour: str, kind: str, table: str) -> str:
    if flavour == "schemacog":
        return {
            "py": f'sc.python.dataclass("{table}")',
            "sql": f'sc.sql.create_table("{table}", dialect="postgres")',
            "md": f'sc.docs.table("{table}")',
        }[kind]
    if flavour == "cached":
        function = "create_table" if kind == "sql" else "dataclass"
        return f'cog.out(helper.{function}("{table}"))'
    return NAIVE_PY.format(table=table)


COMMENT = {"py": "# ", "sql": "-- ", "md": ""}


def write_tree(root: Path, size: str, flavour: str, seed: int = 7) -> int:
    """Write a tree of ``size`` for ``flavour`` under ``root``; the number of regions."""
    tables, files, regions = SIZES[size]
    chooser = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    (root / "schema.yaml").write_text(schema_text(tables, 10), encoding="utf-8")
    (root / "pyproject.toml").write_text(
        '[tool.schemacog]\nschema = "schema.yaml"\nfiles = ["tree/**/*"]\n', encoding="utf-8"
    )
    (root / "helper.py").write_text(HELPER, encoding="utf-8")
    for index in range(files):
        kind = ("py", "sql", "md")[index % 3]
        folder = root / "tree" / f"d{index % 20}"
        folder.mkdir(parents=True, exist_ok=True)
        prefix = COMMENT[kind]
        parts = [f"{prefix}file {index}\n"]
        for _ in range(regions):
            table = f"table_{chooser.randrange(tables)}"
            begin = (
                f"<!-- [[[cog {_calls(flavour, kind, table)} ]]] -->"
                if kind == "md"
                else f"{prefix}[[[cog {_calls(flavour, kind, table)} ]]]"
            )
            end = "<!-- [[[end]]] -->" if kind == "md" else f"{prefix}[[[end]]]"
            parts.append(f"{begin}\n{end}\n")
        (folder / f"f{index}.{kind}").write_text("".join(parts), encoding="utf-8")
        (folder / f"plain{index}.txt").write_text(f"no markers in file {index}\n", encoding="utf-8")
    return files * regions
