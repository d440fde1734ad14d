"""The schema's ``tables``, each read on its own into a ``TableDraft``.

A draft has its columns and its own keys; foreign keys and example rows come later,
once every table is drafted.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping

from schemacog.model import Column, Enum, TableCheck
from schemacog.schema import fields
from schemacog.schema.drafts import TableDraft
from schemacog.schema.fields import Problems
from schemacog.schema.keys import (
    MAX_COLUMNS,
    MAX_ROW_BYTES,
    MAX_TABLES,
    ROW_BYTES,
    ROW_HEADER_BYTES,
    ROW_POINTER_BYTES,
    TABLE_KEYS,
)
from schemacog.schema.loader import MapNode, Node, ScalarNode
from schemacog.schema.validate_checks import read_checks
from schemacog.schema.validate_columns import read_column
from schemacog.schema.validate_keys import read_indexes, read_primary_key, read_unique
from schemacog.schema.validate_names import check_column_names
from schemacog.schema.validate_renames import check_scope, read_history

__all__ = ["read_tables"]


def read_tables(
    problems: Problems,
    node: Node,
    enums: Mapping[str, Enum],
    unread_enums: Collection[str] = (),
) -> list[TableDraft]:
    """A draft of every table that has readable columns, in the file's order;
    ``unread_enums`` are declared enums that had a problem of their own."""
    tables = fields.mapping(problems, node, "tables")
    if tables is None:
        return []
    if len(tables.items) > MAX_TABLES:
        problems.add(tables, f"{len(tables.items)} tables; the limit is {MAX_TABLES}")
        return []
    drafts = []
    histories: list[tuple[str, tuple[str, ...], MapNode]] = []
    for name, table_node in tables.items.items():
        key = tables.keys[name]
        if fields.check_identifier(problems, key, name, "table name") is None:
            continue
        draft = _read_table(problems, name, key, table_node, enums, unread_enums=unread_enums)
        if draft is not None:
            drafts.append(draft)
            if draft.renamed_from:
                histories.append((name, draft.renamed_from, draft.node))
    check_scope(problems, "the tables", tables.items, histories)
    return drafts


def _read_table(
    problems: Problems,
    name: str,
    key: ScalarNode,
    node: Node,
    enums: Mapping[str, Enum],
    *,
    unread_enums: Collection[str],
) -> TableDraft | None:
    what = f"table {name!r}"
    body = fields.mapping(problems, node, what)
    if body is None:
        return None
    fields.check_keys(problems, body, TABLE_KEYS, what, required=("columns",))
    columns_node = body.items.get("columns")
    columns_map = (
        fields.mapping(problems, columns_node, f"columns of {what}") if columns_node else None
    )
    if columns_map is None:
        return None
    if not columns_map.items:
        problems.add(columns_map, f"{what} has no columns")
        return None
    if len(columns_map.items) > MAX_COLUMNS:
        count = len(columns_map.items)
        problems.add(
            columns_map, f"{what} has {count} columns; the limit is {MAX_COLUMNS} (MariaDB's)"
        )
        return None
    description = fields.optional_string(problems, body.items.get("description"), "description")
    history = read_history(problems, body, name, what)
    columns, column_nodes = _read_columns(problems, columns_map, what, enums, unread_enums)
    check_column_names(problems, columns, columns_map)
    width = ROW_HEADER_BYTES + (len(columns) + 7) // 8
    width += sum(ROW_BYTES.get(c.type, ROW_POINTER_BYTES) for c in columns.values())
    if width > MAX_ROW_BYTES:
        problems.add(
            columns_map,
            f"{what} can hold rows of {width} bytes (fixed-size columns at their size, "
            f"the others {ROW_POINTER_BYTES} bytes each): more than the {MAX_ROW_BYTES} "
            "that MariaDB and PostgreSQL keep in one row; split the table",
        )
    all_read = len(columns) == len(columns_map.items)
    checks: tuple[TableCheck, ...] = ()
    before = len(problems)
    if "checks" in body.items and all_read:  # else an unread column would seem unknown
        values = {enum.name: enum.value_names for enum in enums.values()}
        checks = read_checks(problems, body.items["checks"], what, columns, values)
    unkeyed = TableDraft(
        name,
        key.pos,
        body,
        description,
        columns,
        column_nodes,
        checks=checks,
        checks_read=len(problems) == before,
        renamed_from=history,
    )
    return _with_keys(problems, unkeyed, all_columns_read=all_read)


def _read_columns(
    problems: Problems,
    columns: MapNode,
    owner: str,
    enums: Mapping[str, Enum],
    unread_enums: Collection[str],
) -> tuple[dict[str, Column], dict[str, MapNode]]:
    """The readable columns of ``owner`` and their nodes, by name."""
    found: dict[str, Column] = {}
    nodes: dict[str, MapNode] = {}
    for name, node in columns.items.items():
        key = columns.keys[name]
        if fields.check_identifier(problems, key, name, "column name") is None:
            continue
        column = read_column(
            problems, name, key, node, owner=owner, enums=enums, unread_enums=unread_enums
        )
        if column is None:
            continue
        found[name] = column
        assert isinstance(node, MapNode)  # read_column returns None for anything else
        nodes[name] = node
    histories = [(c.name, c.renamed_from, nodes[c.name]) for c in found.values() if c.renamed_from]
    check_scope(problems, f"the columns of {owner}", columns.items, histories)
    return found, nodes


def _with_keys(problems: Problems, unkeyed: TableDraft, *, all_columns_read: bool) -> TableDraft:
    """The draft with its own keys; the primary key is marked on its columns."""
    primary_key = read_primary_key(problems, unkeyed)
    key_columns = primary_key or ()
    return TableDraft(
        name=unkeyed.name,
        pos=unkeyed.pos,
        node=unkeyed.node,
        description=unkeyed.description,
        columns=_marked_primary_key(unkeyed.columns, key_columns),
        column_nodes=unkeyed.column_nodes,
        primary_key=key_columns,
        unique=read_unique(problems, unkeyed, key_columns),
        indexes=read_indexes(problems, unkeyed),
        checks=unkeyed.checks,
        rows_readable=all_columns_read and primary_key is not None,
        checks_read=unkeyed.checks_read,
        renamed_from=unkeyed.renamed_from,
    )


def _marked_primary_key(
    columns: Mapping[str, Column], primary_key: tuple[str, ...]
) -> dict[str, Column]:
    return {
        name: column
        if column.primary_key or name not in primary_key
        else dataclasses.replace(column, primary_key=True)
        for name, column in columns.items()
    }
