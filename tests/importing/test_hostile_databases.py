"""Databases built to break import, and what it must do with each: text from the
database never becomes YAML of its own, what the validator refuses is left out and
reported (exit 1, never exit 2), files are never written beside a database, and no
password shows, in part or whole."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import RunCli
from migration_engines import available

from schemacog.schema.validate import load_schema, load_schema_text


def _sqlite(path: Path, sql: str) -> Path:
    connection = sqlite3.connect(path)
    connection.executescript(sql)
    connection.commit()
    connection.close()
    return path


@pytest.fixture
def postgres_db() -> Iterator[str]:
    """A throwaway PostgreSQL database: its URL."""
    if available("postgres") is not None and os.environ.get("SCHEMACOG_REQUIRE_POSTGRES") != "1":
        pytest.skip("postgres: not here")
    import psycopg

    name = f"sc_imp_{os.getpid()}_{os.urandom(4).hex()}"
    with psycopg.connect("dbname=postgres", autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield f"postgresql:///{name}"
    finally:
        with psycopg.connect("dbname=postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE {name}")


def _run_sql(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(sql)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\n"])
def test_database_text_never_becomes_yaml(run_cli: RunCli, tmp_path: Path, separator: str) -> None:
    evil = f"x{separator}      evil: {{type: text, description: injected}} #"
    database = _sqlite(
        tmp_path / "t.db", f"CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER DEFAULT '{evil}');"
    )
    target = tmp_path / "t.yaml"
    result = run_cli("import", str(database), "-o", str(target))
    assert result.code == 1, result.err
    schema = load_schema(target)
    assert [c.name for c in schema.table("t").columns] == ["id", "a"]
    assert all(line.isprintable() for line in target.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize(
    ("sql", "loss"),
    [
        (
            'CREATE TABLE t ("class" INTEGER, class_ INTEGER, b INTEGER);',
            "t: column class_ left out: columns 'class' and 'class_' both become Python field "
            "class_",
        ),
        (
            "CREATE TABLE t (r WHATEVER_TYPE);",
            "database: table t left out: none of its columns is kept",
        ),
        (
            "CREATE TABLE t (c TEXT NOT NULL CHECK (c IN ('a', 'b'))); "
            "CREATE TABLE t_c (x INTEGER);",
            None,  # the enum's name is made not to clash: exact
        ),
        (
            "CREATE TABLE t (_ INTEGER, x INTEGER);",
            "t: column _ left out: column name '_' has no letters or digits",
        ),
    ],
)
def test_what_the_validator_refuses_is_left_out(
    run_cli: RunCli, tmp_path: Path, sql: str, loss: str | None
) -> None:
    database = _sqlite(tmp_path / "t.db", sql)
    result = run_cli("import", str(database))
    lines = result.err.splitlines()
    if loss is None:
        assert result.code == 0, result.err
    else:
        assert result.code == 1, result.err
        assert loss in lines
    target = tmp_path / "t.yaml"
    target.write_text(result.out, encoding="utf-8")
    assert run_cli("validate", str(target)).code == 0


def test_an_enum_the_validator_refuses_leaves_its_columns_text(
    run_cli: RunCli, postgres_db: str, tmp_path: Path
) -> None:
    _run_sql(postgres_db, "CREATE TYPE mood AS ENUM ('~', 'ok'); CREATE TABLE t (m mood)")
    result = run_cli("import", postgres_db)
    assert result.code == 1
    assert (
        "database: enum 'mood' left out: enum value '~' gives no Python member name; its "
        "columns are text" in result.err.splitlines()
    )
    assert "m: {type: text, nullable: true}" in result.out


def test_what_postgres_has_that_schemacog_never_makes_is_reported(
    run_cli: RunCli, postgres_db: str
) -> None:
    _run_sql(
        postgres_db,
        "CREATE UNLOGGED TABLE u (id int PRIMARY KEY); "
        "CREATE TABLE p (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, a int, b int, "
        "UNIQUE NULLS NOT DISTINCT (a)); ALTER TABLE p ADD UNIQUE (id, a); "
        "CREATE TABLE c (x int, y int, FOREIGN KEY (x, y) REFERENCES p (id, a) MATCH FULL); "
        "CREATE INDEX ci ON p (a) INCLUDE (b); CREATE VIEW v AS SELECT 1 AS one",
    )
    lines = run_cli("import", postgres_db).err.splitlines()
    for expected in (
        "c: foreign key c_x_y_fkey: MATCH FULL left out: schemacog's DDL does not make it",
        "p: column id: GENERATED ALWAYS AS IDENTITY (schemacog's is BY DEFAULT) left out: "
        "schemacog's DDL does not make it",
        "p: key p_a_key: UNIQUE NULLS NOT DISTINCT (a) left out: schemacog's DDL does not make it",
        "p: index ci left out: CREATE INDEX ci ON p USING btree (a) INCLUDE (b) is more than "
        "columns",
        "u: UNLOGGED left out: schemacog's DDL does not make it",
        "database: view v left out: a schema describes tables, keys and enums only",
    ):
        assert expected in lines


@pytest.mark.parametrize("password", ["ail", "den", "s3cret"])
def test_no_part_of_a_password_shows(run_cli: RunCli, password: str) -> None:
    if available("postgres") is not None and os.environ.get("SCHEMACOG_REQUIRE_POSTGRES") != "1":
        pytest.skip("postgres: not here")
    result = run_cli("import", f"postgresql://root:{password}@127.0.0.1:5432/postgres")
    assert result.code == 2
    message = result.err.replace("root:***@", "")
    assert "***" not in message  # no password's place marked inside the driver's words
    assert password not in message or "not shown" in message


@pytest.mark.parametrize(
    "text",
    [
        "postgresql://root:secr@et?pwSECRET@127.0.0.1:5432/postgres",  # an unencoded '?'
        "host=127.0.0.1 password=pwSECRET dbname=postgres",  # libpq's settings
    ],
)
def test_a_password_in_a_malformed_url_never_shows(run_cli: RunCli, text: str) -> None:
    result = run_cli("import", text)
    assert result.code == 2
    assert "SECRET" not in result.err


def test_a_sqlite_file_is_not_read_as_duckdb(run_cli: RunCli, tmp_path: Path) -> None:
    database = _sqlite(tmp_path / "s.db", "CREATE TABLE t (id INTEGER PRIMARY KEY);")
    result = run_cli("import", f"duckdb:///{database}")
    assert (result.code, result.err) == (
        2,
        f"schemacog import: {str(database)!r} is not a DuckDB database\n",
    )


def test_an_empty_file_is_not_a_database(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "empty.db").touch()
    result = run_cli("import", "empty.db", cwd=tmp_path)
    assert (result.code, result.err) == (
        2,
        "schemacog import: 'empty.db' is not a SQLite database\n",
    )


def test_an_empty_output_path_is_an_error(run_cli: RunCli, tmp_path: Path) -> None:
    database = _sqlite(tmp_path / "s.db", "CREATE TABLE t (id INTEGER PRIMARY KEY);")
    result = run_cli("import", str(database), "-o", "")
    assert (result.code, result.err) == (2, "schemacog import: -o names no file\n")


def test_the_written_file_has_the_mode_of_a_new_file(run_cli: RunCli, tmp_path: Path) -> None:
    database = _sqlite(tmp_path / "s.db", "CREATE TABLE t (id INTEGER PRIMARY KEY);")
    old = os.umask(0o022)
    try:
        assert run_cli("import", str(database), "-o", str(tmp_path / "s.yaml")).code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "s.yaml").stat().st_mode) == 0o644


def test_a_wal_database_in_a_read_only_folder_reads_and_nothing_is_written(
    run_cli: RunCli, tmp_path: Path
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    database = _sqlite(
        folder / "w.db", "PRAGMA journal_mode = WAL; CREATE TABLE t (id INTEGER PRIMARY KEY);"
    )
    for leftover in folder.glob("w.db-*"):
        leftover.unlink()
    folder.chmod(0o555)
    try:
        result = run_cli("import", str(database))
        listed = sorted(p.name for p in folder.iterdir())
    finally:
        folder.chmod(0o755)
    assert result.code == 0, result.err
    assert listed == ["w.db"]


def test_functions_and_operators_the_database_defines_never_run(
    run_cli: RunCli, postgres_db: str
) -> None:
    """The catalog is read with the system's schema alone on the search path: an
    overload its owner made in the schema read (one PostgreSQL's rules would prefer for
    a text literal) is never chosen, and no policy runs as the reader."""
    hijack = "LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'hijacked'; END $$"
    _run_sql(
        postgres_db,
        "CREATE TABLE t (id int CONSTRAINT pk_t PRIMARY KEY, m text); "
        "COMMENT ON TABLE t IS 'the real comment'; "
        f"CREATE FUNCTION public.obj_description(oid, text) RETURNS text {hijack}; "
        f"CREATE FUNCTION public.col_description(oid, bigint) RETURNS text {hijack}; "
        f"CREATE FUNCTION public.quote_ident(varchar) RETURNS text {hijack}; "
        f"CREATE FUNCTION public.eq(name, text) RETURNS boolean {hijack}; "
        "CREATE OPERATOR public.= (LEFTARG = name, RIGHTARG = text, FUNCTION = public.eq); "
        f"CREATE FUNCTION public.allowed() RETURNS boolean {hijack}; "
        "ALTER TABLE t ENABLE ROW LEVEL SECURITY; ALTER TABLE t FORCE ROW LEVEL SECURITY; "
        "CREATE POLICY p ON t USING (public.allowed()); INSERT INTO t VALUES (1, 'a')",
    )
    result = run_cli("import", postgres_db)
    assert "hijacked" not in result.err + result.out
    assert result.code == 1, result.err  # the functions and the policy are reported
    assert 'description: "the real comment"' in result.out
    assert "database: function eq left out" in result.err


@pytest.mark.parametrize(
    "text",
    [
        "postgresql://bob:my%20pa%zzSECRET@127.0.0.1:5432/postgres",  # libpq echoes the token
        "postgresql://bob@127.0.0.1:5432/postgres?password=ab%20cd%zzSECRET",
        "postgresql://bob:2024/SECRET@127.0.0.1:5432/postgres",  # a '/' in the password
        "mysql://bob:pw#SECRET@127.0.0.1/shop",
    ],
)
def test_a_password_never_shows_in_any_form(run_cli: RunCli, text: str) -> None:
    result = run_cli("import", text)
    assert result.code == 2
    assert "SECRET" not in result.err, result.err
    assert len(result.err.splitlines()) == 1


def test_a_wal_database_in_use_reads_its_commits(run_cli: RunCli, tmp_path: Path) -> None:
    """An immutable reader would not see what the -wal file holds: a writer still open."""
    path = tmp_path / "w.db"
    writer = sqlite3.connect(path)
    try:
        writer.execute("PRAGMA journal_mode=wal")
        writer.execute("PRAGMA wal_autocheckpoint=0")
        writer.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)")
        writer.commit()
        assert (tmp_path / "w.db-wal").stat().st_size > 0
        result = run_cli("import", str(path))
    finally:
        writer.close()
    assert result.code == 0, result.err
    assert "  t:\n" in result.out


def test_no_cog_marker_reaches_the_schema(run_cli: RunCli, tmp_path: Path) -> None:
    """Names and CHECKs the schema keeps as comments are any text: cog's markers in them
    are spaced apart."""
    database = _sqlite(
        tmp_path / "t.db",
        "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT CHECK (a <> '[[[cog x]]]')); "
        'CREATE VIEW "v [[[cog import os]]] [[[end]]]" AS SELECT 1;',
    )
    result = run_cli("import", str(database))
    assert result.code == 1, result.err
    assert "[[[" not in result.out
    assert "]]]" not in result.out
    assert "view v [ [[cog import os]] ] [ [[end]] ] left out" in result.out


def test_a_table_the_validator_refuses_whole_is_left_out_alone(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """More columns than a schema's table may have: that table is left out, saying why,
    and the rest imported (each column was left out in turn before, then the import)."""
    columns = ", ".join(f"c{number} INTEGER" for number in range(1100))
    database = _sqlite(
        tmp_path / "t.db",
        f"CREATE TABLE wide (id INTEGER PRIMARY KEY, {columns}); "
        "CREATE TABLE ok (id INTEGER PRIMARY KEY);",
    )
    result = run_cli("import", str(database))
    assert result.code == 1, result.err
    assert (
        "database: table wide left out: table 'wide' has 1101 columns; the limit is 1017 "
        "(MariaDB's)" in result.err.splitlines()
    )
    assert "  ok:\n" in result.out


def test_a_check_name_the_validator_refuses_keeps_the_check_and_its_table(
    run_cli: RunCli, tmp_path: Path
) -> None:
    database = _sqlite(
        tmp_path / "t.db",
        "CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b INTEGER, "
        'CONSTRAINT "x" CHECK (a > b), CONSTRAINT "x" CHECK (b <> 5));',
    )
    result = run_cli("import", str(database))
    schema = load_schema_text(result.out, "t.yaml")
    assert [c.expr for c in schema.table("t").checks] == ["a > b", "b <> 5"]


def test_infer_reads_no_long_value(tmp_path: Path) -> None:
    """--infer reads integers and short text only: a value no guess can use (an enum
    value has at most 63 bytes) is read as NULL by the engine, never into memory."""
    from schemacog.db.catalog import read_catalog
    from schemacog.importing.samples import MAX_TEXT, first_rows

    database = _sqlite(
        tmp_path / "t.db",
        "CREATE TABLE t (id INTEGER PRIMARY KEY, c TEXT, b BLOB, n INTEGER); "
        "INSERT INTO t SELECT value, printf('%.*c', 100000, 'x'), zeroblob(100000), 1 "
        "FROM (WITH RECURSIVE s(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM s "
        "WHERE value < 20) SELECT value FROM s); INSERT INTO t VALUES (21, 'open', x'00', 0);",
    )
    connection = sqlite3.connect(database)
    try:
        samples = first_rows("sqlite", connection, "main", read_catalog("sqlite", connection, ""))
    finally:
        connection.close()
    assert samples["t"]["c"] == ["open"]
    assert "b" not in samples["t"]
    assert len(samples["t"]["n"]) == 21
    assert all(len(str(v)) <= MAX_TEXT for values in samples["t"].values() for v in values)


def test_a_duckdb_macro_never_stands_in_for_the_catalog(run_cli: RunCli, tmp_path: Path) -> None:
    """A macro named like a catalog function, reading a local file: not called (the
    reader names ``system.main.``), and it could read no file (external access off)."""
    duckdb = pytest.importorskip("duckdb")
    canary = tmp_path / "canary.txt"
    canary.write_text("secret_canary_42\n", encoding="utf-8")
    path = tmp_path / "m.duckdb"
    connection = duckdb.connect(str(path))
    connection.execute("CREATE TABLE t (id integer PRIMARY KEY)")
    connection.execute(
        "CREATE MACRO duckdb_tables() AS TABLE SELECT schema_name, table_name, "
        f"(SELECT content FROM read_text('{canary}')) AS comment, temporary "
        "FROM system.main.duckdb_tables()"
    )
    connection.close()
    result = run_cli("import", f"duckdb:///{path}")
    assert "secret_canary" not in result.out + result.err
    assert "database: macro duckdb_tables left out" in result.err


def test_the_database_s_settings_never_change_what_a_check_reads_as(
    run_cli: RunCli, postgres_db: str
) -> None:
    _run_sql(
        postgres_db,
        "CREATE TABLE s (id int CONSTRAINT pk_s PRIMARY KEY, c text NOT NULL "
        "CONSTRAINT ck_s_c_max_length CHECK (char_length(c) <= 10000) "
        "CONSTRAINT ck_s_c_pattern CHECK (c ~ '^a\\.b$'), d text NOT NULL DEFAULT 'C:\\temp')",
    )
    name = postgres_db.rsplit("/", 1)[1]
    _run_sql(postgres_db, f"ALTER DATABASE {name} SET standard_conforming_strings = off")
    result = run_cli("import", postgres_db)
    assert result.code == 0, result.err
    assert 'pattern: "^a\\\\.b$"' in result.out  # the regex ^a\.b$, as YAML writes it
    assert 'default: "C:\\\\temp"' in result.out
