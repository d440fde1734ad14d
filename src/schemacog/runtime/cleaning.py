"""The cleaner runtime: the code every generated ``clean_<table>`` runs, as a real module.

``sc.python.imports()`` copies its sections into each file that has cleaners, byte for
byte (``cleaning_shared``): the core (``_Cleaning``, ``_clean_value``, ``_clean_row``,
``_clean_rows``, ...) once, then only the parsers the file's columns use. A section
starts at one of the top-level definitions named in ``cleaning_shared.SECTION_STARTS``
and runs to the next start. What comes before the core (this docstring, the imports,
``_MISSING_VALUES``) is never copied: the generator writes the schema's own tokens.

The text is laid out for the generated files (ruff's default line length, 88), so this
file is excluded from the package's ``ruff format`` (line length 100) and checked at 88
by ``tests/runtime/test_cleaning_runtime.py`` instead. The generator reuses some of its rules
(``_characters``, ``_shown``, ``_enum``'s spelling rule) so that each exists once.
"""

import base64 as _base64
import datetime as _dt
import decimal as _decimal
import json as _json
import math
import operator as _operator
import re
import uuid as _uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

# Not copied: each file gets the schema's missing_values (these are the defaults).
_MISSING_VALUES = frozenset({"", "NA", "N/A", "null", "NULL", "None"})
_T = TypeVar("_T")
_DEFAULT = object()  # the column's default applies
_REJECTED = object()  # the row must be rejected
_SPACES = " \t\n\r\f\v"  # what a cleaner strips: ASCII white space, as \s means
# Aliases keep three closing brackets, cog's end marker, out of the generated lines.
_Cleaned = tuple[_T | None, list[str]]  # a record (None: rejected) and its messages
_Rejection = tuple[int, list[str]]  # a rejected row: its index and its messages


@dataclass(frozen=True, slots=True, kw_only=True)
class _Cleaning:
    """How the raw values of one column become a typed value (see ``clean_*``)."""

    column: str
    field: str = ""  # the dataclass field, when it is not the column name
    parse: Callable[[object], Any]  # raises ValueError(reason)
    missing: frozenset[str] = _MISSING_VALUES
    default: str | None = None  # how the default is shown; None: no default
    nullable: bool = False
    low: Any = None
    high: Any = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: re.Pattern[str] | None = None
    pattern_text: str = ""
    warn_low: Any = None
    warn_high: Any = None


def _shown(value: object) -> str:
    if isinstance(value, str):
        return repr(str(value))
    if isinstance(value, (bool, int, float, type(None))):
        return repr(value)
    return str(value)


def _characters(count: int) -> str:
    return f"{count} character" if count == 1 else f"{count} characters"


def _violations(rule: _Cleaning, value: Any) -> list[str]:
    """The column's constraints, as the validator and the SQL CHECKs state them."""
    name = rule.column
    found = []
    if rule.low is not None and value < rule.low:
        found.append(f"{name}: must be >= {rule.low}, got {_shown(value)}")
    if rule.high is not None and value > rule.high:
        found.append(f"{name}: must be <= {rule.high}, got {_shown(value)}")
    if rule.min_length is not None and len(value) < rule.min_length:
        found.append(f"{name}: must be at least {_characters(rule.min_length)}")
    if rule.max_length is not None and len(value) > rule.max_length:
        found.append(f"{name}: must be at most {_characters(rule.max_length)}")
    # an overlong value is not matched: the length bounds the pattern's time
    elif rule.pattern is not None and rule.pattern.search(value) is None:
        found.append(f"{name}: must match {rule.pattern_text}, got {_shown(value)}")
    return found


def _clean_value(rule: _Cleaning, raw: object, messages: list[str]) -> Any:
    """One column: strip, missing tokens, default/None/required, parse, constraints."""
    name = rule.column
    value = raw.strip(_SPACES) if isinstance(raw, str) else raw
    stripped = isinstance(raw, str) and value != raw
    if (
        value is None
        or (isinstance(value, str) and value in rule.missing)
        or (isinstance(value, float) and math.isnan(value))
    ):
        noted = isinstance(raw, str) and raw != ""
        if rule.default is not None:
            if noted:
                messages.append(f"{name}: {raw!r} -> default {rule.default}")
            return _DEFAULT
        if rule.nullable:
            if noted:
                messages.append(f"{name}: {raw!r} -> None")
            return None
        got = f", got {raw!r}" if noted else ""
        messages.append(f"{name}: is required{got}")
        return _REJECTED
    try:
        typed = rule.parse(value)
    except ValueError as error:
        messages.append(f"{name}: {raw!r} {error}")
        return _REJECTED
    # a fix: stripped spaces, or an enum member (a str subclass) spelt another way
    respelt = type(typed) is not str and isinstance(typed, str) and typed != value
    if stripped or respelt:
        messages.append(f"{name}: {raw!r} -> {_shown(typed)}")
    problems = _violations(rule, typed)
    if problems:
        messages.extend(problems)
        return _REJECTED
    if rule.warn_low is not None and typed < rule.warn_low:
        messages.append(f"{name}: {_shown(typed)} is an outlier (< {rule.warn_low})")
    if rule.warn_high is not None and typed > rule.warn_high:
        messages.append(f"{name}: {_shown(typed)} is an outlier (> {rule.warn_high})")
    return typed


def _clean_row(
    build: Callable[..., _T],
    rules: tuple[_Cleaning, ...],
    raw: Mapping[str, object],
    check: Callable[[_T], list[str]] | None = None,
) -> _Cleaned[_T]:
    """One row; ``check`` tests the table's checks on the typed record, defaults filled."""
    known = {rule.column for rule in rules}
    messages = [_unknown(key) for key in raw if key not in known]
    values: dict[str, object] = {}
    rejected = False
    for rule in rules:
        value = _clean_value(rule, raw.get(rule.column), messages)
        if value is _REJECTED:
            rejected = True
        elif value is not _DEFAULT:
            values[rule.field or rule.column] = value
    if rejected:
        return None, messages
    record = build(**values)
    failed = check(record) if check is not None else []
    return (None, messages + failed) if failed else (record, messages)


def _unknown(key: object) -> str:
    if key is None:  # csv.DictReader's key for fields beyond the header
        return "more fields than the header has columns, ignored"
    return f"{key}: unknown column, ignored"


def _clean_rows(
    clean: Callable[[Mapping[str, object]], _Cleaned[_T]],
    rules: tuple[_Cleaning, ...],
    keys: tuple[tuple[str, ...], ...],
    rows: Iterable[Mapping[str, object]],
) -> tuple[list[_T], list[_Rejection]]:
    fields = {rule.column: rule.field or rule.column for rule in rules}
    accepted: list[_T] = []
    rejected: list[_Rejection] = []
    first_rows: list[dict[tuple[object, ...], int]] = [{} for _ in keys]
    for index, raw in enumerate(rows):
        record, messages = clean(raw)
        if record is None:
            rejected.append((index, messages))
            continue
        found = [tuple(getattr(record, fields[name]) for name in key) for key in keys]
        repeats = [
            f"{', '.join(key)}: {_shown_key(value)} duplicates row {first[value]}"
            for key, value, first in zip(keys, found, first_rows, strict=True)
            if value in first
        ]
        if repeats:
            rejected.append((index, messages + repeats))
            continue
        for value, first in zip(found, first_rows, strict=True):
            if None not in value:
                first[value] = index
        accepted.append(record)
    return accepted, rejected


def _shown_key(value: tuple[object, ...]) -> str:
    shown = ", ".join(_shown(part) for part in value)
    return shown if len(value) == 1 else f"({shown})"


def _text_problem(value: str) -> str | None:
    """Why some engine would not store ``value`` as it is (None: every engine does)."""
    if "\x00" in value:
        return "contains a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "is not valid Unicode"
    return None


def _checked_text(value: str) -> str:
    problem = _text_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


_JSON_DEPTH = 31  # the deepest nesting of arrays and objects that every engine stores


def _json_problem(value: object) -> str | None:
    """Why ``value`` is not JSON every engine stores alike (None: it is).

    Objects with text keys, lists, text, finite numbers, booleans and null, nested at
    most ``_JSON_DEPTH`` deep (MariaDB's JSON_VALID refuses 32); text as ``_text_problem``
    requires.
    """
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, str):
            problem = _text_problem(item)
            if problem is not None:
                return f"holds text that {problem}"
        elif isinstance(item, dict | list) and depth > _JSON_DEPTH:
            return f"nests arrays and objects deeper than {_JSON_DEPTH}"
        elif isinstance(item, dict):
            if not all(isinstance(key, str) for key in item):
                return "has an object key that is not text"
            pending += [(inner, depth + 1) for inner in item.values()]
            pending += [(key, depth) for key in item]
        elif isinstance(item, list):
            pending += [(inner, depth + 1) for inner in item]
        elif item is not None and not isinstance(item, int | float):
            return "is not JSON"
    try:
        _json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        return "is not JSON"
    return None


def _checked_json(value: Any) -> Any:
    problem = _json_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


def _decimal_places(number: _decimal.Decimal) -> int:
    """The places of a finite ``number``, trailing zeros aside (``2.990`` has two), exactly
    and at once however large its exponent (``normalize`` would round past 28 digits)."""
    _, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)
    kept = len(bytes(digits).rstrip(b"\0"))
    return max(0, -(exponent + len(digits) - kept)) if kept else 0


def _instant_problem(value: _dt.datetime) -> str | None:
    """Why ``value`` is not an instant every engine stores (None: it is): it has a UTC
    offset, and in UTC it lies in the years 1 to 9999 (MariaDB's DATETIME, SQLite's
    julianday)."""
    if value.utcoffset() is None:
        return "must have a time zone"
    try:
        value.astimezone(_dt.UTC)
    except OverflowError:
        return "is outside the years 1 to 9999 in UTC"
    return None


_COMPARISONS: dict[str, Callable[[Any, Any], Any]] = {
    "=": _operator.eq,
    "<>": _operator.ne,
    "<": _operator.lt,
    "<=": _operator.le,
    ">": _operator.gt,
    ">=": _operator.ge,
}


def _sql_is_null(value: Any) -> bool:
    return value is None


def _sql_compare(left: Any, op: str, right: Any) -> bool | None:
    """A comparison of a table's check as SQL makes it: unknown (None) when a side is
    NULL. Only a check that is False refuses a row."""
    if left is None or right is None:
        return None
    return bool(_COMPARISONS[op](left, right))


def _sql_and(*operands: bool | None) -> bool | None:
    if any(operand is False for operand in operands):
        return False
    return None if None in operands else True


def _sql_or(*operands: bool | None) -> bool | None:
    if any(operand is True for operand in operands):
        return True
    return None if None in operands else False


def _sql_not(operand: bool | None) -> bool | None:
    return None if operand is None else not operand


def _text(value: object) -> str:
    if isinstance(value, str):
        return _checked_text(value)
    raise ValueError("is not text")


_INTEGER_TEXT = re.compile(r"[-+]?[0-9]{1,40}(?:\.0*)?")


def _integer(low: int, high: int, type_name: str) -> Callable[[object], int]:
    def parse(value: object) -> int:
        if isinstance(value, str) and _INTEGER_TEXT.fullmatch(value):
            number = int(value.split(".")[0])
        elif isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif (isinstance(value, float) and value.is_integer()) or (
            isinstance(value, _decimal.Decimal)
            and value.is_finite()
            and value == value.to_integral_value()
            and value.adjusted() < 40
        ):
            number = int(value)
        else:
            raise ValueError("is not an integer")
        if not low <= number <= high:
            raise ValueError(f"is out of range for {type_name} ({low} to {high})")
        return number

    return parse


_FLOAT_TEXT = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")


def _float(value: object) -> float:
    if isinstance(value, str) and _FLOAT_TEXT.fullmatch(value):
        number = float(value)
    elif isinstance(value, (int, float, _decimal.Decimal)) and type(value) is not bool:
        try:
            number = float(value)
        except OverflowError:
            raise ValueError("is out of range for float") from None
    else:
        raise ValueError("is not a number")
    if not math.isfinite(number):
        raise ValueError("is not a finite number")
    return number


_DECIMAL_TEXT = re.compile(r"[-+]?(?:[0-9]{1,500}(?:\.[0-9]{0,500})?|\.[0-9]{1,500})")


def _decimal_number(
    precision: int | None, scale: int
) -> Callable[[object], _decimal.Decimal]:
    def parse(value: object) -> _decimal.Decimal:
        if isinstance(value, str) and _DECIMAL_TEXT.fullmatch(value):
            number = _decimal.Decimal(value)
        elif isinstance(value, float):
            number = _decimal.Decimal(repr(value))
        elif isinstance(value, (int, _decimal.Decimal)) and type(value) is not bool:
            number = _decimal.Decimal(value)
        else:
            raise ValueError("is not a decimal number")
        if not number.is_finite():
            raise ValueError("is not a finite number")
        return number if precision is None else _fit_digits(number, precision, scale)

    return parse


def _fit_digits(
    number: _decimal.Decimal, precision: int, scale: int
) -> _decimal.Decimal:
    """``number`` with exactly ``scale`` places, if that needs no rounding and fits."""
    sign, digits, exponent = number.as_tuple()
    if not isinstance(exponent, int) or len(digits) + abs(exponent) > 2000:
        raise ValueError(f"is out of range for decimal({precision}, {scale})")
    if _decimal_places(number) > scale:
        raise ValueError(f"has more than {scale} decimal places")
    coefficient = int("".join(map(str, digits)))
    if exponent < -scale:  # only zeros past the scale
        coefficient //= 10 ** (-scale - exponent)
    else:
        coefficient *= 10 ** (exponent + scale)
    if len(str(coefficient)) > precision:
        raise ValueError(f"has more than {precision - scale} digits before the point")
    return _decimal.Decimal((sign, tuple(map(int, str(coefficient))), -scale))


_BOOLEANS = {
    "true": True,
    "t": True,
    "yes": True,
    "y": True,
    "1": True,
    "false": False,
    "f": False,
    "no": False,
    "n": False,
    "0": False,
}


def _boolean(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return value == 1
    if isinstance(value, str) and value.casefold() in _BOOLEANS:
        return _BOOLEANS[value.casefold()]
    raise ValueError("is not a boolean (true/false, yes/no, y/n, t/f, 1/0)")


_DATE_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _date(value: object) -> _dt.date:
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return value
    if isinstance(value, str) and _DATE_TEXT.fullmatch(value):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError("is not a date (YYYY-MM-DD)")


_TIME_TEXT = re.compile(r"[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?")


def _time(value: object) -> _dt.time:
    if isinstance(value, _dt.time) and value.utcoffset() is not None:
        raise ValueError("has a UTC offset, and the column holds local times")
    if isinstance(value, _dt.time):
        return value
    if isinstance(value, str) and _TIME_TEXT.fullmatch(value):
        try:
            return _dt.time.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError("is not a time (HH:MM[:SS[.ffffff]])")


_TIMESTAMP_TEXT = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?"
    r"(?:Z|[-+][0-9]{2}(?::?[0-9]{2})?)?"
)


def _timestamp(with_offset: bool) -> Callable[[object], _dt.datetime]:
    def parse(value: object) -> _dt.datetime:
        stamp = None
        if isinstance(value, _dt.datetime):
            stamp = value
        elif isinstance(value, str) and _TIMESTAMP_TEXT.fullmatch(value):
            try:
                stamp = _dt.datetime.fromisoformat(value)
            except ValueError:
                pass
        if stamp is None:
            raise ValueError("is not a timestamp (ISO 8601)")
        if with_offset and stamp.utcoffset() is None:
            raise ValueError("has no UTC offset")
        problem = _instant_problem(stamp) if with_offset else None
        if problem is not None:
            raise ValueError(problem)
        if not with_offset and stamp.utcoffset() is not None:
            raise ValueError("has a UTC offset, and the column holds local times")
        return stamp

    return parse


_UUID_TEXT = re.compile(r"\{?[0-9a-fA-F]{8}(?:-?[0-9a-fA-F]{4}){3}-?[0-9a-fA-F]{12}\}?")


def _uuid_value(value: object) -> _uuid.UUID:
    if isinstance(value, _uuid.UUID):
        return value
    if isinstance(value, str) and _UUID_TEXT.fullmatch(value):
        return _uuid.UUID(value)
    raise ValueError("is not a UUID")


def _json_value(value: object) -> Any:
    if isinstance(value, str):
        try:
            value = _json.loads(value, parse_constant=_no_json_constant)
        except (ValueError, RecursionError):
            raise ValueError("is not JSON") from None
    return _checked_json(value)


def _no_json_constant(name: str) -> object:
    raise ValueError(name)


def _binary(value: object) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        try:
            return _base64.b64decode(value, validate=True)
        except ValueError:
            pass
    raise ValueError("is not bytes or base64 text")


def _enum(
    members: Callable[[str], _T], spellings: Mapping[str, str]
) -> Callable[[object], _T]:
    """Spellings are read ignoring case, with spaces and hyphens as underscores."""
    choices = ", ".join(dict.fromkeys(spellings.values()))

    def parse(value: object) -> _T:
        if isinstance(value, str):
            spelling = value.casefold().replace("-", "_").replace(" ", "_")
            if spelling in spellings:
                return members(spellings[spelling])
        raise ValueError(f"is not one of {choices}")

    return parse
