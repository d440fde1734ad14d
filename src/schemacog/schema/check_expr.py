"""The expression language of a table's ``checks`` (#15, item 2): parsed once, typed.

A small language every layer can render alike: column names of the table, literals
(single-quoted text, dates and times typed by the other operand; numbers; ``true``,
``false``; ``null`` only in ``IS [NOT] NULL``), the comparisons ``= <> < <= > >=``
between operands of compatible types (enums: ``=`` and ``<>`` only), ``AND``, ``OR``,
``NOT`` and parentheses. No arithmetic and no functions. ``parse_check`` returns the
tree or raises ``CheckError`` at the offending offset of the text.

Not wired into the schema format yet: the renderers of every layer come with it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from schemacog.model import (
    INTEGER_TYPES,
    NUMERIC_TYPES,
    TEMPORAL_TYPES,
    TEXT_TYPES,
    Column,
    LogicalType,
)
from schemacog.schema.values import DATE_RE, TIME_RE, TIMESTAMP_RE, TIMESTAMPTZ_RE, UUID_RE

__all__ = [
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
    "parse_check",
]


class CheckError(ValueError):
    """An expression outside the language; ``offset`` is the 0-based index in it."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


@dataclass(frozen=True)
class ColumnRef:
    name: str
    column: Column


@dataclass(frozen=True)
class Literal:
    text: str  # as written: 'text' unquoted, a number, true or false
    kind: str  # "text", "number" or "boolean"
    offset: int


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
    operand: Expr


@dataclass(frozen=True)
class And:
    operands: tuple[Expr, ...]


@dataclass(frozen=True)
class Or:
    operands: tuple[Expr, ...]


Expr = Compare | IsNull | Not | And | Or

_TOKEN: Final = re.compile(
    r"\s*(?:(?P<string>'(?:[^']|'')*')|(?P<number>-?[0-9]+(?:\.[0-9]+)?)"
    r"|(?P<op><>|<=|>=|=|<|>)|(?P<paren>[()])|(?P<word>[A-Za-z_][A-Za-z0-9_]*)"
    r'|(?P<quoted>"[^"]+"))'
)
_KEYWORDS: Final = frozenset({"and", "or", "not", "is", "null", "true", "false"})
_ORDERED: Final = NUMERIC_TYPES | TEMPORAL_TYPES | TEXT_TYPES
_MAX_LENGTH: Final = 2000  # characters of one expression
_MAX_DEPTH: Final = 32  # nested parentheses and NOTs


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    offset: int


def _tokens(text: str) -> list[_Token]:
    found, at = [], 0
    while at < len(text):
        if text[at:].strip() == "":
            break
        match = _TOKEN.match(text, at)
        if match is None or match.lastgroup is None:
            start = at + len(text[at:]) - len(text[at:].lstrip())
            raise CheckError(f"unexpected {text[start]!r}", start)
        kind = match.lastgroup
        token = match.group(kind)
        offset = match.start(kind)
        if kind == "word" and token.lower() in _KEYWORDS:
            kind = token.lower()
        found.append(_Token(kind, token, offset))
        at = match.end()
    return found


class _Parser:
    def __init__(self, text: str, columns: Mapping[str, Column]) -> None:
        self.text = text
        self.columns = columns
        self.tokens = _tokens(text)
        self.at = 0
        self.depth = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.peek()
        if token is None:
            raise CheckError("the expression ends too soon", len(self.text))
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
        token = self.take()
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
        right = self.operand()
        return _typed(Compare(token.text, left, right), token.offset)

    def operand(self) -> Operand:
        token = self.take()
        if token.kind in ("word", "quoted"):
            following = self.peek()
            if following is not None and following.text == "(":
                raise CheckError(f"no functions in a check ({token.text}(...))", token.offset)
            name = token.text.strip('"')
            if name not in self.columns:
                raise CheckError(f"unknown column {name!r}", token.offset)
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


def _typed(compare: Compare, offset: int) -> Compare:
    """``compare`` if its operands can be compared with its operator; else CheckError."""
    left, right = compare.left, compare.right
    if isinstance(left, Literal) and isinstance(right, Literal):
        raise CheckError("a comparison needs a column on one side", offset)
    columns = [o.column for o in (left, right) if isinstance(o, ColumnRef)]
    if len(columns) == 2:
        a, b = columns
        alike = a.type is b.type or {a.type, b.type} <= NUMERIC_TYPES
        if not alike or a.enum != b.enum:
            raise CheckError(f"{a.type.value} and {b.type.value} cannot be compared", offset)
    column = columns[0]
    if column.type is LogicalType.ENUM and compare.op not in ("=", "<>"):
        raise CheckError("an enum is compared with = or <> only", offset)
    if compare.op not in ("=", "<>") and column.type not in _ORDERED | {LogicalType.ENUM}:
        raise CheckError(f"{column.type.value} values are not ordered: = or <> only", offset)
    for literal in (o for o in (left, right) if isinstance(o, Literal)):
        _check_literal(literal, column)
    return compare


def _check_literal(literal: Literal, column: Column) -> None:
    expected = {
        "number": NUMERIC_TYPES,
        "boolean": frozenset({LogicalType.BOOLEAN}),
        "text": TEXT_TYPES | TEMPORAL_TYPES | {LogicalType.ENUM, LogicalType.UUID},
    }[literal.kind]
    if column.type not in expected:
        raise CheckError(
            f"a {literal.kind} literal cannot be compared with {column.type.value} "
            f"column {column.name!r}",
            literal.offset,
        )
    number = Decimal(literal.text) if literal.kind == "number" else Decimal(0)
    if column.type in INTEGER_TYPES and number != number.to_integral_value():
        raise CheckError(f"{literal.text} is not an integer", literal.offset)
    if literal.kind == "text" and column.type in _TEXT_FORMS:
        pattern, what = _TEXT_FORMS[column.type]
        if not pattern.match(literal.text) or not _parses(column.type, literal.text):
            raise CheckError(f"{literal.text!r} is not {what}", literal.offset)


# how a text literal reads as a value of the other operand's type (as defaults do)
_TEXT_FORMS: Final = {
    LogicalType.DATE: (DATE_RE, "a date (YYYY-MM-DD)"),
    LogicalType.TIME: (TIME_RE, "a time (HH:MM[:SS[.ffffff]])"),
    LogicalType.TIMESTAMP: (TIMESTAMP_RE, "a timestamp without offset"),
    LogicalType.TIMESTAMPTZ: (TIMESTAMPTZ_RE, "a timestamp with offset (Z or +HH:MM)"),
    LogicalType.UUID: (UUID_RE, "a UUID"),
}


def _parses(kind: LogicalType, text: str) -> bool:
    reader = {
        LogicalType.DATE: dt.date.fromisoformat,
        LogicalType.TIME: dt.time.fromisoformat,
        LogicalType.TIMESTAMP: dt.datetime.fromisoformat,
        LogicalType.TIMESTAMPTZ: dt.datetime.fromisoformat,
    }.get(kind)
    try:
        if reader is not None:
            reader(text)
    except ValueError:
        return False
    return True


def parse_check(text: str, columns: Mapping[str, Column]) -> Expr:
    """The typed tree of the check ``text`` over ``columns``; CheckError where it is not."""
    if len(text) > _MAX_LENGTH:
        raise CheckError(f"an expression has at most {_MAX_LENGTH} characters", _MAX_LENGTH)
    parser = _Parser(text, columns)
    if not parser.tokens:
        raise CheckError("the expression is empty", 0)
    tree = parser.expression()
    rest = parser.peek()
    if rest is not None:
        raise CheckError(f"unexpected {rest.text!r}", rest.offset)
    return tree
