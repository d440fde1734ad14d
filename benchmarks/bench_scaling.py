"""Every pass over the schema, at n and 2n tables: is the work near-linear?

Two shapes: a foreign-key chain (each table references the next: the worst case of a
first-ready scan for the creation order) and wide tables (``--columns`` columns, each
table referencing its parent, as in corpus.py). For each pass (load + validate, DDL in
every dialect, the data dictionary, the ERD, every dataclass) the time at 2n is printed
as a ratio of the time at n, both measured in this run: linear is 2x, quadratic 4x.
Target: every ratio at most 3x.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import schema_text

from schemacog.model import Schema
from schemacog.render.docs import render_dictionary, render_erd
from schemacog.render.python import render_dataclass
from schemacog.render.sql.ddl import render_ddl
from schemacog.render.sql.dialects import DIALECTS
from schemacog.schema.validate import load_schema


def chain_text(tables: int) -> str:
    lines = ["schemacog: 1", "name: chain", "tables:"]
    for n in range(tables):
        lines += [f"  t{n}:", "    columns:", "      id: {type: integer, primary_key: true}"]
        if n + 1 < tables:
            lines.append(f"      next_id: {{type: integer, references: t{n + 1}.id}}")
    return "\n".join(lines) + "\n"


def _passes(schema: Schema) -> dict[str, Callable[[], object]]:
    passes: dict[str, Callable[[], object]] = {
        f"ddl {name}": functools.partial(render_ddl, schema, name) for name in DIALECTS
    }
    passes["docs dictionary"] = lambda: render_dictionary(schema)
    passes["docs erd"] = lambda: render_erd(schema)
    passes["every dataclass"] = lambda: [render_dataclass(schema, t) for t in schema.tables]
    return passes


def measure(text: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "schema.yaml"
        path.write_text(text, encoding="utf-8")
        started = time.perf_counter()
        schema = load_schema(path)
        times = {"load + validate": time.perf_counter() - started}
    for name, work in _passes(schema).items():
        times[name] = fastest(work, 3)
    return times


def fastest(work: Callable[[], object], runs: int) -> float:
    """The least time of ``runs`` runs: the machine is shared, the least is the least noisy."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chain", type=int, default=2500, help="tables of the FK chain (n)")
    parser.add_argument("--tables", type=int, default=250, help="tables of the wide schema (n)")
    parser.add_argument("--columns", type=int, default=100)
    args = parser.parse_args()
    shapes = {
        f"FK chain, {args.chain} / {2 * args.chain} tables": (
            chain_text(args.chain),
            chain_text(2 * args.chain),
        ),
        f"wide, {args.tables} / {2 * args.tables} tables x {args.columns} columns": (
            schema_text(args.tables, args.columns),
            schema_text(2 * args.tables, args.columns),
        ),
    }
    worst = 0.0
    print("| shape | pass | n | 2n | 2n / n |")
    print("|---|---|---|---|---|")
    for shape, (small, large) in shapes.items():
        at_n, at_2n = measure(small), measure(large)
        for name, seconds in at_n.items():
            ratio = at_2n[name] / max(seconds, 1e-6)
            worst = max(worst, ratio) if seconds > 0.05 else worst  # too short to compare
            print(f"| {shape} | {name} | {seconds:.2f} s | {at_2n[name]:.2f} s | {ratio:.2f}x |")
    print(f"worst ratio of passes over 0.05 s: {worst:.2f}x (target <= 3x; linear is 2x)")
    return 0 if worst <= 3 else 1


if __name__ == "__main__":
    raise SystemExit(main())
