"""Load + validate a 200-table x 15-column schema, next to bare ``yaml.safe_load``.

Target (issue #3): the whole ``schemacog validate`` work is at most 2x the bare
``yaml.safe_load`` of the same file with PyYAML's pure-Python loader. Printed as ratios
of medians measured in this run (machines here are shared and noisy).

Then example rows: a parent and a child table (a composite key, a foreign key) with n
and 4n examples. Keys and foreign keys are checked through hashed indexes, so 4x the
rows must cost at most 6x the time (linear is 4x; the quadratic scan it replaced was
16x, and 136 s for the 15,600 rows of the Chinook sample database).
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import schema_text

from schemacog.schema.validate import load_schema


def median_seconds(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tables", type=int, default=200)
    parser.add_argument("--columns", type=int, default=15)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rows", type=int, default=2000, help="example rows per table")
    args = parser.parse_args()
    text = schema_text(args.tables, args.columns)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.yaml"
        path.write_text(text, encoding="utf-8")

        def pure() -> object:
            return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)

        def fast() -> object:
            return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

        def validate() -> object:
            return load_schema(path)

        validate()  # warm imports and caches once, as a CLI run has them
        rows = [
            ("yaml.safe_load, pure-Python loader (baseline)", median_seconds(pure, args.runs)),
            ("yaml.load, C loader", median_seconds(fast, args.runs)),
            ("schemacog load + validate", median_seconds(validate, args.runs)),
        ]
    baseline = rows[0][1]
    print(
        f"{args.tables} tables x {args.columns} columns, {len(text) / 1024:.0f} KiB, "
        f"median of {args.runs} runs, {os.cpu_count()} cores"
    )
    for name, seconds in rows:
        print(f"  {name:<48} {seconds * 1000:8.1f} ms  {seconds / baseline:5.2f}x")
    ratio = rows[2][1] / baseline
    verdict = "meets" if ratio <= 2.0 else "MISSES"
    print(f"validate / pure safe_load = {ratio:.2f}x ({verdict} the 2x target)")
    growth = _example_rows_growth(args.rows, args.runs)
    return 0 if ratio <= 2.0 and growth <= 6.0 else 1


def examples_text(rows: int) -> str:
    """A parent table and a child with ``rows`` examples each: a composite primary key,
    a unique key and a foreign key to check on every row."""
    lines = ["schemacog: 1", "name: rows", "tables:", "  parent:", "    columns:"]
    lines += [
        "      id: {type: integer, primary_key: true}",
        "      code: {type: string, unique: true}",
    ]
    lines.append("    examples:")
    lines += [f"      - {{id: {i}, code: c{i}}}" for i in range(rows)]
    lines += ["  child:", "    columns:", "      parent_id: {type: integer, references: parent.id}"]
    lines += [
        "      n: {type: integer, min: 0}",
        "    primary_key: [parent_id, n]",
        "    examples:",
    ]
    lines += [f"      - {{parent_id: {i}, n: {i % 7}}}" for i in range(rows)]
    return "\n".join(lines) + "\n"


def _example_rows_growth(rows: int, runs: int) -> float:
    seconds = {}
    with tempfile.TemporaryDirectory() as folder:
        for count in (rows, 4 * rows):
            path = Path(folder) / f"rows_{count}.yaml"
            path.write_text(examples_text(count), encoding="utf-8")
            seconds[count] = median_seconds(functools.partial(load_schema, path), runs)
            print(f"  {2 * count:>6} example rows: load + validate {seconds[count] * 1000:8.1f} ms")
    growth = seconds[4 * rows] / seconds[rows]
    verdict = "meets" if growth <= 6.0 else "MISSES"
    print(f"4x the example rows = {growth:.2f}x the time ({verdict} the 6x target; linear is 4x)")
    return growth


if __name__ == "__main__":
    raise SystemExit(main())
