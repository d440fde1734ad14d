"""Models of cycles: generated regions between hand-written code."""

# [[[cog sc.python.imports() ]]]
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


_Text = Annotated[_pd.StrictStr, _pd.AfterValidator(_checked_text)]
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


# [[[cog sc.python.dataclass("department") ]]]
@dataclass(frozen=True, slots=True, kw_only=True)
class Department:
    """Belongs to a company; has a head employee (a cycle with employee)."""

    id: int
    head_id: int | None = None
    parent_id: int | None = None


# [[[end]]]


# [[[cog sc.python.pydantic("department") ]]]
class DepartmentModel(_pd.BaseModel):
    """Belongs to a company; has a head employee (a cycle with employee)."""

    model_config = _pd.ConfigDict(frozen=True, extra="forbid")

    id: _pd.StrictInt = _pd.Field(ge=-2147483648, le=2147483647)
    head_id: _pd.StrictInt | None = _pd.Field(
        default=None,
        ge=-2147483648,
        le=2147483647,
    )
    parent_id: _pd.StrictInt | None = _pd.Field(
        default=None,
        ge=-2147483648,
        le=2147483647,
    )


# [[[end]]]


# [[[cog sc.python.validator("department") ]]]
def validate_department(row: Mapping[str, object]) -> list[str]:
    """What is wrong with ``row`` as a row of ``department`` (empty when nothing is).

    Checks the rules the database enforces: required columns, types, bounds,
    lengths, patterns and enum values. Keys are column names.
    """
    known = ("id", "head_id", "parent_id")
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
    value = row.get("head_id")
    if value is None:
        pass  # nullable
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("head_id: must be an int")
    else:
        if value < -2147483648:
            problems.append("head_id: must be >= -2147483648")
        if value > 2147483647:
            problems.append("head_id: must be <= 2147483647")
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
    return problems


# [[[end]]]


# [[[cog sc.python.columns("department") ]]]
DEPARTMENT_COLUMNS: tuple[str, ...] = ("id", "head_id", "parent_id")
# [[[end]]]


# [[[cog sc.python.cleaner("department") ]]]
_DEPARTMENT_CLEANING = (
    _Cleaning(column="id", parse=_integer(-2147483648, 2147483647, "integer")),
    _Cleaning(
        column="head_id",
        parse=_integer(-2147483648, 2147483647, "integer"),
        nullable=True,
    ),
    _Cleaning(
        column="parent_id",
        parse=_integer(-2147483648, 2147483647, "integer"),
        nullable=True,
    ),
)
_DEPARTMENT_KEYS = (("id",),)


def clean_department(raw: Mapping[str, object]) -> tuple[Department | None, list[str]]:
    """``raw`` (text from a CSV export, a form, ...) as a ``Department``, and what was done.

    The record is ``None`` when the row must be rejected. Each message names its
    column: a fix applied (``' x '`` -> ``'x'``), a reason for rejection, an outlier
    or an unknown key. Typed values are checked with ``validate_department`` instead.
    """
    return _clean_row(Department, _DEPARTMENT_CLEANING, raw)


def clean_department_rows(
    rows: Iterable[Mapping[str, object]],
) -> tuple[list[Department], list[_Rejection]]:
    """The rows ``clean_department`` accepts, and the rejected ones as (index, messages).

    Indexes count from 0. A row whose primary key or unique value repeats an
    earlier accepted row is rejected as a duplicate.
    """
    return _clean_rows(clean_department, _DEPARTMENT_CLEANING, _DEPARTMENT_KEYS, rows)


# [[[end]]]


# [[[cog sc.python.pandas_dtypes("department") ]]]
DEPARTMENT_PANDAS_DTYPES: dict[str, str] = {
    "id": "Int32",
    "head_id": "Int32",
    "parent_id": "Int32",
}
# [[[end]]]


# [[[cog sc.python.dataclass("employee") ]]]
@dataclass(frozen=True, slots=True, kw_only=True)
class Employee:
    """A row of table ``employee``."""

    id: int
    department_id: int
    code: str


# [[[end]]]


# [[[cog sc.python.pydantic("employee") ]]]
class EmployeeModel(_pd.BaseModel):
    """A row of table ``employee``."""

    model_config = _pd.ConfigDict(frozen=True, extra="forbid")

    id: _pd.StrictInt = _pd.Field(ge=-2147483648, le=2147483647)
    department_id: _pd.StrictInt = _pd.Field(ge=-2147483648, le=2147483647)
    code: _Text = _pd.Field(max_length=8)


# [[[end]]]


# [[[cog sc.python.validator("employee") ]]]
def validate_employee(row: Mapping[str, object]) -> list[str]:
    """What is wrong with ``row`` as a row of ``employee`` (empty when nothing is).

    Checks the rules the database enforces: required columns, types, bounds,
    lengths, patterns and enum values. Keys are column names.
    """
    known = ("id", "department_id", "code")
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
    value = row.get("department_id")
    if value is None:
        problems.append("department_id: is required")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("department_id: must be an int")
    else:
        if value < -2147483648:
            problems.append("department_id: must be >= -2147483648")
        if value > 2147483647:
            problems.append("department_id: must be <= 2147483647")
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
    return problems


# [[[end]]]


# [[[cog sc.python.columns("employee") ]]]
EMPLOYEE_COLUMNS: tuple[str, ...] = ("id", "department_id", "code")
# [[[end]]]


# [[[cog sc.python.cleaner("employee") ]]]
_EMPLOYEE_CLEANING = (
    _Cleaning(column="id", parse=_integer(-2147483648, 2147483647, "integer")),
    _Cleaning(
        column="department_id",
        parse=_integer(-2147483648, 2147483647, "integer"),
    ),
    _Cleaning(column="code", parse=_text, max_length=8),
)
_EMPLOYEE_KEYS = (("id",), ("code",))


def clean_employee(raw: Mapping[str, object]) -> tuple[Employee | None, list[str]]:
    """``raw`` (text from a CSV export, a form, ...) as a ``Employee``, and what was done.

    The record is ``None`` when the row must be rejected. Each message names its
    column: a fix applied (``' x '`` -> ``'x'``), a reason for rejection, an outlier
    or an unknown key. Typed values are checked with ``validate_employee`` instead.
    """
    return _clean_row(Employee, _EMPLOYEE_CLEANING, raw)


def clean_employee_rows(
    rows: Iterable[Mapping[str, object]],
) -> tuple[list[Employee], list[_Rejection]]:
    """The rows ``clean_employee`` accepts, and the rejected ones as (index, messages).

    Indexes count from 0. A row whose primary key or unique value repeats an
    earlier accepted row is rejected as a duplicate.
    """
    return _clean_rows(clean_employee, _EMPLOYEE_CLEANING, _EMPLOYEE_KEYS, rows)


# [[[end]]]


# [[[cog sc.python.pandas_dtypes("employee") ]]]
EMPLOYEE_PANDAS_DTYPES: dict[str, str] = {
    "id": "Int32",
    "department_id": "Int32",
    "code": "string",
}
# [[[end]]]


# [[[cog sc.python.dataclass("badge") ]]]
@dataclass(frozen=True, slots=True, kw_only=True)
class Badge:
    """A row of table ``badge``."""

    employee_id: int
    department_id: int
    seq: int = 1


# [[[end]]]


# [[[cog sc.python.pydantic("badge") ]]]
class BadgeModel(_pd.BaseModel):
    """A row of table ``badge``."""

    model_config = _pd.ConfigDict(frozen=True, extra="forbid")

    employee_id: _pd.StrictInt = _pd.Field(ge=-2147483648, le=2147483647)
    department_id: _pd.StrictInt = _pd.Field(ge=-2147483648, le=2147483647)
    seq: _pd.StrictInt = _pd.Field(default=1, ge=-32768, le=32767)


# [[[end]]]


# [[[cog sc.python.validator("badge") ]]]
def validate_badge(row: Mapping[str, object]) -> list[str]:
    """What is wrong with ``row`` as a row of ``badge`` (empty when nothing is).

    Checks the rules the database enforces: required columns, types, bounds,
    lengths, patterns and enum values. Keys are column names.
    """
    known = ("employee_id", "department_id", "seq")
    problems = [f"{key}: unknown column" for key in row if key not in known]
    value = row.get("employee_id")
    if value is None:
        problems.append("employee_id: is required")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("employee_id: must be an int")
    else:
        if value < -2147483648:
            problems.append("employee_id: must be >= -2147483648")
        if value > 2147483647:
            problems.append("employee_id: must be <= 2147483647")
    value = row.get("department_id")
    if value is None:
        problems.append("department_id: is required")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("department_id: must be an int")
    else:
        if value < -2147483648:
            problems.append("department_id: must be >= -2147483648")
        if value > 2147483647:
            problems.append("department_id: must be <= 2147483647")
    value = row.get("seq")
    if value is None:
        if "seq" in row:
            problems.append("seq: must not be null")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("seq: must be an int")
    else:
        if value < -32768:
            problems.append("seq: must be >= -32768")
        if value > 32767:
            problems.append("seq: must be <= 32767")
    return problems


# [[[end]]]


# [[[cog sc.python.columns("badge") ]]]
BADGE_COLUMNS: tuple[str, ...] = ("employee_id", "department_id", "seq")
# [[[end]]]


# [[[cog sc.python.cleaner("badge") ]]]
_BADGE_CLEANING = (
    _Cleaning(column="employee_id", parse=_integer(-2147483648, 2147483647, "integer")),
    _Cleaning(
        column="department_id",
        parse=_integer(-2147483648, 2147483647, "integer"),
    ),
    _Cleaning(column="seq", parse=_integer(-32768, 32767, "smallint"), default="1"),
)
_BADGE_KEYS = (("employee_id", "seq"),)


def clean_badge(raw: Mapping[str, object]) -> tuple[Badge | None, list[str]]:
    """``raw`` (text from a CSV export, a form, ...) as a ``Badge``, and what was done.

    The record is ``None`` when the row must be rejected. Each message names its
    column: a fix applied (``' x '`` -> ``'x'``), a reason for rejection, an outlier
    or an unknown key. Typed values are checked with ``validate_badge`` instead.
    """
    return _clean_row(Badge, _BADGE_CLEANING, raw)


def clean_badge_rows(
    rows: Iterable[Mapping[str, object]],
) -> tuple[list[Badge], list[_Rejection]]:
    """The rows ``clean_badge`` accepts, and the rejected ones as (index, messages).

    Indexes count from 0. A row whose primary key or unique value repeats an
    earlier accepted row is rejected as a duplicate.
    """
    return _clean_rows(clean_badge, _BADGE_CLEANING, _BADGE_KEYS, rows)


# [[[end]]]


# [[[cog sc.python.pandas_dtypes("badge") ]]]
BADGE_PANDAS_DTYPES: dict[str, str] = {
    "employee_id": "Int32",
    "department_id": "Int32",
    "seq": "Int16",
}
# [[[end]]]


def table_count() -> int:
    """Hand-written code after the regions."""
    return 3
