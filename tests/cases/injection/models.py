"""Models of injection: generated regions between hand-written code."""

# [[[cog sc.python.imports() ]]]
import dataclasses as _dc
import datetime as _dt
import decimal as _decimal
import enum
import json as _json
import math
import re
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
_Json = Annotated[
    bool | int | float | str | list[JsonValue] | dict[str, JsonValue],
    _pd.BeforeValidator(_checked_json),
]
_Date = Annotated[_dt.date, _pd.BeforeValidator(_date)]
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


_WEIRD_SPELLINGS = {
    "it's": "it's",
    'say_"hi"': 'say "hi"',
    "back\\slash": "back\\slash",
    "with_space": "with space",
    "ünïcödé": "ünïcödé",
    "__x__": "--x--",
}


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


# [[[cog sc.python.enum("Weird") ]]]
class Weird(enum.StrEnum):
    """Line one with 'quotes' and "double quotes".
      Indented line two \\ with a backslash.
    Trailing quote\"
    """

    # An apostrophe value.
    IT_S = "it's"
    # Double quotes inside.
    SAY_HI = 'say "hi"'
    # A backslash.
    BACK_SLASH = "back\\slash"
    # Spaces.
    WITH_SPACE = "with space"
    # Non-ASCII ✓.
    ÜNÏCÖDÉ = "ünïcödé"
    # Dashes around a letter.
    X = "--x--"


# [[[end]]]


# [[[cog sc.python.dataclass("select") ]]]
@dataclass(frozen=True, slots=True, kw_only=True)
class Select:
    """A table named like a keyword; description with ''' and \"\"\" and \\n literal"""

    # */ DROP TABLE users; --
    from_: int
    # |pipe| and <script>alert(1)</script>
    class_: str = 'O\'Brien "the" \\ one'
    json_: JsonValue | None = _dc.field(
        default_factory=lambda: _json.loads('{"k\'": ["\\"", "\\\\", "\\n"]}'),
    )
    # No quotes, no backslashes.
    schema_: str | None = None
    model_config_: Weird = Weird.IT_S
    date: _dt.date | None = None
    datetime: _dt.datetime | None = None
    # Leading underscore: # not a heading
    # second line
    id_: int | None = None
    Mixed: bool = False


# [[[end]]]


# [[[cog sc.python.pydantic("select") ]]]
class SelectModel(_pd.BaseModel):
    """A table named like a keyword; description with ''' and \"\"\" and \\n literal"""

    model_config = _pd.ConfigDict(
        frozen=True,
        extra="forbid",
        regex_engine="python-re",
        populate_by_name=True,
        protected_namespaces=(),
    )

    # */ DROP TABLE users; --
    from_: _pd.StrictInt = _pd.Field(
        alias="from",
        ge=-9223372036854775808,
        le=9223372036854775807,
    )
    # |pipe| and <script>alert(1)</script>
    class_: _Text = _pd.Field(
        default='O\'Brien "the" \\ one',
        alias="class",
        max_length=40,
    )
    json_: _Json | None = _pd.Field(
        default_factory=lambda: _json.loads('{"k\'": ["\\"", "\\\\", "\\n"]}'),
        alias="json",
    )
    # No quotes, no backslashes.
    schema_: _Text | None = _pd.Field(
        default=None,
        alias="schema",
        max_length=10000,
        pattern="(?s)^[^'\"\\\\]*\\Z",
    )
    model_config_: Weird = _pd.Field(default=Weird.IT_S, alias="model_config")
    date: _Date | None = _pd.Field(default=None)
    datetime: _TimestampTz | None = _pd.Field(default=None)
    # Leading underscore: # not a heading
    # second line
    id_: _pd.StrictInt | None = _pd.Field(
        default=None,
        alias="_id",
        ge=-2147483648,
        le=2147483647,
    )
    Mixed: _pd.StrictBool = _pd.Field(default=False)


# [[[end]]]


# [[[cog sc.python.validator("select") ]]]
_SELECT_SCHEMA_PATTERN = re.compile("^[^'\"\\\\]*\\Z", re.DOTALL)


def validate_select(row: Mapping[str, object]) -> list[str]:
    """What is wrong with ``row`` as a row of ``select`` (empty when nothing is).

    Checks the rules the database enforces: required columns, types, bounds,
    lengths, patterns and enum values. Keys are column names.
    """
    known = (
        "from",
        "class",
        "json",
        "schema",
        "model_config",
        "date",
        "datetime",
        "_id",
        "Mixed",
    )
    problems = [f"{key}: unknown column" for key in row if key not in known]
    value = row.get("from")
    if value is None:
        problems.append("from: is required")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("from: must be an int")
    else:
        if value < -9223372036854775808:
            problems.append("from: must be >= -9223372036854775808")
        if value > 9223372036854775807:
            problems.append("from: must be <= 9223372036854775807")
    value = row.get("class")
    if value is None:
        if "class" in row:
            problems.append("class: must not be null")
    elif not isinstance(value, str):
        problems.append("class: must be a str")
    elif (problem := _text_problem(value)) is not None:
        problems.append("class: " + problem)
    else:
        if len(value) > 40:
            problems.append("class: must be at most 40 characters")
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
    else:
        if len(value) > 10000:
            problems.append("schema: must be at most 10000 characters")
        if len(value) <= 10000 and _SELECT_SCHEMA_PATTERN.search(value) is None:
            problems.append("schema: must match ^[^'\"\\\\]*$")
    value = row.get("model_config")
    if value is None:
        if "model_config" in row:
            problems.append("model_config: must not be null")
    elif not isinstance(value, str):
        problems.append("model_config: must be a str")
    else:
        if value not in (
            "it's",
            'say "hi"',
            "back\\slash",
            "with space",
            "ünïcödé",
            "--x--",
        ):
            problems.append(
                'model_config: must be one of it\'s, say "hi", back\\slash, with space, ünïcödé, --x--',
            )
    value = row.get("date")
    if value is None:
        pass  # nullable
    elif not isinstance(value, _dt.date) or isinstance(value, _dt.datetime):
        problems.append("date: must be a date")
    value = row.get("datetime")
    if value is None:
        pass  # nullable
    elif not isinstance(value, _dt.datetime):
        problems.append("datetime: must be a datetime")
    elif (problem := _instant_problem(value)) is not None:
        problems.append("datetime: " + problem)
    value = row.get("_id")
    if value is None:
        pass  # nullable
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("_id: must be an int")
    else:
        if value < -2147483648:
            problems.append("_id: must be >= -2147483648")
        if value > 2147483647:
            problems.append("_id: must be <= 2147483647")
    value = row.get("Mixed")
    if value is None:
        if "Mixed" in row:
            problems.append("Mixed: must not be null")
    elif not isinstance(value, bool):
        problems.append("Mixed: must be a bool")
    return problems


# [[[end]]]


# [[[cog sc.python.columns("select") ]]]
SELECT_COLUMNS: tuple[str, ...] = (
    "from",
    "class",
    "json",
    "schema",
    "model_config",
    "date",
    "datetime",
    "_id",
    "Mixed",
)
# [[[end]]]


# [[[cog sc.python.cleaner("select") ]]]
_SELECT_CLEANING = (
    _Cleaning(
        column="from",
        field="from_",
        parse=_integer(-9223372036854775808, 9223372036854775807, "bigint"),
    ),
    _Cleaning(
        column="class",
        field="class_",
        parse=_text,
        default="'O\\'Brien \"the\" \\\\ one'",
        max_length=40,
    ),
    _Cleaning(
        column="json",
        field="json_",
        parse=_json_value,
        default='{"k\'": ["\\"", "\\\\", "\\n"]}',
        nullable=True,
    ),
    _Cleaning(
        column="schema",
        field="schema_",
        parse=_text,
        nullable=True,
        max_length=10000,
        pattern=re.compile("^[^'\"\\\\]*\\Z", re.DOTALL),
        pattern_text="^[^'\"\\\\]*$",
    ),
    _Cleaning(
        column="model_config",
        field="model_config_",
        parse=_enum(Weird, _WEIRD_SPELLINGS),
        default='"it\'s"',
    ),
    _Cleaning(column="date", parse=_date, nullable=True),
    _Cleaning(column="datetime", parse=_timestamp(with_offset=True), nullable=True),
    _Cleaning(
        column="_id",
        field="id_",
        parse=_integer(-2147483648, 2147483647, "integer"),
        nullable=True,
    ),
    _Cleaning(column="Mixed", parse=_boolean, default="False"),
)
_SELECT_KEYS = (("from",),)


def clean_select(raw: Mapping[str, object]) -> tuple[Select | None, list[str]]:
    """``raw`` (text from a CSV export, a form, ...) as a ``Select``, and what was done.

    The record is ``None`` when the row must be rejected. Each message names its
    column: a fix applied (``' x '`` -> ``'x'``), a reason for rejection, an outlier
    or an unknown key. Typed values are checked with ``validate_select`` instead.
    """
    return _clean_row(Select, _SELECT_CLEANING, raw)


def clean_select_rows(
    rows: Iterable[Mapping[str, object]],
) -> tuple[list[Select], list[_Rejection]]:
    """The rows ``clean_select`` accepts, and the rejected ones as (index, messages).

    Indexes count from 0. A row whose primary key or unique value repeats an
    earlier accepted row is rejected as a duplicate.
    """
    return _clean_rows(clean_select, _SELECT_CLEANING, _SELECT_KEYS, rows)


# [[[end]]]


# [[[cog sc.python.pandas_dtypes("select") ]]]
SELECT_PANDAS_DTYPES: dict[str, str] = {
    "from": "Int64",
    "class": "string",
    "json": "object",
    "schema": "string",
    "model_config": "category",
    "date": "object",
    "datetime": "object",
    "_id": "Int32",
    "Mixed": "boolean",
}
# [[[end]]]


# [[[cog sc.python.dataclass("user") ]]]
@dataclass(frozen=True, slots=True, kw_only=True)
class User:
    """Another keyword."""

    key: str
    group: int
    order: int = 0


# [[[end]]]


# [[[cog sc.python.pydantic("user") ]]]
class UserModel(_pd.BaseModel):
    """Another keyword."""

    model_config = _pd.ConfigDict(frozen=True, extra="forbid")

    key: _Text = _pd.Field(max_length=10)
    group: _pd.StrictInt = _pd.Field(ge=-9223372036854775808, le=9223372036854775807)
    order: _pd.StrictInt = _pd.Field(default=0, ge=-5, le=5)


# [[[end]]]


# [[[cog sc.python.validator("user") ]]]
def validate_user(row: Mapping[str, object]) -> list[str]:
    """What is wrong with ``row`` as a row of ``user`` (empty when nothing is).

    Checks the rules the database enforces: required columns, types, bounds,
    lengths, patterns and enum values. Keys are column names.
    """
    known = ("key", "group", "order")
    problems = [f"{key}: unknown column" for key in row if key not in known]
    value = row.get("key")
    if value is None:
        problems.append("key: is required")
    elif not isinstance(value, str):
        problems.append("key: must be a str")
    elif (problem := _text_problem(value)) is not None:
        problems.append("key: " + problem)
    else:
        if len(value) > 10:
            problems.append("key: must be at most 10 characters")
    value = row.get("group")
    if value is None:
        problems.append("group: is required")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("group: must be an int")
    else:
        if value < -9223372036854775808:
            problems.append("group: must be >= -9223372036854775808")
        if value > 9223372036854775807:
            problems.append("group: must be <= 9223372036854775807")
    value = row.get("order")
    if value is None:
        if "order" in row:
            problems.append("order: must not be null")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("order: must be an int")
    else:
        if value < -5:
            problems.append("order: must be >= -5")
        if value > 5:
            problems.append("order: must be <= 5")
    return problems


# [[[end]]]


# [[[cog sc.python.columns("user") ]]]
USER_COLUMNS: tuple[str, ...] = ("key", "group", "order")
# [[[end]]]


# [[[cog sc.python.cleaner("user") ]]]
_USER_CLEANING = (
    _Cleaning(column="key", parse=_text, max_length=10),
    _Cleaning(
        column="group",
        parse=_integer(-9223372036854775808, 9223372036854775807, "bigint"),
    ),
    _Cleaning(
        column="order",
        parse=_integer(-32768, 32767, "smallint"),
        default="0",
        low=-5,
        high=5,
    ),
)
_USER_KEYS = (("key",),)


def clean_user(raw: Mapping[str, object]) -> tuple[User | None, list[str]]:
    """``raw`` (text from a CSV export, a form, ...) as a ``User``, and what was done.

    The record is ``None`` when the row must be rejected. Each message names its
    column: a fix applied (``' x '`` -> ``'x'``), a reason for rejection, an outlier
    or an unknown key. Typed values are checked with ``validate_user`` instead.
    """
    return _clean_row(User, _USER_CLEANING, raw)


def clean_user_rows(
    rows: Iterable[Mapping[str, object]],
) -> tuple[list[User], list[_Rejection]]:
    """The rows ``clean_user`` accepts, and the rejected ones as (index, messages).

    Indexes count from 0. A row whose primary key or unique value repeats an
    earlier accepted row is rejected as a duplicate.
    """
    return _clean_rows(clean_user, _USER_CLEANING, _USER_KEYS, rows)


# [[[end]]]


# [[[cog sc.python.pandas_dtypes("user") ]]]
USER_PANDAS_DTYPES: dict[str, str] = {
    "key": "string",
    "group": "Int64",
    "order": "Int16",
}
# [[[end]]]


def table_count() -> int:
    """Hand-written code after the regions."""
    return 2
