"""The validated schema: frozen, typed, in file order. Produced only by ``validate``."""

from __future__ import annotations

import datetime as dt
import decimal
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final

from schemacog.errors import Pos

__all__ = [
    "DEFAULT_MISSING_VALUES",
    "INTEGER_RANGES",
    "INTEGER_TYPES",
    "NOW",
    "NUMERIC_TYPES",
    "TEMPORAL_TYPES",
    "TEXT_TYPES",
    "And",
    "Bound",
    "BrokenRule",
    "CheckExpr",
    "Column",
    "ColumnRef",
    "Compare",
    "Enum",
    "EnumValue",
    "Example",
    "FkAction",
    "ForeignKey",
    "Index",
    "InvalidExample",
    "IsNull",
    "JsonValue",
    "Literal",
    "LogicalType",
    "Not",
    "Now",
    "Operand",
    "Or",
    "Schema",
    "Table",
    "TableCheck",
    "Value",
    "value_bounds",
]


class LogicalType(StrEnum):
    STRING = "string"
    TEXT = "text"
    SMALLINT = "smallint"
    INTEGER = "integer"
    BIGINT = "bigint"
    FLOAT = "float"
    DECIMAL = "decimal"
    BOOLEAN = "boolean"
    DATE = "date"
    TIME = "time"
    TIMESTAMP = "timestamp"
    TIMESTAMPTZ = "timestamptz"
    UUID = "uuid"
    JSON = "json"
    BINARY = "binary"
    ENUM = "enum"


INTEGER_TYPES: Final = frozenset({LogicalType.SMALLINT, LogicalType.INTEGER, LogicalType.BIGINT})
NUMERIC_TYPES: Final = INTEGER_TYPES | {LogicalType.FLOAT, LogicalType.DECIMAL}
TEXT_TYPES: Final = frozenset({LogicalType.STRING, LogicalType.TEXT})
# the SQL range of each integer type: every layer refuses what lies outside it
INTEGER_RANGES: Final[Mapping[LogicalType, tuple[int, int]]] = {
    LogicalType.SMALLINT: (-(2**15), 2**15 - 1),
    LogicalType.INTEGER: (-(2**31), 2**31 - 1),
    LogicalType.BIGINT: (-(2**63), 2**63 - 1),
}
TEMPORAL_TYPES: Final = frozenset(
    {LogicalType.DATE, LogicalType.TIME, LogicalType.TIMESTAMP, LogicalType.TIMESTAMPTZ}
)


class FkAction(StrEnum):
    NO_ACTION = "no_action"
    RESTRICT = "restrict"
    CASCADE = "cascade"
    SET_NULL = "set_null"
    SET_DEFAULT = "set_default"


class Now:
    """The value of ``default: now`` on a date/time column: the current time."""

    _instance: Now | None = None

    def __new__(cls) -> Now:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "NOW"


NOW: Final = Now()

# Raw tokens a cleaner reads as "no value" unless the schema says otherwise.
DEFAULT_MISSING_VALUES: Final = ("", "NA", "N/A", "null", "NULL", "None")

JsonValue = None | bool | int | float | str | list["JsonValue"] | dict[str, "JsonValue"]
Value = (
    None
    | bool
    | int
    | float
    | str
    | decimal.Decimal
    | dt.date
    | dt.time
    | dt.datetime
    | uuid.UUID
    | bytes
    | JsonValue
)
Bound = int | float | decimal.Decimal | dt.date | dt.time  # a datetime is a date


@dataclass(frozen=True, slots=True)
class EnumValue:
    value: str
    description: str | None
    pos: Pos = field(compare=False)
    aliases: tuple[str, ...] = ()  # other spellings a cleaner maps to this value
    # earlier names, oldest first (``renamed_from``): read by migrations only
    renamed_from: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class Enum:
    name: str
    description: str | None
    values: tuple[EnumValue, ...]
    pos: Pos = field(compare=False)
    # earlier names, oldest first (``renamed_from``): read by migrations only
    renamed_from: tuple[str, ...] = field(default=(), compare=False)

    @property
    def value_names(self) -> tuple[str, ...]:
        return tuple(v.value for v in self.values)


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: LogicalType
    description: str | None = None
    nullable: bool = False
    default: Value | Now = None
    has_default: bool = False
    primary_key: bool = False
    identity: bool = False
    unique: bool = False
    min: Bound | None = None
    max: Bound | None = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    precision: int | None = None
    scale: int | None = None
    enum: str | None = None
    pos: Pos = field(default=Pos("", 0), compare=False)
    missing_values: tuple[str, ...] | None = None  # None: the schema's missing_values
    warn_min: Bound | None = None  # soft bounds: outside them a value is an outlier
    warn_max: Bound | None = None
    # max_length is IMPLIED_MAX_LENGTH because the column has a pattern and gave none
    max_length_implied: bool = False
    # earlier names, oldest first (``renamed_from``): read by migrations only
    renamed_from: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class ForeignKey:
    columns: tuple[str, ...]
    ref_table: str
    ref_columns: tuple[str, ...]
    on_delete: FkAction = FkAction.NO_ACTION
    on_update: FkAction = FkAction.NO_ACTION
    inline: bool = False  # declared on the column (``references: t.c``)
    pos: Pos = field(default=Pos("", 0), compare=False)
    deferrable: bool = False  # checked at the end of a transaction, so a cycle can load


@dataclass(frozen=True, slots=True)
class Index:
    columns: tuple[str, ...]
    unique: bool = False
    name: str | None = None
    pos: Pos = field(default=Pos("", 0), compare=False)
    # earlier names, oldest first (``renamed_from``): read by migrations only
    renamed_from: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class BrokenRule:
    """One rule an invalid example breaks: ``kind`` is a constraint kind, e.g. ``pattern``."""

    kind: str
    columns: tuple[str, ...]
    detail: str
    check: str | None = None  # the table check's name, for kind "check"


@dataclass(frozen=True, slots=True)
class Example:
    values: dict[str, Value]
    pos: Pos = field(compare=False)


@dataclass(frozen=True, slots=True)
class InvalidExample:
    values: dict[str, Value]
    reason: str | None
    broken: tuple[BrokenRule, ...]
    pos: Pos = field(compare=False)


# --- table checks: the typed tree of an expression (parsed by schema.check_expr) -----


@dataclass(frozen=True)
class ColumnRef:
    name: str
    column: Column


@dataclass(frozen=True)
class Literal:
    text: str  # as written: 'text' unquoted, a number, true or false
    kind: str  # "text", "number" or "boolean"
    offset: int
    value: Value = field(default=None, compare=False)  # read as its column's type


Operand = ColumnRef | Literal


@dataclass(frozen=True)
class Compare:
    op: str
    left: Operand
    right: Operand


@dataclass(frozen=True)
class IsNull:
    operand: ColumnRef
    negated: bool


@dataclass(frozen=True)
class Not:
    operand: CheckExpr


@dataclass(frozen=True)
class And:
    operands: tuple[CheckExpr, ...]


@dataclass(frozen=True)
class Or:
    operands: tuple[CheckExpr, ...]


CheckExpr = Compare | IsNull | Not | And | Or


@dataclass(frozen=True, slots=True)
class TableCheck:
    """A check across the columns of a row: ``expr`` as written, ``tree`` as parsed."""

    name: str
    expr: str
    tree: CheckExpr
    columns: tuple[str, ...]  # the columns it reads, in the order they appear
    description: str | None = None
    pos: Pos = field(default=Pos("", 0), compare=False)

    @property
    def one_line(self) -> str:
        """``expr`` on one line, for messages: white space between tokens as one space, a
        line break inside a text literal as ``\\n``."""
        parts = re.split(r"('(?:[^']|'')*')", self.expr)  # the literals at odd places
        return "".join(
            re.sub(r"\s+", " ", part) if index % 2 == 0 else part.replace("\n", "\\n")
            for index, part in enumerate(parts)
        ).strip()


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    description: str | None
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    unique: tuple[tuple[str, ...], ...] = ()  # table-level (composite) unique constraints
    foreign_keys: tuple[ForeignKey, ...] = ()  # column-level and table-level, in file order
    indexes: tuple[Index, ...] = ()
    examples: tuple[Example, ...] = ()
    invalid_examples: tuple[InvalidExample, ...] = ()
    pos: Pos = field(default=Pos("", 0), compare=False)
    checks: tuple[TableCheck, ...] = ()  # across the columns of a row
    # earlier names, oldest first (``renamed_from``): read by migrations only
    renamed_from: tuple[str, ...] = field(default=(), compare=False)
    # (derived name, the name the DDL gives it instead), in file order (``constraint_names``)
    constraint_names: tuple[tuple[str, str], ...] = ()

    _columns_by_name: dict[str, Column] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )
    _unique_keys: tuple[tuple[str, ...], ...] = field(
        init=False, repr=False, compare=False, hash=False, default=()
    )
    _keys_by_set: dict[frozenset[str], list[tuple[str, ...]]] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        # by name and by column set, for lookups at once: a scan per lookup (per foreign
        # key, per column) made passes over wide tables quadratic; the first of a name wins
        by_name: dict[str, Column] = {}
        for column in self.columns:
            by_name.setdefault(column.name, column)
        object.__setattr__(self, "_columns_by_name", by_name)
        singles = tuple((c.name,) for c in self.columns if c.unique)
        indexes = tuple(index.columns for index in self.indexes if index.unique)
        unique_keys = singles + self.unique + indexes
        object.__setattr__(self, "_unique_keys", unique_keys)
        by_set: dict[frozenset[str], list[tuple[str, ...]]] = {}
        for key in (self.primary_key, *unique_keys):
            by_set.setdefault(frozenset(key), []).append(tuple(key))
        object.__setattr__(self, "_keys_by_set", by_set)

    def keys_of(self, columns: Iterable[str]) -> Sequence[tuple[str, ...]]:
        """The primary key and unique keys of exactly ``columns`` (any order), in order."""
        return self._keys_by_set.get(frozenset(columns), ())

    def column(self, name: str) -> Column:
        try:
            return self._columns_by_name[name]
        except KeyError:
            raise KeyError(name) from None

    @property
    def unique_keys(self) -> tuple[tuple[str, ...], ...]:
        """Every uniqueness rule but the primary key: column-level, table-level, unique indexes."""
        return self._unique_keys


@dataclass(frozen=True, slots=True)
class Schema:
    name: str
    description: str | None
    enums: tuple[Enum, ...]
    tables: tuple[Table, ...]
    path: str = field(default="", compare=False)
    missing_values: tuple[str, ...] = DEFAULT_MISSING_VALUES

    _tables: dict[str, Table] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )
    _enums: dict[str, Enum] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        # by name, for lookups at once: a scan per lookup made every pass that follows a
        # foreign key quadratic in the tables (the first of a name wins, as the scan did)
        tables: dict[str, Table] = {}
        for table in self.tables:
            tables.setdefault(table.name, table)
        enums: dict[str, Enum] = {}
        for enum in self.enums:
            enums.setdefault(enum.name, enum)
        object.__setattr__(self, "_tables", tables)
        object.__setattr__(self, "_enums", enums)

    def table(self, name: str) -> Table:
        try:
            return self._tables[name]
        except KeyError:
            raise KeyError(name) from None

    def enum(self, name: str) -> Enum:
        try:
            return self._enums[name]
        except KeyError:
            raise KeyError(name) from None


def value_bounds(column: Column) -> tuple[Bound | None, Bound | None]:
    """The least and greatest value a column takes: its ``min``/``max``, within its type's range.

    ``(None, None)`` sides where there is no bound. Every layer (validator, pydantic,
    cleaner, each engine's DDL) checks these, so that all refuse the same values.
    """
    low, high = column.min, column.max
    if column.type in INTEGER_RANGES:
        type_low, type_high = INTEGER_RANGES[column.type]
        low = (
            low if isinstance(low, int | float | decimal.Decimal) and low >= type_low else type_low
        )
        high = (
            high
            if isinstance(high, int | float | decimal.Decimal) and high <= type_high
            else type_high
        )
    return low, high
