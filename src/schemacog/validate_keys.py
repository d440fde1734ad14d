"""Validator part: primary keys, unique constraints, indexes and foreign keys."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from schemacog.drafts import TableDraft
from schemacog.fields import Reader, did_you_mean
from schemacog.loader import MapNode, Node
from schemacog.model import Column, FkAction, ForeignKey, Index, LogicalType
from schemacog.schema_keys import FOREIGN_KEY_KEYS, INDEX_KEYS, REFERENCE_KEYS


class KeyReader(Reader):
    def read_primary_key(self, draft: TableDraft, body: MapNode) -> None:
        flagged = [c.name for c in draft.columns.values() if c.primary_key]
        if "primary_key" not in body.items:
            if len(flagged) > 1:
                node = draft.column_nodes[flagged[1]]
                self.error(
                    node.keys["primary_key"],
                    f"several columns say primary_key; write a composite key as "
                    f"table-level primary_key: [{', '.join(flagged)}]",
                )
            draft.primary_key = tuple(flagged)
        else:
            self.read_table_primary_key(draft, body, flagged)
        for column in draft.columns.values():
            if column.identity and draft.primary_key != (column.name,):
                self.error(
                    draft.column_nodes[column.name].items["identity"],
                    "an identity column must be the table's whole primary key",
                )

    def read_table_primary_key(self, draft: TableDraft, body: MapNode, flagged: list[str]) -> None:
        node = body.items["primary_key"]
        if flagged:
            self.error(
                body.keys["primary_key"],
                f"primary key given twice: on column {flagged[0]!r} and at table level",
            )
        names = self.name_list(node, "primary_key", draft.columns, f"table {draft.name!r}")
        if names is None:
            draft.ok = False
            return
        for name in names:
            column = draft.columns[name]
            if column.nullable:
                self.error(node, f"primary key column {name!r} cannot be nullable")
            draft.columns[name] = dataclasses.replace(column, primary_key=True)
        draft.primary_key = names

    def read_unique(self, draft: TableDraft, body: MapNode) -> None:
        if "unique" not in body.items:
            return
        seq = self.sequence(body.items["unique"], "unique")
        if seq is None:
            return
        seen = {frozenset(draft.primary_key): "the primary key"} if draft.primary_key else {}
        for column in draft.columns.values():
            if column.unique:
                seen[frozenset((column.name,))] = f"column {column.name!r} (unique: true)"
        keys: list[tuple[str, ...]] = []
        owner = f"table {draft.name!r}"
        for item in seq.items:
            names = self.name_list(item, "a unique constraint", draft.columns, owner)
            if names is None:
                continue
            if frozenset(names) in seen:
                twin = seen[frozenset(names)]
                self.error(item, f"unique constraint ({', '.join(names)}) repeats {twin}")
                continue
            seen[frozenset(names)] = "an earlier unique constraint"
            keys.append(names)
        draft.unique = tuple(keys)

    def read_indexes(self, draft: TableDraft, body: MapNode) -> None:
        if "indexes" not in body.items:
            return
        seq = self.sequence(body.items["indexes"], "indexes")
        if seq is None:
            return
        indexes = []
        for item in seq.items:
            index = self.mapping(item, "an index")
            if index is None:
                continue
            self.keys(index, INDEX_KEYS, "an index", required=("columns",))
            owner = f"table {draft.name!r}"
            columns = (
                self.name_list(index.items["columns"], "index columns", draft.columns, owner)
                if "columns" in index.items
                else None
            )
            unique = (
                self.boolean(index.items["unique"], "unique") if "unique" in index.items else False
            )
            name = (
                self.identifier(index.items["name"], "index name")
                if "name" in index.items
                else None
            )
            if columns is not None and unique is not None:
                indexes.append(Index(columns, unique, name, index.pos))
        draft.indexes = tuple(indexes)

    # --- foreign keys -------------------------------------------------------------

    def read_foreign_keys(self, draft: TableDraft, tables: Mapping[str, TableDraft]) -> None:
        problems_before = len(self.problems)
        self.read_column_foreign_keys(draft, tables)
        if "foreign_keys" in draft.node.items:
            self.read_table_foreign_keys(draft, draft.node.items["foreign_keys"], tables)
        if len(self.problems) > problems_before:
            draft.ok = False  # its example rows would only repeat the problem

    def read_column_foreign_keys(self, draft: TableDraft, tables: Mapping[str, TableDraft]) -> None:
        for name in draft.columns:
            body = draft.column_nodes[name]
            if "references" not in body.items:
                continue
            node = body.items["references"]
            text = self.string(node, "references")
            if text is None:
                continue
            target, _, ref_column = text.partition(".")
            if not target or not ref_column or "." in ref_column:
                self.error(node, f"references must be 'table.column', found {text!r}")
                continue
            actions = self.actions(body)
            if actions is None:
                continue
            fk = ForeignKey((name,), target, (ref_column,), *actions, inline=True, pos=node.pos)
            self.resolve_foreign_key(draft, fk, node, tables)

    def read_table_foreign_keys(
        self, draft: TableDraft, node: Node, tables: Mapping[str, TableDraft]
    ) -> None:
        seq = self.sequence(node, "foreign_keys")
        if seq is None:
            return
        owner = f"table {draft.name!r}"
        for item in seq.items:
            body = self.mapping(item, "a foreign key")
            if body is None:
                continue
            self.keys(body, FOREIGN_KEY_KEYS, "a foreign key", required=("columns", "references"))
            columns = (
                self.name_list(body.items["columns"], "foreign key columns", draft.columns, owner)
                if "columns" in body.items
                else None
            )
            ref = (
                self.mapping(body.items["references"], "references")
                if "references" in body.items
                else None
            )
            actions = self.actions(body)
            if columns is None or ref is None or actions is None:
                continue
            if not self.keys(ref, REFERENCE_KEYS, "references", required=REFERENCE_KEYS):
                continue
            target = self.string(ref.items["table"], "references table")
            ref_columns = self.name_list(ref.items["columns"], "references columns")
            if target is None or ref_columns is None:
                continue
            fk = ForeignKey(columns, target, ref_columns, *actions, inline=False, pos=item.pos)
            self.resolve_foreign_key(draft, fk, ref.items["columns"], tables, ref.items["table"])

    def actions(self, body: MapNode) -> tuple[FkAction, FkAction] | None:
        found = []
        for key in ("on_delete", "on_update"):
            if key not in body.items:
                found.append(FkAction.NO_ACTION)
                continue
            text = self.string(body.items[key], key)
            if text is None:
                return None
            try:
                found.append(FkAction(text))
            except ValueError:
                names = [a.value for a in FkAction]
                hint = did_you_mean(text, names) or f"; one of {', '.join(names)}"
                self.error(body.items[key], f"unknown {key} action {text!r}{hint}")
                return None
        return found[0], found[1]

    def resolve_foreign_key(
        self,
        draft: TableDraft,
        fk: ForeignKey,
        node: Node,
        tables: Mapping[str, TableDraft],
        table_node: Node | None = None,
    ) -> None:
        problems_before = len(self.problems)
        self.check_foreign_key(draft, fk, node, tables, table_node)
        if len(self.problems) == problems_before:
            draft.foreign_keys.append((fk, node))

    def check_foreign_key(
        self,
        draft: TableDraft,
        fk: ForeignKey,
        node: Node,
        tables: Mapping[str, TableDraft],
        table_node: Node | None,
    ) -> None:
        target = tables.get(fk.ref_table)
        if target is None:
            hint = did_you_mean(fk.ref_table, tables)
            self.error(table_node or node, f"references unknown table {fk.ref_table!r}{hint}")
            return
        missing = [c for c in fk.ref_columns if c not in target.columns]
        if missing:
            hint = did_you_mean(missing[0], target.columns)
            self.error(node, f"references unknown column {fk.ref_table}.{missing[0]}{hint}")
            return
        if len(fk.columns) != len(fk.ref_columns):
            self.error(node, f"{len(fk.columns)} columns reference {len(fk.ref_columns)} columns")
            return
        keys = [frozenset(target.primary_key)] + [frozenset(k) for k in target.table().unique_keys]
        if frozenset(fk.ref_columns) not in keys:
            shown = ", ".join(fk.ref_columns)
            self.error(
                node,
                f"{fk.ref_table}({shown}) is not the primary key or unique in {fk.ref_table!r}",
            )
            return
        for mine, theirs in zip(fk.columns, fk.ref_columns, strict=True):
            a, b = draft.columns[mine], target.columns[theirs]
            if (a.type, a.enum, a.precision, a.scale) != (b.type, b.enum, b.precision, b.scale):
                self.error(
                    node,
                    f"column {mine!r} ({_type_label(a)}) cannot reference "
                    f"{fk.ref_table}.{theirs} ({_type_label(b)}): types differ",
                )
                return
        for action, key in ((fk.on_delete, "on_delete"), (fk.on_update, "on_update")):
            if action is FkAction.SET_NULL and any(
                not draft.columns[c].nullable for c in fk.columns
            ):
                self.error(
                    node, f"{key}: set_null needs nullable columns ({', '.join(fk.columns)})"
                )
            if action is FkAction.SET_DEFAULT and any(
                not draft.columns[c].has_default for c in fk.columns
            ):
                self.error(node, f"{key}: set_default needs a default on {', '.join(fk.columns)}")


def _type_label(column: Column) -> str:
    if column.type is LogicalType.ENUM:
        return f"enum {column.enum}"
    if column.type is LogicalType.DECIMAL:
        return f"decimal({column.precision},{column.scale})"
    return column.type.value
