"""Models of every_feature: generated regions between hand-written code."""

# [[[cog sc.python.imports() ]]]
import dataclasses as _dc
import datetime as _dt
import decimal as _decimal
import enum
import json as _json
import re
import uuid as _uuid
from collections.abc import Mapping
from dataclasses import dataclass

import pydantic as _pd
from typing_extensions import TypeAliasType

JsonValue = TypeAliasType(
    "JsonValue",
    "None | bool | int | float | str | list[JsonValue] | dict[str, JsonValue]",
)
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
        regex_engine="python-re",
        populate_by_name=True,
        protected_namespaces=(),
    )

    id: int
    def_: str = _pd.Field(
        default="abc",
        alias="def",
        min_length=2,
        max_length=10,
        pattern=r"(?s)^[a-z]{2,10}\Z",
    )
    json_: JsonValue | None = _pd.Field(
        default_factory=lambda: _json.loads('{"a": [1, 2.5, true, null, "x"]}'),
        alias="json",
    )
    schema_: str | None = _pd.Field(default=None, alias="schema")
    model_x_: float = _pd.Field(default=0.5, alias="model_x", ge=-1.5, le=1000.0)
    date: _dt.date = _pd.Field(default=_dt.date(2024, 2, 29))
    datetime: _dt.datetime = _pd.Field(default_factory=_dt.datetime.now)
    t: _dt.time = _pd.Field(default=_dt.time(23, 59, 59, 999999))
    tz: _dt.datetime = _pd.Field(
        default=_dt.datetime(
            2024,
            1,
            1,
            0,
            0,
            tzinfo=_dt.timezone(_dt.timedelta(seconds=19800)),
        ),
    )
    u: _uuid.UUID = _pd.Field(
        default=_uuid.UUID("00000000-0000-0000-0000-000000000000"),
    )
    b: bytes = _pd.Field(default=b"hello")
    flag: bool = _pd.Field(default=False)
    amount: _decimal.Decimal = _pd.Field(
        default=_decimal.Decimal("-0.5"),
        ge=_decimal.Decimal("-999.99"),
        le=_decimal.Decimal(999),
        max_digits=5,
        decimal_places=2,
    )
    small: int = _pd.Field(default=16, ge=-32768, le=32767)
    big: int = _pd.Field(default=9223372036854775807)
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
    value = row.get("def")
    if value is None:
        if "def" in row:
            problems.append("def: must not be null")
    elif not isinstance(value, str):
        problems.append("def: must be a str")
    else:
        if len(value) < 2:
            problems.append("def: must be at least 2 characters")
        if len(value) > 10:
            problems.append("def: must be at most 10 characters")
        if _CLASS_DEF_PATTERN.search(value) is None:
            problems.append("def: must match ^[a-z]{2,10}$")
    value = row.get("json")
    if value is None:
        pass  # nullable
    elif not isinstance(value, (dict, list, str, int, float, bool)):
        problems.append("json: must be a JSON value")
    value = row.get("schema")
    if value is None:
        pass  # nullable
    elif not isinstance(value, str):
        problems.append("schema: must be a str")
    value = row.get("model_x")
    if value is None:
        if "model_x" in row:
            problems.append("model_x: must not be null")
    elif not isinstance(value, (int, float)) or isinstance(value, bool):
        problems.append("model_x: must be a float")
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
    elif value.tzinfo is not None:
        problems.append("datetime: must not have a time zone")
    value = row.get("t")
    if value is None:
        if "t" in row:
            problems.append("t: must not be null")
    elif not isinstance(value, _dt.time):
        problems.append("t: must be a time")
    value = row.get("tz")
    if value is None:
        if "tz" in row:
            problems.append("tz: must not be null")
    elif not isinstance(value, _dt.datetime):
        problems.append("tz: must be a datetime")
    elif value.tzinfo is None:
        problems.append("tz: must have a time zone")
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
    else:
        if value < _decimal.Decimal("-999.99"):
            problems.append("amount: must be >= -999.99")
        if value > _decimal.Decimal(999):
            problems.append("amount: must be <= 999")
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

    model_config = _pd.ConfigDict(frozen=True, populate_by_name=True)

    parent_id: int | None = _pd.Field(default=None)
    def_: str = _pd.Field(default="xy", alias="def", max_length=10)
    lvl: Level = _pd.Field(default=Level.LOW)
    seq: int


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
    value = row.get("def")
    if value is None:
        if "def" in row:
            problems.append("def: must not be null")
    elif not isinstance(value, str):
        problems.append("def: must be a str")
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
    return problems


# [[[end]]]


# [[[cog sc.python.columns("child") ]]]
CHILD_COLUMNS: tuple[str, ...] = ("parent_id", "def", "lvl", "seq")
# [[[end]]]


def table_count() -> int:
    """Hand-written code after the regions."""
    return 2
