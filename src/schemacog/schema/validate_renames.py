"""``renamed_from``: the earlier names of a table, column, enum, enum value or index.

A hint is read here and checked within its scope (the tables; the columns or the indexes
of one table; the enums; the values of one enum): an earlier name must not be a name the
scope has now (that would be a swap, a chain, or a hint whose old name still exists), and
no two members may claim one earlier name. Whether a hint applies to a migration (its old
name exists in the old schema and its new name does not) is the planner's question.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from schemacog.schema.fields import Problems
from schemacog.schema.loader import MapNode, Node, ScalarNode, SeqNode

__all__ = ["KEY", "check_scope", "read_history"]

KEY = "renamed_from"


def read_history(problems: Problems, body: MapNode, name: str, what: str) -> tuple[str, ...]:
    """The earlier names in ``body``'s ``renamed_from`` (a name, or a list: the name's
    history, oldest first); ``()`` when there is none or it is wrong (said)."""
    node = body.items.get(KEY)
    if node is None:
        return ()
    items: Sequence[Node] = node.items if isinstance(node, SeqNode) else (node,)
    if isinstance(node, SeqNode) and not items:
        problems.add(node, f"{KEY} of {what} must not be empty")
    names: list[str] = []
    for item in items:
        if not isinstance(item, ScalarNode) or not isinstance(item.value, str):
            problems.add(item, f"{KEY} of {what} must be a name or a list of names")
            continue
        old = item.value
        if old == name:
            problems.add(item, f"{KEY} of {what} names {what} itself")
        elif old in names:
            problems.add(item, f"{old!r} appears twice in {KEY} of {what}")
        else:
            names.append(old)
    return tuple(names)


def check_scope(
    problems: Problems,
    scope: str,
    current: Collection[str],
    histories: Sequence[tuple[str, tuple[str, ...], MapNode]],
) -> None:
    """No earlier name of a member of ``scope`` is a ``current`` name, or another's."""
    claimed: dict[str, str] = {}
    for name, history, body in histories:
        for old in history:
            where = _item(body, old)
            if old in current:
                problems.add(
                    where,
                    f"{KEY}: {old!r} is still one of {scope}; a rename names an old name "
                    f"that is gone (to swap or chain names, use one migration per step)",
                )
            elif old in claimed:
                problems.add(
                    where, f"{KEY}: {old!r} is claimed by both {claimed[old]!r} and {name!r}"
                )
            else:
                claimed[old] = name


def _item(body: MapNode, old: str) -> Node:
    """The node of ``renamed_from`` that says ``old``."""
    node = body.items.get(KEY, body)
    if isinstance(node, SeqNode):
        return next((i for i in node.items if isinstance(i, ScalarNode) and i.value == old), node)
    return node
