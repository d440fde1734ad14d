"""Models of shop: generated regions between hand-written code."""

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


_ORDER_STATUS_SPELLINGS = {
    "placed": "placed",
    "paid": "paid",
    "shipped": "shipped",
    "delivered": "delivered",
    "cancelled": "cancelled",
}


_PRODUCT_CATEGORY_SPELLINGS = {
    "books": "books",
    "games": "games",
    "hardware": "hardware",
    "gift_card": "gift-card",
}


_SIGNUP_CHANNEL_SPELLINGS = {
    "web": "web",
    "store": "store",
    "in_store": "store",
    "shop": "store",
    "phone": "phone",
    "call": "phone",
    "telephone": "phone",
    "partner_referral": "partner-referral",
    "referral": "partner-referral",
    "partner": "partner-referral",
}


_STOCK_CONDITION_SPELLINGS = {
    "new": "new",
    "used": "used",
    "second_hand": "used",
    "pre_owned": "used",
    "refurbished": "used",
    "damaged": "damaged",
    "broken": "damaged",
    "defective": "damaged",
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


# [[[cog sc.python.enum("order_status") ]]]
class OrderStatus(enum.StrEnum):
    """Where an order is in its life."""

    # Received, not yet paid.
    PLACED = "placed"
    # Payment captured.
    PAID = "paid"
    # Handed to the carrier.
    SHIPPED = "shipped"
    # Signed for by the customer.
    DELIVERED = "delivered"
    # Stopped before shipping; payment refunded.
    CANCELLED = "cancelled"


# [[[end]]]


# [[[cog sc.python.enum("product_category") ]]]
class ProductCategory(enum.StrEnum):
    """The shelf a product is listed on."""

    # Printed and electronic books.
    BOOKS = "books"
    # Board and video games.
    GAMES = "games"
    # Tools and devices.
    HARDWARE = "hardware"
    # Prepaid store credit.
    GIFT_CARD = "gift-card"


# [[[end]]]


# [[[cog sc.python.enum("signup_channel") ]]]
class SignupChannel(enum.StrEnum):
    """Where a newsletter signup came from."""

    # The signup form on the site.
    WEB = "web"
    # A paper form filled in at a shop.
    STORE = "store"
    # Taken over the phone.
    PHONE = "phone"
    # Sent by a partner site.
    PARTNER_REFERRAL = "partner-referral"


# [[[end]]]


# [[[cog sc.python.enum("stock_condition") ]]]
class StockCondition(enum.StrEnum):
    """The state of counted stock."""

    # Unopened, sellable as new.
    NEW = "new"
    # Opened or returned.
    USED = "used"
    # Not sellable as it is.
    DAMAGED = "damaged"


# [[[end]]]


# [[[cog sc.python.dataclass("customer") ]]]
@dataclass(frozen=True, slots=True, kw_only=True)
class Customer:
    """A person who buys from the shop."""

    id: int
    # Identifier shown in URLs and emails.
    public_id: _uuid.UUID
    email: str
    # Full name.
    name: str
    # Store credit.
    balance: _decimal.Decimal = _decimal.Decimal(0)
    birth_date: _dt.date | None = None
    is_active: bool = True
    created_at: _dt.datetime = _dc.field(
        default_factory=lambda: _dt.datetime.now(_dt.UTC),
    )
    # The customer who recommended the shop.
    referrer_id: int | None = None


# [[[end]]]


# [[[cog sc.python.pydantic("customer") ]]]
class CustomerModel(_pd.BaseModel):
    """A person who buys from the shop."""

    model_config = _pd.ConfigDict(frozen=True, extra="forbid", regex_engine="python-re")

    id: _pd.StrictInt = _pd.Field(ge=-9223372036854775808, le=9223372036854775807)
    # Identifier shown in URLs and emails.
    public_id: _Uuid
    email: _Text = _pd.Field(max_length=254, pattern=r"(?s)^[^@ ]+@[^@ ]+\Z")
    # Full name.
    name: _Text = _pd.Field(min_length=1, max_length=100)
    # Store credit.
    balance: _decimal.Decimal = _pd.Field(
        default=_decimal.Decimal(0),
        ge=_decimal.Decimal(0),
        gt=-10000000000,
        lt=10000000000,
        decimal_places=2,
    )
    birth_date: _Date | None = _pd.Field(default=None)
    is_active: _pd.StrictBool = _pd.Field(default=True)
    created_at: _TimestampTz = _pd.Field(
        default_factory=lambda: _dt.datetime.now(_dt.UTC),
    )
    # The customer who recommended the shop.
    referrer_id: _pd.StrictInt | None = _pd.Field(
        default=None,
        ge=-9223372036854775808,
        le=9223372036854775807,
    )


# [[[end]]]


# [[[cog sc.python.validator("customer") ]]]
_CUSTOMER_EMAIL_PATTERN = re.compile(r"^[^@ ]+@[^@ ]+\Z", re.DOTALL)


def validate_customer(row: Mapping[str, object]) -> list[str]:
    """What is wrong with ``row`` as a row of ``customer`` (empty when nothing is).

    Checks the rules the database enforces: required columns, types, bounds,
    lengths, patterns and enum values. Keys are column names.
    """
    known = (
        "id",
        "public_id",
        "email",
        "name",
        "balance",
        "birth_date",
        "is_active",
        "created_at",
        "referrer_id",
    )
    problems = [f"{key}: unknown column" for key in row if key not in known]
    value = row.get("id")
    if value is None:
        if "id" in row:
            problems.append("id: must not be null")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("id: must be an int")
    else:
        if value < -9223372036854775808:
            problems.append("id: must be >= -9223372036854775808")
        if value > 9223372036854775807:
            problems.append("id: must be <= 9223372036854775807")
    value = row.get("public_id")
    if value is None:
        problems.append("public_id: is required")
    elif not isinstance(value, _uuid.UUID):
        problems.append("public_id: must be a UUID")
    value = row.get("email")
    if value is None:
        problems.append("email: is required")
    elif not isinstance(value, str):
        problems.append("email: must be a str")
    elif (problem := _text_problem(value)) is not None:
        problems.append("email: " + problem)
    else:
        if len(value) > 254:
            problems.append("email: must be at most 254 characters")
        if len(value) <= 254 and _CUSTOMER_EMAIL_PATTERN.search(value) is None:
            problems.append("email: must match ^[^@ ]+@[^@ ]+$")
    value = row.get("name")
    if value is None:
        problems.append("name: is required")
    elif not isinstance(value, str):
        problems.append("name: must be a str")
    elif (problem := _text_problem(value)) is not None:
        problems.append("name: " + problem)
    else:
        if len(value) < 1:
            problems.append("name: must be at least 1 character")
        if len(value) > 100:
            problems.append("name: must be at most 100 characters")
    value = row.get("balance")
    if value is None:
        if "balance" in row:
            problems.append("balance: must not be null")
    elif not isinstance(value, (int, _decimal.Decimal)) or isinstance(value, bool):
        problems.append("balance: must be a Decimal")
    elif not _decimal.Decimal(value).is_finite():
        problems.append("balance: must be a finite number")
    else:
        if value < _decimal.Decimal(0):
            problems.append("balance: must be >= 0")
        if _decimal.Decimal(value).copy_abs() >= 10000000000:
            problems.append("balance: has more than 10 digits before the point")
        if _decimal_places(_decimal.Decimal(value)) > 2:
            problems.append("balance: has more than 2 decimal places")
    value = row.get("birth_date")
    if value is None:
        pass  # nullable
    elif not isinstance(value, _dt.date) or isinstance(value, _dt.datetime):
        problems.append("birth_date: must be a date")
    value = row.get("is_active")
    if value is None:
        if "is_active" in row:
            problems.append("is_active: must not be null")
    elif not isinstance(value, bool):
        problems.append("is_active: must be a bool")
    value = row.get("created_at")
    if value is None:
        if "created_at" in row:
            problems.append("created_at: must not be null")
    elif not isinstance(value, _dt.datetime):
        problems.append("created_at: must be a datetime")
    elif (problem := _instant_problem(value)) is not None:
        problems.append("created_at: " + problem)
    value = row.get("referrer_id")
    if value is None:
        pass  # nullable
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("referrer_id: must be an int")
    else:
        if value < -9223372036854775808:
            problems.append("referrer_id: must be >= -9223372036854775808")
        if value > 9223372036854775807:
            problems.append("referrer_id: must be <= 9223372036854775807")
    return problems


# [[[end]]]


# [[[cog sc.python.columns("customer") ]]]
CUSTOMER_COLUMNS: tuple[str, ...] = (
    "id",
    "public_id",
    "email",
    "name",
    "balance",
    "birth_date",
    "is_active",
    "created_at",
    "referrer_id",
)
# [[[end]]]


# [[[cog sc.python.cleaner("customer") ]]]
_CUSTOMER_CLEANING = (
    _Cleaning(
        column="id",
        parse=_integer(-9223372036854775808, 9223372036854775807, "bigint"),
    ),
    _Cleaning(column="public_id", parse=_uuid_value),
    _Cleaning(
        column="email",
        parse=_text,
        max_length=254,
        pattern=re.compile(r"^[^@ ]+@[^@ ]+\Z", re.DOTALL),
        pattern_text="^[^@ ]+@[^@ ]+$",
    ),
    _Cleaning(column="name", parse=_text, min_length=1, max_length=100),
    _Cleaning(
        column="balance",
        parse=_decimal_number(12, 2),
        default="0",
        low=_decimal.Decimal(0),
    ),
    _Cleaning(column="birth_date", parse=_date, nullable=True),
    _Cleaning(column="is_active", parse=_boolean, default="True"),
    _Cleaning(column="created_at", parse=_timestamp(with_offset=True), default="now"),
    _Cleaning(
        column="referrer_id",
        parse=_integer(-9223372036854775808, 9223372036854775807, "bigint"),
        nullable=True,
    ),
)
_CUSTOMER_KEYS = (("id",), ("public_id",), ("email",))


def clean_customer(raw: Mapping[str, object]) -> tuple[Customer | None, list[str]]:
    """``raw`` (text from a CSV export, a form, ...) as a ``Customer``, and what was done.

    The record is ``None`` when the row must be rejected. Each message names its
    column: a fix applied (``' x '`` -> ``'x'``), a reason for rejection, an outlier
    or an unknown key. Typed values are checked with ``validate_customer`` instead.
    """
    return _clean_row(Customer, _CUSTOMER_CLEANING, raw)


def clean_customer_rows(
    rows: Iterable[Mapping[str, object]],
) -> tuple[list[Customer], list[_Rejection]]:
    """The rows ``clean_customer`` accepts, and the rejected ones as (index, messages).

    Indexes count from 0. A row whose primary key or unique value repeats an
    earlier accepted row is rejected as a duplicate.
    """
    return _clean_rows(clean_customer, _CUSTOMER_CLEANING, _CUSTOMER_KEYS, rows)


# [[[end]]]


# [[[cog sc.python.pandas_dtypes("customer") ]]]
CUSTOMER_PANDAS_DTYPES: dict[str, str] = {
    "id": "Int64",
    "public_id": "object",
    "email": "string",
    "name": "string",
    "balance": "object",
    "birth_date": "object",
    "is_active": "boolean",
    "created_at": "object",
    "referrer_id": "Int64",
}
# [[[end]]]


# [[[cog sc.python.dataclass("product") ]]]
@dataclass(frozen=True, slots=True, kw_only=True)
class Product:
    """Something the shop sells."""

    # Stock keeping unit.
    sku: str
    name: str
    category: ProductCategory
    # Long description; Markdown allowed.
    details: str | None = None
    price: _decimal.Decimal
    weight_kg: float | None = None
    # Free-form facts such as colour or size.
    attributes: JsonValue | None = None
    # A small PNG preview.
    thumbnail: bytes | None = None


# [[[end]]]


# [[[cog sc.python.pydantic("product") ]]]
class ProductModel(_pd.BaseModel):
    """Something the shop sells."""

    model_config = _pd.ConfigDict(frozen=True, extra="forbid", regex_engine="python-re")

    # Stock keeping unit.
    sku: _Text = _pd.Field(max_length=32, pattern=r"(?s)^[A-Z]{4}-[0-9]{2,4}\Z")
    name: _Text = _pd.Field(max_length=200)
    category: ProductCategory
    # Long description; Markdown allowed.
    details: _Text | None = _pd.Field(default=None)
    price: _decimal.Decimal = _pd.Field(
        ge=_decimal.Decimal(0),
        gt=-100000000,
        lt=100000000,
        decimal_places=2,
    )
    weight_kg: _pd.StrictFloat | None = _pd.Field(
        default=None,
        ge=0.0,
        le=1000.0,
        allow_inf_nan=False,
    )
    # Free-form facts such as colour or size.
    attributes: _Json | None = _pd.Field(default=None)
    # A small PNG preview.
    thumbnail: _Base64Bytes | None = _pd.Field(default=None)


# [[[end]]]


# [[[cog sc.python.validator("product") ]]]
_PRODUCT_SKU_PATTERN = re.compile(r"^[A-Z]{4}-[0-9]{2,4}\Z", re.DOTALL)


def validate_product(row: Mapping[str, object]) -> list[str]:
    """What is wrong with ``row`` as a row of ``product`` (empty when nothing is).

    Checks the rules the database enforces: required columns, types, bounds,
    lengths, patterns and enum values. Keys are column names.
    """
    known = (
        "sku",
        "name",
        "category",
        "details",
        "price",
        "weight_kg",
        "attributes",
        "thumbnail",
    )
    problems = [f"{key}: unknown column" for key in row if key not in known]
    value = row.get("sku")
    if value is None:
        problems.append("sku: is required")
    elif not isinstance(value, str):
        problems.append("sku: must be a str")
    elif (problem := _text_problem(value)) is not None:
        problems.append("sku: " + problem)
    else:
        if len(value) > 32:
            problems.append("sku: must be at most 32 characters")
        if len(value) <= 32 and _PRODUCT_SKU_PATTERN.search(value) is None:
            problems.append("sku: must match ^[A-Z]{4}-[0-9]{2,4}$")
    value = row.get("name")
    if value is None:
        problems.append("name: is required")
    elif not isinstance(value, str):
        problems.append("name: must be a str")
    elif (problem := _text_problem(value)) is not None:
        problems.append("name: " + problem)
    else:
        if len(value) > 200:
            problems.append("name: must be at most 200 characters")
    value = row.get("category")
    if value is None:
        problems.append("category: is required")
    elif not isinstance(value, str):
        problems.append("category: must be a str")
    else:
        if value not in ("books", "games", "hardware", "gift-card"):
            problems.append(
                "category: must be one of books, games, hardware, gift-card",
            )
    value = row.get("details")
    if value is None:
        pass  # nullable
    elif not isinstance(value, str):
        problems.append("details: must be a str")
    elif (problem := _text_problem(value)) is not None:
        problems.append("details: " + problem)
    value = row.get("price")
    if value is None:
        problems.append("price: is required")
    elif not isinstance(value, (int, _decimal.Decimal)) or isinstance(value, bool):
        problems.append("price: must be a Decimal")
    elif not _decimal.Decimal(value).is_finite():
        problems.append("price: must be a finite number")
    else:
        if value < _decimal.Decimal(0):
            problems.append("price: must be >= 0")
        if _decimal.Decimal(value).copy_abs() >= 100000000:
            problems.append("price: has more than 8 digits before the point")
        if _decimal_places(_decimal.Decimal(value)) > 2:
            problems.append("price: has more than 2 decimal places")
    value = row.get("weight_kg")
    if value is None:
        pass  # nullable
    elif not isinstance(value, (int, float)) or isinstance(value, bool):
        problems.append("weight_kg: must be a float")
    elif not abs(value) <= 1.7976931348623157e308:
        problems.append("weight_kg: must be a finite number")
    else:
        if value < 0.0:
            problems.append("weight_kg: must be >= 0.0")
        if value > 1000.0:
            problems.append("weight_kg: must be <= 1000.0")
    value = row.get("attributes")
    if value is None:
        pass  # nullable
    elif not isinstance(value, (dict, list, str, int, float, bool)):
        problems.append("attributes: must be a JSON value")
    elif (problem := _json_problem(value)) is not None:
        problems.append("attributes: " + problem)
    value = row.get("thumbnail")
    if value is None:
        pass  # nullable
    elif not isinstance(value, bytes):
        problems.append("thumbnail: must be bytes")
    return problems


# [[[end]]]


# [[[cog sc.python.columns("product") ]]]
PRODUCT_COLUMNS: tuple[str, ...] = (
    "sku",
    "name",
    "category",
    "details",
    "price",
    "weight_kg",
    "attributes",
    "thumbnail",
)
# [[[end]]]


# [[[cog sc.python.cleaner("product") ]]]
_PRODUCT_CLEANING = (
    _Cleaning(
        column="sku",
        parse=_text,
        max_length=32,
        pattern=re.compile(r"^[A-Z]{4}-[0-9]{2,4}\Z", re.DOTALL),
        pattern_text="^[A-Z]{4}-[0-9]{2,4}$",
    ),
    _Cleaning(column="name", parse=_text, max_length=200),
    _Cleaning(
        column="category",
        parse=_enum(ProductCategory, _PRODUCT_CATEGORY_SPELLINGS),
    ),
    _Cleaning(column="details", parse=_text, nullable=True),
    _Cleaning(column="price", parse=_decimal_number(10, 2), low=_decimal.Decimal(0)),
    _Cleaning(column="weight_kg", parse=_float, nullable=True, low=0.0, high=1000.0),
    _Cleaning(column="attributes", parse=_json_value, nullable=True),
    _Cleaning(column="thumbnail", parse=_binary, nullable=True),
)
_PRODUCT_KEYS = (("sku",),)


def clean_product(raw: Mapping[str, object]) -> tuple[Product | None, list[str]]:
    """``raw`` (text from a CSV export, a form, ...) as a ``Product``, and what was done.

    The record is ``None`` when the row must be rejected. Each message names its
    column: a fix applied (``' x '`` -> ``'x'``), a reason for rejection, an outlier
    or an unknown key. Typed values are checked with ``validate_product`` instead.
    """
    return _clean_row(Product, _PRODUCT_CLEANING, raw)


def clean_product_rows(
    rows: Iterable[Mapping[str, object]],
) -> tuple[list[Product], list[_Rejection]]:
    """The rows ``clean_product`` accepts, and the rejected ones as (index, messages).

    Indexes count from 0. A row whose primary key or unique value repeats an
    earlier accepted row is rejected as a duplicate.
    """
    return _clean_rows(clean_product, _PRODUCT_CLEANING, _PRODUCT_KEYS, rows)


# [[[end]]]


# [[[cog sc.python.pandas_dtypes("product") ]]]
PRODUCT_PANDAS_DTYPES: dict[str, str] = {
    "sku": "string",
    "name": "string",
    "category": "category",
    "details": "string",
    "price": "object",
    "weight_kg": "Float64",
    "attributes": "object",
    "thumbnail": "object",
}
# [[[end]]]


# [[[cog sc.python.dataclass("order") ]]]
@dataclass(frozen=True, slots=True, kw_only=True)
class Order:
    """One checkout of one customer."""

    id: int
    customer_id: int
    status: OrderStatus = OrderStatus.PLACED
    placed_at: _dt.datetime = _dc.field(
        default_factory=lambda: _dt.datetime.now(_dt.UTC),
    )
    # Customer's note to the packer.
    note: str | None = None


# [[[end]]]


# [[[cog sc.python.pydantic("order") ]]]
class OrderModel(_pd.BaseModel):
    """One checkout of one customer."""

    model_config = _pd.ConfigDict(frozen=True, extra="forbid")

    id: _pd.StrictInt = _pd.Field(ge=-9223372036854775808, le=9223372036854775807)
    customer_id: _pd.StrictInt = _pd.Field(
        ge=-9223372036854775808,
        le=9223372036854775807,
    )
    status: OrderStatus = _pd.Field(default=OrderStatus.PLACED)
    placed_at: _TimestampTz = _pd.Field(
        default_factory=lambda: _dt.datetime.now(_dt.UTC),
    )
    # Customer's note to the packer.
    note: _Text | None = _pd.Field(default=None, max_length=500)


# [[[end]]]


# [[[cog sc.python.validator("order") ]]]
def validate_order(row: Mapping[str, object]) -> list[str]:
    """What is wrong with ``row`` as a row of ``order`` (empty when nothing is).

    Checks the rules the database enforces: required columns, types, bounds,
    lengths, patterns and enum values. Keys are column names.
    """
    known = ("id", "customer_id", "status", "placed_at", "note")
    problems = [f"{key}: unknown column" for key in row if key not in known]
    value = row.get("id")
    if value is None:
        if "id" in row:
            problems.append("id: must not be null")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("id: must be an int")
    else:
        if value < -9223372036854775808:
            problems.append("id: must be >= -9223372036854775808")
        if value > 9223372036854775807:
            problems.append("id: must be <= 9223372036854775807")
    value = row.get("customer_id")
    if value is None:
        problems.append("customer_id: is required")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("customer_id: must be an int")
    else:
        if value < -9223372036854775808:
            problems.append("customer_id: must be >= -9223372036854775808")
        if value > 9223372036854775807:
            problems.append("customer_id: must be <= 9223372036854775807")
    value = row.get("status")
    if value is None:
        if "status" in row:
            problems.append("status: must not be null")
    elif not isinstance(value, str):
        problems.append("status: must be a str")
    else:
        if value not in ("placed", "paid", "shipped", "delivered", "cancelled"):
            problems.append(
                "status: must be one of placed, paid, shipped, delivered, cancelled",
            )
    value = row.get("placed_at")
    if value is None:
        if "placed_at" in row:
            problems.append("placed_at: must not be null")
    elif not isinstance(value, _dt.datetime):
        problems.append("placed_at: must be a datetime")
    elif (problem := _instant_problem(value)) is not None:
        problems.append("placed_at: " + problem)
    value = row.get("note")
    if value is None:
        pass  # nullable
    elif not isinstance(value, str):
        problems.append("note: must be a str")
    elif (problem := _text_problem(value)) is not None:
        problems.append("note: " + problem)
    else:
        if len(value) > 500:
            problems.append("note: must be at most 500 characters")
    return problems


# [[[end]]]


# [[[cog sc.python.columns("order") ]]]
ORDER_COLUMNS: tuple[str, ...] = ("id", "customer_id", "status", "placed_at", "note")
# [[[end]]]


# [[[cog sc.python.cleaner("order") ]]]
_ORDER_CLEANING = (
    _Cleaning(
        column="id",
        parse=_integer(-9223372036854775808, 9223372036854775807, "bigint"),
    ),
    _Cleaning(
        column="customer_id",
        parse=_integer(-9223372036854775808, 9223372036854775807, "bigint"),
    ),
    _Cleaning(
        column="status",
        parse=_enum(OrderStatus, _ORDER_STATUS_SPELLINGS),
        default="'placed'",
    ),
    _Cleaning(column="placed_at", parse=_timestamp(with_offset=True), default="now"),
    _Cleaning(column="note", parse=_text, nullable=True, max_length=500),
)
_ORDER_KEYS = (("id",),)


def clean_order(raw: Mapping[str, object]) -> tuple[Order | None, list[str]]:
    """``raw`` (text from a CSV export, a form, ...) as a ``Order``, and what was done.

    The record is ``None`` when the row must be rejected. Each message names its
    column: a fix applied (``' x '`` -> ``'x'``), a reason for rejection, an outlier
    or an unknown key. Typed values are checked with ``validate_order`` instead.
    """
    return _clean_row(Order, _ORDER_CLEANING, raw)


def clean_order_rows(
    rows: Iterable[Mapping[str, object]],
) -> tuple[list[Order], list[_Rejection]]:
    """The rows ``clean_order`` accepts, and the rejected ones as (index, messages).

    Indexes count from 0. A row whose primary key or unique value repeats an
    earlier accepted row is rejected as a duplicate.
    """
    return _clean_rows(clean_order, _ORDER_CLEANING, _ORDER_KEYS, rows)


# [[[end]]]


# [[[cog sc.python.pandas_dtypes("order") ]]]
ORDER_PANDAS_DTYPES: dict[str, str] = {
    "id": "Int64",
    "customer_id": "Int64",
    "status": "category",
    "placed_at": "object",
    "note": "string",
}
# [[[end]]]


# [[[cog sc.python.dataclass("order_line") ]]]
@dataclass(frozen=True, slots=True, kw_only=True)
class OrderLine:
    """One product in an order."""

    order_id: int
    line_no: int
    sku: str
    quantity: int = 1
    unit_price: _decimal.Decimal


# [[[end]]]


# [[[cog sc.python.pydantic("order_line") ]]]
class OrderLineModel(_pd.BaseModel):
    """One product in an order."""

    model_config = _pd.ConfigDict(frozen=True, extra="forbid")

    order_id: _pd.StrictInt = _pd.Field(ge=-9223372036854775808, le=9223372036854775807)
    line_no: _pd.StrictInt = _pd.Field(ge=1, le=32767)
    sku: _Text = _pd.Field(max_length=32)
    quantity: _pd.StrictInt = _pd.Field(default=1, ge=1, le=1000)
    unit_price: _decimal.Decimal = _pd.Field(
        ge=_decimal.Decimal(0),
        gt=-100000000,
        lt=100000000,
        decimal_places=2,
    )


# [[[end]]]


# [[[cog sc.python.validator("order_line") ]]]
def validate_order_line(row: Mapping[str, object]) -> list[str]:
    """What is wrong with ``row`` as a row of ``order_line`` (empty when nothing is).

    Checks the rules the database enforces: required columns, types, bounds,
    lengths, patterns and enum values. Keys are column names.
    """
    known = ("order_id", "line_no", "sku", "quantity", "unit_price")
    problems = [f"{key}: unknown column" for key in row if key not in known]
    value = row.get("order_id")
    if value is None:
        problems.append("order_id: is required")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("order_id: must be an int")
    else:
        if value < -9223372036854775808:
            problems.append("order_id: must be >= -9223372036854775808")
        if value > 9223372036854775807:
            problems.append("order_id: must be <= 9223372036854775807")
    value = row.get("line_no")
    if value is None:
        problems.append("line_no: is required")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("line_no: must be an int")
    else:
        if value < 1:
            problems.append("line_no: must be >= 1")
        if value > 32767:
            problems.append("line_no: must be <= 32767")
    value = row.get("sku")
    if value is None:
        problems.append("sku: is required")
    elif not isinstance(value, str):
        problems.append("sku: must be a str")
    elif (problem := _text_problem(value)) is not None:
        problems.append("sku: " + problem)
    else:
        if len(value) > 32:
            problems.append("sku: must be at most 32 characters")
    value = row.get("quantity")
    if value is None:
        if "quantity" in row:
            problems.append("quantity: must not be null")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("quantity: must be an int")
    else:
        if value < 1:
            problems.append("quantity: must be >= 1")
        if value > 1000:
            problems.append("quantity: must be <= 1000")
    value = row.get("unit_price")
    if value is None:
        problems.append("unit_price: is required")
    elif not isinstance(value, (int, _decimal.Decimal)) or isinstance(value, bool):
        problems.append("unit_price: must be a Decimal")
    elif not _decimal.Decimal(value).is_finite():
        problems.append("unit_price: must be a finite number")
    else:
        if value < _decimal.Decimal(0):
            problems.append("unit_price: must be >= 0")
        if _decimal.Decimal(value).copy_abs() >= 100000000:
            problems.append("unit_price: has more than 8 digits before the point")
        if _decimal_places(_decimal.Decimal(value)) > 2:
            problems.append("unit_price: has more than 2 decimal places")
    return problems


# [[[end]]]


# [[[cog sc.python.columns("order_line") ]]]
ORDER_LINE_COLUMNS: tuple[str, ...] = (
    "order_id",
    "line_no",
    "sku",
    "quantity",
    "unit_price",
)
# [[[end]]]


# [[[cog sc.python.cleaner("order_line") ]]]
_ORDER_LINE_CLEANING = (
    _Cleaning(
        column="order_id",
        parse=_integer(-9223372036854775808, 9223372036854775807, "bigint"),
    ),
    _Cleaning(column="line_no", parse=_integer(-32768, 32767, "smallint"), low=1),
    _Cleaning(column="sku", parse=_text, max_length=32),
    _Cleaning(
        column="quantity",
        parse=_integer(-2147483648, 2147483647, "integer"),
        default="1",
        low=1,
        high=1000,
    ),
    _Cleaning(
        column="unit_price",
        parse=_decimal_number(10, 2),
        low=_decimal.Decimal(0),
    ),
)
_ORDER_LINE_KEYS = (("order_id", "line_no"), ("order_id", "sku"))


def clean_order_line(raw: Mapping[str, object]) -> tuple[OrderLine | None, list[str]]:
    """``raw`` (text from a CSV export, a form, ...) as a ``OrderLine``, and what was done.

    The record is ``None`` when the row must be rejected. Each message names its
    column: a fix applied (``' x '`` -> ``'x'``), a reason for rejection, an outlier
    or an unknown key. Typed values are checked with ``validate_order_line`` instead.
    """
    return _clean_row(OrderLine, _ORDER_LINE_CLEANING, raw)


def clean_order_line_rows(
    rows: Iterable[Mapping[str, object]],
) -> tuple[list[OrderLine], list[_Rejection]]:
    """The rows ``clean_order_line`` accepts, and the rejected ones as (index, messages).

    Indexes count from 0. A row whose primary key or unique value repeats an
    earlier accepted row is rejected as a duplicate.
    """
    return _clean_rows(clean_order_line, _ORDER_LINE_CLEANING, _ORDER_LINE_KEYS, rows)


# [[[end]]]


# [[[cog sc.python.pandas_dtypes("order_line") ]]]
ORDER_LINE_PANDAS_DTYPES: dict[str, str] = {
    "order_id": "Int64",
    "line_no": "Int16",
    "sku": "string",
    "quantity": "Int32",
    "unit_price": "object",
}
# [[[end]]]


# [[[cog sc.python.dataclass("return_line") ]]]
@dataclass(frozen=True, slots=True, kw_only=True)
class ReturnLine:
    """A line of an order sent back by the customer."""

    order_id: int
    line_no: int
    returned_on: _dt.date
    quantity: int
    reason: str | None = None


# [[[end]]]


# [[[cog sc.python.pydantic("return_line") ]]]
class ReturnLineModel(_pd.BaseModel):
    """A line of an order sent back by the customer."""

    model_config = _pd.ConfigDict(frozen=True, extra="forbid")

    order_id: _pd.StrictInt = _pd.Field(ge=-9223372036854775808, le=9223372036854775807)
    line_no: _pd.StrictInt = _pd.Field(ge=-32768, le=32767)
    returned_on: _Date
    quantity: _pd.StrictInt = _pd.Field(ge=1, le=2147483647)
    reason: _Text | None = _pd.Field(default=None, max_length=1000)


# [[[end]]]


# [[[cog sc.python.validator("return_line") ]]]
def validate_return_line(row: Mapping[str, object]) -> list[str]:
    """What is wrong with ``row`` as a row of ``return_line`` (empty when nothing is).

    Checks the rules the database enforces: required columns, types, bounds,
    lengths, patterns and enum values. Keys are column names.
    """
    known = ("order_id", "line_no", "returned_on", "quantity", "reason")
    problems = [f"{key}: unknown column" for key in row if key not in known]
    value = row.get("order_id")
    if value is None:
        problems.append("order_id: is required")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("order_id: must be an int")
    else:
        if value < -9223372036854775808:
            problems.append("order_id: must be >= -9223372036854775808")
        if value > 9223372036854775807:
            problems.append("order_id: must be <= 9223372036854775807")
    value = row.get("line_no")
    if value is None:
        problems.append("line_no: is required")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("line_no: must be an int")
    else:
        if value < -32768:
            problems.append("line_no: must be >= -32768")
        if value > 32767:
            problems.append("line_no: must be <= 32767")
    value = row.get("returned_on")
    if value is None:
        problems.append("returned_on: is required")
    elif not isinstance(value, _dt.date) or isinstance(value, _dt.datetime):
        problems.append("returned_on: must be a date")
    value = row.get("quantity")
    if value is None:
        problems.append("quantity: is required")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("quantity: must be an int")
    else:
        if value < 1:
            problems.append("quantity: must be >= 1")
        if value > 2147483647:
            problems.append("quantity: must be <= 2147483647")
    value = row.get("reason")
    if value is None:
        pass  # nullable
    elif not isinstance(value, str):
        problems.append("reason: must be a str")
    elif (problem := _text_problem(value)) is not None:
        problems.append("reason: " + problem)
    else:
        if len(value) > 1000:
            problems.append("reason: must be at most 1000 characters")
    return problems


# [[[end]]]


# [[[cog sc.python.columns("return_line") ]]]
RETURN_LINE_COLUMNS: tuple[str, ...] = (
    "order_id",
    "line_no",
    "returned_on",
    "quantity",
    "reason",
)
# [[[end]]]


# [[[cog sc.python.cleaner("return_line") ]]]
_RETURN_LINE_CLEANING = (
    _Cleaning(
        column="order_id",
        parse=_integer(-9223372036854775808, 9223372036854775807, "bigint"),
    ),
    _Cleaning(column="line_no", parse=_integer(-32768, 32767, "smallint")),
    _Cleaning(column="returned_on", parse=_date),
    _Cleaning(
        column="quantity",
        parse=_integer(-2147483648, 2147483647, "integer"),
        low=1,
    ),
    _Cleaning(column="reason", parse=_text, nullable=True, max_length=1000),
)
_RETURN_LINE_KEYS = (("order_id", "line_no"),)


def clean_return_line(raw: Mapping[str, object]) -> tuple[ReturnLine | None, list[str]]:
    """``raw`` (text from a CSV export, a form, ...) as a ``ReturnLine``, and what was done.

    The record is ``None`` when the row must be rejected. Each message names its
    column: a fix applied (``' x '`` -> ``'x'``), a reason for rejection, an outlier
    or an unknown key. Typed values are checked with ``validate_return_line`` instead.
    """
    return _clean_row(ReturnLine, _RETURN_LINE_CLEANING, raw)


def clean_return_line_rows(
    rows: Iterable[Mapping[str, object]],
) -> tuple[list[ReturnLine], list[_Rejection]]:
    """The rows ``clean_return_line`` accepts, and the rejected ones as (index, messages).

    Indexes count from 0. A row whose primary key or unique value repeats an
    earlier accepted row is rejected as a duplicate.
    """
    return _clean_rows(
        clean_return_line,
        _RETURN_LINE_CLEANING,
        _RETURN_LINE_KEYS,
        rows,
    )


# [[[end]]]


# [[[cog sc.python.pandas_dtypes("return_line") ]]]
RETURN_LINE_PANDAS_DTYPES: dict[str, str] = {
    "order_id": "Int64",
    "line_no": "Int16",
    "returned_on": "object",
    "quantity": "Int32",
    "reason": "string",
}
# [[[end]]]


# [[[cog sc.python.dataclass("shipment") ]]]
@dataclass(frozen=True, slots=True, kw_only=True)
class Shipment:
    """A parcel on its way to a customer."""

    id: _uuid.UUID
    order_id: int
    carrier: str
    tracking_code: str | None = None
    shipped_on: _dt.date
    # Start of the promised delivery window.
    window_start: _dt.time | None = None
    # Local time at the depot of the last scan.
    last_scan_at: _dt.datetime | None = None


# [[[end]]]


# [[[cog sc.python.pydantic("shipment") ]]]
class ShipmentModel(_pd.BaseModel):
    """A parcel on its way to a customer."""

    model_config = _pd.ConfigDict(frozen=True, extra="forbid", regex_engine="python-re")

    id: _Uuid
    order_id: _pd.StrictInt = _pd.Field(ge=-9223372036854775808, le=9223372036854775807)
    carrier: _Text = _pd.Field(max_length=50)
    tracking_code: _Text | None = _pd.Field(
        default=None,
        max_length=40,
        pattern=r"(?s)^[A-Z]{2}[0-9]{9}[A-Z]{2}\Z",
    )
    shipped_on: _Date
    # Start of the promised delivery window.
    window_start: _Time | None = _pd.Field(default=None)
    # Local time at the depot of the last scan.
    last_scan_at: _Timestamp | None = _pd.Field(default=None)


# [[[end]]]


# [[[cog sc.python.validator("shipment") ]]]
_SHIPMENT_TRACKING_CODE_PATTERN = re.compile(r"^[A-Z]{2}[0-9]{9}[A-Z]{2}\Z", re.DOTALL)


def validate_shipment(row: Mapping[str, object]) -> list[str]:
    """What is wrong with ``row`` as a row of ``shipment`` (empty when nothing is).

    Checks the rules the database enforces: required columns, types, bounds,
    lengths, patterns and enum values. Keys are column names.
    """
    known = (
        "id",
        "order_id",
        "carrier",
        "tracking_code",
        "shipped_on",
        "window_start",
        "last_scan_at",
    )
    problems = [f"{key}: unknown column" for key in row if key not in known]
    value = row.get("id")
    if value is None:
        problems.append("id: is required")
    elif not isinstance(value, _uuid.UUID):
        problems.append("id: must be a UUID")
    value = row.get("order_id")
    if value is None:
        problems.append("order_id: is required")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("order_id: must be an int")
    else:
        if value < -9223372036854775808:
            problems.append("order_id: must be >= -9223372036854775808")
        if value > 9223372036854775807:
            problems.append("order_id: must be <= 9223372036854775807")
    value = row.get("carrier")
    if value is None:
        problems.append("carrier: is required")
    elif not isinstance(value, str):
        problems.append("carrier: must be a str")
    elif (problem := _text_problem(value)) is not None:
        problems.append("carrier: " + problem)
    else:
        if len(value) > 50:
            problems.append("carrier: must be at most 50 characters")
    value = row.get("tracking_code")
    if value is None:
        pass  # nullable
    elif not isinstance(value, str):
        problems.append("tracking_code: must be a str")
    elif (problem := _text_problem(value)) is not None:
        problems.append("tracking_code: " + problem)
    else:
        if len(value) > 40:
            problems.append("tracking_code: must be at most 40 characters")
        if len(value) <= 40 and _SHIPMENT_TRACKING_CODE_PATTERN.search(value) is None:
            problems.append("tracking_code: must match ^[A-Z]{2}[0-9]{9}[A-Z]{2}$")
    value = row.get("shipped_on")
    if value is None:
        problems.append("shipped_on: is required")
    elif not isinstance(value, _dt.date) or isinstance(value, _dt.datetime):
        problems.append("shipped_on: must be a date")
    value = row.get("window_start")
    if value is None:
        pass  # nullable
    elif not isinstance(value, _dt.time):
        problems.append("window_start: must be a time")
    elif value.utcoffset() is not None:
        problems.append("window_start: must not have a time zone")
    value = row.get("last_scan_at")
    if value is None:
        pass  # nullable
    elif not isinstance(value, _dt.datetime):
        problems.append("last_scan_at: must be a datetime")
    elif value.utcoffset() is not None:
        problems.append("last_scan_at: must not have a time zone")
    return problems


# [[[end]]]


# [[[cog sc.python.columns("shipment") ]]]
SHIPMENT_COLUMNS: tuple[str, ...] = (
    "id",
    "order_id",
    "carrier",
    "tracking_code",
    "shipped_on",
    "window_start",
    "last_scan_at",
)
# [[[end]]]


# [[[cog sc.python.cleaner("shipment") ]]]
_SHIPMENT_CLEANING = (
    _Cleaning(column="id", parse=_uuid_value),
    _Cleaning(
        column="order_id",
        parse=_integer(-9223372036854775808, 9223372036854775807, "bigint"),
    ),
    _Cleaning(column="carrier", parse=_text, max_length=50),
    _Cleaning(
        column="tracking_code",
        parse=_text,
        nullable=True,
        max_length=40,
        pattern=re.compile(r"^[A-Z]{2}[0-9]{9}[A-Z]{2}\Z", re.DOTALL),
        pattern_text="^[A-Z]{2}[0-9]{9}[A-Z]{2}$",
    ),
    _Cleaning(column="shipped_on", parse=_date),
    _Cleaning(column="window_start", parse=_time, nullable=True),
    _Cleaning(
        column="last_scan_at",
        parse=_timestamp(with_offset=False),
        nullable=True,
    ),
)
_SHIPMENT_KEYS = (("id",), ("tracking_code",))


def clean_shipment(raw: Mapping[str, object]) -> tuple[Shipment | None, list[str]]:
    """``raw`` (text from a CSV export, a form, ...) as a ``Shipment``, and what was done.

    The record is ``None`` when the row must be rejected. Each message names its
    column: a fix applied (``' x '`` -> ``'x'``), a reason for rejection, an outlier
    or an unknown key. Typed values are checked with ``validate_shipment`` instead.
    """
    return _clean_row(Shipment, _SHIPMENT_CLEANING, raw)


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
    "id": "object",
    "order_id": "Int64",
    "carrier": "string",
    "tracking_code": "string",
    "shipped_on": "object",
    "window_start": "object",
    "last_scan_at": "object",
}
# [[[end]]]


# [[[cog sc.python.dataclass("warehouse") ]]]
@dataclass(frozen=True, slots=True, kw_only=True)
class Warehouse:
    """A place stock is kept and shipped from."""

    code: str
    city: str
    opens: _dt.time
    closes: _dt.time
    capacity: int
    manager_id: int | None = None


# [[[end]]]


# [[[cog sc.python.pydantic("warehouse") ]]]
class WarehouseModel(_pd.BaseModel):
    """A place stock is kept and shipped from."""

    model_config = _pd.ConfigDict(frozen=True, extra="forbid", regex_engine="python-re")

    code: _Text = _pd.Field(max_length=8, pattern=r"(?s)^[A-Z]{3}[0-9]\Z")
    city: _Text = _pd.Field(max_length=80)
    opens: _Time
    closes: _Time
    capacity: _pd.StrictInt = _pd.Field(ge=0, le=2147483647)
    manager_id: _pd.StrictInt | None = _pd.Field(
        default=None,
        ge=-9223372036854775808,
        le=9223372036854775807,
    )


# [[[end]]]


# [[[cog sc.python.validator("warehouse") ]]]
_WAREHOUSE_CODE_PATTERN = re.compile(r"^[A-Z]{3}[0-9]\Z", re.DOTALL)


def validate_warehouse(row: Mapping[str, object]) -> list[str]:
    """What is wrong with ``row`` as a row of ``warehouse`` (empty when nothing is).

    Checks the rules the database enforces: required columns, types, bounds,
    lengths, patterns and enum values. Keys are column names.
    """
    known = ("code", "city", "opens", "closes", "capacity", "manager_id")
    problems = [f"{key}: unknown column" for key in row if key not in known]
    value = row.get("code")
    if value is None:
        problems.append("code: is required")
    elif not isinstance(value, str):
        problems.append("code: must be a str")
    elif (problem := _text_problem(value)) is not None:
        problems.append("code: " + problem)
    else:
        if len(value) > 8:
            problems.append("code: must be at most 8 characters")
        if len(value) <= 8 and _WAREHOUSE_CODE_PATTERN.search(value) is None:
            problems.append("code: must match ^[A-Z]{3}[0-9]$")
    value = row.get("city")
    if value is None:
        problems.append("city: is required")
    elif not isinstance(value, str):
        problems.append("city: must be a str")
    elif (problem := _text_problem(value)) is not None:
        problems.append("city: " + problem)
    else:
        if len(value) > 80:
            problems.append("city: must be at most 80 characters")
    value = row.get("opens")
    if value is None:
        problems.append("opens: is required")
    elif not isinstance(value, _dt.time):
        problems.append("opens: must be a time")
    elif value.utcoffset() is not None:
        problems.append("opens: must not have a time zone")
    value = row.get("closes")
    if value is None:
        problems.append("closes: is required")
    elif not isinstance(value, _dt.time):
        problems.append("closes: must be a time")
    elif value.utcoffset() is not None:
        problems.append("closes: must not have a time zone")
    value = row.get("capacity")
    if value is None:
        problems.append("capacity: is required")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("capacity: must be an int")
    else:
        if value < 0:
            problems.append("capacity: must be >= 0")
        if value > 2147483647:
            problems.append("capacity: must be <= 2147483647")
    value = row.get("manager_id")
    if value is None:
        pass  # nullable
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("manager_id: must be an int")
    else:
        if value < -9223372036854775808:
            problems.append("manager_id: must be >= -9223372036854775808")
        if value > 9223372036854775807:
            problems.append("manager_id: must be <= 9223372036854775807")
    return problems


# [[[end]]]


# [[[cog sc.python.columns("warehouse") ]]]
WAREHOUSE_COLUMNS: tuple[str, ...] = (
    "code",
    "city",
    "opens",
    "closes",
    "capacity",
    "manager_id",
)
# [[[end]]]


# [[[cog sc.python.cleaner("warehouse") ]]]
_WAREHOUSE_CLEANING = (
    _Cleaning(
        column="code",
        parse=_text,
        max_length=8,
        pattern=re.compile(r"^[A-Z]{3}[0-9]\Z", re.DOTALL),
        pattern_text="^[A-Z]{3}[0-9]$",
    ),
    _Cleaning(column="city", parse=_text, max_length=80),
    _Cleaning(column="opens", parse=_time),
    _Cleaning(column="closes", parse=_time),
    _Cleaning(
        column="capacity",
        parse=_integer(-2147483648, 2147483647, "integer"),
        low=0,
    ),
    _Cleaning(
        column="manager_id",
        parse=_integer(-9223372036854775808, 9223372036854775807, "bigint"),
        nullable=True,
    ),
)
_WAREHOUSE_KEYS = (("code",),)


def clean_warehouse(raw: Mapping[str, object]) -> tuple[Warehouse | None, list[str]]:
    """``raw`` (text from a CSV export, a form, ...) as a ``Warehouse``, and what was done.

    The record is ``None`` when the row must be rejected. Each message names its
    column: a fix applied (``' x '`` -> ``'x'``), a reason for rejection, an outlier
    or an unknown key. Typed values are checked with ``validate_warehouse`` instead.
    """
    return _clean_row(Warehouse, _WAREHOUSE_CLEANING, raw)


def clean_warehouse_rows(
    rows: Iterable[Mapping[str, object]],
) -> tuple[list[Warehouse], list[_Rejection]]:
    """The rows ``clean_warehouse`` accepts, and the rejected ones as (index, messages).

    Indexes count from 0. A row whose primary key or unique value repeats an
    earlier accepted row is rejected as a duplicate.
    """
    return _clean_rows(clean_warehouse, _WAREHOUSE_CLEANING, _WAREHOUSE_KEYS, rows)


# [[[end]]]


# [[[cog sc.python.pandas_dtypes("warehouse") ]]]
WAREHOUSE_PANDAS_DTYPES: dict[str, str] = {
    "code": "string",
    "city": "string",
    "opens": "object",
    "closes": "object",
    "capacity": "Int32",
    "manager_id": "Int64",
}
# [[[end]]]


# [[[cog sc.python.dataclass("signup_import") ]]]
@dataclass(frozen=True, slots=True, kw_only=True)
class SignupImport:
    """A newsletter signup as the mailing tool exports it, one CSV row per signup."""

    # Row number in the export.
    signup_id: int
    email: str
    full_name: str
    # ISO 3166 code; "NA" is Namibia, not a missing value.
    country: str | None = None
    birth_date: _dt.date | None = None
    # Age as typed into the form.
    age: int | None = None
    # Said yes to the newsletter.
    newsletter: bool = False
    channel: SignupChannel = SignupChannel.WEB
    signed_up_at: _dt.datetime


# [[[end]]]


# [[[cog sc.python.pydantic("signup_import") ]]]
class SignupImportModel(_pd.BaseModel):
    """A newsletter signup as the mailing tool exports it, one CSV row per signup."""

    model_config = _pd.ConfigDict(frozen=True, extra="forbid", regex_engine="python-re")

    # Row number in the export.
    signup_id: _pd.StrictInt = _pd.Field(ge=-2147483648, le=2147483647)
    email: _Text = _pd.Field(max_length=254, pattern=r"(?s)^[^@ ]+@[^@ ]+\Z")
    full_name: _Text = _pd.Field(min_length=1, max_length=100)
    # ISO 3166 code; "NA" is Namibia, not a missing value.
    country: _Text | None = _pd.Field(
        default=None,
        max_length=10000,
        pattern=r"(?s)^[A-Z]{2}\Z",
    )
    birth_date: _Date | None = _pd.Field(default=None)
    # Age as typed into the form.
    age: _pd.StrictInt | None = _pd.Field(default=None, ge=13, le=120)
    # Said yes to the newsletter.
    newsletter: _pd.StrictBool = _pd.Field(default=False)
    channel: SignupChannel = _pd.Field(default=SignupChannel.WEB)
    signed_up_at: _TimestampTz


# [[[end]]]


# [[[cog sc.python.validator("signup_import") ]]]
_SIGNUP_IMPORT_EMAIL_PATTERN = re.compile(r"^[^@ ]+@[^@ ]+\Z", re.DOTALL)
_SIGNUP_IMPORT_COUNTRY_PATTERN = re.compile(r"^[A-Z]{2}\Z", re.DOTALL)


def validate_signup_import(row: Mapping[str, object]) -> list[str]:
    """What is wrong with ``row`` as a row of ``signup_import`` (empty when nothing is).

    Checks the rules the database enforces: required columns, types, bounds,
    lengths, patterns and enum values. Keys are column names.
    """
    known = (
        "signup_id",
        "email",
        "full_name",
        "country",
        "birth_date",
        "age",
        "newsletter",
        "channel",
        "signed_up_at",
    )
    problems = [f"{key}: unknown column" for key in row if key not in known]
    value = row.get("signup_id")
    if value is None:
        problems.append("signup_id: is required")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("signup_id: must be an int")
    else:
        if value < -2147483648:
            problems.append("signup_id: must be >= -2147483648")
        if value > 2147483647:
            problems.append("signup_id: must be <= 2147483647")
    value = row.get("email")
    if value is None:
        problems.append("email: is required")
    elif not isinstance(value, str):
        problems.append("email: must be a str")
    elif (problem := _text_problem(value)) is not None:
        problems.append("email: " + problem)
    else:
        if len(value) > 254:
            problems.append("email: must be at most 254 characters")
        if len(value) <= 254 and _SIGNUP_IMPORT_EMAIL_PATTERN.search(value) is None:
            problems.append("email: must match ^[^@ ]+@[^@ ]+$")
    value = row.get("full_name")
    if value is None:
        problems.append("full_name: is required")
    elif not isinstance(value, str):
        problems.append("full_name: must be a str")
    elif (problem := _text_problem(value)) is not None:
        problems.append("full_name: " + problem)
    else:
        if len(value) < 1:
            problems.append("full_name: must be at least 1 character")
        if len(value) > 100:
            problems.append("full_name: must be at most 100 characters")
    value = row.get("country")
    if value is None:
        pass  # nullable
    elif not isinstance(value, str):
        problems.append("country: must be a str")
    elif (problem := _text_problem(value)) is not None:
        problems.append("country: " + problem)
    else:
        if len(value) > 10000:
            problems.append("country: must be at most 10000 characters")
        if len(value) <= 10000 and _SIGNUP_IMPORT_COUNTRY_PATTERN.search(value) is None:
            problems.append("country: must match ^[A-Z]{2}$")
    value = row.get("birth_date")
    if value is None:
        pass  # nullable
    elif not isinstance(value, _dt.date) or isinstance(value, _dt.datetime):
        problems.append("birth_date: must be a date")
    value = row.get("age")
    if value is None:
        pass  # nullable
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("age: must be an int")
    else:
        if value < 13:
            problems.append("age: must be >= 13")
        if value > 120:
            problems.append("age: must be <= 120")
    value = row.get("newsletter")
    if value is None:
        if "newsletter" in row:
            problems.append("newsletter: must not be null")
    elif not isinstance(value, bool):
        problems.append("newsletter: must be a bool")
    value = row.get("channel")
    if value is None:
        if "channel" in row:
            problems.append("channel: must not be null")
    elif not isinstance(value, str):
        problems.append("channel: must be a str")
    else:
        if value not in ("web", "store", "phone", "partner-referral"):
            problems.append(
                "channel: must be one of web, store, phone, partner-referral",
            )
    value = row.get("signed_up_at")
    if value is None:
        problems.append("signed_up_at: is required")
    elif not isinstance(value, _dt.datetime):
        problems.append("signed_up_at: must be a datetime")
    elif (problem := _instant_problem(value)) is not None:
        problems.append("signed_up_at: " + problem)
    return problems


# [[[end]]]


# [[[cog sc.python.columns("signup_import") ]]]
SIGNUP_IMPORT_COLUMNS: tuple[str, ...] = (
    "signup_id",
    "email",
    "full_name",
    "country",
    "birth_date",
    "age",
    "newsletter",
    "channel",
    "signed_up_at",
)
# [[[end]]]


# [[[cog sc.python.cleaner("signup_import") ]]]
_SIGNUP_IMPORT_CLEANING = (
    _Cleaning(column="signup_id", parse=_integer(-2147483648, 2147483647, "integer")),
    _Cleaning(
        column="email",
        parse=_text,
        max_length=254,
        pattern=re.compile(r"^[^@ ]+@[^@ ]+\Z", re.DOTALL),
        pattern_text="^[^@ ]+@[^@ ]+$",
    ),
    _Cleaning(column="full_name", parse=_text, min_length=1, max_length=100),
    _Cleaning(
        column="country",
        parse=_text,
        missing=frozenset({""}),
        nullable=True,
        max_length=10000,
        pattern=re.compile(r"^[A-Z]{2}\Z", re.DOTALL),
        pattern_text="^[A-Z]{2}$",
    ),
    _Cleaning(column="birth_date", parse=_date, nullable=True),
    _Cleaning(
        column="age",
        parse=_integer(-32768, 32767, "smallint"),
        nullable=True,
        low=13,
        high=120,
        warn_low=16,
        warn_high=99,
    ),
    _Cleaning(column="newsletter", parse=_boolean, default="False"),
    _Cleaning(
        column="channel",
        parse=_enum(SignupChannel, _SIGNUP_CHANNEL_SPELLINGS),
        default="'web'",
    ),
    _Cleaning(column="signed_up_at", parse=_timestamp(with_offset=True)),
)
_SIGNUP_IMPORT_KEYS = (("signup_id",), ("email",))


def clean_signup_import(
    raw: Mapping[str, object],
) -> tuple[SignupImport | None, list[str]]:
    """``raw`` (text from a CSV export, a form, ...) as a ``SignupImport``, and what was done.

    The record is ``None`` when the row must be rejected. Each message names its
    column: a fix applied (``' x '`` -> ``'x'``), a reason for rejection, an outlier
    or an unknown key. Typed values are checked with ``validate_signup_import`` instead.
    """
    return _clean_row(SignupImport, _SIGNUP_IMPORT_CLEANING, raw)


def clean_signup_import_rows(
    rows: Iterable[Mapping[str, object]],
) -> tuple[list[SignupImport], list[_Rejection]]:
    """The rows ``clean_signup_import`` accepts, and the rejected ones as (index, messages).

    Indexes count from 0. A row whose primary key or unique value repeats an
    earlier accepted row is rejected as a duplicate.
    """
    return _clean_rows(
        clean_signup_import,
        _SIGNUP_IMPORT_CLEANING,
        _SIGNUP_IMPORT_KEYS,
        rows,
    )


# [[[end]]]


# [[[cog sc.python.pandas_dtypes("signup_import") ]]]
SIGNUP_IMPORT_PANDAS_DTYPES: dict[str, str] = {
    "signup_id": "Int32",
    "email": "string",
    "full_name": "string",
    "country": "string",
    "birth_date": "object",
    "age": "Int16",
    "newsletter": "boolean",
    "channel": "category",
    "signed_up_at": "object",
}
# [[[end]]]


# [[[cog sc.python.dataclass("stock_count") ]]]
@dataclass(frozen=True, slots=True, kw_only=True)
class StockCount:
    """A shelf count from a warehouse spreadsheet."""

    count_id: int
    sku: str
    warehouse: str
    counted_on: _dt.date
    # Items on the shelf; over 5000 is checked by hand.
    quantity: int
    unit_cost: _decimal.Decimal | None = None
    condition: StockCondition = StockCondition.NEW
    # The counting employee's badge.
    counted_by: _uuid.UUID | None = None
    note: str | None = None


# [[[end]]]


# [[[cog sc.python.pydantic("stock_count") ]]]
class StockCountModel(_pd.BaseModel):
    """A shelf count from a warehouse spreadsheet."""

    model_config = _pd.ConfigDict(frozen=True, extra="forbid", regex_engine="python-re")

    count_id: _pd.StrictInt = _pd.Field(ge=-9223372036854775808, le=9223372036854775807)
    sku: _Text = _pd.Field(max_length=32, pattern=r"(?s)^[A-Z]{4}-[0-9]{2,4}\Z")
    warehouse: _Text = _pd.Field(max_length=8, pattern=r"(?s)^[A-Z]{3}[0-9]\Z")
    counted_on: _Date
    # Items on the shelf; over 5000 is checked by hand.
    quantity: _pd.StrictInt = _pd.Field(ge=0, le=2147483647)
    unit_cost: _decimal.Decimal | None = _pd.Field(
        default=None,
        ge=_decimal.Decimal(0),
        gt=-100000000,
        lt=100000000,
        decimal_places=2,
    )
    condition: StockCondition = _pd.Field(default=StockCondition.NEW)
    # The counting employee's badge.
    counted_by: _Uuid | None = _pd.Field(default=None)
    note: _Text | None = _pd.Field(default=None, max_length=200)


# [[[end]]]


# [[[cog sc.python.validator("stock_count") ]]]
_STOCK_COUNT_SKU_PATTERN = re.compile(r"^[A-Z]{4}-[0-9]{2,4}\Z", re.DOTALL)
_STOCK_COUNT_WAREHOUSE_PATTERN = re.compile(r"^[A-Z]{3}[0-9]\Z", re.DOTALL)


def validate_stock_count(row: Mapping[str, object]) -> list[str]:
    """What is wrong with ``row`` as a row of ``stock_count`` (empty when nothing is).

    Checks the rules the database enforces: required columns, types, bounds,
    lengths, patterns and enum values. Keys are column names.
    """
    known = (
        "count_id",
        "sku",
        "warehouse",
        "counted_on",
        "quantity",
        "unit_cost",
        "condition",
        "counted_by",
        "note",
    )
    problems = [f"{key}: unknown column" for key in row if key not in known]
    value = row.get("count_id")
    if value is None:
        problems.append("count_id: is required")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("count_id: must be an int")
    else:
        if value < -9223372036854775808:
            problems.append("count_id: must be >= -9223372036854775808")
        if value > 9223372036854775807:
            problems.append("count_id: must be <= 9223372036854775807")
    value = row.get("sku")
    if value is None:
        problems.append("sku: is required")
    elif not isinstance(value, str):
        problems.append("sku: must be a str")
    elif (problem := _text_problem(value)) is not None:
        problems.append("sku: " + problem)
    else:
        if len(value) > 32:
            problems.append("sku: must be at most 32 characters")
        if len(value) <= 32 and _STOCK_COUNT_SKU_PATTERN.search(value) is None:
            problems.append("sku: must match ^[A-Z]{4}-[0-9]{2,4}$")
    value = row.get("warehouse")
    if value is None:
        problems.append("warehouse: is required")
    elif not isinstance(value, str):
        problems.append("warehouse: must be a str")
    elif (problem := _text_problem(value)) is not None:
        problems.append("warehouse: " + problem)
    else:
        if len(value) > 8:
            problems.append("warehouse: must be at most 8 characters")
        if len(value) <= 8 and _STOCK_COUNT_WAREHOUSE_PATTERN.search(value) is None:
            problems.append("warehouse: must match ^[A-Z]{3}[0-9]$")
    value = row.get("counted_on")
    if value is None:
        problems.append("counted_on: is required")
    elif not isinstance(value, _dt.date) or isinstance(value, _dt.datetime):
        problems.append("counted_on: must be a date")
    value = row.get("quantity")
    if value is None:
        problems.append("quantity: is required")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("quantity: must be an int")
    else:
        if value < 0:
            problems.append("quantity: must be >= 0")
        if value > 2147483647:
            problems.append("quantity: must be <= 2147483647")
    value = row.get("unit_cost")
    if value is None:
        pass  # nullable
    elif not isinstance(value, (int, _decimal.Decimal)) or isinstance(value, bool):
        problems.append("unit_cost: must be a Decimal")
    elif not _decimal.Decimal(value).is_finite():
        problems.append("unit_cost: must be a finite number")
    else:
        if value < _decimal.Decimal(0):
            problems.append("unit_cost: must be >= 0")
        if _decimal.Decimal(value).copy_abs() >= 100000000:
            problems.append("unit_cost: has more than 8 digits before the point")
        if _decimal_places(_decimal.Decimal(value)) > 2:
            problems.append("unit_cost: has more than 2 decimal places")
    value = row.get("condition")
    if value is None:
        if "condition" in row:
            problems.append("condition: must not be null")
    elif not isinstance(value, str):
        problems.append("condition: must be a str")
    else:
        if value not in ("new", "used", "damaged"):
            problems.append("condition: must be one of new, used, damaged")
    value = row.get("counted_by")
    if value is None:
        pass  # nullable
    elif not isinstance(value, _uuid.UUID):
        problems.append("counted_by: must be a UUID")
    value = row.get("note")
    if value is None:
        pass  # nullable
    elif not isinstance(value, str):
        problems.append("note: must be a str")
    elif (problem := _text_problem(value)) is not None:
        problems.append("note: " + problem)
    else:
        if len(value) > 200:
            problems.append("note: must be at most 200 characters")
    return problems


# [[[end]]]


# [[[cog sc.python.columns("stock_count") ]]]
STOCK_COUNT_COLUMNS: tuple[str, ...] = (
    "count_id",
    "sku",
    "warehouse",
    "counted_on",
    "quantity",
    "unit_cost",
    "condition",
    "counted_by",
    "note",
)
# [[[end]]]


# [[[cog sc.python.cleaner("stock_count") ]]]
_STOCK_COUNT_CLEANING = (
    _Cleaning(
        column="count_id",
        parse=_integer(-9223372036854775808, 9223372036854775807, "bigint"),
    ),
    _Cleaning(
        column="sku",
        parse=_text,
        max_length=32,
        pattern=re.compile(r"^[A-Z]{4}-[0-9]{2,4}\Z", re.DOTALL),
        pattern_text="^[A-Z]{4}-[0-9]{2,4}$",
    ),
    _Cleaning(
        column="warehouse",
        parse=_text,
        max_length=8,
        pattern=re.compile(r"^[A-Z]{3}[0-9]\Z", re.DOTALL),
        pattern_text="^[A-Z]{3}[0-9]$",
    ),
    _Cleaning(column="counted_on", parse=_date),
    _Cleaning(
        column="quantity",
        parse=_integer(-2147483648, 2147483647, "integer"),
        low=0,
        warn_high=5000,
    ),
    _Cleaning(
        column="unit_cost",
        parse=_decimal_number(10, 2),
        nullable=True,
        low=_decimal.Decimal(0),
        warn_high=_decimal.Decimal(2000),
    ),
    _Cleaning(
        column="condition",
        parse=_enum(StockCondition, _STOCK_CONDITION_SPELLINGS),
        default="'new'",
    ),
    _Cleaning(column="counted_by", parse=_uuid_value, nullable=True),
    _Cleaning(column="note", parse=_text, nullable=True, max_length=200),
)
_STOCK_COUNT_KEYS = (("count_id",), ("sku", "warehouse", "counted_on"))


def clean_stock_count(raw: Mapping[str, object]) -> tuple[StockCount | None, list[str]]:
    """``raw`` (text from a CSV export, a form, ...) as a ``StockCount``, and what was done.

    The record is ``None`` when the row must be rejected. Each message names its
    column: a fix applied (``' x '`` -> ``'x'``), a reason for rejection, an outlier
    or an unknown key. Typed values are checked with ``validate_stock_count`` instead.
    """
    return _clean_row(StockCount, _STOCK_COUNT_CLEANING, raw)


def clean_stock_count_rows(
    rows: Iterable[Mapping[str, object]],
) -> tuple[list[StockCount], list[_Rejection]]:
    """The rows ``clean_stock_count`` accepts, and the rejected ones as (index, messages).

    Indexes count from 0. A row whose primary key or unique value repeats an
    earlier accepted row is rejected as a duplicate.
    """
    return _clean_rows(
        clean_stock_count,
        _STOCK_COUNT_CLEANING,
        _STOCK_COUNT_KEYS,
        rows,
    )


# [[[end]]]


# [[[cog sc.python.pandas_dtypes("stock_count") ]]]
STOCK_COUNT_PANDAS_DTYPES: dict[str, str] = {
    "count_id": "Int64",
    "sku": "string",
    "warehouse": "string",
    "counted_on": "object",
    "quantity": "Int32",
    "unit_cost": "object",
    "condition": "category",
    "counted_by": "object",
    "note": "string",
}
# [[[end]]]


def table_count() -> int:
    """Hand-written code after the regions."""
    return 9
