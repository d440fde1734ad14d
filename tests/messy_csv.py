"""Messy CSV samples of the shop's raw tables, and what a cleaner must make of each row.

Each table gets a few hundred clean rows; into a seeded share of them one fault is
injected, and the fault says what it does to the row: accepted (with the fix or outlier
message it must produce) or rejected (with the reason). That record of injections is the
test's oracle: it is written here, independently of the generated cleaner.

``python tests/messy_csv.py`` rewrites schema/raw/*.csv; a test checks they are current.
"""

from __future__ import annotations

import csv
import io
import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

RAW_DIR = Path(__file__).resolve().parent.parent / "schema" / "raw"
Row = dict[str, str]


@dataclass
class Expected:
    """What the cleaner must say of one row."""

    accepted: bool = True
    messages: list[str] = field(default_factory=list)  # clean_<table>(row) messages
    duplicate_of: tuple[str, int] | None = None  # (message, earlier row) from clean_rows


@dataclass
class Sample:
    table: str
    columns: list[str]
    rows: list[Row]
    expected: list[Expected]

    def csv_text(self) -> str:
        out = io.StringIO()
        writer = csv.DictWriter(out, self.columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.rows)
        return out.getvalue()


# A fault: (name, how it changes the row and what it expects; None when it cannot apply).
Fault = Callable[[random.Random, Row, "History"], Expected | None]


@dataclass
class History:
    """Accepted rows so far: key values -> index of the first row that had them."""

    keys: dict[tuple[str, ...], dict[tuple[str, ...], int]]

    def first(self, key: tuple[str, ...], value: tuple[str, ...]) -> int | None:
        return self.keys[key].get(value)


def _generate(
    table: str,
    *,
    columns: list[str],
    keys: Sequence[tuple[str, ...]],
    count: int,
    seed: int,
    clean_row: Callable[[random.Random, int], Row],
    faults: list[Fault],
) -> Sample:
    rng = random.Random(seed)
    history = History({key: {} for key in keys})
    rows, expected = [], []
    for index in range(count):
        row = clean_row(rng, index)
        outcome = Expected()
        if rng.random() < 0.45:
            for _ in range(10):  # a fault that applies to this row
                found = rng.choice(faults)(rng, row, history)
                if found is not None:
                    outcome = found
                    break
        if outcome.accepted and outcome.duplicate_of is None:
            for key in keys:
                history.keys[key].setdefault(_key_of(row, key), index)
        rows.append(row)
        expected.append(outcome)
    return Sample(table, columns, rows, expected)


def _key_of(row: Row, key: tuple[str, ...]) -> tuple[str, ...]:
    """A key as the cleaner compares it: stripped (ids and dates are canonical here)."""
    return tuple(row[c].strip() for c in key)


def _set(column: str, value: str, *messages: str, accepted: bool = True) -> Fault:
    def fault(rng: random.Random, row: Row, history: History) -> Expected:
        row[column] = value
        return Expected(accepted, [m.format(**row) for m in messages])

    return fault


def _change(column: str, change: Callable[[str], str], *messages: str) -> Fault:
    """A fix the cleaner undoes: the row is accepted with ``messages`` (formatted)."""

    def fault(rng: random.Random, row: Row, history: History) -> Expected | None:
        before = row[column]
        row[column] = change(before)
        if row[column] == before:
            return None
        return Expected(True, [m.format(raw=row[column], clean=before) for m in messages])

    return fault


def _duplicate(key: tuple[str, ...], shown: Callable[[tuple[str, ...]], str]) -> Fault:
    """Copy an earlier accepted row's key: rejected by clean_rows, not by clean_<table>."""

    def fault(rng: random.Random, row: Row, history: History) -> Expected | None:
        seen = history.keys[key]
        if not seen:
            return None
        value = rng.choice(sorted(seen))
        row.update(zip(key, value, strict=True))
        for other, values in history.keys.items():  # only this key may repeat
            if other != key and _key_of(row, other) in values:
                return None
        return Expected(True, [], (f"{', '.join(key)}: {shown(value)} duplicates row", seen[value]))

    return fault


# --- signup_import: a mailing tool's export ----------------------------------------------

FIRST = ["Ada", "Grace", "Alan", "Nuno", "Mei", "Olu", "Ines", "Kofi", "Lena", "Ravi"]
LAST = ["Lovelace", "Hopper", "Turing", "Silva", "Chen", "Adeyemi", "Costa", "Mensah"]
COUNTRIES = ["GB", "PT", "NG", "DE", "IN", "NA", "GH", "FR"]
SIGNUP_COLUMNS = [
    "signup_id",
    "email",
    "full_name",
    "country",
    "birth_date",
    "age",
    "newsletter",
    "channel",
    "signed_up_at",
]


def _signup(rng: random.Random, index: int) -> Row:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    year = rng.randint(1950, 2005)
    return {
        "signup_id": str(index + 1),
        "email": f"{first.lower()}.{last.lower()}{index}@example.com",
        "full_name": f"{first} {last}",
        "country": rng.choice(COUNTRIES),
        "birth_date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "age": str(2024 - year),
        "newsletter": rng.choice(["true", "false"]),
        "channel": rng.choice(["web", "store", "phone", "partner-referral"]),
        "signed_up_at": f"2024-03-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:15:00Z",
    }


SIGNUP_FAULTS: list[Fault] = [
    _change("channel", str.upper, "channel: {raw!r} -> {clean!r}"),
    _change("channel", lambda v: v.replace("-", " ").title(), "channel: {raw!r} -> {clean!r}"),
    _change(
        "channel",
        lambda v: {"phone": "Telephone", "store": "in-store", "partner-referral": "referral"}.get(
            v, v
        ),
        "channel: {raw!r} -> {clean!r}",
    ),
    _change("full_name", lambda v: f"  {v} ", "full_name: {raw!r} -> {clean!r}"),
    _change("email", lambda v: f"{v} ", "email: {raw!r} -> {clean!r}"),
    _set("birth_date", "NA", "birth_date: 'NA' -> None"),
    _set("birth_date", "", accepted=True),
    _set("age", "N/A", "age: 'N/A' -> None"),
    _set("country", "NA"),  # Namibia: the column's own missing_values leave "NA" alone
    _set("country", "", accepted=True),
    _set("newsletter", "Yes"),
    _set("newsletter", "N"),
    _set("newsletter", "NULL", "newsletter: 'NULL' -> default False"),
    _set("channel", ""),
    _set("age", "104", "age: 104 is an outlier (> 99)"),
    _set("age", "15", "age: 15 is an outlier (< 16)"),
    _set("age", "130", "age: must be <= 120, got 130", accepted=False),
    _set("age", "forty", "age: 'forty' is not an integer", accepted=False),
    _set("age", "33.0"),
    _set(
        "birth_date",
        "31/12/1990",
        "birth_date: '31/12/1990' is not a date (YYYY-MM-DD)",
        accepted=False,
    ),
    _set(
        "birth_date",
        "1990-02-30",
        "birth_date: '1990-02-30' is not a date (YYYY-MM-DD)",
        accepted=False,
    ),
    _set(
        "email",
        "ada.example.com",
        "email: must match ^[^@ ]+@[^@ ]+$, got 'ada.example.com'",
        accepted=False,
    ),
    _set("full_name", "", "full_name: is required", accepted=False),
    _set("country", "gb", "country: must match ^[A-Z]{{2}}$, got 'gb'", accepted=False),
    _set(
        "signed_up_at",
        "2024-03-05 10:00:00",
        "signed_up_at: '2024-03-05 10:00:00' has no UTC offset",
        accepted=False,
    ),
    _set(
        "channel",
        "carrier pigeon",
        "channel: 'carrier pigeon' is not one of web, store, phone, partner-referral",
        accepted=False,
    ),
    _duplicate(("email",), lambda v: repr(v[0])),
    _duplicate(("signup_id",), lambda v: v[0]),
]


def signup_import() -> Sample:
    keys = [("signup_id",), ("email",)]
    return _generate(
        "signup_import",
        columns=SIGNUP_COLUMNS,
        keys=keys,
        count=300,
        seed=9,
        clean_row=_signup,
        faults=SIGNUP_FAULTS,
    )


# --- stock_count: a warehouse spreadsheet ------------------------------------------------

SKUS = ["BOOK-0001", "BOOK-0002", "GAME-0042", "GAME-0107", "TOOL-0310", "GIFT-25"]
WAREHOUSES = ["LON1", "EDI2", "MAN3"]
STOCK_COLUMNS = [
    "count_id",
    "sku",
    "warehouse",
    "counted_on",
    "quantity",
    "unit_cost",
    "condition",
    "counted_by",
    "note",
]
BADGES = [str(uuid.UUID(int=random.Random(n).getrandbits(128), version=4)) for n in range(6)]


def _stock(rng: random.Random, index: int) -> Row:
    day = index // (len(SKUS) * len(WAREHOUSES)) + 1  # every (sku, warehouse) once a day
    slot = index % (len(SKUS) * len(WAREHOUSES))
    return {
        "count_id": str(1000 + index),
        "sku": SKUS[slot % len(SKUS)],
        "warehouse": WAREHOUSES[slot // len(SKUS)],
        "counted_on": f"2024-05-{day:02d}",
        "quantity": str(rng.randint(0, 400)),
        "unit_cost": f"{rng.randint(100, 9000) / 100:.2f}",
        "condition": rng.choice(["new", "new", "used", "damaged"]),
        "counted_by": rng.choice(BADGES),
        "note": rng.choice(["", "", "Top shelf.", "Recounted."]),
    }


STOCK_FAULTS: list[Fault] = [
    _change(
        "condition",
        lambda v: {"used": "Second-hand", "damaged": "BROKEN", "new": "New"}[v],
        "condition: {raw!r} -> {clean!r}",
    ),
    _change("warehouse", lambda v: f" {v}", "warehouse: {raw!r} -> {clean!r}"),
    _set("quantity", "12.0"),
    _set("quantity", "9000", "quantity: 9000 is an outlier (> 5000)"),
    _set("quantity", "12.5", "quantity: '12.5' is not an integer", accepted=False),
    _set("quantity", "-3", "quantity: must be >= 0, got -3", accepted=False),
    _set("quantity", "", "quantity: is required", accepted=False),
    _set("unit_cost", "4.5"),
    _set("unit_cost", "N/A", "unit_cost: 'N/A' -> None"),
    _set("unit_cost", "2500.00", "unit_cost: 2500.00 is an outlier (> 2000)"),
    _set("unit_cost", "4,50", "unit_cost: '4,50' is not a decimal number", accepted=False),
    _set(
        "unit_cost",
        "4.555",
        "unit_cost: '4.555' has more than 2 decimal places",
        accepted=False,
    ),
    _set("condition", "", accepted=True),
    _set(
        "condition",
        "lost",
        "condition: 'lost' is not one of new, used, damaged",
        accepted=False,
    ),
    _set(
        "counted_on",
        "2024-13-01",
        "counted_on: '2024-13-01' is not a date (YYYY-MM-DD)",
        accepted=False,
    ),
    _set(
        "sku",
        "book-0001",
        "sku: must match ^[A-Z]{{4}}-[0-9]{{2,4}}$, got 'book-0001'",
        accepted=False,
    ),
    _set("counted_by", "{" + BADGES[0].upper() + "}"),
    _set("counted_by", "badge 7", "counted_by: 'badge 7' is not a UUID", accepted=False),
    _set("note", "None", "note: 'None' -> None"),
    _duplicate(("sku", "warehouse", "counted_on"), lambda v: f"({v[0]!r}, {v[1]!r}, {v[2]})"),
    _duplicate(("count_id",), lambda v: v[0]),
]


def stock_count() -> Sample:
    keys = [("count_id",), ("sku", "warehouse", "counted_on")]
    return _generate(
        "stock_count",
        columns=STOCK_COLUMNS,
        keys=keys,
        count=240,
        seed=11,
        clean_row=_stock,
        faults=STOCK_FAULTS,
    )


SAMPLES = {"signup_import": signup_import, "stock_count": stock_count}


if __name__ == "__main__":
    RAW_DIR.mkdir(exist_ok=True)
    for name, make in SAMPLES.items():
        (RAW_DIR / f"{name}.csv").write_text(make().csv_text(), encoding="utf-8", newline="")
        print(f"wrote schema/raw/{name}.csv")
