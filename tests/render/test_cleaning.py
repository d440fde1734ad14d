"""The generated cleaners, rule by rule: ``clean_<table>`` and ``clean_<table>_rows`` of the
golden case tests/cases/cleaning (a column per logical type), called as a user calls them.

Each case is (column, raw value, the typed value or REJECTED, the exact messages).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from goldens import load_models, run_cog

models = load_models("cleaning")
REJECTED = object()
BASE = {"id": "1", "code": "A1"}
UTC = dt.UTC


def _case(column: str, raw: object, expected: object, *messages: str) -> Any:
    return pytest.param(column, raw, expected, list(messages), id=f"{column}={raw!r}")


CASES = [
    # integers: "12" and "12.0", not "12.5"; the SQL type's range
    _case("id", "12", 12),
    _case("id", "12.0", 12),
    _case("id", "+7", 7),
    _case("id", " 12 ", 12, "id: ' 12 ' -> 12"),
    _case("id", 12, 12),
    _case("id", 12.0, 12),
    _case("id", Decimal("12.00"), 12),
    _case("id", "12.5", REJECTED, "id: '12.5' is not an integer"),
    _case("id", "1e3", REJECTED, "id: '1e3' is not an integer"),
    _case("id", "1,000", REJECTED, "id: '1,000' is not an integer"),
    _case("id", "١٢", REJECTED, "id: '١٢' is not an integer"),
    _case("id", True, REJECTED, "id: True is not an integer"),
    _case("id", 12.5, REJECTED, "id: 12.5 is not an integer"),
    _case(
        "id",
        "2147483648",
        REJECTED,
        "id: '2147483648' is out of range for integer (-2147483648 to 2147483647)",
    ),
    _case("id", "-2147483648", -2147483648),
    _case("id", "", REJECTED, "id: is required"),
    _case("id", "NA", REJECTED, "id: is required, got 'NA'"),
    _case("id", None, REJECTED, "id: is required"),
    _case("small", "-100", -100),
    _case("small", "101", REJECTED, "small: must be <= 100, got 101"),
    _case("small", "-101", REJECTED, "small: must be >= -100, got -101"),
    _case(
        "small",
        "40000",
        REJECTED,
        "small: '40000' is out of range for smallint (-32768 to 32767)",
    ),
    _case("big", "9223372036854775807", 9223372036854775807),
    _case(
        "big",
        "9223372036854775808",
        REJECTED,
        "big: '9223372036854775808' is out of range for bigint"
        " (-9223372036854775808 to 9223372036854775807)",
    ),
    _case("big", "-", None, "big: '-' -> None"),
    _case("big", " - ", None, "big: ' - ' -> None"),
    _case("from", "5", 5),
    # floats: finite only; soft bounds keep the row
    _case("ratio", "0.5", 0.5),
    _case("ratio", ".25", 0.25),
    _case("ratio", "1e-1", 0.1),
    _case("ratio", "0.95", 0.95, "ratio: 0.95 is an outlier (> 0.9)"),
    _case("ratio", "1.5", REJECTED, "ratio: must be <= 1.0, got 1.5"),
    _case("ratio", "nan", REJECTED, "ratio: 'nan' is not a number"),
    _case("ratio", "inf", REJECTED, "ratio: 'inf' is not a number"),
    _case("ratio", "1e400", REJECTED, "ratio: '1e400' is not a finite number"),
    _case("ratio", float("nan"), None),
    # decimals: exact, padded to the scale, never rounded
    _case("amount", "12.5", Decimal("12.50")),
    _case("amount", "12.500", Decimal("12.50")),
    _case("amount", "7", Decimal("7.00")),
    _case("amount", 0.1, Decimal("0.10")),
    _case("amount", "12.345", REJECTED, "amount: '12.345' has more than 2 decimal places"),
    _case(
        "amount",
        "1000000",
        REJECTED,
        "amount: '1000000' has more than 6 digits before the point",
    ),
    _case("amount", "1,5", REJECTED, "amount: '1,5' is not a decimal number"),
    _case("amount", "-1", REJECTED, "amount: must be >= 0, got -1.00"),
    _case("amount", "2000", Decimal("2000.00"), "amount: 2000.00 is an outlier (> 1000)"),
    _case("amount", "0.01", Decimal("0.01"), "amount: 0.01 is an outlier (< 0.05)"),
    _case("amount", "", Decimal(0)),
    _case("amount", "N/A", Decimal(0), "amount: 'N/A' -> default 0"),
    # booleans: true/false yes/no y/n t/f 1/0, any case
    *[_case("flag", raw, True) for raw in ("true", "TRUE", "Yes", "y", "T", "1", 1, True)],
    *[_case("flag", raw, False) for raw in ("false", "No", "N", "f", "0", 0, False)],
    _case(
        "flag",
        "maybe",
        REJECTED,
        "flag: 'maybe' is not a boolean (true/false, yes/no, y/n, t/f, 1/0)",
    ),
    _case("flag", 2, REJECTED, "flag: 2 is not a boolean (true/false, yes/no, y/n, t/f, 1/0)"),
    _case("flag", "", False),
    # dates: ISO 8601 YYYY-MM-DD only
    _case("day", "2024-02-29", dt.date(2024, 2, 29)),
    _case("day", dt.date(2024, 3, 1), dt.date(2024, 3, 1)),
    _case("day", "2023-02-29", REJECTED, "day: '2023-02-29' is not a date (YYYY-MM-DD)"),
    _case("day", "20240101", REJECTED, "day: '20240101' is not a date (YYYY-MM-DD)"),
    _case("day", "2024-1-5", REJECTED, "day: '2024-1-5' is not a date (YYYY-MM-DD)"),
    _case("day", "01/05/2024", REJECTED, "day: '01/05/2024' is not a date (YYYY-MM-DD)"),
    _case(
        "day",
        dt.datetime(2024, 1, 1, tzinfo=UTC),
        REJECTED,
        "day: datetime.datetime(2024, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)"
        " is not a date (YYYY-MM-DD)",
    ),
    # times and timestamps: ISO 8601; timestamptz needs an offset, timestamp refuses one
    _case("clock", "09:30", dt.time(9, 30)),
    _case("clock", "09:30:15.5", dt.time(9, 30, 15, 500000)),
    _case("clock", "25:00", REJECTED, "clock: '25:00' is not a time (HH:MM[:SS[.ffffff]])"),
    _case("clock", "9:30", REJECTED, "clock: '9:30' is not a time (HH:MM[:SS[.ffffff]])"),
    _case("local_at", "2024-01-01T10:00:00", dt.datetime(2024, 1, 1, 10)),
    _case("local_at", "2024-01-01 10:00", dt.datetime(2024, 1, 1, 10)),
    _case(
        "local_at",
        "2024-01-01T10:00:00Z",
        REJECTED,
        "local_at: '2024-01-01T10:00:00Z' has a UTC offset, and the column holds local times",
    ),
    _case("seen_at", "2024-01-01T10:00:00Z", dt.datetime(2024, 1, 1, 10, tzinfo=UTC)),
    _case(
        "seen_at",
        "2024-01-01 10:00:00.123+05:30",
        dt.datetime(2024, 1, 1, 4, 30, 0, 123000, tzinfo=UTC),
    ),
    _case(
        "seen_at",
        "2024-01-01T10:00-0100",
        dt.datetime(2024, 1, 1, 11, tzinfo=UTC),
    ),
    _case(
        "seen_at",
        "2024-01-01T10:00:00",
        REJECTED,
        "seen_at: '2024-01-01T10:00:00' has no UTC offset",
    ),
    _case("seen_at", "2024-01-01", REJECTED, "seen_at: '2024-01-01' is not a timestamp (ISO 8601)"),
    _case(
        "seen_at",
        "2024-13-01T10:00Z",
        REJECTED,
        "seen_at: '2024-13-01T10:00Z' is not a timestamp (ISO 8601)",
    ),
    # uuid, json, binary
    _case(
        "ref",
        "0B7E4C1E-8D3F-4C55-9A53-7C1F2A9D6E10",
        uuid.UUID("0b7e4c1e-8d3f-4c55-9a53-7c1f2a9d6e10"),
    ),
    _case(
        "ref",
        "{0b7e4c1e8d3f4c559a537c1f2a9d6e10}",
        uuid.UUID("0b7e4c1e-8d3f-4c55-9a53-7c1f2a9d6e10"),
    ),
    _case("ref", "0b7e4c1e", REJECTED, "ref: '0b7e4c1e' is not a UUID"),
    _case("meta", '{"a": [1, 2.5, null]}', {"a": [1, 2.5, None]}),
    _case("meta", '"text"', "text"),
    _case("meta", "true", True),
    _case("meta", {"k": 1}, {"k": 1}),
    _case("meta", "null", None, "meta: 'null' -> None"),
    _case("meta", "[1,", REJECTED, "meta: '[1,' is not JSON"),
    _case("meta", "NaN", REJECTED, "meta: 'NaN' is not JSON"),
    _case("meta", {"k": float("inf")}, REJECTED, "meta: {'k': inf} is not JSON"),
    _case("blob", "aGVsbG8=", b"hello"),
    _case("blob", b"\x00\x01", b"\x00\x01"),
    _case("blob", "not base64!", REJECTED, "blob: 'not base64!' is not bytes or base64 text"),
    # enums: case, spaces, hyphens/underscores, then aliases
    _case("status", "placed", "placed"),
    _case("status", "SHIPPED", "shipped", "status: 'SHIPPED' -> 'shipped'"),
    _case("status", " Shipped ", "shipped", "status: ' Shipped ' -> 'shipped'"),
    _case("status", "In Progress", "in-progress", "status: 'In Progress' -> 'in-progress'"),
    _case("status", "in_progress", "in-progress", "status: 'in_progress' -> 'in-progress'"),
    _case("status", "sent", "shipped", "status: 'sent' -> 'shipped'"),
    _case("status", "wip", "in-progress", "status: 'wip' -> 'in-progress'"),
    _case(
        "status",
        "lost",
        REJECTED,
        "status: 'lost' is not one of placed, shipped, in-progress",
    ),
    _case("status", "", "placed"),
    _case("status", "NULL", "placed", "status: 'NULL' -> default 'placed'"),
    # text: stripped; constraints as the validator states them; per-column missing tokens
    _case("code", " A1 ", "A1", "code: ' A1 ' -> 'A1'"),
    _case("code", "ab", REJECTED, "code: must match ^[A-Z][A-Z0-9]*$, got 'ab'"),
    _case("code", "A", REJECTED, "code: must be at least 2 characters"),
    _case("code", "ABCDEFGHI", REJECTED, "code: must be at most 8 characters"),
    _case("code", 12, REJECTED, "code: 12 is not text"),
    _case("note", "NA", "NA"),
    _case("note", "none", None, "note: 'none' -> None"),
    _case("note", "  ", None, "note: '  ' -> None"),
    _case("note", "line\nbreak", "line\nbreak"),
    _case("note", "a\x00b", REJECTED, "note: 'a\\x00b' contains a NUL character"),
    _case("note", "\ud800", REJECTED, "note: '\\ud800' is not valid Unicode"),
]


@pytest.mark.parametrize(("column", "raw", "expected", "messages"), CASES)
def test_each_rule_of_each_type(
    column: str, raw: object, expected: object, messages: list[str]
) -> None:
    record, found = models.clean_reading({**BASE, column: raw})
    assert found == messages
    if expected is REJECTED:
        assert record is None
    else:
        assert record is not None
        value = getattr(record, column if column != "from" else "from_")
        assert value == expected
        assert type(value) is type(expected) or isinstance(value, type(expected))


def test_a_record_is_the_dataclass_with_defaults_filled_in() -> None:
    record, messages = models.clean_reading({"id": "3", "code": "X9", "status": "busy"})
    assert messages == ["status: 'busy' -> 'in-progress'"]
    assert record == models.Reading(id=3, code="X9", status=models.Status.IN_PROGRESS)
    assert record.status is models.Status.IN_PROGRESS


def test_every_problem_of_a_row_is_reported_in_column_order() -> None:
    record, messages = models.clean_reading(
        {"colour": "red", "id": "x", "code": "", "small": "500", "day": "soon", "Id": "1"}
    )
    assert record is None
    assert messages == [
        "colour: unknown column, ignored",
        "Id: unknown column, ignored",
        "id: 'x' is not an integer",
        "code: is required",
        "small: must be <= 100, got 500",
        "day: 'soon' is not a date (YYYY-MM-DD)",
    ]


def test_unknown_keys_are_reported_but_do_not_reject() -> None:
    record, messages = models.clean_reading({**BASE, "colour": "red"})
    assert record is not None
    assert messages == ["colour: unknown column, ignored"]


def test_rows_reject_duplicates_of_earlier_accepted_rows() -> None:
    rows = [
        {"id": "1", "code": "A1", "site": "north", "day": "2024-05-01"},
        {"id": "1", "code": "B1"},  # primary key again
        {"id": "2", "code": " A1 "},  # unique code again, after stripping
        {"id": "x", "code": "C1"},  # rejected on its own: keys are not remembered
        {"id": "3", "code": "C1", "site": "north", "day": "2024-05-01"},  # (site, day) again
        {"id": "4", "code": "D1", "day": "2024-05-01"},  # site NULL: never a duplicate
        {"id": "5", "code": "E1", "day": "2024-05-01"},
        {"id": "6", "code": "C1"},  # C1 was only seen in rejected rows
    ]
    accepted, rejected = models.clean_reading_rows(rows)
    assert [r.id for r in accepted] == [1, 4, 5, 6]
    assert rejected == [
        (1, ["id: 1 duplicates row 0"]),
        (2, ["code: ' A1 ' -> 'A1'", "code: 'A1' duplicates row 0"]),
        (3, ["id: 'x' is not an integer"]),
        (4, ["site, day: ('north', 2024-05-01) duplicates row 0"]),
    ]


def test_rows_compare_composite_primary_keys_as_typed_values() -> None:
    rows = [
        {"reading_id": "1", "line_no": "1", "value": "1.5"},
        {"reading_id": "1", "line_no": "2"},
        {"reading_id": " 1 ", "line_no": "2.0", "value": "NA"},
    ]
    accepted, rejected = models.clean_line_rows(iter(rows))
    assert [(r.reading_id, r.line_no, r.value) for r in accepted] == [
        (1, 1, Decimal("1.500")),
        (1, 2, None),
    ]
    assert rejected == [
        (
            2,
            [
                "reading_id: ' 1 ' -> 1",
                "value: 'NA' -> None",
                "reading_id, line_no: (1, 2) duplicates row 1",
            ],
        )
    ]


def test_pandas_dtypes_use_nullable_dtypes() -> None:
    assert models.READING_PANDAS_DTYPES == {
        "id": "Int32",
        "code": "string",
        "note": "string",
        "small": "Int16",
        "big": "Int64",
        "ratio": "Float64",
        "amount": "object",
        "flag": "boolean",
        "day": "object",
        "clock": "object",
        "local_at": "object",
        "seen_at": "object",
        "ref": "object",
        "meta": "object",
        "blob": "object",
        "status": "category",
        "site": "string",
        "from": "Int16",
    }


@pytest.mark.parametrize("length", [1, 30, 44, 52, 57, 63])
def test_long_table_names_stay_ruff_and_mypy_clean(tmp_path: Path, length: int) -> None:
    """Signatures of clean_<table> and clean_<table>_rows lay out as ruff formats them."""
    name = ("t" * length)[:length]
    schema = (
        "schemacog: 1\nname: long\ntables:\n"
        f"  {name}:\n    columns:\n      id: {{type: integer, primary_key: true}}\n"
    )
    marked = "".join(
        f"# [[[cog sc.python.{call} ]]]\n# [[[end]]]\n\n\n"
        for call in ("imports()", f'dataclass("{name}")', f'cleaner("{name}")')
    )
    (tmp_path / "schema.yaml").write_text(schema, encoding="utf-8")
    text = run_cog(tmp_path, "models.py", marked.rstrip("\n") + "\n", tmp_path / "schema.yaml")
    assert f"def clean_{name}_rows(" in text
    ruff = [sys.executable, "-m", "ruff"]
    for args in (["check"], ["format", "--check"]):
        found = subprocess.run(
            [*ruff, *args, "--isolated", "--no-cache", "models.py"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        assert found.returncode == 0, found.stdout


def test_csv_rows_longer_or_shorter_than_the_header() -> None:
    text = "id,code,note\n1,A1,x,surplus\n2,B2\n"
    rows = list(csv.DictReader(io.StringIO(text)))
    assert models.clean_reading(rows[0]) == (
        models.Reading(id=1, code="A1", note="x"),
        ["more fields than the header has columns, ignored"],
    )
    assert models.clean_reading(rows[1]) == (models.Reading(id=2, code="B2"), [])
