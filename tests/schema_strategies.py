"""Hypothesis strategies for valid schemas, written as YAML text by the generator itself.

The generator does not go through a YAML emitter, so that it knows the line and column
of every structural key it wrote (``test_properties``, ``test_engine_properties``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from hypothesis import strategies as st

from schemacog.model import LogicalType

NAME = st.from_regex(r"[a-z][a-z0-9]{0,8}", fullmatch=True)
TEXT = st.text(alphabet="abcdefghij KLMNOP0123.,'-éü", min_size=1, max_size=30)
SIMPLE_TYPES = [t for t in LogicalType if t is not LogicalType.ENUM]
INT_RANGES = {
    LogicalType.SMALLINT: (-(2**15), 2**15 - 1),
    LogicalType.INTEGER: (-(2**31), 2**31 - 1),
    LogicalType.BIGINT: (-(2**63), 2**63 - 1),
}


@dataclass
class Written:
    """YAML text being written, and where each structural key went (line, col, key)."""

    lines: list[str] = field(default_factory=list)
    keys: list[tuple[int, int, str]] = field(default_factory=list)

    def key_line(self, indent: int, key: str, rest: str = "") -> None:
        self.keys.append((len(self.lines) + 1, indent + 1, key))
        self.lines.append(" " * indent + f"{key}:{rest}")

    def flow(self, lead: str, items: list[tuple[str, str]]) -> None:
        """``lead{k: v, ...}`` (lead is ``"  name: "`` or ``"  - "``), recording each key k."""
        line = lead + "{"
        for index, (key, value) in enumerate(items):
            self.keys.append((len(self.lines) + 1, len(line) + 1, key))
            line += f"{key}: {value}" + (", " if index < len(items) - 1 else "")
        self.lines.append(line + "}")

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


@st.composite
def column_items(draw: st.DrawFn, enums: list[str]) -> list[tuple[str, str]]:
    types = SIMPLE_TYPES + ([LogicalType.ENUM] if enums else [])
    type_ = draw(st.sampled_from(types))
    items = [("type", type_.value)]
    if type_ is LogicalType.ENUM:
        items.append(("enum", draw(st.sampled_from(enums))))
    if type_ is LogicalType.DECIMAL:
        precision = draw(st.integers(1, 38))
        items += [("precision", str(precision)), ("scale", str(draw(st.integers(0, precision))))]
    if type_ is LogicalType.STRING and draw(st.booleans()):
        longest = draw(st.integers(1, 500))
        items += [("max_length", str(longest)), ("min_length", str(draw(st.integers(0, longest))))]
    if type_ in INT_RANGES and draw(st.booleans()):
        low, high = INT_RANGES[type_]
        bounds = sorted(draw(st.lists(st.integers(low, high), min_size=3, max_size=3)))
        items += [("min", str(bounds[0])), ("max", str(bounds[2])), ("default", str(bounds[1]))]
    if type_ in {LogicalType.DATE, LogicalType.TIMESTAMPTZ} and draw(st.booleans()):
        items.append(("default", "now"))
    if type_ is LogicalType.BOOLEAN and draw(st.booleans()):
        items.append(("default", draw(st.sampled_from(["true", "false"]))))
    if draw(st.booleans()):
        items.append(("nullable", "true"))
    if draw(st.booleans()):
        items.append(("description", json.dumps(draw(TEXT))))
    return items


@dataclass
class Generated:
    written: Written
    tables: list[str]
    columns: dict[str, list[str]]
    enums: dict[str, list[str]]


@st.composite
def schemas(draw: st.DrawFn) -> Generated:
    out = Written()
    out.key_line(0, "schemacog", " 1")
    out.key_line(0, "name", f" {draw(NAME)}")
    if draw(st.booleans()):
        out.key_line(0, "description", " " + json.dumps(draw(TEXT)))
    enum_names = ["e_" + n for n in draw(st.lists(NAME, max_size=3, unique=True))]
    enums: dict[str, list[str]] = {}
    if enum_names:
        out.key_line(0, "enums")
        for enum in enum_names:
            out.lines.append(f"  {enum}:")
            if draw(st.booleans()):
                out.key_line(4, "description", " " + json.dumps(draw(TEXT)))
            out.key_line(4, "values")
            enums[enum] = draw(st.lists(NAME, min_size=1, max_size=4, unique=True))
            for value in enums[enum]:
                out.lines.append(f"      {value}: {json.dumps(draw(TEXT))}")
    table_names = ["t_" + n for n in draw(st.lists(NAME, min_size=1, max_size=4, unique=True))]
    out.key_line(0, "tables")
    columns: dict[str, list[str]] = {}
    for position, table in enumerate(table_names):
        out.lines.append(f"  {table}:")
        if draw(st.booleans()):
            out.key_line(4, "description", " " + json.dumps(draw(TEXT)))
        out.key_line(4, "columns")
        out.flow("      id: ", [("type", "bigint"), ("primary_key", "true"), ("identity", "true")])
        names = ["id"]
        for name in draw(st.lists(NAME.filter(lambda n: n != "id"), max_size=5, unique=True)):
            out.flow(f"      {name}: ", draw(column_items(list(enums))))
            names.append(name)
        if position and draw(st.booleans()):
            target = table_names[draw(st.integers(0, position - 1))]
            ref = [("type", "bigint"), ("nullable", "true"), ("references", f"{target}.id")]
            out.flow(f"      ref_{target}: ", [*ref, ("on_delete", "set_null")])
            names.append("ref_" + target)
        if len(names) > 1 and draw(st.booleans()):
            out.lines.append("    indexes:")
            out.flow("      - ", [("columns", f"[{names[1]}]"), ("unique", "false")])
        columns[table] = names
    return Generated(out, table_names, columns, enums)
