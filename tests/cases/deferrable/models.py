"""Models of rental: generated regions between hand-written code."""

# [[[cog sc.python.imports() ]]]
import datetime as _dt
import decimal as _decimal
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

import pydantic as _pd


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


_Text = Annotated[_pd.StrictStr, _pd.AfterValidator(_checked_text)]
_Date = Annotated[_dt.date, _pd.BeforeValidator(_date)]
_Time = Annotated[_dt.time, _pd.BeforeValidator(_time)]
_TimestampTz = Annotated[
    _dt.datetime, _pd.BeforeValidator(_timestamp(with_offset=True))
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


# [[[end]]]


# [[[cog sc.python.dataclass("store") ]]]
@dataclass(frozen=True, slots=True, kw_only=True)
class Store:
    """A shop; its manager is one of its staff."""

    store_id: int
    manager_staff_id: int
    opened_on: _dt.date


# [[[end]]]


# [[[cog sc.python.pydantic("store") ]]]
class StoreModel(_pd.BaseModel):
    """A shop; its manager is one of its staff."""

    model_config = _pd.ConfigDict(frozen=True, extra="forbid")

    store_id: _pd.StrictInt = _pd.Field(ge=-32768, le=32767)
    manager_staff_id: _pd.StrictInt = _pd.Field(ge=-32768, le=32767)
    opened_on: _Date = _pd.Field(ge=_dt.date(2000, 1, 1), le=_dt.date(2099, 12, 31))


# [[[end]]]


# [[[cog sc.python.validator("store") ]]]
def validate_store(row: Mapping[str, object]) -> list[str]:
    """What is wrong with ``row`` as a row of ``store`` (empty when nothing is).

    Checks the rules the database enforces: required columns, types, bounds,
    lengths, patterns and enum values. Keys are column names.
    """
    known = ("store_id", "manager_staff_id", "opened_on")
    problems = [f"{key}: unknown column" for key in row if key not in known]
    value = row.get("store_id")
    if value is None:
        problems.append("store_id: is required")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("store_id: must be an int")
    else:
        if value < -32768:
            problems.append("store_id: must be >= -32768")
        if value > 32767:
            problems.append("store_id: must be <= 32767")
    value = row.get("manager_staff_id")
    if value is None:
        problems.append("manager_staff_id: is required")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("manager_staff_id: must be an int")
    else:
        if value < -32768:
            problems.append("manager_staff_id: must be >= -32768")
        if value > 32767:
            problems.append("manager_staff_id: must be <= 32767")
    value = row.get("opened_on")
    if value is None:
        problems.append("opened_on: is required")
    elif not isinstance(value, _dt.date) or isinstance(value, _dt.datetime):
        problems.append("opened_on: must be a date")
    else:
        if value < _dt.date(2000, 1, 1):
            problems.append("opened_on: must be >= 2000-01-01")
        if value > _dt.date(2099, 12, 31):
            problems.append("opened_on: must be <= 2099-12-31")
    return problems


# [[[end]]]


# [[[cog sc.python.columns("store") ]]]
STORE_COLUMNS: tuple[str, ...] = ("store_id", "manager_staff_id", "opened_on")
# [[[end]]]


# [[[cog sc.python.cleaner("store") ]]]
_STORE_CLEANING = (
    _Cleaning(column="store_id", parse=_integer(-32768, 32767, "smallint")),
    _Cleaning(column="manager_staff_id", parse=_integer(-32768, 32767, "smallint")),
    _Cleaning(
        column="opened_on",
        parse=_date,
        low=_dt.date(2000, 1, 1),
        high=_dt.date(2099, 12, 31),
    ),
)
_STORE_KEYS = (("store_id",),)


def clean_store(raw: Mapping[str, object]) -> tuple[Store | None, list[str]]:
    """``raw`` (text from a CSV export, a form, ...) as a ``Store``, and what was done.

    The record is ``None`` when the row must be rejected. Each message names its
    column: a fix applied (``' x '`` -> ``'x'``), a reason for rejection, an outlier
    or an unknown key. Typed values are checked with ``validate_store`` instead.
    """
    return _clean_row(Store, _STORE_CLEANING, raw)


def clean_store_rows(
    rows: Iterable[Mapping[str, object]],
) -> tuple[list[Store], list[_Rejection]]:
    """The rows ``clean_store`` accepts, and the rejected ones as (index, messages).

    Indexes count from 0. A row whose primary key or unique value repeats an
    earlier accepted row is rejected as a duplicate.
    """
    return _clean_rows(clean_store, _STORE_CLEANING, _STORE_KEYS, rows)


# [[[end]]]


# [[[cog sc.python.pandas_dtypes("store") ]]]
STORE_PANDAS_DTYPES: dict[str, str] = {
    "store_id": "Int16",
    "manager_staff_id": "Int16",
    "opened_on": "object",
}
# [[[end]]]


# [[[cog sc.python.dataclass("staff") ]]]
@dataclass(frozen=True, slots=True, kw_only=True)
class Staff:
    """A row of table ``staff``."""

    staff_id: int
    store_id: int
    first_name: str
    shift_start: _dt.time | None = None
    last_update: _dt.datetime


# [[[end]]]


# [[[cog sc.python.pydantic("staff") ]]]
class StaffModel(_pd.BaseModel):
    """A row of table ``staff``."""

    model_config = _pd.ConfigDict(frozen=True, extra="forbid")

    staff_id: _pd.StrictInt = _pd.Field(ge=-32768, le=32767)
    store_id: _pd.StrictInt = _pd.Field(ge=-32768, le=32767)
    first_name: _Text = _pd.Field(max_length=45)
    shift_start: _Time | None = _pd.Field(
        default=None,
        ge=_dt.time(6, 0),
        le=_dt.time(14, 0),
    )
    last_update: _TimestampTz = _pd.Field(
        ge=_dt.datetime(2000, 1, 1, 0, 0, tzinfo=_dt.UTC),
    )


# [[[end]]]


# [[[cog sc.python.validator("staff") ]]]
def validate_staff(row: Mapping[str, object]) -> list[str]:
    """What is wrong with ``row`` as a row of ``staff`` (empty when nothing is).

    Checks the rules the database enforces: required columns, types, bounds,
    lengths, patterns and enum values. Keys are column names.
    """
    known = ("staff_id", "store_id", "first_name", "shift_start", "last_update")
    problems = [f"{key}: unknown column" for key in row if key not in known]
    value = row.get("staff_id")
    if value is None:
        problems.append("staff_id: is required")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("staff_id: must be an int")
    else:
        if value < -32768:
            problems.append("staff_id: must be >= -32768")
        if value > 32767:
            problems.append("staff_id: must be <= 32767")
    value = row.get("store_id")
    if value is None:
        problems.append("store_id: is required")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("store_id: must be an int")
    else:
        if value < -32768:
            problems.append("store_id: must be >= -32768")
        if value > 32767:
            problems.append("store_id: must be <= 32767")
    value = row.get("first_name")
    if value is None:
        problems.append("first_name: is required")
    elif not isinstance(value, str):
        problems.append("first_name: must be a str")
    elif (problem := _text_problem(value)) is not None:
        problems.append("first_name: " + problem)
    else:
        if len(value) > 45:
            problems.append("first_name: must be at most 45 characters")
    value = row.get("shift_start")
    if value is None:
        pass  # nullable
    elif not isinstance(value, _dt.time):
        problems.append("shift_start: must be a time")
    elif value.utcoffset() is not None:
        problems.append("shift_start: must not have a time zone")
    else:
        if value < _dt.time(6, 0):
            problems.append("shift_start: must be >= 06:00:00")
        if value > _dt.time(14, 0):
            problems.append("shift_start: must be <= 14:00:00")
    value = row.get("last_update")
    if value is None:
        problems.append("last_update: is required")
    elif not isinstance(value, _dt.datetime):
        problems.append("last_update: must be a datetime")
    elif (problem := _instant_problem(value)) is not None:
        problems.append("last_update: " + problem)
    else:
        if value < _dt.datetime(2000, 1, 1, 0, 0, tzinfo=_dt.UTC):
            problems.append("last_update: must be >= 2000-01-01 00:00:00+00:00")
    return problems


# [[[end]]]


# [[[cog sc.python.columns("staff") ]]]
STAFF_COLUMNS: tuple[str, ...] = (
    "staff_id",
    "store_id",
    "first_name",
    "shift_start",
    "last_update",
)
# [[[end]]]


# [[[cog sc.python.cleaner("staff") ]]]
_STAFF_CLEANING = (
    _Cleaning(column="staff_id", parse=_integer(-32768, 32767, "smallint")),
    _Cleaning(column="store_id", parse=_integer(-32768, 32767, "smallint")),
    _Cleaning(column="first_name", parse=_text, max_length=45),
    _Cleaning(
        column="shift_start",
        parse=_time,
        nullable=True,
        low=_dt.time(6, 0),
        high=_dt.time(14, 0),
    ),
    _Cleaning(
        column="last_update",
        parse=_timestamp(with_offset=True),
        low=_dt.datetime(2000, 1, 1, 0, 0, tzinfo=_dt.UTC),
    ),
)
_STAFF_KEYS = (("staff_id",),)


def clean_staff(raw: Mapping[str, object]) -> tuple[Staff | None, list[str]]:
    """``raw`` (text from a CSV export, a form, ...) as a ``Staff``, and what was done.

    The record is ``None`` when the row must be rejected. Each message names its
    column: a fix applied (``' x '`` -> ``'x'``), a reason for rejection, an outlier
    or an unknown key. Typed values are checked with ``validate_staff`` instead.
    """
    return _clean_row(Staff, _STAFF_CLEANING, raw)


def clean_staff_rows(
    rows: Iterable[Mapping[str, object]],
) -> tuple[list[Staff], list[_Rejection]]:
    """The rows ``clean_staff`` accepts, and the rejected ones as (index, messages).

    Indexes count from 0. A row whose primary key or unique value repeats an
    earlier accepted row is rejected as a duplicate.
    """
    return _clean_rows(clean_staff, _STAFF_CLEANING, _STAFF_KEYS, rows)


# [[[end]]]


# [[[cog sc.python.pandas_dtypes("staff") ]]]
STAFF_PANDAS_DTYPES: dict[str, str] = {
    "staff_id": "Int16",
    "store_id": "Int16",
    "first_name": "string",
    "shift_start": "object",
    "last_update": "object",
}
# [[[end]]]


def table_count() -> int:
    """Hand-written code after the regions."""
    return 2
