"""Loader nodes -> the frozen model, collecting every problem of a file in one run.

The phases follow the data, each a function of its inputs that returns its part of the
model and adds what is wrong to one ``Problems``: enums (``validate_enums``), then each
table's columns and own keys into a ``TableDraft`` (``validate_tables``), then foreign
keys, which need every draft (``validate_foreign_keys``), then example rows, which need
the foreign keys (``validate_rows``), then the names that must not collide once
rendered as SQL and Python (``validate_names``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from schemacog.errors import Pos, SchemaError
from schemacog.model import DEFAULT_MISSING_VALUES, Enum, Schema, Table
from schemacog.schema import fields
from schemacog.schema.drafts import TableDraft
from schemacog.schema.fields import Problems
from schemacog.schema.keys import FORMAT_VERSION, TOP_KEYS
from schemacog.schema.loader import Loaded, Node, ScalarNode, load_file, load_text, shown_value
from schemacog.schema.validate_constraint_names import with_constraint_names
from schemacog.schema.validate_cycles import check_cycles
from schemacog.schema.validate_enums import read_enums
from schemacog.schema.validate_foreign_keys import ForeignKeys, read_foreign_keys
from schemacog.schema.validate_names import check_type_names
from schemacog.schema.validate_rows import with_rows
from schemacog.schema.validate_tables import read_tables

__all__ = ["load_schema", "load_schema_text", "validate_loaded"]


def load_schema(path: Path, display: str | None = None) -> Schema:
    """Load, validate and return the schema at ``path``; raise SchemaError with all problems."""
    shown = display if display is not None else str(path)
    return validate_loaded(load_file(path, shown), shown)


def load_schema_text(text: str, path: str = "schema.yaml") -> Schema:
    """Validate schema YAML given as text (``path`` is only used in messages)."""
    return validate_loaded(load_text(text, path), path)


def validate_loaded(loaded: Loaded, path: str) -> Schema:
    """The schema of loaded nodes; SchemaError with the loader's and the validator's problems."""
    problems = Problems()
    schema = _read_schema(problems, loaded.root, path)
    if schema is not None and not loaded.problems:
        return schema
    # A placeholder stands for a node the loader refused: its problem is said already.
    found = [p for p in problems if p.pos not in loaded.placeholders]
    raise SchemaError([*loaded.problems, *found])


def _read_schema(problems: Problems, root: Node | None, path: str) -> Schema | None:
    if root is None:
        problems.add(Pos(path, 1, 1), "schema file is empty")
        return None
    top = fields.mapping(problems, root, "the schema", show=False)
    if top is None:
        return None
    required = ("schemacog", "name", "tables")
    fields.check_keys(problems, top, TOP_KEYS, "the schema", required=required)
    if "schemacog" in top.items:
        _check_version(problems, top.items["schemacog"])
    name = (
        fields.identifier(problems, top.items["name"], "schema name")
        if "name" in top.items
        else None
    )
    description = fields.optional_string(problems, top.items.get("description"), "description")
    missing: tuple[str, ...] = DEFAULT_MISSING_VALUES
    if "missing_values" in top.items:
        found = fields.tokens(problems, top.items["missing_values"], "missing_values")
        missing = missing if found is None else found  # [] means: no token reads as missing
    enums, unread = (
        read_enums(problems, top.items["enums"]) if "enums" in top.items else ({}, frozenset())
    )
    tables_node = top.items.get("tables")
    drafts = read_tables(problems, tables_node, enums, unread) if tables_node is not None else []
    tables = _finish_tables(problems, drafts, enums)
    check_type_names(problems, enums.values(), tables)
    if problems or name is None:
        return None
    return Schema(name, description, tuple(enums.values()), tables, path, missing)


def _check_version(problems: Problems, node: Node) -> None:
    version = node.value if isinstance(node, ScalarNode) else None
    if type(version) is not int or version != FORMAT_VERSION:  # not True, not 1.0
        problems.add(
            node,
            f"unsupported schema format version {shown_value(version)}; "
            f"this schemacog reads 'schemacog: {FORMAT_VERSION}'",
        )


def _finish_tables(
    problems: Problems, drafts: Sequence[TableDraft], enums: Mapping[str, Enum]
) -> tuple[Table, ...]:
    """The drafts as tables, with their foreign keys and then their example rows."""
    by_name = {d.name: d for d in drafts}
    foreign_keys = {d.name: read_foreign_keys(problems, d, by_name) for d in drafts}
    check_cycles(problems, drafts, {name: fks.keys for name, fks in foreign_keys.items()})
    readable = _tables_with_readable_rows(drafts, foreign_keys)
    tables = with_constraint_names(
        problems, drafts, [d.table(foreign_keys[d.name].keys) for d in drafts]
    )
    enum_values = {name: enum.value_names for name, enum in enums.items()}
    return with_rows(problems, drafts, tables, readable, enum_values)


def _tables_with_readable_rows(
    drafts: Sequence[TableDraft], foreign_keys: Mapping[str, ForeignKeys]
) -> set[str]:
    """Tables whose rows are worth reading: no problem in the table or in a table it
    references (directly or not), since its rows would only repeat that problem."""
    readable = {d.name for d in drafts if d.rows_readable and foreign_keys[d.name].clean}
    changed = True
    while changed:
        changed = False
        for name in list(readable):
            if any(fk.ref_table not in readable for fk in foreign_keys[name].keys):
                readable.discard(name)
                changed = True
    return readable
