"""The expression language of table checks (#15, item 2): what it reads and where it
refuses, at the offset of the fault."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

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
ENUMS = {"state": ("open", "closed")}


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
    tree = parse_check("code <> 'O''Brien' AND status = 'open'", COLUMNS, ENUMS)
    assert isinstance(tree, And)
    first = tree.operands[0]
    assert isinstance(first, Compare)
    assert isinstance(first.right, Literal)
    assert first.right.value == "O'Brien"


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
        ("ordered > '2020-13-01'", "'2020-13-01' is not a valid date", 10),
        ("at > '2020-01-01T00:00:00'", "is not an ISO 8601 timestamp with offset", 5),
        ("qty IS 3", "IS must be followed by NULL or NOT NULL", 7),
        ("(qty > 1", "the expression ends too soon", 8),
        ("qty > 1 or length(code) > 2", "no functions in a check (length(...))", 11),
        ("(" * 40 + "qty > 1" + ")" * 40, "nested more than 32 deep", 32),
        # what other SQL has, with what to write instead
        ("qty != 0", "unexpected '!': write <> for 'not equal'", 4),
        ("qty == 0", "'==' is not an operator: write =", 4),
        ("qty => 1", "'=>' is not an operator: write >=", 4),
        ("qty =< 1", "'=<' is not an operator: write <=", 4),
        ("status IN ('open', 'closed')", "unexpected ',': no lists in a check (IN)", 17),
        ("status IN ('open')", "no IN lists in a check: write c = 'a' OR c = 'b'", 7),
        ("qty BETWEEN 1 AND 2", "no BETWEEN in a check: write c >= low AND c <= high", 4),
        ("code LIKE 'a%'", "no LIKE in a check", 5),
        ("shipped NOT NULL", "write IS NOT NULL", 8),
        ("paid", "compare a boolean with true or false (paid = true)", 4),
        ("NOT paid OR qty > 1", "compare a boolean with true or false (paid = true)", 9),
        ('code <> "x"', "unknown column 'x' (double quotes name a column; text takes single", 8),
        ("shiped IS NULL", "unknown column 'shiped'; did you mean 'shipped'?", 0),
        ("status = 'Open'", "'Open' is not a value of enum 'state'; did you mean 'open'?", 9),
        ("qty > .5", "unexpected '.': a number has digits before its point (0.5)", 6),
        ("qty > 5.", "unexpected '.': a number has digits after its point (5.0)", 7),
        ("qty > 1e3", "no exponents in a check (1e...): write the number out", 6),
        ("code > 'abc", "a text literal is not closed", 7),
        ("orders.qty > 1", "unexpected '.': no table names in a check", 6),
    ],
)
def test_it_refuses_at_the_fault(text: str, message: str, offset: int) -> None:
    with pytest.raises(CheckError) as caught:
        parse_check(text, COLUMNS, ENUMS)
    assert message in str(caught.value), str(caught.value)
    assert caught.value.offset == offset


def _literal_of(text: str, columns: dict[str, Column] = COLUMNS) -> object:
    tree = parse_check(text, columns, ENUMS)
    assert isinstance(tree, Compare)
    assert isinstance(tree.right, Literal)
    return tree.right.value


def test_literals_are_read_as_the_column_reads_its_values() -> None:
    weight = {"w": Column("w", LogicalType.FLOAT), "u": Column("u", LogicalType.UUID)}
    assert _literal_of("ordered >= '2020-01-02'") == dt.date(2020, 1, 2)
    assert _literal_of("price <= 10.50") == Decimal("10.50")
    assert _literal_of("qty > -3") == -3
    assert _literal_of("w > 0.1", weight) == 0.1  # what the engines compare a double with
    assert type(_literal_of("w > 1", weight)) is float
    assert _literal_of("at < '2030-01-01T02:00:00+02:00'") == dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    upper = "'0B7E4C1E-8D3F-4C55-9A53-7C1F2A9D6E10'"
    assert _literal_of(f"u = {upper}", weight) == uuid.UUID(upper.strip("'"))


@pytest.mark.parametrize(
    ("columns", "text", "message"),
    [
        ({"a": LogicalType.SMALLINT, "b": LogicalType.BIGINT}, "a < b", None),
        ({"a": LogicalType.INTEGER, "b": LogicalType.DECIMAL}, "a < b", "integer and decimal"),
        ({"a": LogicalType.FLOAT, "b": LogicalType.INTEGER}, "a < b", "float and integer"),
        ({"a": LogicalType.TIMESTAMP, "b": LogicalType.TIMESTAMPTZ}, "a < b", "timestamp and"),
        ({"a": LogicalType.BINARY, "b": LogicalType.BINARY}, "a = b", None),
        ({"a": LogicalType.BINARY, "b": LogicalType.BINARY}, "a < b", "not ordered"),
        ({"a": LogicalType.UUID, "b": LogicalType.UUID}, "a < b", "not ordered"),
        ({"a": LogicalType.JSON, "b": LogicalType.JSON}, "a = b", "json values cannot"),
        ({"a": LogicalType.FLOAT}, "a > " + "9" * 39, "at most 38 digits"),
    ],
)
def test_only_what_every_engine_compares_alike(
    columns: dict[str, LogicalType], text: str, message: str | None
) -> None:
    typed = {name: Column(name, kind) for name, kind in columns.items()}
    if message is None:
        parse_check(text, typed)
        return
    with pytest.raises(CheckError, match=message):
        parse_check(text, typed)


def test_decimals_of_two_sizes_compare_within_38_digits() -> None:
    wide = {
        "a": Column("a", LogicalType.DECIMAL, precision=30, scale=0),
        "b": Column("b", LogicalType.DECIMAL, precision=38, scale=10),
        "c": Column("c", LogicalType.DECIMAL, precision=20, scale=2),
    }
    parse_check("c < a", wide)
    with pytest.raises(CheckError, match="need more than 38 digits"):
        parse_check("a < b", wide)


def test_a_decimal_literal_and_its_column_fit_38_digits_together() -> None:
    """DuckDB compares them in a common decimal of at most 38 digits; beyond, it casts
    the literal to the column, and a literal the column cannot hold fails every row."""
    narrow = {"a": Column("a", LogicalType.DECIMAL, precision=38, scale=37)}
    parse_check("a < 9", narrow)
    with pytest.raises(CheckError, match=r"10 and decimal\(38, 37\) need more than 38 digits"):
        parse_check("a < 10", narrow)
