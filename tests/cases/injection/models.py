"""Models of injection: generated regions between hand-written code."""

# [[[cog sc.python.imports() ]]]
import dataclasses as _dc
import datetime as _dt
import enum
import json as _json
import re
from collections.abc import Mapping
from dataclasses import dataclass

import pydantic as _pd
from typing_extensions import TypeAliasType

JsonValue = TypeAliasType(
    "JsonValue",
    "None | bool | int | float | str | list[JsonValue] | dict[str, JsonValue]",
)
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
        regex_engine="python-re",
        populate_by_name=True,
        protected_namespaces=(),
    )

    # */ DROP TABLE users; --
    from_: int = _pd.Field(alias="from")
    # |pipe| and <script>alert(1)</script>
    class_: str = _pd.Field(
        default='O\'Brien "the" \\ one',
        alias="class",
        max_length=40,
    )
    json_: JsonValue | None = _pd.Field(
        default_factory=lambda: _json.loads('{"k\'": ["\\"", "\\\\", "\\n"]}'),
        alias="json",
    )
    # No quotes, no backslashes.
    schema_: str | None = _pd.Field(
        default=None,
        alias="schema",
        pattern="(?s)^[^'\"\\\\]*\\Z",
    )
    model_config_: Weird = _pd.Field(default=Weird.IT_S, alias="model_config")
    date: _dt.date | None = _pd.Field(default=None)
    datetime: _dt.datetime | None = _pd.Field(default=None)
    # Leading underscore: # not a heading
    # second line
    id_: int | None = _pd.Field(default=None, alias="_id")
    Mixed: bool = _pd.Field(default=False)


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
    value = row.get("class")
    if value is None:
        if "class" in row:
            problems.append("class: must not be null")
    elif not isinstance(value, str):
        problems.append("class: must be a str")
    else:
        if len(value) > 40:
            problems.append("class: must be at most 40 characters")
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
    else:
        if _SELECT_SCHEMA_PATTERN.search(value) is None:
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
    elif value.tzinfo is None:
        problems.append("datetime: must have a time zone")
    value = row.get("_id")
    if value is None:
        pass  # nullable
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("_id: must be an int")
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

    model_config = _pd.ConfigDict(frozen=True)

    key: str = _pd.Field(max_length=10)
    group: int
    order: int = _pd.Field(default=0, ge=-5, le=5)


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
    else:
        if len(value) > 10:
            problems.append("key: must be at most 10 characters")
    value = row.get("group")
    if value is None:
        problems.append("group: is required")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("group: must be an int")
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


def table_count() -> int:
    """Hand-written code after the regions."""
    return 2
