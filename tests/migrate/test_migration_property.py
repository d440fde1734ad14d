"""The property of migrations: a random schema A and random edits give B (and more edits
C); on every real engine, A → B leaves the catalog of a fresh DDL(B) and the values of
every kept column, or fails a data check and leaves everything as it was; when no edit
is destructive, A → B → C ends as A → C does, and no column is dropped. Fixed seed in CI
(``SCHEMACOG_MIGRATION_EXAMPLES``, default 6), volume in ``nox -s fuzz``."""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from migration_engines import ENGINES, database, example_inserts
from migration_roundtrip import assert_migrated, migrate

from schemacog.migrate.guards import guards, refusals
from schemacog.migrate.matching import match
from schemacog.migrate.plan import plan
from schemacog.migrate.script import sql_script
from schemacog.model import Schema
from schemacog.render.sql.ddl import render_ddl
from schemacog.schema.validate import load_schema_text

EXAMPLES = int(os.environ.get("SCHEMACOG_MIGRATION_EXAMPLES", "6"))
NAMES = st.from_regex(r"[a-z][a-z0-9]{1,6}", fullmatch=True).filter(
    lambda n: n not in {"id", "do", "as", "in", "is", "on", "or", "to", "by", "if", "at"}
)
# the columns a table may have: (definition, a strategy of its example values)
KINDS: dict[str, tuple[dict[str, Any], st.SearchStrategy[Any]]] = {
    "short": ({"type": "string", "max_length": 20}, st.text("abcxyz é", max_size=20)),
    "text": ({"type": "text"}, st.text("abc d\n'", max_size=30)),
    "small": ({"type": "smallint"}, st.integers(-(2**15), 2**15 - 1)),
    "int": ({"type": "integer", "min": 0}, st.integers(0, 2**31 - 1)),
    "big": ({"type": "bigint"}, st.integers(-(2**63), 2**63 - 1)),
    "money": (
        {"type": "decimal", "precision": 8, "scale": 2},
        st.decimals(min_value=-999999, max_value=999999, places=2).map(str),
    ),
    "flag": ({"type": "boolean"}, st.booleans()),
    "day": (
        {"type": "date"},
        st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).map(str),
    ),
    "color": ({"type": "enum", "enum": "color"}, st.sampled_from(["red", "green"])),
}


def _text(spec: dict[str, Any]) -> str:
    return json.dumps(spec, indent=1)


@st.composite
def schemas(draw: st.DrawFn) -> dict[str, Any]:
    """A schema as its data: tables with an identity key, typed columns, a nullable
    foreign key to an earlier table, example rows."""
    names = draw(st.lists(NAMES, min_size=1, max_size=3, unique=True))
    tables: dict[str, Any] = {}
    for position, name in enumerate(names):
        chosen = draw(st.lists(st.sampled_from(sorted(KINDS)), min_size=1, max_size=4, unique=True))
        columns: dict[str, Any] = {"id": {"type": "bigint", "primary_key": True, "identity": True}}
        for kind in chosen:
            definition = dict(KINDS[kind][0])
            if draw(st.booleans()):
                definition["nullable"] = True
            columns[f"c_{kind}"] = definition
        parent = names[draw(st.integers(0, position - 1))] if position else None
        if parent is not None and draw(st.booleans()):
            columns["ref"] = {"type": "bigint", "nullable": True, "references": f"{parent}.id"}
        rows = []
        for number in range(draw(st.integers(0, 3))):
            row: dict[str, Any] = {"id": number + 1}
            for kind in chosen:
                if not columns[f"c_{kind}"].get("nullable") or draw(st.booleans()):
                    row[f"c_{kind}"] = draw(KINDS[kind][1])
            if "ref" in columns and parent is not None and tables[parent]["examples"]:
                row["ref"] = draw(st.sampled_from([r["id"] for r in tables[parent]["examples"]]))
            rows.append(row)
        tables[name] = {"columns": columns, "examples": rows}
    return {
        "schemacog": 1,
        "name": "drawn",
        "enums": {"color": {"values": {"red": "Red.", "green": "Green."}}},
        "tables": tables,
    }


def _history(definition: dict[str, Any], old: str) -> None:
    earlier = definition.get("renamed_from", [])
    definition["renamed_from"] = [*earlier, old]


def _rename_table(spec: dict[str, Any], old: str, new: str) -> None:
    tables = spec["tables"]
    spec["tables"] = {(new if k == old else k): v for k, v in tables.items()}
    _history(spec["tables"][new], old)
    for table in spec["tables"].values():
        for column in table["columns"].values():
            if column.get("references", "").startswith(f"{old}."):
                column["references"] = f"{new}.id"


def _rename_column(table: dict[str, Any], old: str, new: str) -> None:
    table["columns"] = {(new if k == old else k): v for k, v in table["columns"].items()}
    _history(table["columns"][new], old)
    for row in table["examples"]:
        if old in row:
            row[new] = row.pop(old)
    for index in table.get("indexes", []):
        index["columns"] = [new if c == old else c for c in index["columns"]]


@st.composite
def edited(draw: st.DrawFn, spec: dict[str, Any], destructive: bool) -> tuple[dict[str, Any], bool]:
    """``spec`` after 1 to 3 edits; whether one of them was destructive."""
    spec = copy.deepcopy(spec)
    lost = False
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(sorted(spec["tables"])))
        table = spec["tables"][name]
        plain = [c for c in table["columns"] if c.startswith("c_")]
        choices = ["add_nullable", "add_default", "rename_table", "add_index", "add_enum_value"]
        if plain:
            choices += ["rename_column", "widen", "loosen", "tighten_null", "add_unique"]
            if destructive:
                choices.append("drop_column")
        edit = draw(st.sampled_from(choices))
        fresh = "n" + draw(NAMES)
        if fresh in json.dumps(spec):  # a name used before, maybe as an earlier name
            continue
        if edit == "add_nullable" and fresh not in table["columns"]:
            table["columns"][fresh] = {"type": "text", "nullable": True}
        elif edit == "add_default" and fresh not in table["columns"]:
            table["columns"][fresh] = {"type": "integer", "default": 7}
        elif edit == "rename_table" and fresh not in spec["tables"]:
            _rename_table(spec, name, fresh)
        elif edit == "add_index" and plain:
            column = draw(st.sampled_from(plain))
            indexes = table.setdefault("indexes", [])
            if [column] not in [i["columns"] for i in indexes]:
                indexes.append({"columns": [column]})
        elif edit == "add_enum_value":
            spec["enums"]["color"]["values"]["blue"] = "Blue."
        elif edit == "rename_column" and fresh not in table["columns"]:
            _rename_column(table, draw(st.sampled_from(plain)), fresh)
        elif edit == "widen":
            column = table["columns"][draw(st.sampled_from(plain))]
            if column["type"] in ("smallint", "integer"):
                column["type"] = "bigint"
                column.pop("min", None)
        elif edit == "loosen":
            column = table["columns"][draw(st.sampled_from(plain))]
            if "max_length" in column:
                column["max_length"] += 10
            else:
                column["nullable"] = True
        elif edit == "tighten_null":  # only where every row holds a value: the check passes
            column_name = draw(st.sampled_from(plain))
            if all(row.get(column_name) is not None for row in table["examples"]):
                table["columns"][column_name].pop("nullable", None)
        elif edit == "add_unique":  # only where the rows' values differ
            column_name = draw(st.sampled_from(plain))
            values = [json.dumps(row.get(column_name)) for row in table["examples"]]
            column = table["columns"][column_name]
            if len(set(values)) == len(values) and column["type"] not in ("text", "boolean"):
                column["unique"] = True
        elif edit == "drop_column":
            gone = draw(st.sampled_from(plain))
            del table["columns"][gone]
            for row in table["examples"]:
                row.pop(gone, None)
            # an index over it goes with it (as it would from a hand-edited schema)
            kept = [i for i in table.get("indexes", []) if gone not in i["columns"]]
            if "indexes" in table:
                table["indexes"] = kept
                if not kept:
                    del table["indexes"]
            lost = True
    return spec, lost


def _load(spec: dict[str, Any], path: str) -> Schema:
    return load_schema_text(_text(spec), path)


def _state(engine: str, folder: Path, start: Schema, steps: list[Schema]) -> tuple[Any, Any]:
    """Catalog and rows after DDL(start), its examples, and a migration to each step."""
    with database(engine, folder) as db:
        db.run(render_ddl(start, engine))
        db.run(example_inserts(start, engine))
        before = start
        for after in steps:
            db.run(sql_script(plan(match(before, after), engine), before, after))
            before = after
        rows = {t.name: db.rows(t.name, [c.name for c in t.columns]) for t in before.tables}
        return db.catalog(), rows


@pytest.mark.parametrize("engine", ENGINES)
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_random_edits_migrate_on_the_real_engine(
    engine: str, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    folder = tmp_path_factory.mktemp("property")
    spec_a = data.draw(schemas(), label="A")
    spec_b, lost = data.draw(edited(spec_a, destructive=True), label="B")
    a, b = _load(spec_a, "a.yaml"), _load(spec_b, "b.yaml")
    found = match(a, b)
    assert not refusals(found)
    # no column is dropped unless an edit was destructive
    assert bool(guards(found)) == lost
    outcome = migrate(engine, folder, a, b)
    assert_migrated(outcome)
    if lost:
        return
    spec_c, _ = data.draw(edited(spec_b, destructive=False), label="C")
    c = _load(spec_c, "c.yaml")
    assert not guards(match(b, c))
    assert not guards(match(a, c))
    through_b = _state(engine, folder, a, [b, c])
    direct = _state(engine, folder, a, [c])
    assert through_b == direct
