"""Models of every_feature: generated regions between hand-written code."""

# [[[cog sc.python.imports() ]]]
import base64 as _base64
import dataclasses as _dc
import datetime as _dt
import decimal as _decimal
import enum
import json as _json
import math
import re
import uuid as _uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

import pydantic as _pd
from typing_extensions import TypeAliasType

JsonValue = TypeAliasType(
    "JsonValue",
    "None | bool | int | float | str | list[JsonValue] | dict[str, JsonValue]",
)


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


def _binary(value: object) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        try:
            return _base64.b64decode(value, validate=True)
        except ValueError:
            pass
    raise ValueError("is not bytes or base64 text")


_Text = Annotated[_pd.StrictStr, _pd.AfterValidator(_checked_text)]
_Json = Annotated[
    bool | int | float | str | list[JsonValue] | dict[str, JsonValue],
    _pd.BeforeValidator(_checked_json),
]
_Date = Annotated[_dt.date, _pd.BeforeValidator(_date)]
_Time = Annotated[_dt.time, _pd.BeforeValidator(_time)]
_Timestamp = Annotated[_dt.datetime, _pd.BeforeValidator(_timestamp(with_offset=False))]
_TimestampTz = Annotated[
    _dt.datetime, _pd.BeforeValidator(_timestamp(with_offset=True))
]
_Uuid = Annotated[_uuid.UUID, _pd.BeforeValidator(_uuid_value)]
_Base64Bytes = Annotated[
    bytes,
    _pd.BeforeValidator(_binary),
    _pd.PlainSerializer(
        lambda data: _base64.b64encode(data).decode(), when_used="json"
    ),
]
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


_LEVEL_SPELLINGS = {"low": "low", "in_progress": "in-progress", "2nd": "2nd"}


_YES_NO_SPELLINGS = {"yes": "yes", "no": "no", "on": "on"}


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


def _json_value(value: object) -> Any:
    if isinstance(value, str):
        try:
            value = _json.loads(value, parse_constant=_no_json_constant)
        except (ValueError, RecursionError):
            raise ValueError("is not JSON") from None
    return _checked_json(value)


def _no_json_constant(name: str) -> object:
    raise ValueError(name)


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


# [[[end]]]


# [[[cog sc.python.enum("level") ]]]
class Level(enum.StrEnum):
    """How loud."""

    # Quiet.
    LOW = "low"
    IN_PROGRESS = "in-progress"
    # A value that starts with a digit.
    _2ND = "2nd"


# [[[end]]]


# [[[cog sc.python.enum("yes_no") ]]]
class YesNo(enum.StrEnum):
    """Values of enum ``yes_no``."""

    # Agreed
    YES = "yes"
    # Refused
    NO = "no"
    # Neutral
    ON = "on"


# [[[end]]]


# [[[cog sc.python.dataclass("class") ]]]
@dataclass(frozen=True, slots=True, kw_only=True)
class Class:
    """A table named like a Python keyword."""

    id: int
    def_: str = "abc"
    json_: JsonValue | None = _dc.field(
        default_factory=lambda: _json.loads('{"a": [1, 2.5, true, null, "x"]}'),
    )
    schema_: str | None = None
    model_x_: float = 0.5
    date: _dt.date = _dt.date(2024, 2, 29)
    datetime: _dt.datetime = _dc.field(default_factory=_dt.datetime.now)
    t: _dt.time = _dt.time(23, 59, 59, 999999)
    tz: _dt.datetime = _dt.datetime(
        2024,
        1,
        1,
        0,
        0,
        tzinfo=_dt.timezone(_dt.timedelta(seconds=19800)),
    )
    u: _uuid.UUID = _dc.field(
        default=_uuid.UUID("00000000-0000-0000-0000-000000000000"),
    )
    b: bytes = b"hello"
    flag: bool = False
    amount: _decimal.Decimal = _decimal.Decimal("-0.5")
    small: int = 16
    big: int = 9223372036854775807
    lvl: Level = Level.IN_PROGRESS
    answer: YesNo | None = None


# [[[end]]]


# [[[cog sc.python.pydantic("class") ]]]
class ClassModel(_pd.BaseModel):
    """A table named like a Python keyword."""

    model_config = _pd.ConfigDict(
        frozen=True,
        extra="forbid",
        regex_engine="python-re",
        populate_by_name=True,
        protected_namespaces=(),
    )

    id: _pd.StrictInt = _pd.Field(ge=-2147483648, le=2147483647)
    def_: _Text = _pd.Field(
        default="abc",
        alias="def",
        min_length=2,
        max_length=10,
        pattern=r"(?s)^[a-z]{2,10}\Z",
    )
    json_: _Json | None = _pd.Field(
        default_factory=lambda: _json.loads('{"a": [1, 2.5, true, null, "x"]}'),
        alias="json",
    )
    schema_: _Text | None = _pd.Field(default=None, alias="schema")
    model_x_: _pd.StrictFloat = _pd.Field(
        default=0.5,
        alias="model_x",
        ge=-1.5,
        le=1000.0,
        allow_inf_nan=False,
    )
    date: _Date = _pd.Field(default=_dt.date(2024, 2, 29))
    datetime: _Timestamp = _pd.Field(default_factory=_dt.datetime.now)
    t: _Time = _pd.Field(default=_dt.time(23, 59, 59, 999999))
    tz: _TimestampTz = _pd.Field(
        default=_dt.datetime(
            2024,
            1,
            1,
            0,
            0,
            tzinfo=_dt.timezone(_dt.timedelta(seconds=19800)),
        ),
    )
    u: _Uuid = _pd.Field(default=_uuid.UUID("00000000-0000-0000-0000-000000000000"))
    b: _Base64Bytes = _pd.Field(default=b"hello")
    flag: _pd.StrictBool = _pd.Field(default=False)
    amount: _decimal.Decimal = _pd.Field(
        default=_decimal.Decimal("-0.5"),
        ge=_decimal.Decimal("-999.99"),
        le=_decimal.Decimal(999),
        gt=-1000,
        lt=1000,
        decimal_places=2,
    )
    small: _pd.StrictInt = _pd.Field(default=16, ge=-32768, le=32767)
    big: _pd.StrictInt = _pd.Field(
        default=9223372036854775807,
        ge=-9223372036854775808,
        le=9223372036854775807,
    )
    lvl: Level = _pd.Field(default=Level.IN_PROGRESS)
    answer: YesNo | None = _pd.Field(default=None)


# [[[end]]]


# [[[cog sc.python.validator("class") ]]]
_CLASS_DEF_PATTERN = re.compile(r"^[a-z]{2,10}\Z", re.DOTALL)


def validate_class(row: Mapping[str, object]) -> list[str]:
    """What is wrong with ``row`` as a row of ``class`` (empty when nothing is).

    Checks the rules the database enforces: required columns, types, bounds,
    lengths, patterns and enum values. Keys are column names.
    """
    known = (
        "id",
        "def",
        "json",
        "schema",
        "model_x",
        "date",
        "datetime",
        "t",
        "tz",
        "u",
        "b",
        "flag",
        "amount",
        "small",
        "big",
        "lvl",
        "answer",
    )
    problems = [f"{key}: unknown column" for key in row if key not in known]
    value = row.get("id")
    if value is None:
        if "id" in row:
            problems.append("id: must not be null")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("id: must be an int")
    else:
        if value < -2147483648:
            problems.append("id: must be >= -2147483648")
        if value > 2147483647:
            problems.append("id: must be <= 2147483647")
    value = row.get("def")
    if value is None:
        if "def" in row:
            problems.append("def: must not be null")
    elif not isinstance(value, str):
        problems.append("def: must be a str")
    elif (problem := _text_problem(value)) is not None:
        problems.append("def: " + problem)
    else:
        if len(value) < 2:
            problems.append("def: must be at least 2 characters")
        if len(value) > 10:
            problems.append("def: must be at most 10 characters")
        if len(value) <= 10 and _CLASS_DEF_PATTERN.search(value) is None:
            problems.append("def: must match ^[a-z]{2,10}$")
    value = row.get("json")
    if value is None:
        pass  # nullable
    elif not isinstance(value, (dict, list, str, int, float, bool)):
        problems.append("json: must be a JSON value")
    elif (problem := _json_problem(value)) is not None:
        problems.append("json: " + problem)
    value = row.get("schema")
    if value is None:
        pass  # nullable
    elif not isinstance(value, str):
        problems.append("schema: must be a str")
    elif (problem := _text_problem(value)) is not None:
        problems.append("schema: " + problem)
    value = row.get("model_x")
    if value is None:
        if "model_x" in row:
            problems.append("model_x: must not be null")
    elif not isinstance(value, (int, float)) or isinstance(value, bool):
        problems.append("model_x: must be a float")
    elif not abs(value) <= 1.7976931348623157e308:
        problems.append("model_x: must be a finite number")
    else:
        if value < -1.5:
            problems.append("model_x: must be >= -1.5")
        if value > 1000.0:
            problems.append("model_x: must be <= 1000.0")
    value = row.get("date")
    if value is None:
        if "date" in row:
            problems.append("date: must not be null")
    elif not isinstance(value, _dt.date) or isinstance(value, _dt.datetime):
        problems.append("date: must be a date")
    value = row.get("datetime")
    if value is None:
        if "datetime" in row:
            problems.append("datetime: must not be null")
    elif not isinstance(value, _dt.datetime):
        problems.append("datetime: must be a datetime")
    elif value.utcoffset() is not None:
        problems.append("datetime: must not have a time zone")
    value = row.get("t")
    if value is None:
        if "t" in row:
            problems.append("t: must not be null")
    elif not isinstance(value, _dt.time):
        problems.append("t: must be a time")
    elif value.utcoffset() is not None:
        problems.append("t: must not have a time zone")
    value = row.get("tz")
    if value is None:
        if "tz" in row:
            problems.append("tz: must not be null")
    elif not isinstance(value, _dt.datetime):
        problems.append("tz: must be a datetime")
    elif (problem := _instant_problem(value)) is not None:
        problems.append("tz: " + problem)
    value = row.get("u")
    if value is None:
        if "u" in row:
            problems.append("u: must not be null")
    elif not isinstance(value, _uuid.UUID):
        problems.append("u: must be a UUID")
    value = row.get("b")
    if value is None:
        if "b" in row:
            problems.append("b: must not be null")
    elif not isinstance(value, bytes):
        problems.append("b: must be bytes")
    value = row.get("flag")
    if value is None:
        if "flag" in row:
            problems.append("flag: must not be null")
    elif not isinstance(value, bool):
        problems.append("flag: must be a bool")
    value = row.get("amount")
    if value is None:
        if "amount" in row:
            problems.append("amount: must not be null")
    elif not isinstance(value, (int, _decimal.Decimal)) or isinstance(value, bool):
        problems.append("amount: must be a Decimal")
    elif not _decimal.Decimal(value).is_finite():
        problems.append("amount: must be a finite number")
    else:
        if value < _decimal.Decimal("-999.99"):
            problems.append("amount: must be >= -999.99")
        if value > _decimal.Decimal(999):
            problems.append("amount: must be <= 999")
        if _decimal.Decimal(value).copy_abs() >= 1000:
            problems.append("amount: has more than 3 digits before the point")
        if _decimal_places(_decimal.Decimal(value)) > 2:
            problems.append("amount: has more than 2 decimal places")
    value = row.get("small")
    if value is None:
        if "small" in row:
            problems.append("small: must not be null")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("small: must be an int")
    else:
        if value < -32768:
            problems.append("small: must be >= -32768")
        if value > 32767:
            problems.append("small: must be <= 32767")
    value = row.get("big")
    if value is None:
        if "big" in row:
            problems.append("big: must not be null")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("big: must be an int")
    else:
        if value < -9223372036854775808:
            problems.append("big: must be >= -9223372036854775808")
        if value > 9223372036854775807:
            problems.append("big: must be <= 9223372036854775807")
    value = row.get("lvl")
    if value is None:
        if "lvl" in row:
            problems.append("lvl: must not be null")
    elif not isinstance(value, str):
        problems.append("lvl: must be a str")
    else:
        if value not in ("low", "in-progress", "2nd"):
            problems.append("lvl: must be one of low, in-progress, 2nd")
    value = row.get("answer")
    if value is None:
        pass  # nullable
    elif not isinstance(value, str):
        problems.append("answer: must be a str")
    else:
        if value not in ("yes", "no", "on"):
            problems.append("answer: must be one of yes, no, on")
    return problems


# [[[end]]]


# [[[cog sc.python.columns("class") ]]]
CLASS_COLUMNS: tuple[str, ...] = (
    "id",
    "def",
    "json",
    "schema",
    "model_x",
    "date",
    "datetime",
    "t",
    "tz",
    "u",
    "b",
    "flag",
    "amount",
    "small",
    "big",
    "lvl",
    "answer",
)
# [[[end]]]


# [[[cog sc.python.cleaner("class") ]]]
_CLASS_CLEANING = (
    _Cleaning(column="id", parse=_integer(-2147483648, 2147483647, "integer")),
    _Cleaning(
        column="def",
        field="def_",
        parse=_text,
        default="'abc'",
        min_length=2,
        max_length=10,
        pattern=re.compile(r"^[a-z]{2,10}\Z", re.DOTALL),
        pattern_text="^[a-z]{2,10}$",
    ),
    _Cleaning(
        column="json",
        field="json_",
        parse=_json_value,
        default='{"a": [1, 2.5, true, null, "x"]}',
        nullable=True,
    ),
    _Cleaning(column="schema", field="schema_", parse=_text, nullable=True),
    _Cleaning(
        column="model_x",
        field="model_x_",
        parse=_float,
        default="0.5",
        low=-1.5,
        high=1000.0,
    ),
    _Cleaning(column="date", parse=_date, default="2024-02-29"),
    _Cleaning(column="datetime", parse=_timestamp(with_offset=False), default="now"),
    _Cleaning(column="t", parse=_time, default="23:59:59.999999"),
    _Cleaning(
        column="tz",
        parse=_timestamp(with_offset=True),
        default="2024-01-01 00:00:00+05:30",
    ),
    _Cleaning(
        column="u",
        parse=_uuid_value,
        default="00000000-0000-0000-0000-000000000000",
    ),
    _Cleaning(column="b", parse=_binary, default="b'hello'"),
    _Cleaning(column="flag", parse=_boolean, default="False"),
    _Cleaning(
        column="amount",
        parse=_decimal_number(5, 2),
        default="-0.5",
        low=_decimal.Decimal("-999.99"),
        high=_decimal.Decimal(999),
    ),
    _Cleaning(
        column="small",
        parse=_integer(-32768, 32767, "smallint"),
        default="16",
        low=-32768,
        high=32767,
    ),
    _Cleaning(
        column="big",
        parse=_integer(-9223372036854775808, 9223372036854775807, "bigint"),
        default="9223372036854775807",
    ),
    _Cleaning(
        column="lvl",
        parse=_enum(Level, _LEVEL_SPELLINGS),
        default="'in-progress'",
    ),
    _Cleaning(column="answer", parse=_enum(YesNo, _YES_NO_SPELLINGS), nullable=True),
)
_CLASS_KEYS = (("id",), ("def", "lvl"), ("small",))


def clean_class(raw: Mapping[str, object]) -> tuple[Class | None, list[str]]:
    """``raw`` (text from a CSV export, a form, ...) as a ``Class``, and what was done.

    The record is ``None`` when the row must be rejected. Each message names its
    column: a fix applied (``' x '`` -> ``'x'``), a reason for rejection, an outlier
    or an unknown key. Typed values are checked with ``validate_class`` instead.
    """
    return _clean_row(Class, _CLASS_CLEANING, raw)


def clean_class_rows(
    rows: Iterable[Mapping[str, object]],
) -> tuple[list[Class], list[_Rejection]]:
    """The rows ``clean_class`` accepts, and the rejected ones as (index, messages).

    Indexes count from 0. A row whose primary key or unique value repeats an
    earlier accepted row is rejected as a duplicate.
    """
    return _clean_rows(clean_class, _CLASS_CLEANING, _CLASS_KEYS, rows)


# [[[end]]]


# [[[cog sc.python.pandas_dtypes("class") ]]]
CLASS_PANDAS_DTYPES: dict[str, str] = {
    "id": "Int32",
    "def": "string",
    "json": "object",
    "schema": "string",
    "model_x": "Float64",
    "date": "object",
    "datetime": "object",
    "t": "object",
    "tz": "object",
    "u": "object",
    "b": "object",
    "flag": "boolean",
    "amount": "object",
    "small": "Int16",
    "big": "Int64",
    "lvl": "category",
    "answer": "category",
}
# [[[end]]]


# [[[cog sc.python.dataclass("child") ]]]
@dataclass(frozen=True, slots=True, kw_only=True)
class Child:
    """A row of table ``child``."""

    parent_id: int | None = None
    def_: str = "xy"
    lvl: Level = Level.LOW
    seq: int


# [[[end]]]


# [[[cog sc.python.pydantic("child") ]]]
class ChildModel(_pd.BaseModel):
    """A row of table ``child``."""

    model_config = _pd.ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    parent_id: _pd.StrictInt | None = _pd.Field(
        default=None,
        ge=-2147483648,
        le=2147483647,
    )
    def_: _Text = _pd.Field(default="xy", alias="def", max_length=10)
    lvl: Level = _pd.Field(default=Level.LOW)
    seq: _pd.StrictInt = _pd.Field(ge=-32768, le=32767)


# [[[end]]]


# [[[cog sc.python.validator("child") ]]]
def validate_child(row: Mapping[str, object]) -> list[str]:
    """What is wrong with ``row`` as a row of ``child`` (empty when nothing is).

    Checks the rules the database enforces: required columns, types, bounds,
    lengths, patterns and enum values. Keys are column names.
    """
    known = ("parent_id", "def", "lvl", "seq")
    problems = [f"{key}: unknown column" for key in row if key not in known]
    value = row.get("parent_id")
    if value is None:
        pass  # nullable
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("parent_id: must be an int")
    else:
        if value < -2147483648:
            problems.append("parent_id: must be >= -2147483648")
        if value > 2147483647:
            problems.append("parent_id: must be <= 2147483647")
    value = row.get("def")
    if value is None:
        if "def" in row:
            problems.append("def: must not be null")
    elif not isinstance(value, str):
        problems.append("def: must be a str")
    elif (problem := _text_problem(value)) is not None:
        problems.append("def: " + problem)
    else:
        if len(value) > 10:
            problems.append("def: must be at most 10 characters")
    value = row.get("lvl")
    if value is None:
        if "lvl" in row:
            problems.append("lvl: must not be null")
    elif not isinstance(value, str):
        problems.append("lvl: must be a str")
    else:
        if value not in ("low", "in-progress", "2nd"):
            problems.append("lvl: must be one of low, in-progress, 2nd")
    value = row.get("seq")
    if value is None:
        problems.append("seq: is required")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("seq: must be an int")
    else:
        if value < -32768:
            problems.append("seq: must be >= -32768")
        if value > 32767:
            problems.append("seq: must be <= 32767")
    return problems


# [[[end]]]


# [[[cog sc.python.columns("child") ]]]
CHILD_COLUMNS: tuple[str, ...] = ("parent_id", "def", "lvl", "seq")
# [[[end]]]


# [[[cog sc.python.cleaner("child") ]]]
_CHILD_CLEANING = (
    _Cleaning(
        column="parent_id",
        parse=_integer(-2147483648, 2147483647, "integer"),
        nullable=True,
    ),
    _Cleaning(column="def", field="def_", parse=_text, default="'xy'", max_length=10),
    _Cleaning(column="lvl", parse=_enum(Level, _LEVEL_SPELLINGS), default="'low'"),
    _Cleaning(column="seq", parse=_integer(-32768, 32767, "smallint")),
)
_CHILD_KEYS = (("seq",),)


def clean_child(raw: Mapping[str, object]) -> tuple[Child | None, list[str]]:
    """``raw`` (text from a CSV export, a form, ...) as a ``Child``, and what was done.

    The record is ``None`` when the row must be rejected. Each message names its
    column: a fix applied (``' x '`` -> ``'x'``), a reason for rejection, an outlier
    or an unknown key. Typed values are checked with ``validate_child`` instead.
    """
    return _clean_row(Child, _CHILD_CLEANING, raw)


def clean_child_rows(
    rows: Iterable[Mapping[str, object]],
) -> tuple[list[Child], list[_Rejection]]:
    """The rows ``clean_child`` accepts, and the rejected ones as (index, messages).

    Indexes count from 0. A row whose primary key or unique value repeats an
    earlier accepted row is rejected as a duplicate.
    """
    return _clean_rows(clean_child, _CHILD_CLEANING, _CHILD_KEYS, rows)


# [[[end]]]


# [[[cog sc.python.pandas_dtypes("child") ]]]
CHILD_PANDAS_DTYPES: dict[str, str] = {
    "parent_id": "Int32",
    "def": "string",
    "lvl": "category",
    "seq": "Int16",
}
# [[[end]]]


def table_count() -> int:
    """Hand-written code after the regions."""
    return 2
