"""Foreign-key creation order: the same order as the first-ready scan it replaced, in
near-linear work (Kahn's algorithm with heaps), on any graph of tables."""

from __future__ import annotations

import time

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from schemacog.errors import SchemacogError
from schemacog.model import ForeignKey, Schema, Table
from schemacog.render.sql.ddl import _break_rank, creation_order, render_ddl
from schemacog.render.sql.dialects import DIALECTS, Dialect
from schemacog.schema.validate import load_schema_text


def _scan_order(schema: Schema, dialect: Dialect) -> tuple[list[str], dict[str, list[str]]]:
    """The order as it was computed before (quadratic): the first ready table in file
    order, else the best place to break a cycle."""
    remaining = list(schema.tables)
    placed: set[str] = set()
    order: list[Table] = []
    deferred: dict[str, list[ForeignKey]] = {}
    while remaining:
        ready = next(
            (
                t
                for t in remaining
                if all(fk.ref_table in placed or fk.ref_table == t.name for fk in t.foreign_keys)
            ),
            None,
        )
        if ready is None:
            ready = min(remaining, key=lambda t: _break_rank(t, placed))
            if not dialect.forward_references:
                deferred[ready.name] = [
                    fk
                    for fk in ready.foreign_keys
                    if fk.ref_table not in placed and fk.ref_table != ready.name
                ]
        order.append(ready)
        placed.add(ready.name)
        remaining.remove(ready)
    return [t.name for t in order], {k: [fk.ref_table for fk in v] for k, v in deferred.items()}


EDGE = st.tuples(st.integers(0, 7), st.sampled_from(["", "nullable: true, ", "deferrable: true, "]))


def _schema_text(edges: list[list[tuple[int, str]]]) -> str:
    lines = ["schemacog: 1", "name: g", "tables:"]
    for number, refs in enumerate(edges):
        lines += [f"  t{number}:", "    columns:", "      id: {type: integer, primary_key: true}"]
        for k, (target, flags) in enumerate(refs):
            ref = f"t{target % len(edges)}.id"
            lines.append(f"      r{k}: {{type: integer, {flags}references: {ref}}}")
    return "\n".join(lines) + "\n"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(EDGE, max_size=3), min_size=1, max_size=8))
def test_order_is_the_order_of_the_scan_it_replaced(edges: list[list[tuple[int, str]]]) -> None:
    try:
        schema = load_schema_text(_schema_text(edges))
    except SchemacogError:
        assume(False)
        return
    for dialect in DIALECTS.values():
        order, deferred = creation_order(schema, dialect)
        names = [t.name for t in order]
        refs = {k: [fk.ref_table for fk in v] for k, v in deferred.items()}
        assert (names, refs) == _scan_order(schema, dialect)


def _chain(tables: int) -> Schema:
    """``tables`` tables, each referencing the next one: the worst case of the scan
    (the only ready table is always the last one left)."""
    lines = ["schemacog: 1", "name: chain", "tables:"]
    for n in range(tables):
        lines += [f"  t{n}:", "    columns:", "      id: {type: integer, primary_key: true}"]
        if n + 1 < tables:
            lines.append(f"      next_id: {{type: integer, references: t{n + 1}.id}}")
    return load_schema_text("\n".join(lines) + "\n")


def test_a_10000_table_foreign_key_chain_renders_in_bounded_time() -> None:
    """A generous bound: the scan took 114 s on this chain; the heaps take well under 1 s."""
    schema = _chain(10_000)
    started = time.perf_counter()
    order, _ = creation_order(schema, DIALECTS["postgres"])
    ordered = time.perf_counter() - started
    assert [t.name for t in order] == [f"t{n}" for n in reversed(range(10_000))]
    assert ordered < 5, ordered
    started = time.perf_counter()
    ddl = render_ddl(schema, "postgres")
    assert time.perf_counter() - started < 60
    assert ddl.index("CREATE TABLE t9999 (") < ddl.index("CREATE TABLE t0 (")
