"""Models of checks: generated regions between hand-written code."""

# [[[cog sc.python.imports() ]]]
import base64 as _base64
import datetime as _dt
import decimal as _decimal
import enum
import json as _json
import math
import operator as _operator
import re
import uuid as _uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Self, TypeVar

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


_STATUS_SPELLINGS = {"placed": "placed", "shipped": "shipped", "delivered": "delivered"}


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


# [[[cog sc.python.enum("status") ]]]
class Status(enum.StrEnum):
    """Values of enum ``status``."""

    # Ordered, not shipped.
    PLACED = "placed"
    # With the carrier.
    SHIPPED = "shipped"
    # Signed for.
    DELIVERED = "delivered"


# [[[end]]]


# [[[cog sc.python.dataclass("shipment") ]]]
@dataclass(frozen=True, slots=True, kw_only=True)
class Shipment:
    """One parcel sent to a customer."""

    id: int
    ordered_on: _dt.date
    shipped_on: _dt.date | None = None
    ordered_at: _dt.datetime
    delivered_at: _dt.datetime | None = None
    window_start: _dt.time
    window_end: _dt.time
    local_at: _dt.datetime | None = None
    quantity: int
    max_quantity: int = 100
    price: _decimal.Decimal
    discount: _decimal.Decimal = _decimal.Decimal(0)
    weight: float | None = None
    code: str
    # A column named like a keyword.
    user: str | None = None
    status: Status = Status.PLACED
    express: bool = False
    tracking: _uuid.UUID | None = None
    notes: JsonValue | None = None
    label: bytes | None = None


# [[[end]]]


# [[[cog sc.python.pydantic("shipment") ]]]
class ShipmentModel(_pd.BaseModel):
    """One parcel sent to a customer."""

    model_config = _pd.ConfigDict(frozen=True, extra="forbid")

    id: _pd.StrictInt = _pd.Field(ge=-2147483648, le=2147483647)
    ordered_on: _Date
    shipped_on: _Date | None = _pd.Field(default=None)
    ordered_at: _TimestampTz
    delivered_at: _TimestampTz | None = _pd.Field(default=None)
    window_start: _Time
    window_end: _Time
    local_at: _Timestamp | None = _pd.Field(default=None)
    quantity: _pd.StrictInt = _pd.Field(ge=-32768, le=32767)
    max_quantity: _pd.StrictInt = _pd.Field(
        default=100,
        ge=-9223372036854775808,
        le=9223372036854775807,
    )
    price: _decimal.Decimal = _pd.Field(gt=-100000000, lt=100000000, decimal_places=2)
    discount: _decimal.Decimal = _pd.Field(
        default=_decimal.Decimal(0),
        gt=-100000000,
        lt=100000000,
        decimal_places=2,
    )
    weight: _pd.StrictFloat | None = _pd.Field(default=None, allow_inf_nan=False)
    code: _Text = _pd.Field(max_length=20)
    # A column named like a keyword.
    user: _Text | None = _pd.Field(default=None)
    status: Status = _pd.Field(default=Status.PLACED)
    express: _pd.StrictBool = _pd.Field(default=False)
    tracking: _Uuid | None = _pd.Field(default=None)
    notes: _Json | None = _pd.Field(default=None)
    label: _Base64Bytes | None = _pd.Field(default=None)

    @_pd.model_validator(mode="after")
    def _check_row(self) -> Self:
        """The table's checks, once every field holds its own rules."""
        checks = (
            (
                _sql_or(
                    _sql_is_null(self.shipped_on),
                    _sql_compare(self.shipped_on, ">=", self.ordered_on),
                ),
                "check ships_after_order: shipped_on IS NULL OR shipped_on >= ordered_on is false",
            ),
            (
                _sql_compare(self.delivered_at, ">", self.ordered_at),
                "check delivered_at_ordered_at: delivered_at > ordered_at is false",
            ),
            (
                _sql_and(
                    _sql_compare(self.window_start, "<", self.window_end),
                    _sql_compare(self.window_start, ">=", _dt.time(6, 0)),
                ),
                "check delivery_window: window_start < window_end AND window_start >= '06:00' is false",
            ),
            (
                _sql_and(
                    _sql_compare(self.quantity, "<=", self.max_quantity),
                    _sql_compare(self.quantity, ">", 0),
                ),
                "check quantity_fits: quantity <= max_quantity AND quantity > 0 is false",
            ),
            (
                _sql_and(
                    _sql_compare(self.discount, "<=", self.price),
                    _sql_compare(self.price, "<>", _decimal.Decimal("0.5")),
                ),
                "check discount_below_price: discount <= price AND price <> 0.5 is false",
            ),
            (
                _sql_not(
                    _sql_or(
                        _sql_compare(self.weight, "<", 0.1),
                        _sql_compare(self.weight, ">", 1000.5),
                    ),
                ),
                "check weight_range: NOT (weight < 0.1 OR weight > 1000.5) is false",
            ),
            (
                _sql_or(
                    _sql_and(
                        _sql_compare(self.code, ">=", "A"),
                        _sql_compare(self.code, "<", "Z"),
                    ),
                    _sql_compare(self.code, "=", "O'Brien"),
                ),
                "check code_range: code >= 'A' AND code < 'Z' OR code = 'O''Brien' is false",
            ),
            (
                _sql_or(
                    _sql_compare(self.express, "=", False),
                    _sql_compare(self.status, "<>", "placed"),
                ),
                "check express_is_shipped: express = false OR status <> 'placed' is false",
            ),
            (
                _sql_or(
                    _sql_compare(self.status, "=", "placed"),
                    _sql_not(_sql_is_null(self.tracking)),
                ),
                "check tracked_when_sent: status = 'placed' OR tracking IS NOT NULL is false",
            ),
            (
                _sql_compare(
                    self.tracking,
                    "<>",
                    _uuid.UUID("00000000-0000-0000-0000-000000000000"),
                ),
                "check tracking_not_nil: tracking <> '00000000-0000-0000-0000-000000000000' is false",
            ),
            (
                _sql_or(
                    _sql_is_null(self.local_at),
                    _sql_compare(self.local_at, ">=", _dt.datetime(2000, 1, 1, 0, 0)),
                ),
                "check local_after_2000: local_at IS NULL OR local_at >= '2000-01-01 00:00:00' is false",
            ),
            (
                _sql_or(_sql_not(_sql_is_null(self.notes)), _sql_is_null(self.label)),
                "check notes_or_no_label: notes IS NOT NULL OR label IS NULL is false",
            ),
            (
                _sql_compare(self.user, "<>", self.code),
                'check user_is_not_code: "user" <> code is false',
            ),
            (
                _sql_compare(self.ordered_on, ">", _dt.date(1999, 12, 31)),
                "check a_check_name_long_enough_to_push_its_constraint_past_63_bytes: ordered_on > '1999-12-31' is false",
            ),
        )
        failed = [message for result, message in checks if result is False]
        if failed:
            raise ValueError("; ".join(failed))
        return self


# [[[end]]]


# [[[cog sc.python.validator("shipment") ]]]
def validate_shipment(row: Mapping[str, object]) -> list[str]:
    """What is wrong with ``row`` as a row of ``shipment`` (empty when nothing is).

    Checks the rules the database enforces: required columns, types, bounds,
    lengths, patterns and enum values, then the table's checks. Keys are column
    names.
    """
    known = (
        "id",
        "ordered_on",
        "shipped_on",
        "ordered_at",
        "delivered_at",
        "window_start",
        "window_end",
        "local_at",
        "quantity",
        "max_quantity",
        "price",
        "discount",
        "weight",
        "code",
        "user",
        "status",
        "express",
        "tracking",
        "notes",
        "label",
    )
    problems = [f"{key}: unknown column" for key in row if key not in known]
    value = row.get("id")
    if value is None:
        problems.append("id: is required")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("id: must be an int")
    else:
        if value < -2147483648:
            problems.append("id: must be >= -2147483648")
        if value > 2147483647:
            problems.append("id: must be <= 2147483647")
    value = row.get("ordered_on")
    if value is None:
        problems.append("ordered_on: is required")
    elif not isinstance(value, _dt.date) or isinstance(value, _dt.datetime):
        problems.append("ordered_on: must be a date")
    value = row.get("shipped_on")
    if value is None:
        pass  # nullable
    elif not isinstance(value, _dt.date) or isinstance(value, _dt.datetime):
        problems.append("shipped_on: must be a date")
    value = row.get("ordered_at")
    if value is None:
        problems.append("ordered_at: is required")
    elif not isinstance(value, _dt.datetime):
        problems.append("ordered_at: must be a datetime")
    elif (problem := _instant_problem(value)) is not None:
        problems.append("ordered_at: " + problem)
    value = row.get("delivered_at")
    if value is None:
        pass  # nullable
    elif not isinstance(value, _dt.datetime):
        problems.append("delivered_at: must be a datetime")
    elif (problem := _instant_problem(value)) is not None:
        problems.append("delivered_at: " + problem)
    value = row.get("window_start")
    if value is None:
        problems.append("window_start: is required")
    elif not isinstance(value, _dt.time):
        problems.append("window_start: must be a time")
    elif value.utcoffset() is not None:
        problems.append("window_start: must not have a time zone")
    value = row.get("window_end")
    if value is None:
        problems.append("window_end: is required")
    elif not isinstance(value, _dt.time):
        problems.append("window_end: must be a time")
    elif value.utcoffset() is not None:
        problems.append("window_end: must not have a time zone")
    value = row.get("local_at")
    if value is None:
        pass  # nullable
    elif not isinstance(value, _dt.datetime):
        problems.append("local_at: must be a datetime")
    elif value.utcoffset() is not None:
        problems.append("local_at: must not have a time zone")
    value = row.get("quantity")
    if value is None:
        problems.append("quantity: is required")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("quantity: must be an int")
    else:
        if value < -32768:
            problems.append("quantity: must be >= -32768")
        if value > 32767:
            problems.append("quantity: must be <= 32767")
    value = row.get("max_quantity")
    if value is None:
        if "max_quantity" in row:
            problems.append("max_quantity: must not be null")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("max_quantity: must be an int")
    else:
        if value < -9223372036854775808:
            problems.append("max_quantity: must be >= -9223372036854775808")
        if value > 9223372036854775807:
            problems.append("max_quantity: must be <= 9223372036854775807")
    value = row.get("price")
    if value is None:
        problems.append("price: is required")
    elif not isinstance(value, (int, _decimal.Decimal)) or isinstance(value, bool):
        problems.append("price: must be a Decimal")
    elif not _decimal.Decimal(value).is_finite():
        problems.append("price: must be a finite number")
    else:
        if _decimal.Decimal(value).copy_abs() >= 100000000:
            problems.append("price: has more than 8 digits before the point")
        if _decimal_places(_decimal.Decimal(value)) > 2:
            problems.append("price: has more than 2 decimal places")
    value = row.get("discount")
    if value is None:
        if "discount" in row:
            problems.append("discount: must not be null")
    elif not isinstance(value, (int, _decimal.Decimal)) or isinstance(value, bool):
        problems.append("discount: must be a Decimal")
    elif not _decimal.Decimal(value).is_finite():
        problems.append("discount: must be a finite number")
    else:
        if _decimal.Decimal(value).copy_abs() >= 100000000:
            problems.append("discount: has more than 8 digits before the point")
        if _decimal_places(_decimal.Decimal(value)) > 2:
            problems.append("discount: has more than 2 decimal places")
    value = row.get("weight")
    if value is None:
        pass  # nullable
    elif not isinstance(value, (int, float)) or isinstance(value, bool):
        problems.append("weight: must be a float")
    elif not abs(value) <= 1.7976931348623157e308:
        problems.append("weight: must be a finite number")
    value = row.get("code")
    if value is None:
        problems.append("code: is required")
    elif not isinstance(value, str):
        problems.append("code: must be a str")
    elif (problem := _text_problem(value)) is not None:
        problems.append("code: " + problem)
    else:
        if len(value) > 20:
            problems.append("code: must be at most 20 characters")
    value = row.get("user")
    if value is None:
        pass  # nullable
    elif not isinstance(value, str):
        problems.append("user: must be a str")
    elif (problem := _text_problem(value)) is not None:
        problems.append("user: " + problem)
    value = row.get("status")
    if value is None:
        if "status" in row:
            problems.append("status: must not be null")
    elif not isinstance(value, str):
        problems.append("status: must be a str")
    else:
        if value not in ("placed", "shipped", "delivered"):
            problems.append("status: must be one of placed, shipped, delivered")
    value = row.get("express")
    if value is None:
        if "express" in row:
            problems.append("express: must not be null")
    elif not isinstance(value, bool):
        problems.append("express: must be a bool")
    value = row.get("tracking")
    if value is None:
        pass  # nullable
    elif not isinstance(value, _uuid.UUID):
        problems.append("tracking: must be a UUID")
    value = row.get("notes")
    if value is None:
        pass  # nullable
    elif not isinstance(value, (dict, list, str, int, float, bool)):
        problems.append("notes: must be a JSON value")
    elif (problem := _json_problem(value)) is not None:
        problems.append("notes: " + problem)
    value = row.get("label")
    if value is None:
        pass  # nullable
    elif not isinstance(value, bytes):
        problems.append("label: must be bytes")
    if problems:
        return problems
    checks = (
        (
            _sql_or(
                _sql_is_null(row.get("shipped_on")),
                _sql_compare(row.get("shipped_on"), ">=", row.get("ordered_on")),
            ),
            "check ships_after_order: shipped_on IS NULL OR shipped_on >= ordered_on is false",
        ),
        (
            _sql_compare(row.get("delivered_at"), ">", row.get("ordered_at")),
            "check delivered_at_ordered_at: delivered_at > ordered_at is false",
        ),
        (
            _sql_and(
                _sql_compare(row.get("window_start"), "<", row.get("window_end")),
                _sql_compare(row.get("window_start"), ">=", _dt.time(6, 0)),
            ),
            "check delivery_window: window_start < window_end AND window_start >= '06:00' is false",
        ),
        (
            _sql_and(
                _sql_compare(row.get("quantity"), "<=", row.get("max_quantity", 100)),
                _sql_compare(row.get("quantity"), ">", 0),
            ),
            "check quantity_fits: quantity <= max_quantity AND quantity > 0 is false",
        ),
        (
            _sql_and(
                _sql_compare(
                    row.get("discount", _decimal.Decimal(0)),
                    "<=",
                    row.get("price"),
                ),
                _sql_compare(row.get("price"), "<>", _decimal.Decimal("0.5")),
            ),
            "check discount_below_price: discount <= price AND price <> 0.5 is false",
        ),
        (
            _sql_not(
                _sql_or(
                    _sql_compare(row.get("weight"), "<", 0.1),
                    _sql_compare(row.get("weight"), ">", 1000.5),
                ),
            ),
            "check weight_range: NOT (weight < 0.1 OR weight > 1000.5) is false",
        ),
        (
            _sql_or(
                _sql_and(
                    _sql_compare(row.get("code"), ">=", "A"),
                    _sql_compare(row.get("code"), "<", "Z"),
                ),
                _sql_compare(row.get("code"), "=", "O'Brien"),
            ),
            "check code_range: code >= 'A' AND code < 'Z' OR code = 'O''Brien' is false",
        ),
        (
            _sql_or(
                _sql_compare(row.get("express", False), "=", False),
                _sql_compare(row.get("status", "placed"), "<>", "placed"),
            ),
            "check express_is_shipped: express = false OR status <> 'placed' is false",
        ),
        (
            _sql_or(
                _sql_compare(row.get("status", "placed"), "=", "placed"),
                _sql_not(_sql_is_null(row.get("tracking"))),
            ),
            "check tracked_when_sent: status = 'placed' OR tracking IS NOT NULL is false",
        ),
        (
            _sql_compare(
                row.get("tracking"),
                "<>",
                _uuid.UUID("00000000-0000-0000-0000-000000000000"),
            ),
            "check tracking_not_nil: tracking <> '00000000-0000-0000-0000-000000000000' is false",
        ),
        (
            _sql_or(
                _sql_is_null(row.get("local_at")),
                _sql_compare(row.get("local_at"), ">=", _dt.datetime(2000, 1, 1, 0, 0)),
            ),
            "check local_after_2000: local_at IS NULL OR local_at >= '2000-01-01 00:00:00' is false",
        ),
        (
            _sql_or(
                _sql_not(_sql_is_null(row.get("notes"))),
                _sql_is_null(row.get("label")),
            ),
            "check notes_or_no_label: notes IS NOT NULL OR label IS NULL is false",
        ),
        (
            _sql_compare(row.get("user"), "<>", row.get("code")),
            'check user_is_not_code: "user" <> code is false',
        ),
        (
            _sql_compare(row.get("ordered_on"), ">", _dt.date(1999, 12, 31)),
            "check a_check_name_long_enough_to_push_its_constraint_past_63_bytes: ordered_on > '1999-12-31' is false",
        ),
    )
    return [message for result, message in checks if result is False]


# [[[end]]]


# [[[cog sc.python.columns("shipment") ]]]
SHIPMENT_COLUMNS: tuple[str, ...] = (
    "id",
    "ordered_on",
    "shipped_on",
    "ordered_at",
    "delivered_at",
    "window_start",
    "window_end",
    "local_at",
    "quantity",
    "max_quantity",
    "price",
    "discount",
    "weight",
    "code",
    "user",
    "status",
    "express",
    "tracking",
    "notes",
    "label",
)
# [[[end]]]


# [[[cog sc.python.cleaner("shipment") ]]]
_SHIPMENT_CLEANING = (
    _Cleaning(column="id", parse=_integer(-2147483648, 2147483647, "integer")),
    _Cleaning(column="ordered_on", parse=_date),
    _Cleaning(column="shipped_on", parse=_date, nullable=True),
    _Cleaning(column="ordered_at", parse=_timestamp(with_offset=True)),
    _Cleaning(column="delivered_at", parse=_timestamp(with_offset=True), nullable=True),
    _Cleaning(column="window_start", parse=_time),
    _Cleaning(column="window_end", parse=_time),
    _Cleaning(column="local_at", parse=_timestamp(with_offset=False), nullable=True),
    _Cleaning(column="quantity", parse=_integer(-32768, 32767, "smallint")),
    _Cleaning(
        column="max_quantity",
        parse=_integer(-9223372036854775808, 9223372036854775807, "bigint"),
        default="100",
    ),
    _Cleaning(column="price", parse=_decimal_number(10, 2)),
    _Cleaning(column="discount", parse=_decimal_number(10, 2), default="0"),
    _Cleaning(column="weight", parse=_float, nullable=True),
    _Cleaning(column="code", parse=_text, max_length=20),
    _Cleaning(column="user", parse=_text, nullable=True),
    _Cleaning(
        column="status",
        parse=_enum(Status, _STATUS_SPELLINGS),
        default="'placed'",
    ),
    _Cleaning(column="express", parse=_boolean, default="False"),
    _Cleaning(column="tracking", parse=_uuid_value, nullable=True),
    _Cleaning(column="notes", parse=_json_value, nullable=True),
    _Cleaning(column="label", parse=_binary, nullable=True),
)
_SHIPMENT_KEYS = (("id",),)


def _check_shipment_row(record: Shipment) -> list[str]:
    """The table's checks on a record whose fields hold their own rules."""
    checks = (
        (
            _sql_or(
                _sql_is_null(record.shipped_on),
                _sql_compare(record.shipped_on, ">=", record.ordered_on),
            ),
            "check ships_after_order: shipped_on IS NULL OR shipped_on >= ordered_on is false",
        ),
        (
            _sql_compare(record.delivered_at, ">", record.ordered_at),
            "check delivered_at_ordered_at: delivered_at > ordered_at is false",
        ),
        (
            _sql_and(
                _sql_compare(record.window_start, "<", record.window_end),
                _sql_compare(record.window_start, ">=", _dt.time(6, 0)),
            ),
            "check delivery_window: window_start < window_end AND window_start >= '06:00' is false",
        ),
        (
            _sql_and(
                _sql_compare(record.quantity, "<=", record.max_quantity),
                _sql_compare(record.quantity, ">", 0),
            ),
            "check quantity_fits: quantity <= max_quantity AND quantity > 0 is false",
        ),
        (
            _sql_and(
                _sql_compare(record.discount, "<=", record.price),
                _sql_compare(record.price, "<>", _decimal.Decimal("0.5")),
            ),
            "check discount_below_price: discount <= price AND price <> 0.5 is false",
        ),
        (
            _sql_not(
                _sql_or(
                    _sql_compare(record.weight, "<", 0.1),
                    _sql_compare(record.weight, ">", 1000.5),
                ),
            ),
            "check weight_range: NOT (weight < 0.1 OR weight > 1000.5) is false",
        ),
        (
            _sql_or(
                _sql_and(
                    _sql_compare(record.code, ">=", "A"),
                    _sql_compare(record.code, "<", "Z"),
                ),
                _sql_compare(record.code, "=", "O'Brien"),
            ),
            "check code_range: code >= 'A' AND code < 'Z' OR code = 'O''Brien' is false",
        ),
        (
            _sql_or(
                _sql_compare(record.express, "=", False),
                _sql_compare(record.status, "<>", "placed"),
            ),
            "check express_is_shipped: express = false OR status <> 'placed' is false",
        ),
        (
            _sql_or(
                _sql_compare(record.status, "=", "placed"),
                _sql_not(_sql_is_null(record.tracking)),
            ),
            "check tracked_when_sent: status = 'placed' OR tracking IS NOT NULL is false",
        ),
        (
            _sql_compare(
                record.tracking,
                "<>",
                _uuid.UUID("00000000-0000-0000-0000-000000000000"),
            ),
            "check tracking_not_nil: tracking <> '00000000-0000-0000-0000-000000000000' is false",
        ),
        (
            _sql_or(
                _sql_is_null(record.local_at),
                _sql_compare(record.local_at, ">=", _dt.datetime(2000, 1, 1, 0, 0)),
            ),
            "check local_after_2000: local_at IS NULL OR local_at >= '2000-01-01 00:00:00' is false",
        ),
        (
            _sql_or(_sql_not(_sql_is_null(record.notes)), _sql_is_null(record.label)),
            "check notes_or_no_label: notes IS NOT NULL OR label IS NULL is false",
        ),
        (
            _sql_compare(record.user, "<>", record.code),
            'check user_is_not_code: "user" <> code is false',
        ),
        (
            _sql_compare(record.ordered_on, ">", _dt.date(1999, 12, 31)),
            "check a_check_name_long_enough_to_push_its_constraint_past_63_bytes: ordered_on > '1999-12-31' is false",
        ),
    )
    return [message for result, message in checks if result is False]


def clean_shipment(raw: Mapping[str, object]) -> tuple[Shipment | None, list[str]]:
    """``raw`` (text from a CSV export, a form, ...) as a ``Shipment``, and what was done.

    The record is ``None`` when the row must be rejected. Each message names its
    column: a fix applied (``' x '`` -> ``'x'``), a reason for rejection, an outlier
    or an unknown key. Typed values are checked with ``validate_shipment`` instead.
    """
    return _clean_row(Shipment, _SHIPMENT_CLEANING, raw, _check_shipment_row)


def clean_shipment_rows(
    rows: Iterable[Mapping[str, object]],
) -> tuple[list[Shipment], list[_Rejection]]:
    """The rows ``clean_shipment`` accepts, and the rejected ones as (index, messages).

    Indexes count from 0. A row whose primary key or unique value repeats an
    earlier accepted row is rejected as a duplicate.
    """
    return _clean_rows(clean_shipment, _SHIPMENT_CLEANING, _SHIPMENT_KEYS, rows)


# [[[end]]]


# [[[cog sc.python.pandas_dtypes("shipment") ]]]
SHIPMENT_PANDAS_DTYPES: dict[str, str] = {
    "id": "Int32",
    "ordered_on": "object",
    "shipped_on": "object",
    "ordered_at": "object",
    "delivered_at": "object",
    "window_start": "object",
    "window_end": "object",
    "local_at": "object",
    "quantity": "Int16",
    "max_quantity": "Int64",
    "price": "object",
    "discount": "object",
    "weight": "Float64",
    "code": "string",
    "user": "string",
    "status": "category",
    "express": "boolean",
    "tracking": "object",
    "notes": "object",
    "label": "object",
}
# [[[end]]]


def table_count() -> int:
    """Hand-written code after the regions."""
    return 1
