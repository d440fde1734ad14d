"""Data checks: before any change, count the existing rows a tightened rule would refuse.

Each check reads OLD's table through a subquery that gives NEW's names and values (enum
values respelled, new columns at their default), so that a rule is written once, as the
DDL writes it. Only rules NEW adds are checked: a rule OLD had already held.
"""

from __future__ import annotations

import decimal
from collections.abc import Sequence
from dataclasses import dataclass

from schemacog.migrate.changes import Effect, rounded_scale, type_change
from schemacog.migrate.dialects import MIGRATIONS
from schemacog.migrate.matching import Match, TableMatch
from schemacog.model import INTEGER_TYPES, Column, LogicalType, Schema, value_bounds
from schemacog.render.sql.ddl import TablePieces, _default, column_type, literal, quote
from schemacog.render.sql.dialects import Dialect, EnumStyle
from schemacog.render.sql.limits import key_plans
from schemacog.render.sql.literals import string_literal

__all__ = ["DataCheck", "mapped", "table_checks", "unique_check"]


@dataclass(frozen=True)
class DataCheck:
    rule: str  # what is checked, short, for the message: "orders.qty: NOT NULL"
    count: str  # a query giving one row, column n: the rows that break the rule
    detail: str = ""  # the rule's expression, for the step's comment


def mapped(dialect: Dialect, found: Match, pair: TableMatch) -> str:
    """OLD's rows of a table, under NEW's names, as NEW would hold them."""
    assert pair.old is not None

    def q(name: str) -> str:
        return quote(dialect, name)

    plan = key_plans(dialect, found.new)[pair.new.name]
    values = []
    for column in pair.new.columns:
        before = pair.columns.get(column.name)
        if before is None:  # a new column: its default in every row, typed
            default = None if column.identity else _default(dialect, column)
            value = default or "NULL"
            if MIGRATIONS[dialect.name].casts_on_insert:  # a bare NULL reads as text there
                value = (
                    f"CAST({value} AS {column_type(dialect, found.new, pair.new, column, plan)})"
                )
            values.append(f"{value} AS {q(column.name)}")
            continue
        value = q(before)
        old = pair.old.column(before)
        if old.enum is not None and dialect.enum_style is EnumStyle.TYPE:
            value = MIGRATIONS[dialect.name].text_cast.format(value=value)
        if column.enum is not None and old.enum is not None:
            renames = [(o, n) for n, o in found.values.get(column.enum, {}).items() if o != n]
            if renames:
                cases = " ".join(
                    f"WHEN {string_literal(dialect, o)} THEN {string_literal(dialect, n)}"
                    for o, n in renames
                )
                value = f"CASE {value} {cases} ELSE {value} END"
        elif MIGRATIONS[dialect.name].casts_on_insert and _converts(found, pair, column):
            # NEW's rules read NEW's type (a float's finite check on an old integer)
            value = f"CAST({value} AS {column_type(dialect, found.new, pair.new, column, plan)})"
        values.append(f"{value} AS {q(column.name)}")
    return f"SELECT {', '.join(values)} FROM {q(pair.old.name)}"


def _converts(found: Match, pair: TableMatch, column: Column) -> bool:
    """The column's type changes in a way every value survives the cast of (safe or
    lossy); a tightening one is checked on the old values, which a cast would refuse
    with the engine's error rather than the check's message."""
    old = found.old_renamed.table(pair.new.name).column(column.name)
    if (old.type, old.precision, old.scale, old.enum) == (
        column.type,
        column.precision,
        column.scale,
        column.enum,
    ):
        return False
    effect = type_change(old, column)
    return effect is not None and effect[0] is not Effect.TIGHTENING


def _count(dialect: Dialect, found: Match, pair: TableMatch, condition: str) -> str:
    return f"SELECT count(*) AS n FROM ({mapped(dialect, found, pair)}) AS s WHERE {condition}"


def unique_check(
    dialect: Dialect, found: Match, pair: TableMatch, columns: Sequence[str]
) -> DataCheck:
    q = [quote(dialect, c) for c in columns]
    present = " AND ".join(f"{c} IS NOT NULL" for c in q)
    listed = ", ".join(q)
    count = (
        f"SELECT count(*) AS n FROM (SELECT {listed} FROM ({mapped(dialect, found, pair)}) AS s "
        f"WHERE {present} GROUP BY {listed} HAVING count(*) > 1) AS d"
    )
    return DataCheck(f"{pair.new.name} ({', '.join(columns)}): unique", count)


def _numbers(bounds: tuple[object, object]) -> tuple[decimal.Decimal | None, ...]:
    """Numeric bounds, exactly (a float or a 64-bit integer as a Decimal), others as none."""
    return tuple(
        decimal.Decimal(b)
        if isinstance(b, int | float | decimal.Decimal) and not isinstance(b, bool)
        else None
        for b in bounds
    )


def _tightens(rule: str, old_schema: Schema, old: Column, new_schema: Schema, new: Column) -> bool:
    """Whether a CHECK that NEW writes otherwise than OLD can refuse a row OLD holds: not
    an enum CHECK that only gained values, nor the scale of a decimal whose places are cut
    (a lossy change, allowed by --allow-destructive: the rows are rounded)."""
    if rule == "enum" and old.enum is not None and new.enum is not None:
        before = set(old_schema.enum(old.enum).value_names)
        return not before <= set(new_schema.enum(new.enum).value_names)
    return not (rule == "scale" and rounded_scale(old, new) is not None)


def table_checks(
    dialect: Dialect,
    found: Match,
    pair: TableMatch,
    before: TablePieces,
    after: TablePieces,
) -> list[DataCheck]:
    """The checks of a changed table: each rule NEW's DDL enforces that OLD's did not
    (``before`` is OLD's DDL in NEW's names). Read from what each DDL writes, so that a
    rule the dialect left out of OLD (a CHECK MariaDB allows no room for, a foreign key
    it cannot build) is checked when NEW enforces it."""
    assert pair.old is not None
    table, new, old_renamed = pair.new, found.new, found.old_renamed
    old_table = old_renamed.table(table.name)
    checks = []
    for constraint, rule in after.checks.items():
        if before.checks.get(constraint) == rule:
            continue
        if rule.column is not None:
            if rule.column not in pair.columns:
                continue  # a new column: every row holds its default, which the schema checked
            old = old_table.column(rule.column)
            if not _tightens(rule.rule, old_renamed, old, new, table.column(rule.column)):
                continue
            label = f"{table.name}.{rule.column}: {rule.rule}"
        else:
            label = f"{table.name}: check {rule.rule}"
        checks.append(
            DataCheck(
                label,
                _count(dialect, found, pair, f"NOT ({rule.expression})"),
                rule.expression,
            )
        )
    for column in table.columns:
        if column.name not in pair.columns:
            continue
        old = old_table.column(column.name)
        name = quote(dialect, column.name)
        where = f"{table.name}.{column.name}"
        if before.shapes[column.name].not_null is False and after.shapes[column.name].not_null:
            checks.append(
                DataCheck(f"{where}: NOT NULL", _count(dialect, found, pair, f"{name} IS NULL"))
            )
        checks += _type_checks(dialect, found, pair, old, column)
    old_keys = {frozenset(columns) for columns in before.unique.values()}
    for columns in after.unique.values():
        if frozenset(columns) not in old_keys:
            old_keys.add(frozenset(columns))
            checks.append(unique_check(dialect, found, pair, columns))
    old_fks = {(fk.columns, fk.ref_table, fk.ref_columns) for fk in before.foreign_keys.values()}
    for fk in after.foreign_keys.values():
        if (fk.columns, fk.ref_table, fk.ref_columns) in old_fks:
            continue
        present = " AND ".join(f"s.{quote(dialect, c)} IS NOT NULL" for c in fk.columns)
        parent = found.tables[fk.ref_table]
        condition = present
        if parent.old is not None:
            joined = " AND ".join(
                f"p.{quote(dialect, r)} = s.{quote(dialect, c)}"
                for c, r in zip(fk.columns, fk.ref_columns, strict=True)
            )
            source = mapped(dialect, found, parent)
            condition += f" AND NOT EXISTS (SELECT 1 FROM ({source}) AS p WHERE {joined})"
        checks.append(
            DataCheck(
                f"{table.name} ({', '.join(fk.columns)}) -> {fk.ref_table}: foreign key",
                _count(dialect, found, pair, condition),
            )
        )
    return checks


def _type_checks(
    dialect: Dialect, found: Match, pair: TableMatch, old: Column, column: Column
) -> list[DataCheck]:
    """What a column's new type refuses of OLD's values where no CHECK says it: a narrower
    integer, fewer digits before a decimal's point, an enum type's values."""
    checks = []
    name = quote(dialect, column.name)
    where = f"{pair.new.name}.{column.name}"
    if column.type in INTEGER_TYPES and column.type not in dialect.checked_integer_types:
        low, high = value_bounds(column)
        old_low, old_high = _numbers(value_bounds(old))
        new_low, new_high = _numbers((low, high))
        narrower = (new_low is not None and (old_low is None or old_low < new_low)) or (
            new_high is not None and (old_high is None or old_high > new_high)
        )
        if narrower and old.type in (*INTEGER_TYPES, LogicalType.DECIMAL):
            sides = [
                f"{name} {op} {literal(dialect, column, bound)}"
                for op, bound in (("<", low), (">", high))
                if bound is not None
            ]
            checks.append(
                DataCheck(
                    f"{where}: between {low} and {high}",
                    _count(dialect, found, pair, " OR ".join(sides)),
                )
            )
    if (
        column.type is LogicalType.DECIMAL
        and column.precision is not None
        and dialect.decimal_type_enforced
    ):
        digits = column.precision - (column.scale or 0)
        old_digits = (
            None
            if old.type is not LogicalType.DECIMAL or old.precision is None
            else old.precision - (old.scale or 0)
        )
        if old_digits is None or digits < old_digits:
            checks.append(
                DataCheck(
                    f"{where}: at most {digits} digits before the point",
                    # an exact literal: 1e17 is a double, which 17 nines round up to
                    _count(dialect, found, pair, f"abs({name}) >= {10**digits}"),
                )
            )
    if column.enum is not None and dialect.enum_style is EnumStyle.TYPE:
        values = found.new.enum(column.enum).value_names
        old_values = found.old_renamed.enum(old.enum).value_names if old.enum is not None else ()
        if not set(old_values) <= set(values) or old.enum is None:
            listed = ", ".join(string_literal(dialect, v) for v in values)
            checks.append(
                DataCheck(
                    f"{where}: one of enum {column.enum}",
                    _count(dialect, found, pair, f"{name} NOT IN ({listed})"),
                )
            )
    return checks
