"""The rules a row must keep, evaluated on typed values.

One definition of every constraint (not null, bounds, lengths, pattern, enum, keys,
foreign keys) used to check defaults and examples, and to derive which rules an
``invalid_examples`` row breaks. The generated validators and SQL CHECKs must agree
with it; the renderer and verify tests compare them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Final, assert_never

from schemacog.model import (
    NOW,
    TEMPORAL_TYPES,
    And,
    BrokenRule,
    CheckExpr,
    Column,
    ColumnRef,
    Compare,
    IsNull,
    Not,
    Or,
    Table,
    Value,
)
from schemacog.runtime.cleaning import _decimal_places as decimal_places
from schemacog.runtime.cleaning import _sql_and, _sql_compare, _sql_not, _sql_or
from schemacog.schema import patterns

__all__ = [
    "CHECK",
    "COLUMN_CHECKS",
    "ENUM",
    "FOREIGN_KEY",
    "MAX",
    "MAX_LENGTH",
    "MIN",
    "MIN_LENGTH",
    "NOT_NULL",
    "PATTERN",
    "PRECISION",
    "PRIMARY_KEY",
    "SCALE",
    "UNIQUE",
    "UNKNOWN",
    "Keys",
    "Row",
    "check_holds",
    "effective_row",
    "key_conflicts",
    "missing_references",
    "row_rules",
    "value_rules",
]

# Rule kinds; ``BrokenRule.kind`` is one of these.
NOT_NULL: Final = "not_null"
MIN: Final = "min"
MAX: Final = "max"
MIN_LENGTH: Final = "min_length"
MAX_LENGTH: Final = "max_length"
PATTERN: Final = "pattern"
PRECISION: Final = "precision"  # more digits before the point than decimal(p, s) holds
SCALE: Final = "scale"  # more decimal places than decimal(p, s) holds
ENUM: Final = "enum"
PRIMARY_KEY: Final = "primary_key"
UNIQUE: Final = "unique"
FOREIGN_KEY: Final = "foreign_key"
CHECK: Final = "check"  # a table's check (``BrokenRule.check`` names it)

# The rules a column's own CHECKs are named by in the DDL (``ck_<table>_<column>_<rule>``);
# a table's check may not take a name ``<column>_<rule>`` (its constraint would clash).
COLUMN_CHECKS: Final = (
    MIN,
    MAX,
    MIN_LENGTH,
    MAX_LENGTH,
    PATTERN,
    ENUM,
    PRECISION,
    SCALE,
    "boolean",
    "finite",
    "instant",
    "json",
    "nul",
)


class _Unknown:
    """A value only the database knows (identity, ``default: now``)."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Final = _Unknown()
Row = Mapping[str, Value | _Unknown]


def value_rules(column: Column, value: Value, enum_values: Sequence[str] = ()) -> list[BrokenRule]:
    """The column rules that a non-null ``value`` breaks."""
    broken: list[BrokenRule] = []
    name = (column.name,)

    def add(kind: str, detail: str) -> None:
        broken.append(BrokenRule(kind, name, detail))

    low, high = column.min, column.max
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        if isinstance(low, int | float | Decimal) and value < low:
            add(MIN, f"{value} is less than the minimum {low}")
        if isinstance(high, int | float | Decimal) and value > high:
            add(MAX, f"{value} is greater than the maximum {high}")
    if isinstance(value, dt.date | dt.time) and column.type in TEMPORAL_TYPES:
        # read per type, so of the column's kind (date, time, with or without offset)
        if low is not None and _before(value, low):
            add(MIN, f"{value.isoformat()} is before the minimum {_shown(low)}")
        if high is not None and _before(high, value):
            add(MAX, f"{value.isoformat()} is after the maximum {_shown(high)}")
    if isinstance(value, Decimal) and column.precision is not None and value.is_finite():
        scale = column.scale or 0
        if decimal_places(value) > scale:  # 2.990 has two
            add(SCALE, f"{value} has more than {scale} decimal places")
        if value.copy_abs() >= 10 ** (column.precision - scale):  # abs() would round
            add(
                PRECISION,
                f"{value} has more than {column.precision - scale} digits before the point",
            )
    if isinstance(value, str):
        if column.min_length is not None and len(value) < column.min_length:
            add(MIN_LENGTH, f"length {len(value)} is less than {column.min_length}")
        if column.max_length is not None and len(value) > column.max_length:
            add(MAX_LENGTH, f"length {len(value)} is more than {column.max_length}")
        # an overlong value is not matched: the length bounds the pattern's time
        elif column.pattern is not None and not patterns.matches(column.pattern, value):
            add(PATTERN, f"{value!r} does not match {column.pattern!r}")
        if column.enum is not None and value not in enum_values:
            add(ENUM, f"{value!r} is not one of {', '.join(enum_values)}")
    return broken


def _before(earlier: object, later: object) -> bool:
    """Is ``earlier`` before ``later`` (two dates, two times or two datetimes of a kind)?"""
    if isinstance(earlier, dt.datetime) and isinstance(later, dt.datetime):
        return earlier < later
    if isinstance(earlier, dt.date) and isinstance(later, dt.date):
        return earlier < later
    if isinstance(earlier, dt.time) and isinstance(later, dt.time):
        return earlier < later
    return False


def _shown(bound: object) -> str:
    return bound.isoformat() if isinstance(bound, dt.date | dt.time) else str(bound)


def effective_row(table: Table, values: Mapping[str, Value]) -> dict[str, Value | _Unknown]:
    """The row as the database would store it: defaults filled, missing nullable as NULL."""
    row: dict[str, Value | _Unknown] = {}
    for column in table.columns:
        if column.name in values:
            row[column.name] = values[column.name]
        elif column.identity or column.default is NOW:
            row[column.name] = UNKNOWN
        elif column.has_default:
            row[column.name] = column.default  # type: ignore[assignment]  # NOW handled above
        else:
            row[column.name] = None
    return row


def row_rules(
    table: Table, values: Mapping[str, Value], enums: Mapping[str, Sequence[str]]
) -> list[BrokenRule]:
    """The single-row rules (not null and column constraints) that ``values`` breaks."""
    broken: list[BrokenRule] = []
    for column in table.columns:
        missing = column.name not in values
        value = values.get(column.name)
        if value is None:
            filled = missing and (column.identity or column.has_default)
            if not filled and not column.nullable:
                what = "is missing" if missing else "is null"
                broken.append(BrokenRule(NOT_NULL, (column.name,), f"{column.name} {what}"))
            continue
        enum_values = enums.get(column.enum, ()) if column.enum else ()
        broken.extend(value_rules(column, value, enum_values))
    row = effective_row(table, values)
    broken += [
        BrokenRule(CHECK, check.columns, f"{check.one_line} is false", check.name)
        for check in table.checks
        if check_holds(check.tree, row) is False
    ]
    return broken


def check_holds(tree: CheckExpr, row: Row) -> bool | None:
    """The value of a check on typed values, in SQL's logic: None when it is unknown (a
    NULL, or a value only the database knows), which passes as a CHECK does."""
    match tree:
        case Compare(op, left, right):
            sides = [
                row.get(side.name) if isinstance(side, ColumnRef) else side.value
                for side in (left, right)
            ]
            known = [None if side is UNKNOWN else side for side in sides]
            return _sql_compare(known[0], op, known[1])
        case IsNull(operand, negated):
            value = row.get(operand.name)
            if value is UNKNOWN:
                return negated  # the database fills it, never with NULL
            return (value is None) is not negated
        case Not(operand):
            return _sql_not(check_holds(operand, row))
        case And(operands):
            return _sql_and(*(check_holds(o, row) for o in operands))
        case Or(operands):
            return _sql_or(*(check_holds(o, row) for o in operands))
        case unknown:
            assert_never(unknown)


def _key_of(row: Row, columns: Sequence[str]) -> tuple[Value, ...] | None:
    """The key a unique constraint compares, or None where SQL would not compare it."""
    key = tuple(row[c] for c in columns)
    if any(v is None or v is UNKNOWN for v in key):
        return None
    return key  # type: ignore[return-value]


def _table_keys(table: Table) -> list[tuple[str, tuple[str, ...]]]:
    """(rule kind, columns) of every key constraint of a table."""
    keys = [(PRIMARY_KEY, table.primary_key)] if table.primary_key else []
    return keys + [(UNIQUE, columns) for columns in table.unique_keys]


class Keys:
    """Rows of one table, each set of key columns looked up in constant time (the keys
    hash as they compare: no json column is in a key)."""

    def __init__(self, rows: Iterable[Row] = ()) -> None:
        self._rows: list[Row] = []
        self._by_columns: dict[tuple[str, ...], set[tuple[Value, ...]]] = {}
        for row in rows:
            self.add(row)

    def add(self, row: Row) -> None:
        self._rows.append(row)
        for columns, keys in self._by_columns.items():
            key = _key_of(row, columns)
            if key is not None:
                keys.add(key)

    def has(self, columns: tuple[str, ...], key: tuple[Value, ...]) -> bool:
        keys = self._by_columns.get(columns)
        if keys is None:
            found = (_key_of(row, columns) for row in self._rows)
            keys = self._by_columns[columns] = {k for k in found if k is not None}
        return key in keys


def key_conflicts(table: Table, row: Row, others: Keys) -> list[BrokenRule]:
    """The primary key / unique constraints that ``row`` would break next to ``others``."""
    broken: list[BrokenRule] = []
    for kind, columns in _table_keys(table):
        key = _key_of(row, columns)
        if key is not None and others.has(columns, key):
            shown = ", ".join(f"{c}={v!r}" for c, v in zip(columns, key, strict=True))
            broken.append(BrokenRule(kind, columns, f"duplicate {kind.replace('_', ' ')} {shown}"))
    return broken


def missing_references(table: Table, row: Row, targets: Mapping[str, Keys]) -> list[BrokenRule]:
    """The foreign keys of ``row`` whose referenced row is not among ``targets[table]``,
    nor the row itself (a row may name itself: its key is stored with it)."""
    broken: list[BrokenRule] = []
    for fk in table.foreign_keys:
        key = _key_of(row, fk.columns)
        if key is None:
            continue
        itself = fk.ref_table == table.name and _key_of(row, fk.ref_columns) == key
        target = targets.get(fk.ref_table)
        if itself or (target is not None and target.has(fk.ref_columns, key)):
            continue
        ref = ", ".join(f"{c}={v!r}" for c, v in zip(fk.ref_columns, key, strict=True))
        detail = f"no {fk.ref_table} row with {ref}"
        broken.append(BrokenRule(FOREIGN_KEY, fk.columns, detail))
    return broken
