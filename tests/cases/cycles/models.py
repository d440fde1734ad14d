"""Models of cycles: generated regions between hand-written code."""

# [[[cog sc.python.imports() ]]]
from collections.abc import Mapping
from dataclasses import dataclass

import pydantic as _pd

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

    model_config = _pd.ConfigDict(frozen=True)

    id: int
    head_id: int | None = _pd.Field(default=None)
    parent_id: int | None = _pd.Field(default=None)


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
    value = row.get("head_id")
    if value is None:
        pass  # nullable
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("head_id: must be an int")
    value = row.get("parent_id")
    if value is None:
        pass  # nullable
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("parent_id: must be an int")
    return problems


# [[[end]]]


# [[[cog sc.python.columns("department") ]]]
DEPARTMENT_COLUMNS: tuple[str, ...] = ("id", "head_id", "parent_id")
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

    model_config = _pd.ConfigDict(frozen=True)

    id: int
    department_id: int
    code: str = _pd.Field(max_length=8)


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
    value = row.get("department_id")
    if value is None:
        problems.append("department_id: is required")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("department_id: must be an int")
    value = row.get("code")
    if value is None:
        problems.append("code: is required")
    elif not isinstance(value, str):
        problems.append("code: must be a str")
    else:
        if len(value) > 8:
            problems.append("code: must be at most 8 characters")
    return problems


# [[[end]]]


# [[[cog sc.python.columns("employee") ]]]
EMPLOYEE_COLUMNS: tuple[str, ...] = ("id", "department_id", "code")
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

    model_config = _pd.ConfigDict(frozen=True)

    employee_id: int
    department_id: int
    seq: int = _pd.Field(default=1)


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
    value = row.get("department_id")
    if value is None:
        problems.append("department_id: is required")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("department_id: must be an int")
    value = row.get("seq")
    if value is None:
        if "seq" in row:
            problems.append("seq: must not be null")
    elif not isinstance(value, int) or isinstance(value, bool):
        problems.append("seq: must be an int")
    return problems


# [[[end]]]


# [[[cog sc.python.columns("badge") ]]]
BADGE_COLUMNS: tuple[str, ...] = ("employee_id", "department_id", "seq")
# [[[end]]]


def table_count() -> int:
    """Hand-written code after the regions."""
    return 3
