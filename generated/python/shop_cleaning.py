"""Cleaners for the shop's raw data (exports, spreadsheets), generated from schema/shop.yaml.

``clean_<table>(raw)`` turns one raw row (text, as csv.DictReader gives it) into a typed
record and says what it did; ``clean_<table>_rows(rows)`` does a whole file and rejects
duplicates. Edit the schema and run `nox -s regen`; everything between the markers is
rewritten.
"""

# [[[cog sc.python.imports() ]]]
import datetime as _dt
import decimal as _decimal
import enum
import math
import re
import uuid as _uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar


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
