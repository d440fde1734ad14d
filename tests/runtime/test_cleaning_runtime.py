"""The cleaner runtime as a module: its parsers and row logic called directly, and the way
``cleaning_shared`` cuts it into the sections that generated files receive.

tests/test_cleaning.py drives the same code through a golden's ``clean_<table>``; here
each function is called on its own, edge cases included, and the sections are checked
to cover the module exactly and to be laid out as generated code is (ruff, line 88).
"""

from __future__ import annotations

import ast
import datetime as dt
import subprocess
import sys
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from schemacog.model import DEFAULT_MISSING_VALUES
from schemacog.naming import normalized_spelling
from schemacog.render.cleaning import CORE_IMPORTS, PARSERS
from schemacog.render.cleaning_shared import (
    SECTION_IMPORTS,
    SECTION_STARTS,
    VALUE_RULES,
    runtime_sections,
    runtime_source,
)
from schemacog.render.python_needs import RuntimeParser, SharedBlock
from schemacog.runtime import cleaning as rt

UTC = dt.UTC
_DEFAULTS = ", ".join(f'"{token}"' for token in DEFAULT_MISSING_VALUES)


def _rejects(parse: Any, value: object) -> str:
    with pytest.raises(ValueError, match=r".") as raised:
        parse(value)
    return str(raised.value)


# --- the sections -------------------------------------------------------------------


def test_sections_cover_the_runtime_after_its_preamble() -> None:
    """Every line after the preamble is in one section; sections are two blank lines apart."""
    source = runtime_source()
    sections = runtime_sections()
    core = sections[SharedBlock.CLEANING_RUNTIME]
    preamble, found, rest = source.partition(core)
    assert found
    assert preamble.endswith("_MISSING_VALUES = frozenset({...})\n".replace("...", _DEFAULTS))
    assert found + rest == "\n\n\n".join(sections.values()) + "\n"


def test_every_section_is_named_and_in_the_order_of_the_parsers() -> None:
    sections = list(runtime_sections())
    assert sections[0] is SharedBlock.CLEANING_RUNTIME
    rules = [
        SharedBlock.TEXT_RULE,
        SharedBlock.JSON_RULE,
        SharedBlock.DECIMAL_RULE,
        SharedBlock.INSTANT_RULE,
        SharedBlock.CHECK_RULE,
    ]
    assert sections[1:6] == rules  # the value rules other layers share
    assert sections[6:] == list(RuntimeParser)
    assert set(SECTION_STARTS.values()) == set(sections)


def test_a_parser_section_starts_with_its_constants_and_holds_its_helpers() -> None:
    sections = runtime_sections()
    assert sections[RuntimeParser.INTEGER].startswith("_INTEGER_TEXT = re.compile(")
    decimal = sections[RuntimeParser.DECIMAL]
    assert "def _decimal_number(" in decimal
    assert "def _fit_digits(" in decimal
    assert "def _no_json_constant(" in sections[RuntimeParser.JSON]
    assert "def _integer(" not in sections[SharedBlock.CLEANING_RUNTIME]


def test_placeholder_missing_values_are_the_model_defaults() -> None:
    assert frozenset(DEFAULT_MISSING_VALUES) == rt._MISSING_VALUES


# names the runtime binds by its imports (what a section may refer to)
_IMPORTED = (
    "re",
    "math",
    "_dt",
    "_decimal",
    "_uuid",
    "_json",
    "_base64",
    "_operator",
    "Any",
    "Callable",
)


def _bound(lines: set[str] | frozenset[str]) -> set[str]:
    """The names ``import`` lines bind."""
    names = set()
    for line in lines:
        words = line.replace(",", " ").split()
        names.update(words[words.index("import") + 1 :] if "as" not in words else [words[-1]])
    return names


@pytest.mark.parametrize("section", list(runtime_sections()), ids=str)
def test_a_section_uses_only_modules_its_parsers_import(section: Any) -> None:
    """``SECTION_IMPORTS`` imports what each section's code refers to (with the core's
    imports, except for a section other layers use without the core)."""
    tree = ast.parse(runtime_sections()[section])
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id in _IMPORTED}
    declared = set(SECTION_IMPORTS[section])
    if section not in VALUE_RULES:  # emitted only with the cleaner's core
        declared |= CORE_IMPORTS
    assert used <= _bound(declared)


def test_each_parser_calls_a_function_of_its_own_section() -> None:
    for parser in PARSERS.values():
        function = parser.call.split("(")[0]
        assert f"\ndef {function}(" in "\n" + runtime_sections()[parser.section]


@pytest.mark.parametrize("args", [["check"], ["format", "--check"]], ids=["check", "format"])
def test_runtime_is_laid_out_as_generated_code_is(tmp_path: Path, args: list[str]) -> None:
    """ruff's defaults (line 88), as tests/test_renderers.py checks the goldens."""
    (tmp_path / "runtime.py").write_text(runtime_source(), encoding="utf-8")
    found = subprocess.run(
        [sys.executable, "-m", "ruff", *args, "--isolated", "--no-cache", "runtime.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert found.returncode == 0, found.stdout + found.stderr


# --- shared rules with the generator --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("In Progress", "in_progress"),
        (" in-progress ", "in_progress"),
        ("ÉTÉ", "été"),
        ("Straße", "strasse"),
        ("a  b", "a__b"),
    ],
)
def test_normalized_spelling_is_the_key_the_enum_parser_looks_up(text: str, key: str) -> None:
    assert normalized_spelling(text) == key
    parse = rt._enum(str.upper, {key: "member"})
    assert parse(text.strip()) == "MEMBER"


def test_characters_and_shown() -> None:
    assert rt._characters(1) == "1 character"
    assert rt._characters(0) == "0 characters"
    assert rt._characters(2) == "2 characters"
    assert rt._shown("it's") == '"it\'s"'
    assert rt._shown(True) == "True"
    assert rt._shown(None) == "None"
    assert rt._shown(1.5) == "1.5"
    assert rt._shown(Decimal("1.50")) == "1.50"
    assert rt._shown(dt.date(2024, 1, 2)) == "2024-01-02"
    assert rt._shown_key(("a",)) == "'a'"
    assert rt._shown_key(("a", 1)) == "('a', 1)"


# --- parsers -------------------------------------------------------------------------


def test_text() -> None:
    assert rt._text("é x") == "é x"
    assert _rejects(rt._text, "a\x00b") == "contains a NUL character"
    assert _rejects(rt._text, "\ud800") == "is not valid Unicode"
    assert _rejects(rt._text, 12) == "is not text"


def test_integer() -> None:
    parse = rt._integer(-5, 5, "smallint")
    assert [parse(v) for v in ("3", "+3", "-3.00", 4, 4.0, Decimal("5.0"))] == [3, 3, -3, 4, 4, 5]
    assert _rejects(parse, "6") == "is out of range for smallint (-5 to 5)"
    for value in ("3.5", "1e2", True, 3.5, Decimal("NaN"), Decimal("1E+40"), "٣", None):
        assert _rejects(parse, value) == "is not an integer"


def test_float() -> None:
    assert rt._float("1.5e3") == 1500.0
    assert rt._float(".5") == 0.5
    assert rt._float(Decimal("2.25")) == 2.25
    assert rt._float(7) == 7.0
    assert _rejects(rt._float, "inf") == "is not a number"
    assert _rejects(rt._float, True) == "is not a number"
    assert _rejects(rt._float, float("nan")) == "is not a finite number"
    assert _rejects(rt._float, 10**400) == "is out of range for float"


def test_decimal_fits_digits_without_rounding() -> None:
    parse = rt._decimal_number(5, 2)
    assert parse("1.5") == Decimal("1.50")
    assert str(parse("-123.00")) == "-123.00"
    assert parse(0.1) == Decimal("0.10")
    assert parse(12) == Decimal("12.00")
    assert _rejects(parse, "1.234") == "has more than 2 decimal places"
    assert _rejects(parse, "1234") == "has more than 3 digits before the point"
    assert _rejects(parse, "1e3") == "is not a decimal number"
    for text in ("1e-2", "NaN", "Infinity", "-Infinity", "1,5"):
        assert _rejects(parse, text) == "is not a decimal number", text
    assert _rejects(parse, False) == "is not a decimal number"
    assert _rejects(parse, Decimal("Infinity")) == "is not a finite number"
    unbounded = rt._decimal_number(None, 0)
    assert str(unbounded("0.123456789012345678901234567890")) == "0.123456789012345678901234567890"


def test_boolean() -> None:
    assert [rt._boolean(v) for v in ("YES", "t", "0", 1, False)] == [True, True, False, True, False]
    for value in ("2", 2, "maybe", None):
        assert _rejects(rt._boolean, value).startswith("is not a boolean")


def test_date_and_time() -> None:
    assert rt._date("2024-02-29") == dt.date(2024, 2, 29)
    assert _rejects(rt._date, "2023-02-29") == "is not a date (YYYY-MM-DD)"
    assert _rejects(rt._date, "20240229") == "is not a date (YYYY-MM-DD)"
    assert _rejects(rt._date, dt.datetime(2024, 1, 1)) == "is not a date (YYYY-MM-DD)"
    assert rt._time("07:30") == dt.time(7, 30)
    assert rt._time("07:30:01.5") == dt.time(7, 30, 1, 500000)
    assert _rejects(rt._time, "25:00") == "is not a time (HH:MM[:SS[.ffffff]])"


def test_timestamps_with_and_without_offset() -> None:
    aware, naive = rt._timestamp(with_offset=True), rt._timestamp(with_offset=False)
    assert aware("2024-01-02T03:04:05Z") == dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert naive("2024-01-02 03:04") == dt.datetime(2024, 1, 2, 3, 4)
    assert _rejects(aware, "2024-01-02T03:04") == "has no UTC offset"
    assert _rejects(naive, "2024-01-02T03:04+01:00") == (
        "has a UTC offset, and the column holds local times"
    )
    assert _rejects(naive, "2024-01-02") == "is not a timestamp (ISO 8601)"


def test_uuid_json_binary() -> None:
    value = uuid.UUID("12345678-1234-5678-1234-567812345678")
    assert rt._uuid_value("{12345678123456781234567812345678}") == value
    assert rt._uuid_value(value) is value
    assert _rejects(rt._uuid_value, "1234") == "is not a UUID"
    assert rt._json_value('{"a": [1, null]}') == {"a": [1, None]}
    assert rt._json_value([1, "x"]) == [1, "x"]
    for bad in ("NaN", "{", float("inf"), {1, 2}):
        assert _rejects(rt._json_value, bad) == "is not JSON"
    assert rt._binary("aGk=") == b"hi"
    assert rt._binary(b"\x00") == b"\x00"
    assert _rejects(rt._binary, "a!") == "is not bytes or base64 text"


def test_enum_reads_spellings_and_lists_each_value_once() -> None:
    parse = rt._enum(
        str.upper, {"in_progress": "in-progress", "wip": "in-progress", "done": "done"}
    )
    assert parse("In Progress") == "IN-PROGRESS"
    assert parse("WIP") == "IN-PROGRESS"
    assert _rejects(parse, "later") == "is not one of in-progress, done"
    assert _rejects(parse, 1) == "is not one of in-progress, done"


# --- rows ------------------------------------------------------------------------------


RULES = (
    rt._Cleaning(column="id", parse=rt._integer(1, 99, "integer")),
    rt._Cleaning(column="name", field="name_", parse=rt._text, max_length=3, pattern_text=""),
    rt._Cleaning(column="size", parse=rt._float, default="0", warn_high=10.0, low=0),
    rt._Cleaning(column="note", parse=rt._text, nullable=True, missing=frozenset({"-"})),
)


def _record(**values: object) -> dict[str, object]:
    return values


def test_clean_row_fixes_defaults_and_reports() -> None:
    raw = {"id": " 7 ", "name": "ab", "size": "NA", "note": "-", "extra": 1}
    record, messages = rt._clean_row(_record, RULES, raw)
    assert record == {"id": 7, "name_": "ab", "note": None}
    assert messages == [
        "extra: unknown column, ignored",
        "id: ' 7 ' -> 7",
        "size: 'NA' -> default 0",
        "note: '-' -> None",
    ]


def test_clean_row_rejects_with_every_reason() -> None:
    raw: dict[Any, object] = {"id": "NA", "name": "abcd", "size": "-1", None: ["x"]}
    record, messages = rt._clean_row(_record, RULES, raw)
    assert record is None
    assert messages == [
        "more fields than the header has columns, ignored",
        "id: is required, got 'NA'",
        "name: must be at most 3 characters",
        "size: must be >= 0, got -1.0",
    ]


def test_outliers_are_kept_with_a_message() -> None:
    record, messages = rt._clean_row(_record, RULES, {"id": 1, "name": "a", "size": 11})
    assert record == {"id": 1, "name_": "a", "size": 11.0, "note": None}
    assert messages == ["size: 11.0 is an outlier (> 10.0)"]


def test_nan_is_missing() -> None:
    assert rt._clean_value(RULES[3], float("nan"), []) is None
    assert rt._clean_value(RULES[2], float("nan"), []) is rt._DEFAULT


def test_clean_rows_rejects_later_duplicates_but_not_nulls() -> None:
    def clean(raw: Any) -> Any:
        return rt._clean_row(lambda **v: type("R", (), v)(), RULES, raw)

    rows = [
        {"id": "1", "name": "a", "note": "-"},
        {"id": "2", "name": "a", "note": "-"},
        {"id": "1", "name": "b"},
        {"id": "x", "name": "c"},
    ]
    accepted, rejected = rt._clean_rows(clean, RULES, (("id",), ("name", "note")), rows)
    assert [r.id for r in accepted] == [1, 2]
    assert rejected == [
        (2, ["id: 1 duplicates row 0"]),
        (3, ["id: 'x' is not an integer"]),
    ]
