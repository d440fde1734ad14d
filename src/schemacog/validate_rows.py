"""Validator part: example rows and invalid example rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from schemacog import rules
from schemacog.drafts import TableDraft
from schemacog.fields import Reader, did_you_mean
from schemacog.loader import MapNode, Node, ScalarNode
from schemacog.model import Example, InvalidExample, Table, Value
from schemacog.schema_keys import INVALID_EXAMPLE_KEYS
from schemacog.values import TypeSpec, read_value


class RowReader(Reader):
    def read_row(self, node: Node, table: Table, what: str) -> dict[str, Value] | None:
        body = self.mapping(node, what)
        if body is None:
            return None
        row: dict[str, Value] = {}
        ok = True
        names = [c.name for c in table.columns]
        for name, value_node in body.items.items():
            if name not in names:
                hint = did_you_mean(name, names)
                self.error(body.keys[name], f"unknown column {name!r} in {what}{hint}")
                ok = False
                continue
            column = table.column(name)
            if isinstance(value_node, ScalarNode) and value_node.value is None:
                row[name] = None
                continue
            spec = TypeSpec(column.type, column.precision, column.scale)
            try:
                row[name] = read_value(value_node, spec)
            except ValueError as exc:
                self.error(value_node, f"{name}: {exc}")
                ok = False
        return row if ok else None

    def read_examples(
        self, draft: TableDraft, table: Table, enums: Mapping[str, Sequence[str]]
    ) -> list[Example]:
        node = draft.node.items.get("examples")
        seq = self.sequence(node, "examples") if node is not None else None
        if seq is None:
            return []
        examples: list[Example] = []
        accepted: list[rules.Row] = []
        what = f"an example of table {draft.name!r}"
        for item in seq.items:
            values = self.read_row(item, table, what)
            if values is None:
                continue
            broken = rules.row_rules(table, values, enums)
            row = rules.effective_row(table, values)
            broken += rules.key_conflicts(table, row, accepted)
            for rule in broken:
                where = item.items.get(rule.columns[0], item) if isinstance(item, MapNode) else item
                message = f"example breaks the {rule.kind} rule of {draft.name!r}: {rule.detail}"
                self.error(where, message)
            if not broken:
                examples.append(Example(values, item.pos))
                accepted.append(row)
        return examples

    def read_invalid_examples(
        self,
        draft: TableDraft,
        table: Table,
        enums: Mapping[str, Sequence[str]],
        effective: Mapping[str, Sequence[rules.Row]],
    ) -> tuple[InvalidExample, ...]:
        node = draft.node.items.get("invalid_examples")
        seq = self.sequence(node, "invalid_examples") if node is not None else None
        if seq is None:
            return ()
        found = []
        for item in seq.items:
            body = self.mapping(item, "an invalid example")
            if body is None:
                continue
            self.keys(body, INVALID_EXAMPLE_KEYS, "an invalid example", required=("row",))
            reason = self.optional_string(body.items.get("reason"), "reason")
            if "row" not in body.items:
                continue
            values = self.read_row(
                body.items["row"], table, f"an invalid example of {draft.name!r}"
            )
            if values is None:
                continue
            row = rules.effective_row(table, values)
            broken = rules.row_rules(table, values, enums)
            broken += rules.key_conflicts(table, row, effective.get(draft.name, ()))
            broken += rules.missing_references(table, row, effective)
            if not broken:
                self.error(
                    body.items["row"], f"invalid example breaks no rule of table {draft.name!r}"
                )
                continue
            found.append(InvalidExample(values, reason, tuple(broken), item.pos))
        return tuple(found)
