"""A table's checks as SQL: the tree of ``schema.check_expr`` in each dialect's words.

Comparisons read as in Python: text by code points (``text_collation`` where the
engine's default collation does not), times by instant where the dialect stores them
as text (``instant_of``), and a NULL makes a comparison unknown, which a CHECK lets
through. What a dialect compares less exactly than the Python layers is declared.
"""

from __future__ import annotations

from typing import Final, assert_never

from schemacog.model import (
    TEXT_TYPES,
    And,
    CheckExpr,
    Column,
    ColumnRef,
    Compare,
    IsNull,
    LogicalType,
    Not,
    Operand,
    Or,
    Table,
    TableCheck,
)
from schemacog.render.sql.dialects import Dialect
from schemacog.render.sql.literals import literal, quote

__all__ = ["INSTANT_TYPES", "check_notes", "check_sql", "left_out_check"]

# compared as instants (``Dialect.instant_of``) where the dialect stores them as text
INSTANT_TYPES: Final = frozenset({LogicalType.TIME, LogicalType.TIMESTAMP, LogicalType.TIMESTAMPTZ})


def check_sql(dialect: Dialect, tree: CheckExpr) -> str:
    """The CHECK expression of ``tree`` (without ``CHECK ( )``)."""
    match tree:
        case Compare(op, left, right):
            column = next(s.column for s in (left, right) if isinstance(s, ColumnRef))
            sides = [_operand(dialect, side, column) for side in (left, right)]
            if column.type in TEXT_TYPES and dialect.text_collation:
                sides[0] += f" COLLATE {dialect.text_collation}"
            return f"{sides[0]} {op} {sides[1]}"
        case IsNull(operand, negated):
            return f"{quote(dialect, operand.name)} IS {'NOT ' if negated else ''}NULL"
        case Not(operand):
            return f"NOT ({check_sql(dialect, operand)})"
        case And(operands):  # AND binds tighter than OR: an OR inside needs parentheses
            return " AND ".join(
                f"({check_sql(dialect, o)})" if isinstance(o, Or) else check_sql(dialect, o)
                for o in operands
            )
        case Or(operands):
            return " OR ".join(check_sql(dialect, o) for o in operands)
        case unknown:
            assert_never(unknown)


def _operand(dialect: Dialect, side: Operand, column: Column) -> str:
    if isinstance(side, ColumnRef):
        text = quote(dialect, side.name)
    else:
        text = literal(dialect, column, side.value)
    if dialect.instant_of is not None and column.type in INSTANT_TYPES:
        return dialect.instant_of.format(text)
    return text


def check_notes(dialect: Dialect, table: Table, check: TableCheck) -> list[str]:
    """What ``dialect`` compares less exactly in ``check`` than the Python layers do."""
    notes = []
    columns = [table.column(name) for name in check.columns]
    if dialect.instant_of is not None and any(c.type in INSTANT_TYPES for c in columns):
        shown = dialect.instant_of.format("c")
        notes.append(f"check {check.name}: times are compared as {shown}, to the millisecond")
    if not dialect.decimal_type_enforced and any(
        c.type is LogicalType.DECIMAL
        and (c.precision is None or c.precision > dialect.exact_digits)
        for c in columns
    ):
        notes.append(
            f"check {check.name}: decimals are compared as doubles "
            f"({dialect.exact_digits} significant digits)"
        )
    return notes


def left_out_check(dialect: Dialect, check: TableCheck, unchecked: frozenset[str]) -> str | None:
    """Why ``check`` is not in the DDL (None: it is); ``unchecked`` are the columns that
    can have no CHECK (``limits.unchecked_columns``)."""
    if unchecked.isdisjoint(check.columns):
        return None
    return (
        f"check {check.name}: {check_sql(dialect, check.tree)} ({dialect.title} allows no "
        "CHECK on a column that AUTO_INCREMENT or a foreign-key action writes)"
    )
