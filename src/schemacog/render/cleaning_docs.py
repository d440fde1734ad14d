"""``sc.docs.cleaning(table)``: a Markdown table of how a generated cleaner reads each column.

Built from the same data as the cleaner itself (``cleaning.PARSERS``, ``duplicate_keys``),
so the review copy cannot say something the code does not do.
"""

from __future__ import annotations

import json

from schemacog.model import NOW, Column, Schema, Table
from schemacog.render import templating
from schemacog.render.cleaning import PARSERS, duplicate_keys, filled, shown_default
from schemacog.render.docs import md_text, value_rule_labels

__all__ = ["render_cleaning_docs"]


def _tokens(tokens: tuple[str, ...]) -> str:
    if not tokens:
        return "none"
    return ", ".join(md_text(json.dumps(token, ensure_ascii=False)) for token in tokens)


def _reads(schema: Schema, column: Column) -> str:
    text = filled(PARSERS[column.type].reads, column)
    if column.enum is not None:
        aliases = [
            f"{md_text(alias)} → {md_text(value.value)}"
            for value in schema.enum(column.enum).values
            for alias in value.aliases
        ]
        if aliases:
            text += "; aliases: " + ", ".join(aliases)
    return text


def _when_missing(column: Column) -> str:
    if column.has_default or column.default is NOW:
        return "default " + md_text(shown_default(column))
    if column.nullable:
        return "null"
    return "rejected"


def _rejects(table: Table, column: Column) -> str:
    labels = value_rule_labels(column)
    for key in duplicate_keys(table):
        if column.name in key:
            kind = "primary key" if key == table.primary_key else "unique"
            labels.append(f"{kind} ({', '.join(key)})" if len(key) > 1 else kind)
    return "; ".join(md_text(label) for label in labels)


def _outlier(column: Column) -> str:
    parts = []
    if column.warn_min is not None:
        parts.append(f"< {column.warn_min}")
    if column.warn_max is not None:
        parts.append(f"> {column.warn_max}")
    return md_text(" or ".join(parts))


def render_cleaning_docs(schema: Schema, table: Table) -> str:
    rows = [
        [
            f"`{c.name}`",
            _tokens(c.missing_values if c.missing_values is not None else schema.missing_values),
            _when_missing(c),
            _reads(schema, c),
            _rejects(table, c),
            _outlier(c),
        ]
        for c in table.columns
    ]
    return templating.render("docs/cleaning.md.j2", name=table.name, rows=rows)
