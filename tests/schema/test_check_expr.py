"""The expression language of table checks (#15, item 2): what it reads and where it
refuses, at the offset of the fault."""

from __future__ import annotations

import pytest

from schemacog.model import Column, LogicalType
from schemacog.schema.check_expr import (
    And,
    CheckError,
    ColumnRef,
    Compare,
    IsNull,
    Literal,
    Not,
    Or,
    parse_check,
)

COLUMNS = {
    "ordered": Column("ordered", LogicalType.DATE),
    "shipped": Column("shipped", LogicalType.DATE, nullable=True),
    "qty": Column("qty", LogicalType.INTEGER),
    "price": Column("price", LogicalType.DECIMAL, precision=10, scale=2),
    "code": Column("code", LogicalType.STRING, max_length=5),
    "paid": Column("paid", LogicalType.BOOLEAN),
    "status": Column("status", LogicalType.ENUM, enum="state"),
    "at": Column("at", LogicalType.TIMESTAMPTZ),
}


def test_it_reads_comparisons_logic_and_null_tests() -> None:
    tree = parse_check(
        "shipped IS NULL OR (shipped >= ordered AND NOT qty > 10) OR paid = true", COLUMNS
    )
    assert isinstance(tree, Or)
    first, middle, last = tree.operands
    assert first == IsNull(ColumnRef("shipped", COLUMNS["shipped"]), negated=False)
    assert isinstance(middle, And)
    assert isinstance(middle.operands[1], Not)
    assert isinstance(last, Compare)
    assert last.right == Literal("true", "boolean", 67)


def test_text_literals_are_typed_by_the_other_operand() -> None:
    parse_check("ordered >= '2020-01-01' AND at < '2030-01-01T00:00:00Z'", COLUMNS)
    parse_check("code <> 'O''Brien' AND status = 'open'", COLUMNS)


@pytest.mark.parametrize(
    ("text", "message", "offset"),
    [
        ("", "the expression is empty", 0),
        ("qty >", "the expression ends too soon", 5),
        ("qty > 1 +", "unexpected '+'", 8),
        ("qty > 1 2", "unexpected '2'", 8),
        ("width > 3", "unknown column 'width'", 0),
        ("qty = null", "null is only allowed in IS NULL", 6),
        ("1 = 2", "a comparison needs a column on one side", 2),
        ("qty > 1.5", "1.5 is not an integer", 6),
        ("qty > 'a'", "a text literal cannot be compared with integer column 'qty'", 6),
        ("paid > true", "boolean values are not ordered", 5),
        ("status > 'open'", "an enum is compared with = or <> only", 7),
        ("ordered > qty", "date and integer cannot be compared", 8),
        ("ordered > '2020-13-01'", "'2020-13-01' is not a date", 10),
        ("at > '2020-01-01T00:00:00'", "is not a timestamp with offset", 5),
        ("qty IS 3", "IS must be followed by NULL or NOT NULL", 7),
        ("qty between 1", "a comparison (= <> < <= > >=) expected, found 'between'", 4),
        ("(qty > 1", "the expression ends too soon", 8),
        ("qty > 1 or length(code) > 2", "no functions in a check (length(...))", 11),
        ("(" * 40 + "qty > 1" + ")" * 40, "nested more than 32 deep", 32),
    ],
)
def test_it_refuses_at_the_fault(text: str, message: str, offset: int) -> None:
    with pytest.raises(CheckError) as caught:
        parse_check(text, COLUMNS)
    assert message in str(caught.value), str(caught.value)
    assert caught.value.offset == offset
