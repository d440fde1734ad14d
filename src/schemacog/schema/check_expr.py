"""The expression language of a table's ``checks`` (#15, item 2): parsed once, typed.

A small language every layer can render alike: column names of the table, literals
(single-quoted text, dates and times typed by the other operand; numbers; ``true``,
``false``; ``null`` only in ``IS [NOT] NULL``), the comparisons ``= <> < <= > >=``
between operands of compatible types (enums: ``=`` and ``<>`` only), ``AND``, ``OR``,
``NOT`` and parentheses. No arithmetic and no functions. ``parse_check`` returns the
tree or raises ``CheckError`` at the offending offset of the text.

Every layer renders the tree (``render.sql.ddl``, ``render.python_checks``) and
``schema.rules`` evaluates it on examples, with SQL's three-valued logic: a check whose
result is NULL passes.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from schemacog.errors import Pos
from schemacog.model import (
    INTEGER_RANGES,
    INTEGER_TYPES,
    NUMERIC_TYPES,
    TEMPORAL_TYPES,
    TEXT_TYPES,
    And,
    Column,
    ColumnRef,
    Compare,
    IsNull,
    Literal,
    LogicalType,
    Not,
    Operand,
    Or,
    Value,
)
from schemacog.model import CheckExpr as Expr
from schemacog.schema.fields import did_you_mean
from schemacog.schema.loader import ScalarNode
from schemacog.schema.values import TypeSpec, read_value

__all__ = [
    "MAX_LITERAL_DIGITS",
    "And",
    "CheckError",
    "ColumnRef",
    "Compare",
    "Expr",
    "IsNull",
    "Literal",
    "Not",
    "Operand",
    "Or",
    "columns_of",
    "parse_check",
]


class CheckError(ValueError):
    """An expression outside the language; ``offset`` is the 0-based index in it."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


_TOKEN: Final = re.compile(
    r"\s*(?:(?P<string>'(?:[^']|'')*')|(?P<number>-?[0-9]+(?:\.[0-9]+)?)"
    r"|(?P<op><>|<=|>=|=|<|>)|(?P<paren>[()])|(?P<word>[A-Za-z_][A-Za-z0-9_]*)"
    r'|(?P<quoted>"[^"]+"))'
)
_KEYWORDS: Final = frozenset({"and", "or", "not", "is", "null", "true", "false"})
_ORDERED: Final = NUMERIC_TYPES | TEMPORAL_TYPES | TEXT_TYPES
_MAX_LENGTH: Final = 2000  # characters of one expression
MAX_LITERAL_DIGITS: Final = 38  # DuckDB's widest decimal
_MAX_DEPTH: Final = 32  # nested parentheses and NOTs
_SPACES: Final = re.compile(r"\s*")
_EXPONENT: Final = re.compile(r"[eE][-+]?[0-9]")  # after a number: 1e3


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    offset: int


def _tokens(text: str) -> list[_Token]:
    found, at = [], 0
    while True:
        at = _SPACES.match(text, at).end()  # type: ignore[union-attr]  # \s* always matches
        if at == len(text):
            break
        match = _TOKEN.match(text, at)
        if match is None or match.lastgroup is None:
            raise CheckError(_unexpected(text, at), at)
        kind = match.lastgroup
        token = match.group(kind)
        offset = match.start(kind)
        if kind == "number" and _EXPONENT.match(text, match.end()):
            raise CheckError(f"no exponents in a check ({token}e...): write the number out", offset)
        if kind == "word" and token.lower() in _KEYWORDS:
            kind = token.lower()
        found.append(_Token(kind, token, offset))
        at = match.end()
    return found


# what a character no token starts with was probably meant to be
_HINTS: Final = (
    ("!=", "write <> for 'not equal'"),
    (",", "no lists in a check (IN): write c = 'a' OR c = 'b'"),
    ('"', "text takes single quotes ('...'); double quotes name a column"),
    ("'", "a text literal is not closed (a quote inside is written twice: 'O''Brien')"),
)


def _unexpected(text: str, at: int) -> str:
    before = text[at - 1] if at else ""
    hints = [hint for start, hint in _HINTS if text.startswith(start, at)]
    if text[at] == ".":
        if before.isdigit():
            hints.append("a number has digits after its point (5.0)")
        elif before.isalnum() or before in '_"':
            hints.append("no table names in a check: write the column alone")
        else:
            hints.append("a number has digits before its point (0.5)")
    return f"unexpected {text[at]!r}" + (f": {hints[0]}" if hints else "")


# words of SQL that the language leaves out, and what to write instead
_NOT_IN_THE_LANGUAGE: Final = {
    "in": "no IN lists in a check: write c = 'a' OR c = 'b'",
    "between": "no BETWEEN in a check: write c >= low AND c <= high",
    "like": "no LIKE in a check: a column's own pattern matches text",
    "ilike": "no ILIKE in a check: a column's own pattern matches text",
    "not": "write IS NOT NULL, or NOT (...) before the comparison",
}
# two operators in a row that were meant as one
_MEANT: Final = {"==": "=", "=>": ">=", "=<": "<=", "<<": "<", ">>": ">"}


class _Parser:
    def __init__(
        self, text: str, columns: Mapping[str, Column], enums: Mapping[str, Sequence[str]]
    ) -> None:
        self.text = text
        self.columns = columns
        self.enums = enums
        self.tokens = _tokens(text)
        self.at = 0
        self.depth = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.peek()
        if token is None:
            raise CheckError("the expression ends too soon", len(self.text.rstrip()))
        self.at += 1
        return token

    def expression(self) -> Expr:
        operands = [self.conjunction()]
        while (token := self.peek()) is not None and token.kind == "or":
            self.at += 1
            operands.append(self.conjunction())
        return operands[0] if len(operands) == 1 else Or(tuple(operands))

    def conjunction(self) -> Expr:
        operands = [self.negation()]
        while (token := self.peek()) is not None and token.kind == "and":
            self.at += 1
            operands.append(self.negation())
        return operands[0] if len(operands) == 1 else And(tuple(operands))

    def negation(self) -> Expr:
        token = self.peek()
        if token is not None and token.kind == "not":
            self.at += 1
            return Not(self.nested(self.negation, token.offset))
        if token is not None and token.kind == "paren" and token.text == "(":
            self.at += 1
            inner = self.nested(self.expression, token.offset)
            closing = self.take()
            if closing.text != ")":
                raise CheckError("')' expected", closing.offset)
            return inner
        return self.comparison()

    def nested(self, read: Callable[[], Expr], offset: int) -> Expr:
        self.depth += 1
        if self.depth > _MAX_DEPTH:
            raise CheckError(f"nested more than {_MAX_DEPTH} deep", offset)
        inner = read()
        self.depth -= 1
        return inner

    def comparison(self) -> Expr:
        left = self.operand()
        token = self.peek()
        ended = token is None or token.kind in ("and", "or") or token.text == ")"
        if ended and isinstance(left, ColumnRef) and left.column.type is LogicalType.BOOLEAN:
            at = token.offset if token is not None else len(self.text.rstrip())
            raise CheckError(f"compare a boolean with true or false ({left.name} = true)", at)
        token = self.take()
        hint = (
            _NOT_IN_THE_LANGUAGE.get(token.text.lower()) if token.kind in ("word", "not") else None
        )
        if hint is not None:
            raise CheckError(hint, token.offset)
        if token.kind == "is":
            following = self.peek()
            negated = following is not None and following.kind == "not"
            self.at += negated
            null = self.take()
            if null.kind != "null":
                raise CheckError("IS must be followed by NULL or NOT NULL", null.offset)
            if not isinstance(left, ColumnRef):
                raise CheckError("IS NULL applies to a column", token.offset)
            return IsNull(left, negated)
        if token.kind != "op":
            raise CheckError(
                f"a comparison (= <> < <= > >=) expected, found {token.text!r}", token.offset
            )
        following = self.peek()
        if following is not None and following.kind == "op":
            meant = _MEANT.get(token.text + following.text)
            if meant is not None:
                written = token.text + following.text
                raise CheckError(f"{written!r} is not an operator: write {meant}", token.offset)
        right = self.operand()
        return _typed(Compare(token.text, left, right), token.offset, self.enums)

    def operand(self) -> Operand:
        token = self.take()
        if token.kind in ("word", "quoted"):
            following = self.peek()
            if following is not None and following.text == "(":
                raise CheckError(f"no functions in a check ({token.text}(...))", token.offset)
            name = token.text.strip('"')
            if name not in self.columns:
                hint = did_you_mean(name, self.columns)
                if token.kind == "quoted":
                    hint = f" (double quotes name a column; text takes single quotes: '{name}')"
                raise CheckError(f"unknown column {name!r}{hint}", token.offset)
            return ColumnRef(name, self.columns[name])
        if token.kind == "string":
            return Literal(token.text[1:-1].replace("''", "'"), "text", token.offset)
        if token.kind == "number":
            return Literal(token.text, "number", token.offset)
        if token.kind in ("true", "false"):
            return Literal(token.kind, "boolean", token.offset)
        if token.kind == "null":
            raise CheckError("null is only allowed in IS NULL / IS NOT NULL", token.offset)
        raise CheckError(f"a column or a literal expected, found {token.text!r}", token.offset)


def _typed(compare: Compare, offset: int, enums: Mapping[str, Sequence[str]]) -> Compare:
    """``compare`` with its literals read as values of the column they are compared with,
    if its operands can be compared with its operator; else CheckError."""
    left, right = compare.left, compare.right
    if isinstance(left, Literal) and isinstance(right, Literal):
        raise CheckError("a comparison needs a column on one side", offset)
    columns = [o.column for o in (left, right) if isinstance(o, ColumnRef)]
    if any(c.type is LogicalType.JSON for c in columns):
        # jsonb compares values, the other engines compare text
        raise CheckError("json values cannot be compared in a check (IS NULL only)", offset)
    if len(columns) == 2:
        problem = _column_pair_problem(*columns)
        if problem is not None:
            raise CheckError(problem, offset)
    column = columns[0]
    if column.type is LogicalType.ENUM and compare.op not in ("=", "<>"):
        raise CheckError("an enum is compared with = or <> only", offset)
    if compare.op not in ("=", "<>") and column.type not in _ORDERED:
        raise CheckError(f"{column.type.value} values are not ordered: = or <> only", offset)
    enum_values = enums.get(column.enum, ()) if column.enum else ()
    return Compare(
        compare.op,
        _read_literal(left, column, enum_values) if isinstance(left, Literal) else left,
        _read_literal(right, column, enum_values) if isinstance(right, Literal) else right,
    )


def _column_pair_problem(a: Column, b: Column) -> str | None:
    """Why two columns cannot be compared alike in every layer (None: they can).

    Only values of one kind: the engines convert an integer compared with a float (or a
    decimal) in their own ways, which Python's exact comparisons do not follow.
    """
    for family in (INTEGER_TYPES, TEXT_TYPES):
        if a.type in family and b.type in family:
            return None
    if a.type is not b.type or a.enum != b.enum:
        kinds = f"{a.type.value} and {b.type.value}" if a.type is not b.type else "two enums"
        return f"{kinds} cannot be compared (columns of one type only)"
    if a.type is LogicalType.DECIMAL:
        scale = max(a.scale or 0, b.scale or 0)
        whole = max((a.precision or 0) - (a.scale or 0), (b.precision or 0) - (b.scale or 0))
        if whole + scale > MAX_LITERAL_DIGITS:
            return (
                f"decimal({a.precision}, {a.scale or 0}) and decimal({b.precision}, "
                f"{b.scale or 0}) need more than {MAX_LITERAL_DIGITS} digits to be compared"
            )
    return None


def _read_literal(literal: Literal, column: Column, enum_values: Sequence[str]) -> Literal:
    """The literal with its value as ``column`` reads it (as defaults are read)."""
    value: Value
    if literal.kind == "number":
        value = _number(literal, column)
    elif literal.kind == "boolean":
        if column.type is not LogicalType.BOOLEAN:
            raise _mismatch(literal, column)
        value = literal.text == "true"
    else:
        if column.type not in _TEXT_LITERAL_TYPES:
            raise _mismatch(literal, column)
        node = ScalarNode(Pos("", 0), literal.text, plain=False)
        try:
            value = read_value(node, TypeSpec(column.type))
        except ValueError as exc:
            raise CheckError(str(exc), literal.offset) from None
        if column.enum is not None and value not in enum_values:
            hint = did_you_mean(literal.text, enum_values)
            raise CheckError(
                f"{literal.text!r} is not a value of enum {column.enum!r}{hint}", literal.offset
            )
    return dataclasses.replace(literal, value=value)


def _number(literal: Literal, column: Column) -> Value:
    if column.type not in NUMERIC_TYPES:
        raise _mismatch(literal, column)
    digits = sum(ch.isdigit() for ch in literal.text)
    if digits > MAX_LITERAL_DIGITS:  # DuckDB reads a longer one as a double
        raise CheckError(f"a number has at most {MAX_LITERAL_DIGITS} digits", literal.offset)
    number = Decimal(literal.text)
    if column.type in INTEGER_TYPES:
        if number != number.to_integral_value():
            raise CheckError(f"{literal.text} is not an integer", literal.offset)
        low, high = INTEGER_RANGES[column.type]
        if not low <= number <= high:
            raise CheckError(
                f"{literal.text} is outside the range of {column.type.value}", literal.offset
            )
        return int(number)
    if column.type is LogicalType.FLOAT:
        return float(number)  # what every engine compares a double with
    exponent = number.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    scale = column.scale or 0
    shown = f"decimal({column.precision}, {scale})"
    if column.precision is not None and places > scale:
        raise CheckError(
            f"{literal.text} has more decimal places than {shown} holds", literal.offset
        )
    whole = len(literal.text.lstrip("-").split(".")[0].lstrip("0"))
    if whole + max(scale, places) > MAX_LITERAL_DIGITS:  # DuckDB then casts it to the column
        raise CheckError(
            f"{literal.text} and {shown} need more than {MAX_LITERAL_DIGITS} digits to be compared",
            literal.offset,
        )
    return number


def _mismatch(literal: Literal, column: Column) -> CheckError:
    return CheckError(
        f"a {literal.kind} literal cannot be compared with {column.type.value} "
        f"column {column.name!r}",
        literal.offset,
    )


# the types a quoted literal is read as (as their defaults are)
_TEXT_LITERAL_TYPES: Final = TEXT_TYPES | TEMPORAL_TYPES | {LogicalType.ENUM, LogicalType.UUID}


def columns_of(expr: Expr) -> tuple[str, ...]:
    """The columns ``expr`` reads, in the order they first appear."""
    found: dict[str, None] = {}

    def visit(node: Expr) -> None:
        if isinstance(node, Compare):
            for side in (node.left, node.right):
                if isinstance(side, ColumnRef):
                    found[side.name] = None
        elif isinstance(node, IsNull):
            found[node.operand.name] = None
        elif isinstance(node, Not):
            visit(node.operand)
        else:
            for operand in node.operands:
                visit(operand)

    visit(expr)
    return tuple(found)


def parse_check(
    text: str, columns: Mapping[str, Column], enums: Mapping[str, Sequence[str]] | None = None
) -> Expr:
    """The typed tree of the check ``text`` over ``columns`` (and the values of ``enums``,
    by name); CheckError where it is not."""
    if len(text) > _MAX_LENGTH:
        raise CheckError(f"an expression has at most {_MAX_LENGTH} characters", _MAX_LENGTH)
    parser = _Parser(text, columns, enums or {})
    if not parser.tokens:
        raise CheckError("the expression is empty", 0)
    tree = parser.expression()
    rest = parser.peek()
    if rest is not None:
        raise CheckError(f"unexpected {rest.text!r}", rest.offset)
    return tree
