"""Plan a migration between two 200-table schemas that differ in 20 places, next to
loading and validating both.

Target (issue #18): planning (pairing, guards, the plan and the script of one dialect)
takes at most 2x the load + validate of OLD and NEW. The 20 edits: 8 new nullable
columns, 4 declared column renames, 4 new indexes, 2 wider integers, 2 longer strings.
Printed as ratios of medians measured in this run.
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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import schema_text

from schemacog.migrate.guards import guards, refusals
from schemacog.migrate.matching import match
from schemacog.migrate.plan import plan
from schemacog.migrate.script import sql_script
from schemacog.schema.validate import load_schema


def median_seconds(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def edited(text: str, tables: int) -> str:
    """``text`` with 20 edits spread over its tables."""
    step = max(tables // 20, 1)
    chosen = [f"table_{t}" for t in range(1, tables, step)][:20]
    lines = text.split("\n")
    for number, table in enumerate(chosen):
        at = lines.index(f"  {table}:") + 3  # the line after `id`
        if number < 8:
            lines.insert(at, "      added_note: {type: text, nullable: true}")
        elif number < 12:
            start = lines.index(f"  {table}:")
            for index in range(start, len(lines)):
                if lines[index].startswith("      col_2: "):
                    lines[index] = lines[index].replace("col_2:", "col_2_renamed:", 1)
                    lines[index] = lines[index].replace("{type:", "{renamed_from: col_2, type:")
                    break
            examples = next(i for i in range(start, len(lines)) if "examples:" in lines[i])
            lines[examples + 1] = lines[examples + 1].replace("col_2:", "col_2_renamed:")
        elif number < 16:
            indexes = next(
                i for i in range(lines.index(f"  {table}:"), len(lines)) if "indexes:" in lines[i]
            )
            lines.insert(indexes + 1, "      - {columns: [col_1]}")
        elif number < 18:
            start = lines.index(f"  {table}:")
            index = next(i for i in range(start, len(lines)) if lines[i].startswith("      col_3:"))
            lines[index] = lines[index].replace("type: smallint", "type: integer")
        else:
            start = lines.index(f"  {table}:")
            index = next(i for i in range(start, len(lines)) if lines[i].startswith("      col_0:"))
            lines[index] = lines[index].replace("max_length: 80", "max_length: 120")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tables", type=int, default=200)
    parser.add_argument("--columns", type=int, default=15)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dialect", default="postgres")
    args = parser.parse_args()
    old_text = schema_text(args.tables, args.columns)
    new_text = edited(old_text, args.tables)
    with tempfile.TemporaryDirectory() as folder:
        old_path, new_path = Path(folder) / "old.yaml", Path(folder) / "new.yaml"
        old_path.write_text(old_text, encoding="utf-8")
        new_path.write_text(new_text, encoding="utf-8")
        old, new = load_schema(old_path), load_schema(new_path)

        def load_both() -> object:
            return load_schema(old_path), load_schema(new_path)

        def planned() -> str:
            found = match(old, new)
            assert not refusals(found)
            guards(found)
            return sql_script(plan(found, args.dialect), old, new)

        script = planned()  # warm imports and caches once, as a CLI run has them
        changed = sum(line.startswith("-- ") and ": " in line for line in script.split("\n"))
        baseline = median_seconds(load_both, args.runs)
        planning = median_seconds(planned, args.runs)
    print(
        f"{args.tables} tables x {args.columns} columns, 20 edits, {args.dialect}: "
        f"{changed} commented steps, median of {args.runs} runs, {os.cpu_count()} cores"
    )
    print(f"  load + validate OLD and NEW (baseline)   {baseline * 1000:8.1f} ms  1.00x")
    print(
        f"  plan (pair, guards, plan, script)        {planning * 1000:8.1f} ms  "
        f"{planning / baseline:5.2f}x"
    )
    ratio = planning / baseline
    verdict = "meets" if ratio <= 2.0 else "MISSES"
    print(f"plan / load + validate = {ratio:.2f}x ({verdict} the 2x target)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
