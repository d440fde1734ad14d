"""Foreign keys: column-level ``references`` and table-level ``foreign_keys``.

They are read after every table's draft, since a key may point at any table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from schemacog.model import Column, FkAction, ForeignKey, LogicalType
from schemacog.schema import fields
from schemacog.schema.drafts import TableDraft
from schemacog.schema.fields import Problems, did_you_mean
from schemacog.schema.keys import FOREIGN_KEY_KEYS, REFERENCE_KEYS
from schemacog.schema.loader import MapNode, Node

__all__ = ["ForeignKeys", "read_foreign_keys"]


@dataclass(frozen=True, slots=True)
class ForeignKeys:
    """The sound foreign keys of one table; ``clean`` when none of them had a problem."""

    keys: tuple[ForeignKey, ...]
    clean: bool


def read_foreign_keys(
    problems: Problems, draft: TableDraft, tables: Mapping[str, TableDraft]
) -> ForeignKeys:
    before = len(problems)
    keys = _column_foreign_keys(problems, draft, tables)
    if "foreign_keys" in draft.node.items:
        keys += _table_foreign_keys(problems, draft, draft.node.items["foreign_keys"], tables)
    return ForeignKeys(tuple(keys), clean=len(problems) == before)


def _column_foreign_keys(
    problems: Problems, draft: TableDraft, tables: Mapping[str, TableDraft]
) -> list[ForeignKey]:
    keys = []
    for name in draft.columns:
        body = draft.column_nodes[name]
        if "references" not in body.items:
            continue
        node = body.items["references"]
        text = fields.string(problems, node, "references")
        if text is None:
            continue
        target, _, ref_column = text.partition(".")
        if not target or not ref_column or "." in ref_column:
            problems.add(node, f"references must be 'table.column', found {text!r}")
            continue
        actions = _actions(problems, body)
        deferrable = _deferrable(problems, body)
        if actions is None or deferrable is None:
            continue
        fk = ForeignKey(
            (name,),
            target,
            (ref_column,),
            *actions,
            inline=True,
            pos=node.pos,
            deferrable=deferrable,
        )
        if _is_sound(problems, draft, fk, node, tables=tables):
            keys.append(fk)
    return keys


def _table_foreign_keys(
    problems: Problems, draft: TableDraft, node: Node, tables: Mapping[str, TableDraft]
) -> list[ForeignKey]:
    seq = fields.sequence(problems, node, "foreign_keys")
    if seq is None:
        return []
    keys = []
    for item in seq.items:
        body = fields.mapping(problems, item, "a foreign key")
        if body is None:
            continue
        fields.check_keys(
            problems, body, FOREIGN_KEY_KEYS, "a foreign key", required=("columns", "references")
        )
        columns = (
            fields.name_list(
                problems, body.items["columns"], "foreign key columns", draft.columns, draft.owner
            )
            if "columns" in body.items
            else None
        )
        ref = (
            fields.mapping(problems, body.items["references"], "references")
            if "references" in body.items
            else None
        )
        actions = _actions(problems, body)
        deferrable = _deferrable(problems, body)
        if columns is None or ref is None or actions is None or deferrable is None:
            continue
        if not fields.check_keys(problems, ref, REFERENCE_KEYS, "references", REFERENCE_KEYS):
            continue
        target = fields.string(problems, ref.items["table"], "references table")
        ref_columns = fields.name_list(problems, ref.items["columns"], "references columns")
        if target is None or ref_columns is None:
            continue
        fk = ForeignKey(
            columns,
            target,
            ref_columns,
            *actions,
            inline=False,
            pos=item.pos,
            deferrable=deferrable,
        )
        table_node = ref.items["table"]
        if _is_sound(
            problems, draft, fk, ref.items["columns"], tables=tables, table_node=table_node
        ):
            keys.append(fk)
    return keys


def _deferrable(problems: Problems, body: MapNode) -> bool | None:
    """The foreign key's ``deferrable`` flag (False when absent); None if unreadable."""
    if "deferrable" not in body.items:
        return False
    return fields.boolean(problems, body.items["deferrable"], "deferrable")


def _actions(problems: Problems, body: MapNode) -> tuple[FkAction, FkAction] | None:
    found = []
    for key in ("on_delete", "on_update"):
        if key not in body.items:
            found.append(FkAction.NO_ACTION)
            continue
        text = fields.string(problems, body.items[key], key)
        if text is None:
            return None
        try:
            found.append(FkAction(text))
        except ValueError:
            names = [a.value for a in FkAction]
            hint = did_you_mean(text, names) or f"; one of {', '.join(names)}"
            problems.add(body.items[key], f"unknown {key} action {text!r}{hint}")
            return None
    return found[0], found[1]


def _is_sound(
    problems: Problems,
    draft: TableDraft,
    fk: ForeignKey,
    node: Node,
    *,
    tables: Mapping[str, TableDraft],
    table_node: Node | None = None,
) -> bool:
    """Report what is wrong with ``fk`` of ``draft``; True when nothing is."""
    before = len(problems)
    sound = _check_foreign_key(problems, draft, fk, node, tables=tables, table_node=table_node)
    return sound and len(problems) == before


def _check_foreign_key(
    problems: Problems,
    draft: TableDraft,
    fk: ForeignKey,
    node: Node,
    *,
    tables: Mapping[str, TableDraft],
    table_node: Node | None,
) -> bool:
    """False when the key cannot be checked (said, or to be said elsewhere)."""
    target = tables.get(fk.ref_table)
    if target is None:
        hint = did_you_mean(fk.ref_table, tables)
        problems.add(table_node or node, f"references unknown table {fk.ref_table!r}{hint}")
        return False
    missing = [c for c in fk.ref_columns if c not in target.columns]
    written = target.node.items.get("columns")
    if any(isinstance(written, MapNode) and c in written.items for c in missing):
        return False  # written, with a problem of its own that is said there
    if missing:
        hint = did_you_mean(missing[0], target.columns)
        problems.add(node, f"references unknown column {fk.ref_table}.{missing[0]}{hint}")
        return False
    if len(fk.columns) != len(fk.ref_columns):
        problems.add(node, f"{len(fk.columns)} columns reference {len(fk.ref_columns)} columns")
        return False
    if not _is_key(target, fk.ref_columns):
        shown = ", ".join(fk.ref_columns)
        problems.add(
            node,
            f"{fk.ref_table}({shown}) is not the primary key or unique in {fk.ref_table!r}",
        )
        return False
    for mine, theirs in zip(fk.columns, fk.ref_columns, strict=True):
        a, b = draft.columns[mine], target.columns[theirs]
        if (a.type, a.enum, a.precision, a.scale) != (b.type, b.enum, b.precision, b.scale):
            problems.add(
                node,
                f"column {mine!r} ({_type_label(a)}) cannot reference "
                f"{fk.ref_table}.{theirs} ({_type_label(b)}): types differ",
            )
            return False
    for action, key in ((fk.on_delete, "on_delete"), (fk.on_update, "on_update")):
        if action is FkAction.SET_NULL and any(not draft.columns[c].nullable for c in fk.columns):
            problems.add(node, f"{key}: set_null needs nullable columns ({', '.join(fk.columns)})")
        if action is FkAction.SET_DEFAULT and any(
            not draft.columns[c].has_default for c in fk.columns
        ):
            problems.add(node, f"{key}: set_default needs a default on {', '.join(fk.columns)}")
    return True


def _is_key(target: TableDraft, columns: tuple[str, ...]) -> bool:
    """Are ``columns`` (any order) the primary key or a unique key of ``target``? Read off
    the draft, not a Table built per foreign key (each built and scanned every column)."""
    wanted = frozenset(columns)
    if wanted == frozenset(target.primary_key):
        return True
    if len(wanted) == 1 and target.columns[next(iter(wanted))].unique:
        return True
    keys = (*target.unique, *(index.columns for index in target.indexes if index.unique))
    return any(frozenset(key) == wanted for key in keys)


def _type_label(column: Column) -> str:
    if column.type is LogicalType.ENUM:
        return f"enum {column.enum}"
    if column.type is LogicalType.DECIMAL:
        return f"decimal({column.precision},{column.scale})"
    return column.type.value
