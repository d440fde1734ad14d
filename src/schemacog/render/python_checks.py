"""A table's checks in the Python layers: one expression per check, from the same tree
the SQL is rendered from (``render.sql.checks``), on the runtime's three-valued helpers
(``_sql_compare``, ``_sql_and``... in ``runtime.cleaning``), so that a check whose result
is unknown (a NULL) passes in Python as it does in SQL.

Each layer gives its own way to read a column's value: the validator reads the row
(with the column's default where the row leaves it out), pydantic and the cleaner read
the typed record.
"""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from collections.abc import Callable, Iterable, Iterator
from typing import assert_never

from schemacog.model import (
    And,
    CheckExpr,
    Column,
    ColumnRef,
    Compare,
    IsNull,
    Literal,
    Not,
    Operand,
    Or,
    Table,
    TableCheck,
    Value,
)
from schemacog.render import pyliterals
from schemacog.render.layout import Call, Expr, lay_out
from schemacog.render.python_needs import Needs, SharedBlock

__all__ = ["ValueOf", "check_message", "checks_assignment", "checks_needs", "value_imports"]

# how a layer reads a column's value, as a Python expression
ValueOf = Callable[[Column], Expr]

# the import a Python literal of a value of each type needs
_IMPORTS: tuple[tuple[type, str], ...] = (
    (dt.date, "import datetime as _dt"),  # and datetime
    (dt.time, "import datetime as _dt"),
    (decimal.Decimal, "import decimal as _decimal"),
    (uuid.UUID, "import uuid as _uuid"),
)


def value_imports(values: Iterable[Value]) -> set[str]:
    """The imports the Python literals of ``values`` need."""
    return {line for value in values for kind, line in _IMPORTS if isinstance(value, kind)}


def _literals(tree: CheckExpr) -> Iterator[Value]:
    match tree:
        case Compare(_, left, right):
            yield from (side.value for side in (left, right) if isinstance(side, Literal))
        case IsNull():
            pass
        case Not(operand):
            yield from _literals(operand)
        case And(operands) | Or(operands):
            for operand in operands:
                yield from _literals(operand)


def _python(tree: CheckExpr, value_of: ValueOf) -> Expr:
    match tree:
        case Compare(op, left, right):
            items = [_operand(left, value_of), pyliterals.string(op), _operand(right, value_of)]
            return Call("_sql_compare(", items, ")")
        case IsNull(operand, negated):
            test = Call("_sql_is_null(", [value_of(operand.column)], ")")
            return Call("_sql_not(", [test], ")") if negated else test
        case Not(operand):
            return Call("_sql_not(", [_python(operand, value_of)], ")")
        case And(operands):
            return Call("_sql_and(", [_python(o, value_of) for o in operands], ")")
        case Or(operands):
            return Call("_sql_or(", [_python(o, value_of) for o in operands], ")")
        case unknown:
            assert_never(unknown)


def _operand(side: Operand, value_of: ValueOf) -> Expr:
    if isinstance(side, ColumnRef):
        return value_of(side.column)
    return pyliterals.expr(side.value)


def check_message(check: TableCheck) -> str:
    """What every Python layer says of a row the check refuses."""
    return f"check {check.name}: {check.one_line} is false"


def checks_assignment(table: Table, value_of: ValueOf, indent: int) -> str:
    """``checks = ((result, message), ...)``: every check of ``table``, laid out."""
    pairs: list[Expr] = [
        Call("(", [_python(c.tree, value_of), pyliterals.string(check_message(c))], ")")
        for c in table.checks
    ]
    return lay_out(Call("checks = (", pairs, ")", ","), indent)


def checks_needs(table: Table) -> Needs:
    """The runtime's helpers and the imports of the literals the checks use (a layer
    adds what its own way of reading values needs)."""
    needs = Needs()
    if not table.checks:
        return needs
    needs.shared.add(SharedBlock.CHECK_RULE)
    needs.imports |= value_imports(v for check in table.checks for v in _literals(check.tree))
    return needs
