"""A table's own keys: its primary key, unique constraints and indexes.

Each reader takes the draft of a table whose columns are read (its keys not yet) and
returns one key part; ``validate_tables`` builds the keyed draft from the parts.
"""

from __future__ import annotations

from schemacog.model import Index, LogicalType
from schemacog.schema import fields
from schemacog.schema.drafts import TableDraft
from schemacog.schema.fields import Problems
from schemacog.schema.keys import INDEX_KEYS, MAX_KEY_COLUMNS
from schemacog.schema.loader import MapNode, Node
from schemacog.schema.validate_renames import check_scope, read_history

__all__ = ["read_indexes", "read_primary_key", "read_unique"]


def read_primary_key(problems: Problems, draft: TableDraft) -> tuple[str, ...] | None:
    """The primary key's columns, from the columns' flags or the table's list.

    None when the table-level list cannot be read (the key is then empty).
    """
    flagged = [c.name for c in draft.columns.values() if c.primary_key]
    if "primary_key" not in draft.node.items:
        if len(flagged) > 1:
            problems.add(
                draft.column_nodes[flagged[1]].keys["primary_key"],
                f"several columns say primary_key; write a composite key as "
                f"table-level primary_key: [{', '.join(flagged)}]",
            )
        names: tuple[str, ...] | None = tuple(flagged)
        for name in flagged:
            _no_json(problems, draft, (name,), draft.column_nodes[name].items["primary_key"])
    else:
        names = _table_primary_key(problems, draft, flagged)
        _no_json(problems, draft, names or (), draft.node.items["primary_key"])
        if not _narrow_enough(problems, names or (), draft.node.items["primary_key"]):
            names = None
    for column in draft.columns.values():
        if column.unique:
            _no_json(
                problems, draft, (column.name,), draft.column_nodes[column.name].items["unique"]
            )
    for column in draft.columns.values():
        if column.identity and (names or ()) != (column.name,):
            problems.add(
                draft.column_nodes[column.name].items["identity"],
                "an identity column must be the table's whole primary key",
            )
        if column.unique and not column.primary_key and names == (column.name,):
            # as for a column's own primary_key: true (the table-level list says the same)
            problems.add(
                draft.column_nodes[column.name].items["unique"],
                "unique is implied by primary_key; remove it",
            )
    return names


def _table_primary_key(
    problems: Problems, draft: TableDraft, flagged: list[str]
) -> tuple[str, ...] | None:
    body = draft.node
    node = body.items["primary_key"]
    if flagged:
        problems.add(
            body.keys["primary_key"],
            f"primary key given twice: on column {flagged[0]!r} and at table level",
        )
    names = fields.name_list(problems, node, "primary_key", draft.columns, draft.owner)
    for name in names or ():
        if draft.columns[name].nullable:
            problems.add(node, f"primary key column {name!r} cannot be nullable")
    return names


def read_unique(
    problems: Problems, draft: TableDraft, primary_key: tuple[str, ...]
) -> tuple[tuple[str, ...], ...]:
    """The table-level unique constraints, none repeating another uniqueness rule."""
    if "unique" not in draft.node.items:
        return ()
    seq = fields.sequence(problems, draft.node.items["unique"], "unique")
    if seq is None:
        return ()
    seen = {frozenset(primary_key): "the primary key"} if primary_key else {}
    for column in draft.columns.values():
        if column.unique:
            seen[frozenset((column.name,))] = f"column {column.name!r} (unique: true)"
    keys: list[tuple[str, ...]] = []
    for item in seq.items:
        names = fields.name_list(problems, item, "a unique constraint", draft.columns, draft.owner)
        if names is None:
            continue
        if frozenset(names) in seen:
            twin = seen[frozenset(names)]
            problems.add(item, f"unique constraint ({', '.join(names)}) repeats {twin}")
            continue
        seen[frozenset(names)] = "an earlier unique constraint"
        if _no_json(problems, draft, names, item) and _narrow_enough(problems, names, item):
            keys.append(names)
    return tuple(keys)


def read_indexes(problems: Problems, draft: TableDraft) -> tuple[Index, ...]:
    if "indexes" not in draft.node.items:
        return ()
    seq = fields.sequence(problems, draft.node.items["indexes"], "indexes")
    if seq is None:
        return ()
    indexes = []
    histories: list[tuple[str, tuple[str, ...], MapNode]] = []
    for item in seq.items:
        index = fields.mapping(problems, item, "an index")
        if index is None:
            continue
        fields.check_keys(problems, index, INDEX_KEYS, "an index", required=("columns",))
        columns = (
            fields.name_list(
                problems, index.items["columns"], "index columns", draft.columns, draft.owner
            )
            if "columns" in index.items
            else None
        )
        unique = (
            fields.boolean(problems, index.items["unique"], "unique")
            if "unique" in index.items
            else False
        )
        name = (
            fields.identifier(problems, index.items["name"], "index name")
            if "name" in index.items
            else None
        )
        if columns is not None and not _narrow_enough(problems, columns, item):
            continue
        if unique and columns is not None and not _no_json(problems, draft, columns, item):
            continue
        what = f"index {name!r}" if name else "an index"
        history = read_history(problems, index, name or "", what)
        if history:
            histories.append((name or what, history, index))
        if columns is not None and unique is not None:
            indexes.append(Index(columns, unique, name, index.pos, renamed_from=history))
    named = [index.name for index in indexes if index.name]
    check_scope(problems, f"the index names of {draft.owner}", named, histories)
    return tuple(indexes)


def _no_json(problems: Problems, draft: TableDraft, names: tuple[str, ...], node: Node) -> bool:
    """True if no column of the key ``names`` is json; else says why at ``node``."""
    for name in names:
        if draft.columns[name].type is LogicalType.JSON:
            problems.add(
                node,
                f"json column {name!r} cannot be in a primary key or unique constraint: "
                "PostgreSQL compares JSON by its value, the other engines by its text",
            )
            return False
    return True


def _narrow_enough(problems: Problems, names: tuple[str, ...], node: Node) -> bool:
    """True if the key or index ``names`` has few enough columns; else says so at ``node``."""
    if len(names) <= MAX_KEY_COLUMNS:
        return True
    problems.add(
        node,
        f"a key or index has at most {MAX_KEY_COLUMNS} columns (PostgreSQL's and MariaDB's "
        f"limit); this one has {len(names)}",
    )
    return False
