"""Which rules an engine enforces on one row, as its DDL says: one answer for verify.

Every "no" here matches a ``-- Not enforced by <engine>`` comment of the rendered DDL
(or a dialect without regular expressions), so verify never expects an engine to refuse
what its DDL says it lets through, and names each such rule instead.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal

from schemacog.model import BrokenRule, LogicalType, Schema, Table, Value
from schemacog.render.sql.checks import check_notes, left_out_check
from schemacog.render.sql.ddl import creation_order
from schemacog.render.sql.dialects import Dialect, EnumStyle
from schemacog.render.sql.limits import key_plans, left_out_checks, unchecked_columns
from schemacog.schema.rules import (
    ENUM,
    MAX,
    MAX_LENGTH,
    MIN,
    MIN_LENGTH,
    PATTERN,
    PRECISION,
    PRIMARY_KEY,
    SCALE,
    UNIQUE,
)

__all__ = ["Enforced", "enforcer"]

# a rule a row breaks -> does the engine refuse the row for it?
Enforced = Callable[[BrokenRule], bool]

# rules an engine enforces by a CHECK on the column (not by its type or a key)
_CHECKED_RULES = frozenset({MIN, MAX, MIN_LENGTH, MAX_LENGTH, PATTERN})


def enforcer(dialect: Dialect, schema: Schema) -> Callable[[Table, Mapping[str, Value]], Enforced]:
    """For a table and a row's values, what ``dialect``'s DDL of ``schema`` enforces."""
    _, deferred = creation_order(schema, dialect)
    plans = key_plans(dialect, schema)
    # foreign keys the DDL says it could not build: closing a cycle, or beyond a key's size
    skipped = {(name, fk.columns) for name, plan in plans.items() for fk in plan.unbuilt}
    if not dialect.alter_foreign_keys:
        skipped |= {(t, fk.columns) for t, fks in deferred.items() for fk in fks}

    def for_row(table: Table, values: Mapping[str, Value]) -> Enforced:
        unchecked = unchecked_columns(dialect, table, plans[table.name].unbuilt)
        left_out = left_out_checks(dialect, schema, table)
        checks = {check.name: check for check in table.checks}

        def enforced(rule: BrokenRule) -> bool:
            kind, columns = rule.kind, rule.columns
            if rule.check is not None:  # a table's check: built, and compared exactly?
                check = checks[rule.check]
                declared = check_notes(dialect, table, check)
                return not declared and left_out_check(dialect, check, unchecked) is None
            if kind == PATTERN and dialect.regex is None:
                return False
            if len(columns) == 1 and (columns[0], kind) in left_out:
                return False  # no room for that CHECK
            if kind == SCALE and dialect.decimal_type_enforced:
                return False  # DECIMAL(p, s) rounds extra places
            if kind in (SCALE, PRECISION) and not dialect.decimal_type_enforced:
                precision = table.column(columns[0]).precision or 0
                if precision > dialect.exact_digits:
                    return False  # no CHECK compares that many digits
                value = values.get(columns[0])
                digits = len(value.as_tuple().digits) if isinstance(value, Decimal) else 0
                if kind == SCALE and digits > dialect.exact_digits:
                    return False  # its places are past what a double holds
            checked_by_ddl = kind in _CHECKED_RULES or (
                kind == ENUM and dialect.enum_style is EnumStyle.CHECK
            )
            if checked_by_ddl and set(columns) <= unchecked:
                return False  # the engine allows no CHECK on that column
            if kind in (PRIMARY_KEY, UNIQUE) and dialect.timestamptz_keys_as_text:
                types = {table.column(name).type for name in columns}
                if LogicalType.TIMESTAMPTZ in types:
                    return False  # compared as text
            return (table.name, columns) not in skipped

        return enforced

    return for_row
