"""The shop's models, enums and validators, generated from schema/shop.yaml.

Edit the schema and run `nox -s regen`; everything between the markers is rewritten.
"""

# [[[cog sc.python.imports() ]]]
import base64 as _base64
import dataclasses as _dc
import datetime as _dt
import decimal as _decimal
import enum
import json as _json
import re
import uuid as _uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any

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


# [[[cog sc.python.columns("order") ]]]
ORDER_COLUMNS: tuple[str, ...] = ("id", "customer_id", "status", "placed_at", "note")
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


# [[[cog sc.python.columns("order_line") ]]]
ORDER_LINE_COLUMNS: tuple[str, ...] = (
    "order_id",
    "line_no",
    "sku",
    "quantity",
    "unit_price",
)
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


# [[[cog sc.python.columns("return_line") ]]]
RETURN_LINE_COLUMNS: tuple[str, ...] = (
    "order_id",
    "line_no",
    "returned_on",
    "quantity",
    "reason",
)
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
