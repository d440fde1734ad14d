"""Import a 200-table database (SQLite, made from the corpus schema's DDL), next to
loading, validating and rendering the DDL of that schema.

Import confirms every reading by rendering it (a probe schema per column candidate), so
it costs a multiple of one load + render; this prints that multiple as a ratio of
medians measured in this run (machines differ by 2x; ratios do not). No target is set by
the issue; the figure is tracked so that a change that makes import quadratic shows.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_migrate import median_seconds
from corpus import schema_text

from schemacog.db.catalog import read_catalog
from schemacog.importing.build import Imported, import_catalog
from schemacog.render.sql.ddl import render_ddl
from schemacog.schema.validate import load_schema


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tables", type=int, default=200)
    parser.add_argument("--columns", type=int, default=15)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "schema.yaml"
        path.write_text(schema_text(args.tables, args.columns), encoding="utf-8")
        database = Path(folder) / "bench.db"
        connection = sqlite3.connect(database)
        connection.executescript(render_ddl(load_schema(path), "sqlite"))

        def load_and_render() -> object:
            return render_ddl(load_schema(path), "sqlite")

        def imported() -> Imported:
            return import_catalog("sqlite", read_catalog("sqlite", connection), "bench")

        result = imported()  # warm imports and caches once, as a CLI run has them
        assert not result.losses, result.losses[:3]
        baseline = median_seconds(load_and_render, args.runs)
        importing = median_seconds(imported, args.runs)
        connection.close()
    print(
        f"{args.tables} tables x {args.columns} columns, sqlite: median of {args.runs} runs, "
        f"{os.cpu_count()} cores"
    )
    print(f"  load + validate + render DDL (baseline)  {baseline * 1000:8.1f} ms  1.00x")
    print(
        f"  import (catalog, readings, comparison)   {importing * 1000:8.1f} ms  "
        f"{importing / baseline:5.2f}x"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
