"""The messy CSV samples in schema/raw/ through the repo's own generated cleaners
(generated/python/shop_cleaning.py), and the accepted records through the generated DDL
into all four engines.

The oracle is tests/messy_csv.py: it injected each fault and wrote down what the cleaner
must say of that row, exactly.
"""

from __future__ import annotations

import csv
import dataclasses
import subprocess
import sys
from typing import Any

import messy_csv
import pytest
from conftest import ROOT
from goldens import load_module, real_engine

from schemacog.naming import field_name
from schemacog.schema.validate import load_schema

SCHEMA = load_schema(ROOT / "schema" / "shop.yaml", "schema/shop.yaml")


cleaning = load_module(ROOT / "generated" / "python" / "shop_cleaning.py", "shop_cleaning")
TABLES = sorted(messy_csv.SAMPLES)


def _read(table: str) -> list[dict[str, str]]:
    with (messy_csv.RAW_DIR / f"{table}.csv").open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("table", TABLES)
def test_samples_are_what_the_generator_writes(table: str) -> None:
    text = (messy_csv.RAW_DIR / f"{table}.csv").read_text(encoding="utf-8")
    assert text == messy_csv.SAMPLES[table]().csv_text(), "run python tests/messy_csv.py"


@pytest.mark.parametrize("table", TABLES)
def test_each_row_gets_exactly_the_messages_of_its_fault(table: str) -> None:
    clean = getattr(cleaning, f"clean_{table}")
    expected = messy_csv.SAMPLES[table]().expected
    for index, (row, wanted) in enumerate(zip(_read(table), expected, strict=True)):
        record, messages = clean(row)
        assert (record is not None, messages) == (wanted.accepted, wanted.messages), (index, row)


@pytest.mark.parametrize(
    ("table", "counts"),
    [("signup_import", (250, 50)), ("stock_count", (180, 60))],
)
def test_rows_accepted_and_rejected_exactly(table: str, counts: tuple[int, int]) -> None:
    sample = messy_csv.SAMPLES[table]()
    accepted, rejected = getattr(cleaning, f"clean_{table}_rows")(_read(table))
    want = []
    for index, outcome in enumerate(sample.expected):
        if not outcome.accepted:
            want.append((index, outcome.messages))
        elif outcome.duplicate_of is not None:
            message, first = outcome.duplicate_of
            want.append((index, [*outcome.messages, f"{message} {first}"]))
    assert rejected == want
    assert (len(accepted), len(rejected)) == counts
    kinds = {m.split(": ", 1)[1].split(" ", 1)[0] for _, ms in rejected for m in ms}
    assert len(kinds) >= 5, "the sample exercises several kinds of fault"


@pytest.mark.parametrize("dialect", ["sqlite", "duckdb", "postgres", "mariadb"])
def test_accepted_records_load_into_every_engine(dialect: str) -> None:
    engine = real_engine(dialect)
    try:
        ddl = ROOT / "generated" / "sql" / dialect / "schema.sql"
        engine.run_script(ddl.read_text(encoding="utf-8"))
        for table in TABLES:
            accepted, _ = getattr(cleaning, f"clean_{table}_rows")(_read(table))
            model = SCHEMA.table(table)
            validate = getattr(cleaning, f"validate_{table}")
            for record in accepted:
                row: dict[str, Any] = {
                    c.name: getattr(record, field_name(c.name)) for c in model.columns
                }
                assert validate(row) == []
                assert engine.insert(model, row) is None, (dialect, row)
    finally:
        engine.close()


def test_pandas_reads_the_sample_with_the_generated_dtypes() -> None:
    import pandas as pd  # type: ignore[import-untyped]  # a test dependency only

    raw = pd.read_csv(messy_csv.RAW_DIR / "stock_count.csv", dtype=str, keep_default_na=False)
    accepted, rejected = cleaning.clean_stock_count_rows(raw.to_dict("records"))
    frame = pd.DataFrame([dataclasses.asdict(r) for r in accepted]).astype(
        cleaning.STOCK_COUNT_PANDAS_DTYPES
    )
    assert len(frame) + len(rejected) == len(raw)
    assert str(frame["quantity"].dtype) == "Int32"
    assert str(frame["condition"].dtype) == "category"
    assert set(frame["condition"].cat.categories) <= {"new", "used", "damaged"}
    assert frame["unit_cost"].isna().sum() == sum(r.unit_cost is None for r in accepted)


def test_the_readme_example_prints_what_the_readme_shows() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ python - <<'EOF'\n", 1)[1].split("\n```", 1)[0]
    code, shown = block.split("\nEOF\n", 1)
    result = subprocess.run(
        [sys.executable, "-"],
        input=code,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == shown + "\n"
