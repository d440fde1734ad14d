"""Agreement property of the generated cleaner (tests/cases/cleaning):

- a record ``clean_reading`` accepts passes ``validate_reading``, the pydantic model, and
  inserts into SQLite and DuckDB through the generated DDL, holding the values the raw
  text spelt;
- a row it rejects for a constraint is refused by every engine that can enforce one of
  the constraints it broke (SQLite has no regular expressions; DuckDB has).

Raw rows are drawn from typed values within each column's type, written in one of the
spellings a cleaner must read; constraints (bounds, lengths, pattern) may be broken.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from goldens import CASES_DIR, load_models, real_engine, schema_of
from hypothesis import given, settings
from hypothesis import strategies as st

from schemacog.db import engines
from schemacog.db.backends import DIALECTS
from schemacog.naming import field_name

models = load_models("cleaning")
TABLE = schema_of("cleaning").table("reading")
MISSING = object()
CONSTRAINT_WORDING = ("must be >=", "must be <=", "must be at least", "must be at most")
NOT_CONSTRAINTS = (" is not ", " out of range ", " has ", " is required", " duplicates ")
BOOLEAN_SPELLINGS = {
    True: ["true", "TRUE", "yes", "Y", "t", "1"],
    False: ["false", "No", "n", "F", "0"],
}
STATUS_SPELLINGS = {
    "placed": ["placed", "PLACED", " Placed "],
    "shipped": ["shipped", "Sent", "dispatched"],
    "in-progress": ["in-progress", "In Progress", "in_progress", "busy", "WIP"],
}


def _spelt(typed: Any, spellings: list[str]) -> st.SearchStrategy[tuple[str, Any]]:
    return st.sampled_from(spellings).map(lambda raw: (raw, typed))


def _integer(low: int, high: int) -> st.SearchStrategy[tuple[str, Any]]:
    return st.integers(low, high).flatmap(
        lambda n: _spelt(n, [str(n), f"{n}.0", f" {n} ", f"+{n}" if n >= 0 else str(n)])
    )


def _missing() -> st.SearchStrategy[tuple[str, Any]]:
    return st.sampled_from(["", "NA", "null", " - "]).map(lambda raw: (raw, MISSING))


def _offset_stamp(stamp: dt.datetime, minutes: int) -> tuple[str, dt.datetime]:
    aware = stamp.replace(tzinfo=dt.timezone(dt.timedelta(minutes=minutes)))
    text = aware.isoformat()
    return (text[:-6] + "Z" if minutes == 0 else text), aware


# text every engine stores (the text rule: no NUL, no lone surrogate), in JSON too
stored = st.characters(exclude_categories=["Cs"], exclude_characters="\x00")
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**12), 10**12) | st.text(stored, max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(stored, max_size=3), inner, max_size=3)
    ),
    max_leaves=6,
)
plain_text = st.text(stored, max_size=12)
ASCII_SPACE = " \t\n\r\f\v"
FIRST, LAST = dt.datetime(2, 1, 1), dt.datetime(9998, 12, 31)  # offsets stay in range

COLUMNS: dict[str, st.SearchStrategy[tuple[str, Any]]] = {
    "id": _integer(-(2**31), 2**31 - 1),
    "code": st.text("AB1a", min_size=1, max_size=10).map(lambda s: (s, s)),
    # a cleaner strips ASCII white space only (as \s means): U+0085 or U+2028 stay
    "note": plain_text.map(
        lambda s: (s, MISSING if s.strip(ASCII_SPACE) in ("", "none") else s.strip(ASCII_SPACE))
    ),
    "small": _integer(-200, 200) | _missing(),
    "big": _integer(-(2**63), 2**63 - 1) | _missing(),
    "ratio": st.floats(-0.5, 1.5).map(lambda x: (repr(x), x)) | _missing(),
    "amount": st.integers(-500, 200_000).map(lambda c: (str(Decimal(c) / 100), Decimal(c) / 100))
    | _missing(),
    "flag": st.booleans().flatmap(lambda b: _spelt(b, BOOLEAN_SPELLINGS[b])) | _missing(),
    "day": st.dates(FIRST.date(), LAST.date()).map(lambda d: (d.isoformat(), d)),
    "clock": st.times().map(lambda t: (t.isoformat(), t)),
    "local_at": st.datetimes(FIRST, LAST).map(lambda d: (d.isoformat(sep=" "), d)),
    "seen_at": st.builds(
        _offset_stamp, st.datetimes(FIRST, LAST), st.integers(-14, 14).map(lambda h: h * 60)
    ),
    "ref": st.uuids().flatmap(lambda u: _spelt(u, [str(u), str(u).upper(), "{" + u.hex + "}"])),
    "meta": json_values.map(lambda v: (json.dumps(v), MISSING if v is None else v)),
    "blob": st.binary(max_size=12).map(lambda b: (base64.b64encode(b).decode(), b or MISSING)),
    "status": st.sampled_from(sorted(STATUS_SPELLINGS)).flatmap(
        lambda v: _spelt(v, STATUS_SPELLINGS[v])
    ),
    "site": st.text("nsew", max_size=12).map(lambda s: (s, s or MISSING)),
    "from": _integer(-(2**15), 2**15 - 1) | _missing(),
}


@st.composite
def raw_rows(draw: st.DrawFn) -> tuple[dict[str, str], dict[str, Any]]:
    """(raw row, the typed values it spells; MISSING where the column is left to default)."""
    raw, typed = {}, {}
    for name, strategy in COLUMNS.items():
        if name not in ("id", "code") and draw(st.booleans()):
            continue  # the key is absent
        raw[name], typed[name] = draw(strategy)
    return raw, typed


@pytest.fixture(scope="module")
def loaded_engines() -> Iterator[list[engines.Engine]]:
    made = [real_engine("sqlite"), real_engine("duckdb")]
    for engine in made:
        engine.run_script((CASES_DIR / "cleaning" / f"ddl.{engine.dialect}.sql").read_text())
    yield made
    for engine in made:
        engine.close()


def _by_column(record: Any) -> dict[str, Any]:
    return {c.name: getattr(record, field_name(c.name)) for c in TABLE.columns}


def _enforces(dialect: str, message: str) -> bool:
    return message.split(": ", 1)[1].startswith(CONSTRAINT_WORDING) or (
        " must match " in message and DIALECTS[dialect].regex is not None
    )


@settings(max_examples=300, deadline=None)
@given(raw_rows())
def test_cleaner_agrees_with_validator_pydantic_and_engines(
    loaded_engines: list[engines.Engine], drawn: tuple[dict[str, str], dict[str, Any]]
) -> None:
    raw, typed = drawn
    record, messages = models.clean_reading(raw)
    present = {k: v for k, v in typed.items() if v is not MISSING}
    for engine in loaded_engines:
        engine.run_script("DELETE FROM reading")
    if record is not None:
        row = _by_column(record)
        for name, value in present.items():
            expected = value.quantize(Decimal("0.01")) if name == "amount" else value
            assert row[name] == expected, (name, raw[name])
        assert models.validate_reading(row) == []
        models.ReadingModel.model_validate(row)
        assert not [m for m in messages if any(k in m for k in (" must ", *NOT_CONSTRAINTS))]
        for engine in loaded_engines:
            assert engine.insert(TABLE, row) is None, (engine.dialect, row)
        return
    # every value has its column's type, so only constraints can reject the row
    assert [m for m in messages if " must " in m], messages
    assert not [m for m in messages if any(k in m for k in NOT_CONSTRAINTS)], messages
    for engine in loaded_engines:
        enforced = [m for m in messages if _enforces(engine.dialect, m)]
        error = engine.insert(TABLE, present)
        assert (error is not None) == bool(enforced), (engine.dialect, messages, error)


def test_the_property_draws_both_outcomes() -> None:
    """The strategy reaches accepted and constraint-rejected rows (the test is not vacuous)."""
    outcomes = set()

    @settings(max_examples=200, deadline=None, derandomize=True, database=None)
    @given(raw_rows())
    def collect(drawn: tuple[dict[str, str], dict[str, Any]]) -> None:
        outcomes.add(models.clean_reading(drawn[0])[0] is None)

    collect()
    assert outcomes == {True, False}


ANY_VALUE = (
    st.none()
    | st.text()
    | st.sampled_from(["", "NA", " 1 ", "1e999", "9" * 60, "[" * 5000, "0.1", "true", "Z"])
    | st.integers()
    | st.floats()
    | st.decimals()
    | st.booleans()
    | st.binary()
    | st.dates()
    | st.datetimes()
    | st.lists(st.integers())
)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from([*COLUMNS, "extra", ""]), ANY_VALUE))
def test_cleaner_never_raises_whatever_the_row_holds(raw: dict[str, Any]) -> None:
    record, messages = models.clean_reading(raw)
    assert record is not None or messages
    assert all(isinstance(m, str) for m in messages)
