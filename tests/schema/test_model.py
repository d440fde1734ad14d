"""Valid schemas become the model: every field, in file order, typed per column."""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from schemacog.errors import SchemaError
from schemacog.model import NOW, BrokenRule, Column, FkAction, ForeignKey, Index, LogicalType
from schemacog.schema.validate import load_schema, load_schema_text

SHOP = ROOT / "schema" / "shop.yaml"


def test_shop_tables_and_enums_keep_file_order() -> None:
    schema = load_schema(SHOP, "schema/shop.yaml")
    assert schema.name == "shop"
    assert schema.description == "Tables of a small web shop."
    assert [t.name for t in schema.tables] == [
        "customer",
        "product",
        "order",
        "order_line",
        "return_line",
        "shipment",
        "warehouse",
        "signup_import",
        "stock_count",
    ]
    assert [e.name for e in schema.enums] == [
        "order_status",
        "product_category",
        "signup_channel",
        "stock_condition",
    ]
    status = schema.enum("order_status")
    assert status.value_names == ("placed", "paid", "shipped", "delivered", "cancelled")
    assert status.values[0].description == "Received, not yet paid."
    assert (status.pos.line, status.pos.col) == (8, 3)


def test_shop_customer_columns_every_field() -> None:
    customer = load_schema(SHOP, "schema/shop.yaml").table("customer")
    assert customer.description == "A person who buys from the shop."
    assert customer.columns == (
        Column("id", LogicalType.BIGINT, primary_key=True, identity=True),
        Column(
            "public_id",
            LogicalType.UUID,
            description="Identifier shown in URLs and emails.",
            unique=True,
        ),
        Column(
            "email",
            LogicalType.STRING,
            max_length=254,
            unique=True,
            pattern="^[^@ ]+@[^@ ]+$",
        ),
        Column(
            "name",
            LogicalType.STRING,
            description="Full name.",
            min_length=1,
            max_length=100,
        ),
        Column(
            "balance",
            LogicalType.DECIMAL,
            description="Store credit.",
            default=decimal.Decimal(0),
            has_default=True,
            min=decimal.Decimal(0),
            precision=12,
            scale=2,
        ),
        Column("birth_date", LogicalType.DATE, nullable=True),
        Column("is_active", LogicalType.BOOLEAN, default=True, has_default=True),
        Column("created_at", LogicalType.TIMESTAMPTZ, default=NOW, has_default=True),
        Column(
            "referrer_id",
            LogicalType.BIGINT,
            description="The customer who recommended the shop.",
            nullable=True,
        ),
    )
    assert customer.primary_key == ("id",)
    assert customer.unique == ()
    assert customer.unique_keys == (("public_id",), ("email",))
    assert customer.indexes == (Index(("name",)),)
    assert customer.foreign_keys == (
        ForeignKey(("referrer_id",), "customer", ("id",), FkAction.SET_NULL, inline=True),
    )
    lines = SHOP.read_text(encoding="utf-8").splitlines()
    customer_line = lines.index("  customer:")
    assert lines[customer_line + 3].startswith("      id:")
    assert customer.column("id").pos.line == customer_line + 4


def test_shop_examples_are_typed_per_column() -> None:
    schema = load_schema(SHOP, "schema/shop.yaml")
    ada = schema.table("customer").examples[0].values
    assert ada == {
        "id": 1,
        "public_id": uuid.UUID("0b7e4c1e-8d3f-4c55-9a53-7c1f2a9d6e10"),
        "email": "ada@example.com",
        "name": "Ada Lovelace",
        "balance": decimal.Decimal("10.50"),
        "birth_date": dt.date(1815, 12, 10),
        "created_at": dt.datetime(2024, 1, 1, 9, 30, tzinfo=dt.UTC),
    }
    book, go, gift = (e.values for e in schema.table("product").examples)
    assert book["attributes"] == {"pages": 120, "cover": "soft"}
    assert go["thumbnail"] == b"\x89PNG\r\n\x1a\n"
    assert gift["price"] == decimal.Decimal(25)
    scan = schema.table("shipment").examples[0].values
    assert scan["window_start"] == dt.time(9, 0)
    assert scan["last_scan_at"] == dt.datetime(2024, 3, 3, 7, 45, 10)


def test_shop_invalid_examples_know_the_rules_they_break() -> None:
    schema = load_schema(SHOP, "schema/shop.yaml")
    broken = {
        table.name: [[(r.kind, r.columns) for r in e.broken] for e in table.invalid_examples]
        for table in schema.tables
    }
    assert broken == {
        "customer": [[("pattern", ("email",))], [("min", ("balance",))], [("unique", ("email",))]],
        "product": [[("pattern", ("sku",))], [("enum", ("category",))], [("max", ("weight_kg",))]],
        "order": [[("foreign_key", ("customer_id",))], [("enum", ("status",))]],
        "order_line": [
            [("min", ("line_no",))],
            [("unique", ("order_id", "sku"))],
            [("min", ("quantity",))],
        ],
        "return_line": [
            [("foreign_key", ("order_id", "line_no"))],
            [("not_null", ("quantity",))],
        ],
        "shipment": [[("pattern", ("tracking_code",))]],
        "warehouse": [[("pattern", ("code",))], [("min", ("capacity",))]],
        "signup_import": [[("min", ("age",))]],
        "stock_count": [
            [("unique", ("sku", "warehouse", "counted_on"))],
            [("min", ("quantity",))],
        ],
    }
    reasons = [e.reason for e in schema.table("customer").invalid_examples]
    assert reasons == ["email pattern", "negative balance", "email already taken"]


def test_shop_uses_every_logical_type_and_the_required_shapes() -> None:
    schema = load_schema(SHOP, "schema/shop.yaml")
    used = {c.type for t in schema.tables for c in t.columns}
    assert used == set(LogicalType)
    assert len(schema.tables) >= 6
    assert len(schema.enums) >= 2
    assert any(len(t.primary_key) > 1 for t in schema.tables)
    assert any(fk.ref_table == t.name for t in schema.tables for fk in t.foreign_keys)
    assert any(len(fk.columns) > 1 for t in schema.tables for fk in t.foreign_keys)
    assert all(t.examples and t.invalid_examples for t in schema.tables)


def test_composite_keys_and_table_level_foreign_keys() -> None:
    schema = load_schema(SHOP)
    line = schema.table("order_line")
    assert line.primary_key == ("order_id", "line_no")
    assert [c.primary_key for c in line.columns] == [True, True, False, False, False]
    assert line.unique == (("order_id", "sku"),)
    returned = schema.table("return_line")
    assert returned.foreign_keys == (
        ForeignKey(
            ("order_id", "line_no"),
            "order_line",
            ("order_id", "line_no"),
            FkAction.CASCADE,
        ),
    )


@pytest.mark.parametrize("path", sorted((FIXTURES / "valid").glob("*.yaml")), ids=lambda p: p.stem)
def test_valid_fixtures_load(path: Path) -> None:
    assert load_schema(path).tables


def test_every_feature_fixture_reads_each_type_and_key() -> None:
    schema = load_schema(FIXTURES / "valid" / "every_feature.yaml")
    table = schema.table("class")
    defaults = {c.name: c.default for c in table.columns if c.has_default}
    assert defaults == {
        "def": "abc",
        "json": {"a": [1, 2.5, True, None, "x"]},
        "model_x": 0.5,
        "date": dt.date(2024, 2, 29),
        "datetime": NOW,
        "t": dt.time(23, 59, 59, 999999),
        "tz": dt.datetime(2024, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30))),
        "u": uuid.UUID(int=0),
        "b": b"hello",
        "flag": False,
        "amount": decimal.Decimal("-0.5"),
        "small": 16,
        "big": 2**63 - 1,
        "lvl": "in-progress",
    }
    assert table.column("amount").min == decimal.Decimal("-999.99")
    assert table.column("model_x").max == 1000.0
    assert table.indexes == (
        Index(("date", "lvl"), unique=False, name="ix_class_date"),
        Index(("small",), unique=True),
    )
    assert schema.enum("yes_no").value_names == ("yes", "no", "on")
    assert schema.enum("level").values[1].description is None
    child = schema.table("child")
    assert child.foreign_keys[0].on_update is FkAction.CASCADE
    assert child.foreign_keys[1].on_delete is FkAction.SET_DEFAULT
    assert child.invalid_examples[0].broken == (
        BrokenRule("foreign_key", ("parent_id",), "no class row with id=7"),
    )


def test_schema_text_loads_the_same_as_the_file() -> None:
    text = SHOP.read_text(encoding="utf-8")
    assert load_schema_text(text, "x.yaml") == load_schema(SHOP)


def test_more_than_ten_thousand_tables_is_a_positioned_error() -> None:
    body = "".join(f"  t{i}: {{columns: {{id: {{type: integer}}}}}}\n" for i in range(10_001))
    with pytest.raises(SchemaError) as caught:
        load_schema_text("schemacog: 1\nname: big\ntables:\n" + body, "big.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "big.yaml:4:3: a mapping with more than 10000 entries "
        "(the schema's limits: 10,000 tables, 1,017 columns per table)"
    ]


def test_cleaning_keys_are_read_into_the_model() -> None:
    schema = load_schema(FIXTURES / "valid" / "cleaning.yaml")
    assert schema.missing_values == ("", "n/a", "-")
    parcel = schema.table("parcel")
    assert parcel.column("weight").warn_min == decimal.Decimal("0.1")
    assert parcel.column("weight").warn_max == decimal.Decimal(70)
    assert parcel.column("note").missing_values == ("", "none")
    assert parcel.column("id").missing_values is None
    shipped, progress, placed = schema.enum("status").values
    assert (shipped.description, shipped.aliases) == (
        "Handed to the carrier.",
        ("sent", "dispatched"),
    )
    assert (progress.description, progress.aliases) == (None, ("busy",))
    assert (placed.description, placed.aliases) == ("Received.", ())
    default = load_schema_text("schemacog: 1\nname: x\ntables: {}\n")
    assert default.missing_values == ("", "NA", "N/A", "null", "NULL", "None")
    none = load_schema_text("schemacog: 1\nname: x\nmissing_values: []\ntables: {}\n")
    assert none.missing_values == ()  # as a column's [] means: no token reads as missing


def test_enum_values_as_a_list_read_as_values_without_descriptions() -> None:
    """``values: [a, b]`` is ``values: {a: , b: }``: the same enum, in the same order."""
    body = "tables:\n  t:\n    columns:\n      id: {type: integer}\n"
    listed = load_schema_text(
        "schemacog: 1\nname: s\nenums:\n  e:\n    values: [open, in-progress, 2nd]\n" + body, "l"
    )
    mapped = load_schema_text(
        "schemacog: 1\nname: s\nenums:\n  e:\n    values: {open: , in-progress: , 2nd: }\n" + body,
        "m",
    )
    assert listed.enums == mapped.enums
    assert [v.value for v in listed.enums[0].values] == ["open", "in-progress", "2nd"]
    assert all(v.description is None for v in listed.enums[0].values)
