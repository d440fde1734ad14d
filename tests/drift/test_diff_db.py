"""``schemacog diff-db`` on the four real engines: an untouched database and one just
imported compare equal (exit 0); each edit of a live database is its line (exit 1),
with the planner's SQL that brings the database back; a table only the database has
fails only with --strict."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, RunCli
from migration_engines import (
    available,
    database,
    url_of,
)

from schemacog.render.sql.ddl import render_ddl
from schemacog.schema.validate import load_schema, load_schema_text

SHOP = ROOT / "schema" / "shop.yaml"
ENGINES = ("sqlite", "duckdb", "postgres", "mariadb")


def _project(folder: Path, schema_text: str) -> Path:
    project = folder / "project"
    project.mkdir()
    (project / "schema.yaml").write_text(schema_text, encoding="utf-8")
    (project / "pyproject.toml").write_text(
        '[tool.schemacog]\nschema = "schema.yaml"\nfiles = []\n', encoding="utf-8"
    )
    return project


# an edit of the live database, and the line diff-db says for it
EDITS = {
    "column added": (
        "ALTER TABLE customer ADD COLUMN extra integer",
        "customer.extra: in the database, not in the schema",
    ),
    "index dropped": (
        "DROP INDEX ix_customer_name{on}",
        "customer: index (name) in the schema, not in the database",
    ),
}


@pytest.mark.parametrize("engine", ENGINES)
def test_an_untouched_database_matches_and_an_edit_is_its_line(
    run_cli: RunCli, engine: str, tmp_path: Path
) -> None:
    schema = load_schema(SHOP)
    project = _project(tmp_path, SHOP.read_text(encoding="utf-8"))
    with database(engine, tmp_path) as db:
        db.run(render_ddl(schema, db.dialect))
        url = url_of(db)
        same = run_cli("diff-db", url, cwd=project)
        assert (same.code, same.err) == (0, ""), same.out + same.err
        assert same.out.endswith("matches the schema\n")
        for sql, line in EDITS.values():
            db.run(sql.format(on=" ON customer" if engine == "mariadb" else "") + ";")
            drifted = run_cli("diff-db", url, cwd=project)
            assert drifted.code == 1, drifted.err
            assert line in drifted.out.splitlines(), drifted.out
        assert "differs from the schema; SQL that brings it there:" in drifted.out
        assert "-- schemacog migration for" in drifted.out


def test_a_database_imported_exactly_matches(run_cli: RunCli, tmp_path: Path) -> None:
    """A serial is an identity to import (the equivalences), and the database's own
    constraint names are the schema's: equal, though the catalogs differ."""
    engine = "postgres"
    with database(engine, tmp_path) as db:
        db.run(
            "CREATE TABLE film (film_id serial CONSTRAINT film_pkey PRIMARY KEY, "
            "title text NOT NULL CONSTRAINT film_title_key UNIQUE);"
        )
        url = url_of(db)
        imported = run_cli("import", url)
        project = _project(tmp_path, imported.out)
        result = run_cli("diff-db", url, cwd=project)
        exact = run_cli("diff-db", url, "--exact", "--format", "json", cwd=project)
    assert imported.code == 0, imported.err
    assert result.code == 0, result.out + result.err
    assert exact.code == 0, exact.out  # its names are the schema's (constraint_names)
    report = json.loads(exact.out)
    assert sorted(report) == ["database", "differences", "drift", "equivalent", "extra", "sql"]
    assert (report["drift"], report["differences"]) == (False, [])


def test_what_import_reads_alike_is_an_equivalence(run_cli: RunCli, tmp_path: Path) -> None:
    """PostgreSQL keeps a default written ``now()`` as ``now()``, schemacog writes
    ``CURRENT_TIMESTAMP``: the catalogs differ, import reads both as ``default: now``
    and loses nothing. Equal, said as an equivalence; --exact fails on it."""
    schema_text = (
        "schemacog: 1\nname: e\ntables:\n  t:\n    columns:\n"
        "      id: {type: integer, primary_key: true}\n"
        "      at: {type: timestamptz, default: now}\n"
    )
    project = _project(tmp_path, schema_text)
    with database("postgres", tmp_path) as db:
        ddl = render_ddl(load_schema_text(schema_text, "e.yaml"), "postgres")
        db.run(ddl.replace("DEFAULT CURRENT_TIMESTAMP", "DEFAULT now()"))
        result = run_cli("diff-db", url_of(db), cwd=project)
        exact = run_cli("diff-db", url_of(db), "--exact", cwd=project)
    assert result.code == 0, result.out
    assert (
        "t.at: default 'now()' in the database, 'CURRENT_TIMESTAMP' in the schema (equivalent: "
        "import reads both as one schema; --exact fails on it)" in result.out.splitlines()
    )
    assert exact.code == 1


# what import cannot read back is never an equivalence: drift, and no SQL planned from it
LOSSY = {
    "a foreign key dropped": (
        'ALTER TABLE "order" DROP CONSTRAINT fk_order_customer_id',
        "order: foreign key (customer_id) -> customer (id) ON DELETE RESTRICT ON UPDATE "
        "NO ACTION in the schema, not in the database",
    ),
    "a column type import maps with a loss": (
        "ALTER TABLE product ALTER COLUMN weight_kg TYPE real",
        "product.weight_kg: type 'real' in the database, 'double precision' in the schema",
    ),
    "an array column": (
        "ALTER TABLE customer ADD COLUMN tags text[]",
        "customer.tags: in the database, not in the schema",
    ),
}


@pytest.mark.parametrize("edit", sorted(LOSSY))
def test_what_import_cannot_read_back_is_drift(run_cli: RunCli, edit: str, tmp_path: Path) -> None:
    sql, line = LOSSY[edit]
    schema = load_schema(SHOP)
    project = _project(tmp_path, SHOP.read_text(encoding="utf-8"))
    with database("postgres", tmp_path) as db:
        db.run(render_ddl(schema, "postgres"))
        db.run(sql + ";")
        result = run_cli("diff-db", url_of(db), cwd=project)
    assert result.code == 1, result.out
    assert line in result.out.splitlines(), result.out
    assert "(equivalent" not in result.out


@pytest.mark.parametrize("engine", ENGINES)
def test_a_table_only_the_database_has_fails_with_strict(
    run_cli: RunCli, engine: str, tmp_path: Path
) -> None:
    schema = load_schema(SHOP)
    project = _project(tmp_path, SHOP.read_text(encoding="utf-8"))
    with database(engine, tmp_path) as db:
        db.run(render_ddl(schema, db.dialect))
        db.run("CREATE TABLE other (id INTEGER);")
        url = url_of(db)
        loose = run_cli("diff-db", url, cwd=project)
        strict = run_cli("diff-db", url, "--strict", cwd=project)
        annotated = run_cli("diff-db", url, "--strict", "--format", "github", cwd=project)
    line = "table other: in the database, not in the schema"
    assert loose.code == 0
    assert f"{line} (not failing: --strict fails on it)" in loose.out.splitlines()
    assert strict.code == 1
    assert line in strict.out.splitlines()
    assert "DROP TABLE other;" in strict.out
    assert f"::error title=schemacog diff-db::{line}" in annotated.out.splitlines()


def test_a_dialect_other_than_the_url_s_is_an_error(run_cli: RunCli, tmp_path: Path) -> None:
    project = _project(tmp_path, SHOP.read_text(encoding="utf-8"))
    with database("sqlite", tmp_path) as db:
        db.run("CREATE TABLE t (id INTEGER PRIMARY KEY);")
        result = run_cli("diff-db", url_of(db), "--dialect", "postgres", cwd=project)
    assert (result.code, result.err) == (
        2,
        "schemacog diff-db: the URL names a sqlite database, not postgres\n",
    )


# an edit of a live database (per engine where the SQL differs), and a line diff-db says
ROUND_TRIP: dict[str, tuple[dict[str, str], str]] = {
    "a column added": (
        {"*": "ALTER TABLE customer ADD COLUMN extra integer"},
        "customer.extra: in the database, not in the schema",
    ),
    "an index dropped": (
        {
            "sqlite": "DROP INDEX ix_customer_name",
            "duckdb": "DROP INDEX ix_customer_name",
            "postgres": "DROP INDEX ix_customer_name",
            "mariadb": "DROP INDEX ix_customer_name ON customer",
        },
        "customer: index (name) in the schema, not in the database",
    ),
    "a column dropped": (  # a nullable one, the planner adds it back; no index after it
        {"*": "ALTER TABLE shipment DROP COLUMN last_scan_at"},
        "shipment.last_scan_at: in the schema, not in the database",
    ),
    "NOT NULL dropped": (
        {
            "postgres": "ALTER TABLE warehouse ALTER COLUMN capacity DROP NOT NULL",
            "duckdb": "ALTER TABLE warehouse ALTER COLUMN capacity DROP NOT NULL",
            "mariadb": "ALTER TABLE warehouse MODIFY capacity INT NULL",
        },
        "warehouse.capacity: nullable True in the database, False in the schema",
    ),
    "a default changed": (
        {
            "postgres": "ALTER TABLE order_line ALTER COLUMN quantity SET DEFAULT 2",
            "duckdb": "ALTER TABLE order_line ALTER COLUMN quantity SET DEFAULT 2",
            "mariadb": "ALTER TABLE order_line ALTER COLUMN quantity SET DEFAULT 2",
        },
        "order_line.quantity: default",
    ),
    "a table dropped": (
        {"*": "DROP TABLE warehouse"},
        "table warehouse: in the schema, not in the database",
    ),
    "a table comment changed": (
        {
            "postgres": "COMMENT ON TABLE warehouse IS 'changed'",
            "duckdb": "COMMENT ON TABLE warehouse IS 'changed'",
            "mariadb": "ALTER TABLE warehouse COMMENT = 'changed'",
        },
        "warehouse: comment 'changed' in the database",
    ),
    "a type changed": (  # DuckDB changes no type of a column with a CHECK; SQLite none
        {
            "postgres": "ALTER TABLE warehouse ALTER COLUMN capacity TYPE bigint",
            "mariadb": "ALTER TABLE warehouse MODIFY capacity BIGINT NOT NULL",
        },
        "warehouse.capacity: type 'bigint",
    ),
    "a check dropped": (  # DuckDB and SQLite drop no constraint
        {
            "postgres": "ALTER TABLE warehouse DROP CONSTRAINT ck_warehouse_capacity_min",
            "mariadb": "ALTER TABLE warehouse DROP CONSTRAINT ck_warehouse_capacity_min",
        },
        "warehouse: CHECK (",
    ),
    "an enum value added": (
        {"postgres": "ALTER TYPE stock_condition ADD VALUE 'lost'"},
        "enum stock_condition: (new, used, damaged, lost) in the database",
    ),
    "an enum comment changed": (
        {"postgres": "COMMENT ON TYPE stock_condition IS 'changed'"},
        "enum stock_condition: comment 'changed' in the database",
    ),
}


def _cases() -> list[tuple[str, str]]:
    return [
        (engine, edit)
        for edit, (sql, _) in sorted(ROUND_TRIP.items())
        for engine in ENGINES
        if engine in sql or "*" in sql
    ]


@pytest.mark.parametrize(("engine", "edit"), _cases())
def test_each_edit_is_said_and_the_sql_brings_the_database_back(
    run_cli: RunCli, engine: str, edit: str, tmp_path: Path
) -> None:
    sql, line = ROUND_TRIP[edit]
    schema = load_schema(SHOP)
    project = _project(tmp_path, SHOP.read_text(encoding="utf-8"))
    with database(engine, tmp_path) as db:
        db.run(render_ddl(schema, db.dialect))
        db.run(sql.get(engine, sql.get("*", "")) + ";")
        url = url_of(db)
        drifted = run_cli("diff-db", url, cwd=project)
        assert drifted.code == 1, drifted.out + drifted.err
        assert any(said.startswith(line) for said in drifted.out.splitlines()), drifted.out
        header = "differs from the schema; SQL that brings it there:\n"
        bringing = drifted.out.split(header, 1)[1]
        assert "-- no SQL" not in bringing, bringing
        assert "cannot bring" not in bringing, bringing
        db.run(bringing)
        again = run_cli("diff-db", url, cwd=project)
    assert again.code == 0, again.out


RENAMED = {
    "postgres": "ALTER TABLE warehouse RENAME CONSTRAINT ck_warehouse_capacity_min TO capacity_ok",
    "mariadb": "ALTER TABLE warehouse DROP CONSTRAINT ck_warehouse_capacity_min, "
    "ADD CONSTRAINT capacity_ok CHECK (capacity >= 0)",
}


@pytest.mark.parametrize("engine", sorted(RENAMED))
def test_a_renamed_constraint_counts_with_exact_and_its_sql_names_it_back(
    run_cli: RunCli, engine: str, tmp_path: Path
) -> None:
    schema = load_schema(SHOP)
    project = _project(tmp_path, SHOP.read_text(encoding="utf-8"))
    with database(engine, tmp_path) as db:
        db.run(render_ddl(schema, db.dialect))
        db.run(RENAMED[engine] + ";")
        url = url_of(db)
        loose = run_cli("diff-db", url, cwd=project)
        assert loose.code == 0, loose.out  # names count only with --exact
        exact = run_cli("diff-db", url, "--exact", cwd=project)
        assert exact.code == 1, exact.out + exact.err
        lines = exact.out.splitlines()
        assert [line.split(" CHECK")[0] for line in lines[:2]] == [
            "warehouse: capacity_ok",
            "warehouse: ck_warehouse_capacity_min",
        ]
        assert lines[0].endswith(" in the database, not in the schema")
        assert lines[1].endswith(" in the schema, not in the database")
        db.run(exact.out.split("SQL that brings it there:\n", 1)[1])
        again = run_cli("diff-db", url, "--exact", cwd=project)
    assert again.code == 0, again.out


def test_a_sigterm_drops_the_throwaway_database(tmp_path: Path) -> None:
    """A CI job cancelled mid-run: its ``finally`` drops ``schemacog_diff_<random>``."""
    if available("postgres") is not None and os.environ.get("SCHEMACOG_REQUIRE_POSTGRES") != "1":
        pytest.skip("postgres: not here")
    import psycopg

    tables = "".join(
        f"  t{n}:\n    columns:\n      id: {{type: integer, primary_key: true}}\n"
        + "".join(
            f"      c{c}: {{type: string, max_length: 9, nullable: true}}\n" for c in range(20)
        )
        for n in range(1500)  # its DDL takes seconds: the signal comes in the midst of it
    )
    project = _project(tmp_path, f"schemacog: 1\nname: big\ntables:\n{tables}")

    name = f"sc_sigterm_{os.getpid()}_{time.monotonic_ns()}"  # the child's connections

    def scratch() -> set[str]:
        """The child's own throwaway database, as its connection to it shows (other
        tests make theirs meanwhile)."""
        with psycopg.connect("dbname=postgres", autocommit=True) as admin:
            rows = admin.execute(
                "SELECT datname FROM pg_stat_activity WHERE application_name = %s "
                "AND datname LIKE 'schemacog_diff_%%'",
                [name],
            ).fetchall()
        return {row[0] for row in rows}

    def exists(databases: set[str]) -> set[str]:
        with psycopg.connect("dbname=postgres", autocommit=True) as admin:
            rows = admin.execute("SELECT datname FROM pg_database").fetchall()
        return databases & {row[0] for row in rows}

    with database("postgres", tmp_path) as db:
        db.run("CREATE TABLE t0 (id integer PRIMARY KEY);")
        child = subprocess.Popen(
            [sys.executable, "-m", "schemacog", "diff-db", url_of(db)],
            cwd=project,
            env={**os.environ, "PGAPPNAME": name},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 60
        made: set[str] = set()
        while not made and child.poll() is None and time.monotonic() < deadline:
            made = scratch()
            time.sleep(0.02)
        assert child.poll() is None, "the run ended before the signal"
        child.send_signal(signal.SIGTERM)
        _, err = child.communicate(timeout=60)
    assert made, "the run ended before its throwaway database could be seen"
    assert child.returncode == 128 + signal.SIGTERM, err
    assert not exists(made)


def test_a_host_name_the_driver_cannot_encode_is_one_line(run_cli: RunCli, tmp_path: Path) -> None:
    pytest.importorskip("psycopg")
    project = _project(tmp_path, SHOP.read_text(encoding="utf-8"))
    url = f"postgresql://u:S3cret@{'a' * 64}/postgres"  # a DNS label is 63 at most
    for command in ("diff-db", "import"):
        said = run_cli(command, url, cwd=project)
        assert (said.code, said.out) == (2, "")
        assert said.err == (
            f"schemacog {command}: cannot connect to postgresql://u:***@{'a' * 64}/postgres: "
            "the driver failed (UnicodeError)\n"
        )
