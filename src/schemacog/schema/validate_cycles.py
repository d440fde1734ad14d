"""Foreign-key cycles that no row can enter: every column NOT NULL, no edge deferrable.

Such a cycle (a table referencing itself counts) validates key by key, but the first
row of it can never be inserted: the row it names does not exist yet. It is an error
at the cycle's first foreign key, naming the cycle and the two ways out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from schemacog.model import ForeignKey
from schemacog.schema.drafts import TableDraft
from schemacog.schema.fields import Problems

__all__ = ["check_cycles"]


def check_cycles(
    problems: Problems,
    drafts: Sequence[TableDraft],
    foreign_keys: Mapping[str, Sequence[ForeignKey]],
) -> None:
    """Report each cycle of foreign keys whose columns are all NOT NULL and none deferrable
    (two cycles through one table are two errors)."""
    hard: dict[str, list[ForeignKey]] = {}
    for draft in drafts:
        hard[draft.name] = [
            fk
            for fk in foreign_keys[draft.name]
            if not fk.deferrable
            and fk.ref_table in foreign_keys
            and all(not draft.columns[c].nullable for c in fk.columns)
        ]
    order = [d.name for d in drafts]
    while cycles := _cycles(hard, order):  # each round takes an edge out of each cycle
        for cycle in cycles:
            first = min(cycle, key=lambda pair: (pair[1].pos.line, pair[1].pos.col))
            _report(problems, cycle, first[1])
            hard[first[0]] = [fk for fk in hard[first[0]] if fk is not first[1]]


def _report(problems: Problems, cycle: Sequence[tuple[str, ForeignKey]], first: ForeignKey) -> None:
    """The error of one cycle, at its first foreign key in the file."""
    named = ", ".join(f"{t}({', '.join(fk.columns)}) -> {fk.ref_table}" for t, fk in cycle)
    if len(cycle) == 1:
        message = (
            f"the foreign key {named} names its own table with NOT NULL columns, so its "
            "first row cannot be inserted; make it deferrable: true (checked at commit), "
            "or its columns nullable"
        )
    else:
        message = (
            f"the foreign keys {named} form a cycle of NOT NULL columns, so no row of it "
            "can be inserted first; make one of them deferrable: true (checked at "
            "commit), or its columns nullable"
        )
    problems.add(first.pos, message)


def _cycles(
    hard: Mapping[str, Sequence[ForeignKey]], order: Sequence[str]
) -> list[list[tuple[str, ForeignKey]]]:
    """One cycle (its edges in order) per strongly connected group of tables, file order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(start: str) -> None:  # Tarjan's, iterative: no recursion limit
        work = [(start, 0)]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edge = work.pop()
            edges = hard[node]
            if edge < len(edges):
                work.append((node, edge + 1))
                target = edges[edge].ref_table
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                groups.append(group)

    for name in order:
        if name not in index:
            visit(name)
    cycles = []
    for group in groups:
        members = set(group)
        loops = [fk for fk in hard[group[0]] if fk.ref_table == group[0]]
        if len(group) == 1 and not loops:
            continue
        if len(group) == 1:
            cycles.append([(group[0], loops[0])])
            continue
        cycles.append(_path(hard, members, min(members, key=order.index)))
    return cycles


def _path(
    hard: Mapping[str, Sequence[ForeignKey]], members: set[str], start: str
) -> list[tuple[str, ForeignKey]]:
    """A cycle through ``start`` within ``members`` (breadth first: the shortest)."""
    previous: dict[str, tuple[str, ForeignKey]] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for fk in hard[node]:
                target = fk.ref_table
                if target not in members:
                    continue
                if target == start:
                    edges, at = [(node, fk)], node
                    while at != start:
                        at, edge = previous[at]
                        edges.append((at, edge))
                    return edges[::-1]
                if target not in previous:
                    previous[target] = (node, fk)
                    following.append(target)
        frontier = following
    raise AssertionError("a strongly connected group has a cycle")
