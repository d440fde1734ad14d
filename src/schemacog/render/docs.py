"""Documentation renderers: Markdown tables per table and enum, data dictionary, Mermaid ERD.

Schema strings are escaped for the place they land, each by one function: ``md_text``
for Markdown (no block or inline markup, one line), ``mermaid_text`` for Mermaid (no
directive, comment, entity, HTML or closing quote).
"""

from __future__ import annotations

import datetime as dt
import re

from schemacog.model import NOW, Column, Enum, ForeignKey, LogicalType, Schema, Table
from schemacog.render import templating
from schemacog.render.sql.ddl import literal as sql_literal
from schemacog.render.sql.dialects import SQLITE

__all__ = [
    "code_span",
    "md_text",
    "mermaid_text",
    "render_dictionary",
    "render_enum",
    "render_erd",
    "render_table",
    "value_rule_labels",
]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_BLOCK_START = re.compile(r"[#>+=-]|[0-9]+[.)]")


def md_text(text: str | None) -> str:
    """Text for Markdown, a table cell or a paragraph: one line, nothing it holds is read
    as markup. Every Markdown output of schemacog passes schema text through here.

    Inline syntax is backslash-escaped everywhere (code spans and fences, emphasis, links,
    HTML, tables, entities, tildes); line breaks become ``<br>``; leading and trailing
    spaces and tabs are dropped (up to three leading spaces would still let a block marker
    count, four make an indented code block); a block marker left at the start (``#``,
    ``>``, ``-``/``+``/``*``, ``1.``/``1)``, ``=``) gets a backslash before its last character.
    """
    if not text:
        return ""
    flat = text.replace("\t", " ").strip(" \n")
    escaped = _MD_SPECIAL.sub(r"\\\1", flat)
    block = _BLOCK_START.match(escaped)  # a heading, quote, list or rule if left as it is
    if block is not None:
        at = block.end() - 1
        escaped = escaped[:at] + "\\" + escaped[at:]
    return escaped.replace("\n", "<br>")


# what a Mermaid label may hold as it is: letters and digits (any script), spaces and
# this punctuation; every other character (``%`` of a ``%%{init: ...}%%`` directive or a
# comment, ``"``, ``#``, ``<``/``>``, ``&``, backticks of a Markdown string, braces,
# backslashes, ``|``) becomes an entity code, ``#37;``, which Mermaid shows as the character
_MERMAID_PLAIN = frozenset(" .,:;-_()/'+=!?*@$[]")


def mermaid_text(text: str | None) -> str:
    """Text for a Mermaid quoted comment or label: one line, only letters, digits, spaces
    and plain punctuation as they are, everything else as Mermaid's ``#NNN;`` codes."""
    if not text:
        return ""
    one_line = " ".join(text.split())
    return "".join(
        ch if ch.isalnum() or ch in _MERMAID_PLAIN else _MERMAID_NAMED.get(ch, f"#{ord(ch)};")
        for ch in one_line
    )


_MERMAID_NAMED = {'"': "#quot;"}


def _type_label(column: Column) -> str:
    if column.type is LogicalType.ENUM:
        return f"enum {column.enum}"
    if column.type is LogicalType.DECIMAL:
        return f"decimal({column.precision},{column.scale})"
    if column.type is LogicalType.STRING and column.max_length and not column.max_length_implied:
        return f"string({column.max_length})"
    return column.type.value


def _default_label(column: Column) -> str:
    if column.identity:
        return "generated"
    if column.default is NOW:
        return "now"
    if not column.has_default:
        return ""
    if isinstance(column.default, dt.datetime) and column.default.tzinfo is not None:
        return md_text(f"'{column.default.isoformat(sep=' ')}'")  # as written, not in UTC
    if isinstance(column.default, float):
        return md_text(repr(column.default))
    # standard SQL text, as no engine needs it spelt (SQLite's: no backslash escapes)
    return md_text(sql_literal(SQLITE, column, column.default))  # type: ignore[arg-type]


def _constraint_labels(table: Table, column: Column) -> list[str]:
    labels = []
    if column.primary_key:
        labels.append("primary key" if len(table.primary_key) == 1 else "part of primary key")
    if column.unique:
        labels.append("unique")
    for fk in table.foreign_keys:
        if column.name in fk.columns:
            target = fk.ref_columns[fk.columns.index(column.name)]
            action = (
                ""
                if fk.on_delete.value == "no_action"
                else f", on delete {fk.on_delete.value.replace('_', ' ')}"
            )
            if fk.on_update.value != "no_action":
                action += f", on update {fk.on_update.value.replace('_', ' ')}"
            if fk.deferrable:
                action += ", deferrable"
            labels.append(f"references {fk.ref_table}.{target}{action}")
    return [md_text(label) for label in labels + value_rule_labels(column)]


def value_rule_labels(column: Column) -> list[str]:
    """A column's bounds, lengths and pattern in words (not yet escaped for Markdown)."""
    bounds = [
        (column.min, "≥ {}"),
        (column.max, "≤ {}"),
        (column.min_length, "length ≥ {}"),
        (
            column.max_length,
            "length ≤ {}" + " (implied by the pattern)" * column.max_length_implied,
        ),
    ]
    labels = [template.format(value) for value, template in bounds if value is not None]
    if column.pattern is not None:
        labels.append(f"matches {column.pattern}")
    return labels


def code_span(text: str) -> str:
    """``text`` as a Markdown code span, fenced by more backticks than it holds in a row."""
    runs = [len(run) for run in re.findall("`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"


def render_table(schema: Schema, table: Table) -> str:
    rows = [
        [
            f"`{c.name}`",
            md_text(_type_label(c)),
            "yes" if c.nullable else "no",
            _default_label(c),
            "; ".join(_constraint_labels(table, c)),
            md_text(c.description),
        ]
        for c in table.columns
    ]
    keys = []
    if len(table.primary_key) > 1:
        keys.append("Primary key: " + ", ".join(f"`{c}`" for c in table.primary_key))
    keys += ["Unique: " + ", ".join(f"`{c}`" for c in columns) for columns in table.unique]
    keys += [
        ("Unique index: " if index.unique else "Index: ")
        + ", ".join(f"`{c}`" for c in index.columns)
        for index in table.indexes
    ]
    keys += [
        f"Check `{check.name}`: {code_span(check.one_line)}"
        + (f" — {md_text(check.description)}" if check.description else "")
        for check in table.checks
    ]
    return templating.render(
        "docs/table.md.j2",
        name=table.name,
        description=md_text(table.description),
        rows=rows,
        keys=keys,
    )


def render_enum(schema: Schema, enum: Enum) -> str:
    rows = [[md_text(v.value), md_text(v.description)] for v in enum.values]
    return templating.render(
        "docs/enum.md.j2", name=enum.name, description=md_text(enum.description), rows=rows
    )


def render_dictionary(schema: Schema) -> str:
    return templating.render(
        "docs/dictionary.md.j2",
        name=schema.name,
        description=md_text(schema.description),
        enums=[render_enum(schema, e) for e in schema.enums],
        tables=[render_table(schema, t) for t in schema.tables],
    )


def _cardinality(table: Table, fk: ForeignKey) -> str:
    optional = any(table.column(c).nullable for c in fk.columns)
    parent = "|o" if optional else "||"
    child = "o|" if table.keys_of(fk.columns) else "o{"
    return f"{parent}--{child}"


def render_erd(schema: Schema) -> str:
    entities = []
    for table in schema.tables:
        fk_columns = {c for fk in table.foreign_keys for c in fk.columns}
        attributes = []
        for column in table.columns:
            keys = []
            if column.primary_key:
                keys.append("PK")
            if column.name in fk_columns:
                keys.append("FK")
            if column.unique:
                keys.append("UK")
            kind = column.enum if column.enum else column.type.value
            attributes.append(
                (kind, column.name, ", ".join(keys), mermaid_text(column.description))
            )
        entities.append((table.name, attributes))
    relations = [
        (fk.ref_table, _cardinality(table, fk), table.name, ", ".join(fk.columns))
        for table in schema.tables
        for fk in table.foreign_keys
    ]
    return templating.render("docs/erd.md.j2", entities=entities, relations=relations)
