"""Checks across columns (#15, item 2): what docs/schema-format.md says of them, each
sentence tried on the generated layers and on the real engines.

The golden case tests/cases/checks holds every operator and type in all four engines;
the agreement property draws random checks. These tests pin what neither shows alone:
names, messages, NULL, defaults, collations, the MariaDB and SQLite declarations, limits.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from goldens import CASES, schema_of
from layers import generate, loaded_engine, model_accepts

from schemacog.db.backends import DIALECTS
from schemacog.errors import SchemaError
from schemacog.model import Value
from schemacog.render.sql.ddl import constraint_names, render_ddl
from schemacog.schema import rules
from schemacog.schema.validate import load_schema_text
from schemacog.verify.enforced import enforcer

ORDERS = """schemacog: 1
name: shop
tables:
  orders:
    columns:
      id: {type: integer, primary_key: true}
      ordered: {type: date}
      shipped: {type: date, nullable: true}
      qty: {type: integer, default: 1}
      code: {type: string, nullable: true}
      made_at: {type: timestamptz, default: now}
      seen_at: {type: timestamptz, nullable: true}
    checks:
"""


def _schema(*checks: str) -> str:
    return ORDERS + "".join(f"      - {check}\n" for check in checks)


def _verdicts(tmp_path: Path, checks: list[str], row: dict[str, Value]) -> dict[str, bool]:
    """What the validator, pydantic, the cleaner and every engine say of ``row``."""
    tmp_path.mkdir()
    generated = generate(tmp_path, _schema(*checks), "orders")
    module = generated.module
    raw = {k: v if v is None else str(v) for k, v in row.items()}
    found = {
        "validator": module.validate_orders(row) == [],
        "pydantic": model_accepts(module.OrdersModel, row),
        "cleaner": module.clean_orders(raw)[0] is not None,
    }
    for dialect, ddl in generated.ddl.items():
        with loaded_engine(dialect, ddl) as engine:
            found[dialect] = engine.insert(generated.table, row) is None
    return found


def test_keywords_are_read_in_any_case_and_names_may_be_double_quoted() -> None:
    schema = load_schema_text(_schema('{expr: "\\"qty\\" > 0 and not (shipped is null)"}'))
    [check] = schema.table("orders").checks
    assert check.columns == ("qty", "shipped")


def test_a_check_without_a_name_is_named_after_its_columns_then_numbered() -> None:
    schema = load_schema_text(
        _schema(
            "{expr: shipped >= ordered}",
            "{name: shipped_ordered_2, expr: qty > 0}",
            "{expr: shipped <= '2100-01-01' AND ordered <= '2100-01-01'}",
            "{expr: qty < 100}",
        )
    )
    names = [check.name for check in schema.table("orders").checks]
    assert names == ["shipped_ordered", "shipped_ordered_2", "shipped_ordered_3", "qty"]
    keys = constraint_names(schema, "postgres")
    assert keys[("ck", "orders", "shipped_ordered_3")] == "ck_orders_shipped_ordered_3"


def test_every_python_layer_says_which_check_failed(tmp_path: Path) -> None:
    generated = generate(tmp_path, _schema("{name: late, expr: shipped >= ordered}"), "orders")
    module = generated.module
    row = {"id": 1, "ordered": "2024-05-02", "shipped": "2024-05-01"}
    message = "check late: shipped >= ordered is false"
    _, messages = module.clean_orders(row)
    assert messages == [message]
    typed = {"id": 1, "ordered": dt.date(2024, 5, 2)}
    typed["shipped"] = dt.date(2024, 5, 1)
    assert module.validate_orders(typed) == [message]
    with pytest.raises(ValueError, match=message):
        module.OrdersModel.model_validate(row)


def test_a_null_makes_a_check_unknown_and_unknown_passes_everywhere(tmp_path: Path) -> None:
    checks = ["{expr: NOT (shipped >= ordered)}", "{expr: shipped < ordered OR qty > 5}"]
    row: dict[str, Value] = {"id": 1, "ordered": dt.date(2024, 5, 2), "shipped": None}
    assert set(_verdicts(tmp_path / "null", checks, row).values()) == {True}
    # false AND unknown is false: refused everywhere
    row_false: dict[str, Value] = {"id": 2, "ordered": dt.date(2024, 5, 2), "qty": 1}
    checks = ["{expr: qty > 5 AND shipped < ordered}"]
    assert set(_verdicts(tmp_path / "false", checks, row_false).values()) == {False}


def test_a_default_is_read_as_the_database_fills_it(tmp_path: Path) -> None:
    row: dict[str, Value] = {"id": 1, "ordered": dt.date(2024, 5, 2)}  # qty: 1 by default
    assert set(_verdicts(tmp_path / "low", ["{expr: qty >= 2}"], row).values()) == {False}
    assert set(_verdicts(tmp_path / "ok", ["{expr: qty = 1}"], row).values()) == {True}


def test_a_check_cannot_read_what_the_database_fills_by_its_clock() -> None:
    """The validator would not know it, pydantic and the cleaner would read their own
    clocks (a microsecond apart), the database its own: no check reads a default now."""
    with pytest.raises(SchemaError, match="a check cannot read 'made_at', which has default now"):
        load_schema_text(_schema("{expr: seen_at >= made_at}"))


def test_a_line_break_in_a_literal_stays_inside_the_comment_that_quotes_it() -> None:
    """MariaDB leaves out a check on a column an FK action writes and quotes it in a
    comment: a line break of a text literal must not end that comment (SQL injection)."""
    text = """schemacog: 1
name: tree
tables:
  node:
    columns:
      id: {type: integer, primary_key: true}
      parent: {type: integer, nullable: true, references: node.id, on_delete: set_null}
      label: {type: string, max_length: 20}
      path:
        type: string
        max_length: 20
        nullable: true
        references: node.label
        on_update: cascade
        pattern: "^x\\nDROP TABLE node;\\n-- $"
    unique: [[label]]
    checks:
      - name: rooted
        expr: "parent IS NOT NULL OR label <> 'x\\nCREATE TABLE pwned (a int);\\n-- '"
"""
    schema = load_schema_text(text)
    mariadb = render_ddl(schema, "mariadb")
    assert "label <> 'x\\u000aCREATE TABLE pwned (a int);\\u000a-- '" in mariadb
    for dialect in DIALECTS:
        with loaded_engine(dialect, render_ddl(schema, dialect)) as engine:
            engine.run_script("SELECT * FROM node")  # not dropped
            with pytest.raises(Exception, match="pwned"):
                engine.run_script("SELECT * FROM pwned")  # not created


def test_text_compares_by_code_points_whatever_the_collation(tmp_path: Path) -> None:
    """PostgreSQL gets COLLATE "C": with a language's collation on the column, 'é' < 'z'
    would hold; by code points it does not, as in every other layer."""
    generated = generate(tmp_path, _schema("{expr: \"code < 'z'\"}"), "orders")
    row: dict[str, Value] = {"id": 1, "ordered": dt.date(2024, 1, 1), "code": "é"}
    assert generated.module.validate_orders(row) == ["check code: code < 'z' is false"]
    with loaded_engine("postgres", generated.ddl["postgres"]) as engine:
        engine.run_script('ALTER TABLE orders ALTER COLUMN code TYPE text COLLATE "und-x-icu";')
        assert engine.insert(generated.table, row) is not None
        assert engine.insert(generated.table, {**row, "code": "y"}) is None


def test_mariadb_leaves_out_a_check_on_a_column_a_foreign_key_action_writes() -> None:
    text = """schemacog: 1
name: tree
tables:
  node:
    columns:
      id: {type: integer, primary_key: true}
      parent: {type: integer, nullable: true, references: node.id, on_delete: set_null}
      depth: {type: integer}
    checks:
      - {name: rooted, expr: parent IS NOT NULL OR depth = 0}
"""
    schema = load_schema_text(text)
    mariadb = render_ddl(schema, "mariadb")
    assert "CONSTRAINT ck_node_rooted" not in mariadb
    assert (
        "-- Not enforced by MariaDB: check rooted: parent IS NOT NULL OR depth = 0 (MariaDB "
        "allows no CHECK on a column that AUTO_INCREMENT or a foreign-key action writes)"
    ) in mariadb
    with loaded_engine("mariadb", mariadb):
        pass  # it loads: ERROR 1901 would refuse the CHECK
    for dialect in ("postgres", "sqlite", "duckdb"):
        assert "CONSTRAINT ck_node_rooted CHECK" in render_ddl(schema, dialect)


def test_sqlite_declares_the_checks_it_compares_less_exactly() -> None:
    text = _schema("{name: seen, expr: seen_at >= '2020-01-01T00:00:00Z'}")
    text = text.replace(
        "      code: {type: string, nullable: true}\n",
        (
            "      code: {type: string, nullable: true}\n"
            "      amount: {type: decimal, precision: 20, scale: 2, default: 0}\n"
        ),
    )
    text += "      - {name: paid, expr: amount >= 0}\n"
    sqlite = render_ddl(load_schema_text(text), "sqlite")
    assert (
        "-- Not enforced by SQLite: check seen: times are compared as julianday(c), "
        "to the millisecond"
    ) in sqlite
    assert (
        "-- Not enforced by SQLite: check paid: decimals are compared as doubles "
        "(15 significant digits)"
    ) in sqlite
    assert "julianday(seen_at) >= julianday('2020-01-01 00:00:00+00:00')" in sqlite


def test_at_most_64_checks_a_table() -> None:
    load_schema_text(_schema(*["{expr: qty > 0}"] * 64))
    with pytest.raises(SchemaError, match="table 'orders' has 65 checks; the limit is 64"):
        load_schema_text(_schema(*["{expr: qty > 0}"] * 65))


def test_at_most_16000_characters_of_checks_a_table() -> None:
    long = "{expr: " + " OR ".join(["qty > 1"] * 145) + "}"  # 1,591 characters
    load_schema_text(_schema(*[long] * 10))  # 15,910
    more = "{expr: " + " OR ".join(["qty > 1"] * 10) + "}"  # 106 more
    with pytest.raises(SchemaError, match="hold 16016 characters; the limit is 16000"):
        load_schema_text(_schema(*[long] * 10, more))


def test_an_expression_of_more_than_2000_characters_is_refused() -> None:
    long = "{expr: " + " OR ".join(["qty > 1"] * 251) + "}"  # 2,509 characters
    with pytest.raises(SchemaError, match="an expression has at most 2000 characters"):
        load_schema_text(_schema(long))


def test_the_cleaner_tests_checks_only_once_every_column_was_read(tmp_path: Path) -> None:
    generated = generate(tmp_path, _schema("{name: late, expr: shipped >= ordered}"), "orders")
    row = {"id": "x", "ordered": "2024-05-02", "shipped": "2024-05-01"}
    record, messages = generated.module.clean_orders(row)
    assert record is None
    assert messages == ["id: 'x' is not an integer"]


def test_a_check_over_several_lines_is_said_on_one(tmp_path: Path) -> None:
    check = (
        "name: late\n        expr: |\n          shipped >= ordered\n            OR shipped IS NULL"
    )
    generated = generate(tmp_path, _schema(check), "orders")
    row: dict[str, Value] = {"id": 1, "ordered": dt.date(2024, 5, 2)}
    row["shipped"] = dt.date(2024, 5, 1)
    message = "check late: shipped >= ordered OR shipped IS NULL is false"
    assert generated.module.validate_orders(row) == [message]


@pytest.mark.parametrize("case", CASES)
def test_every_column_check_is_named_by_a_rule_of_the_registry(case: str) -> None:
    """rules.COLUMN_CHECKS is what a check name may not clash with: it must list every
    rule the DDL names a column's CHECK by."""
    for dialect in DIALECTS:
        for key in constraint_names(schema_of(case), dialect):
            if key[0] == "ck" and len(key) == 4:
                assert key[3] in rules.COLUMN_CHECKS, (case, dialect, key)


def test_a_check_may_not_take_the_name_of_a_column_check() -> None:
    text = _schema("{name: code_nul, expr: qty > 0}")
    with pytest.raises(SchemaError) as caught:
        load_schema_text(text, "s.yaml")
    assert str(caught.value) == (
        "s.yaml:14:16: check name 'code_nul' is the name of the nul rule of column 'code' "
        "(ck_<table>_code_nul); choose another"
    )
    derived = load_schema_text(
        ORDERS.replace("      qty:", "      min: {type: integer}\n      qty:")
        + "      - {expr: qty > min}\n"
    )
    assert [check.name for check in derived.table("orders").checks] == ["qty_min_2"]


def test_a_row_naming_itself_breaks_only_its_check(tmp_path: Path) -> None:
    """A new user's tree: MariaDB leaves the check out (its FK action writes p), and the
    row satisfies its own foreign key, so MariaDB accepts it, as its DDL says."""
    text = """schemacog: 1
name: tree
tables:
  t:
    columns:
      id: {type: integer, primary_key: true}
      p: {type: integer, references: t.id, on_delete: set_null, nullable: true}
    checks:
      - {expr: p IS NULL OR p <> id}
    invalid_examples:
      - {row: {id: 3, p: 3}, reason: its own parent}
"""
    schema = load_schema_text(text)
    [invalid] = schema.table("t").invalid_examples
    assert [(rule.kind, rule.check) for rule in invalid.broken] == [("check", "p_id")]
    enforced = enforcer(DIALECTS["mariadb"], schema)(schema.table("t"), invalid.values)
    assert not enforced(invalid.broken[0])
    with loaded_engine("mariadb", render_ddl(schema, "mariadb")) as engine:
        assert engine.insert(schema.table("t"), invalid.values) is None
    for dialect in ("postgres", "sqlite"):
        with loaded_engine(dialect, render_ddl(schema, dialect)) as engine:
            assert engine.insert(schema.table("t"), invalid.values) is not None
