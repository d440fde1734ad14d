"""Load + validate a 200-table x 15-column schema, next to bare ``yaml.safe_load``.

Target (issue #3): the whole ``schemacog validate`` work is at most 2x the bare
``yaml.safe_load`` of the same file with PyYAML's pure-Python loader. Printed as ratios
of medians measured in this run (machines here are shared and noisy).
"""

from __future__ import annotations

import argparse
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
    return 0 if ratio <= 2.0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
