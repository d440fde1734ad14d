"""Example rows and invalid example rows, checked against every rule of their table.

They come last: an example's foreign keys are checked against the other tables' rows.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence

from schemacog.model import BrokenRule, Example, InvalidExample, Table, Value
from schemacog.schema import fields, rules
from schemacog.schema.drafts import TableDraft
from schemacog.schema.fields import Problems, did_you_mean
from schemacog.schema.keys import INVALID_EXAMPLE_KEYS
from schemacog.schema.loader import MapNode, Node, ScalarNode, SeqNode
from schemacog.schema.values import TypeSpec, read_value

__all__ = ["with_rows"]


def with_rows(
    problems: Problems,
    drafts: Sequence[TableDraft],
    tables: Sequence[Table],
    readable: Collection[str],
    enums: Mapping[str, Sequence[str]],
) -> tuple[Table, ...]:
    """``tables`` (one per draft) with their examples; rows are read for ``readable`` ones."""
    examples: dict[str, list[Example]] = {}
    # every example row read, also one that breaks a rule (it is still a row of the file,
    # which a key may name and a second row may repeat)
    effective: dict[str, rules.Keys] = {}
    incomplete: set[str] = set()  # tables with an example that could not be read
    for draft, table in zip(drafts, tables, strict=True):
        examples[draft.name], effective[draft.name] = [], rules.Keys()
        if draft.name not in readable:
            incomplete.add(draft.name)
            _unknown_names(problems, draft)  # a name no column has is wrong whatever else is
            continue
        unread = _read_examples(
            problems, draft, table, enums, examples=examples[draft.name], rows=effective[draft.name]
        )
        if unread:
            incomplete.add(draft.name)
    finished = []
    for draft, table in zip(drafts, tables, strict=True):
        for example in examples[draft.name]:  # a row that broke a rule is said once
            row = rules.effective_row(table, example.values)
            for broken in _missing_references(table, row, effective, incomplete):
                problems.add(example.pos, f"example breaks its foreign key: {broken.detail}")
        invalid = (
            _read_invalid_examples(problems, draft, table, enums, effective, incomplete=incomplete)
            if draft.name in readable
            else ()
        )
        finished.append(
            dataclasses.replace(
                table, examples=tuple(examples[draft.name]), invalid_examples=invalid
            )
        )
    return tuple(finished)


def _rule_named(table: str, rule: BrokenRule) -> str:
    """``min of invoice_line.quantity``, ``unique of t(a, b)``, ``check late of t``."""
    if rule.check is not None:
        return f"check {rule.check} of {table}"
    if len(rule.columns) == 1:
        return f"{rule.kind} of {table}.{rule.columns[0]}"
    return f"{rule.kind} of {table}({', '.join(rule.columns)})"


def _missing_references(
    table: Table,
    row: rules.Row,
    effective: Mapping[str, rules.Keys],
    incomplete: Collection[str],
) -> list[BrokenRule]:
    """The foreign keys ``row`` breaks, but none into a table whose examples were not all
    read: the row it names may be one of those (its problem is said already)."""
    found = rules.missing_references(table, row, effective)
    by_columns = {fk.columns: fk for fk in table.foreign_keys}
    return [b for b in found if by_columns[b.columns].ref_table not in incomplete]


def _unknown_names(problems: Problems, draft: TableDraft) -> None:
    """The column names of the rows of a table whose rows are not read otherwise (a
    problem of the table would only repeat in them) that no column of it is written with."""
    written_node = draft.node.items.get("columns")
    written = list(written_node.items) if isinstance(written_node, MapNode) else []
    if not written:
        return
    examples, invalid = (draft.node.items.get(key) for key in ("examples", "invalid_examples"))
    rows = [(item, _example_label(draft.name)) for item in _items(examples)]
    rows += [
        (item.items.get("row", item), _invalid_label(draft.name))
        for item in _items(invalid)
        if isinstance(item, MapNode)
    ]
    for row, label in rows:
        if isinstance(row, MapNode):
            for name in row.items:
                if name not in written:
                    _unknown_column(problems, row, name, written, label)


def _items(node: Node | None) -> list[Node]:
    return node.items if isinstance(node, SeqNode) else []


def _example_label(table: str) -> str:
    return f"an example of table {table!r}"


def _invalid_label(table: str) -> str:
    return f"an invalid example of {table!r}"


def _unknown_column(
    problems: Problems, row: MapNode, name: str, names: list[str], what: str
) -> None:
    problems.add(row.keys[name], f"unknown column {name!r} in {what}{did_you_mean(name, names)}")


def _read_row(problems: Problems, node: Node, table: Table, what: str) -> dict[str, Value] | None:
    body = fields.mapping(problems, node, what)
    if body is None:
        return None
    row: dict[str, Value] = {}
    ok = True
    names = [c.name for c in table.columns]
    for name, value_node in body.items.items():
        if name not in names:
            _unknown_column(problems, body, name, names, what)
            ok = False
            continue
        column = table.column(name)
        if isinstance(value_node, ScalarNode) and value_node.value is None:
            row[name] = None
            continue
        spec = TypeSpec(column.type)  # digits are a rule (rules.SCALE), not a type error
        try:
            row[name] = read_value(value_node, spec)
        except ValueError as exc:
            problems.add(value_node, f"{name}: {exc}")
            ok = False
    return row if ok else None


def _read_examples(
    problems: Problems,
    draft: TableDraft,
    table: Table,
    enums: Mapping[str, Sequence[str]],
    *,
    examples: list[Example],
    rows: rules.Keys,
) -> bool:
    """Add the table's examples that break no rule to ``examples`` and every row read to
    ``rows``; True when some example could not be read at all."""
    node = draft.node.items.get("examples")
    seq = fields.sequence(problems, node, "examples") if node is not None else None
    if seq is None:
        return node is not None
    unread = False
    what = _example_label(draft.name)
    for item in seq.items:
        values = _read_row(problems, item, table, what)
        if values is None:
            unread = True
            continue
        broken = rules.row_rules(table, values, enums)
        row = rules.effective_row(table, values)
        broken += rules.key_conflicts(table, row, rows)
        for rule in broken:
            where = item.items.get(rule.columns[0], item) if isinstance(item, MapNode) else item
            message = f"example breaks {_rule_named(draft.name, rule)}: {rule.detail}"
            problems.add(where, message)
        if not broken:
            examples.append(Example(values, item.pos))
        rows.add(row)
    return unread


def _read_invalid_examples(
    problems: Problems,
    draft: TableDraft,
    table: Table,
    enums: Mapping[str, Sequence[str]],
    effective: Mapping[str, rules.Keys],
    *,
    incomplete: Collection[str],
) -> tuple[InvalidExample, ...]:
    node = draft.node.items.get("invalid_examples")
    seq = fields.sequence(problems, node, "invalid_examples") if node is not None else None
    if seq is None:
        return ()
    found = []
    for item in seq.items:
        body = fields.mapping(problems, item, "an invalid example")
        if body is None:
            continue
        fields.check_keys(
            problems, body, INVALID_EXAMPLE_KEYS, "an invalid example", required=("row",)
        )
        reason = fields.optional_string(problems, body.items.get("reason"), "reason")
        if "row" not in body.items:
            continue
        row_node = body.items["row"]
        values = _read_row(problems, row_node, table, _invalid_label(draft.name))
        if values is None:
            continue
        row = rules.effective_row(table, values)
        broken = rules.row_rules(table, values, enums)
        broken += rules.key_conflicts(table, row, effective.get(draft.name, rules.Keys()))
        broken += _missing_references(table, row, effective, incomplete)
        if not broken:
            # else the row it names may be one that was not read, or the check it breaks
            unknown = any(fk.ref_table in incomplete for fk in table.foreign_keys)
            if not unknown and draft.checks_read:
                problems.add(row_node, f"invalid example breaks no rule of table {draft.name!r}")
            continue
        found.append(InvalidExample(values, reason, tuple(broken), item.pos))
    return tuple(found)
