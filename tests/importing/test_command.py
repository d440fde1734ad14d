"""``schemacog import`` as a user runs it: what goes to stdout, stderr and files, the
exit codes, and every kind of bad input as one line, exit 2, nothing written, no
password shown. In-process (``run_cli``) but for one real process (the exit code as
the shell sees it)."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import sqlite3
from pathlib import Path

import pytest
from conftest import ROOT, RunCli
from migration_engines import available

from schemacog.importing.command import run_import
from schemacog.render.sql.ddl import render_ddl
from schemacog.schema.validate import load_schema

SHOP = ROOT / "tests" / "cases" / "shop" / "schema.yaml"
CHINOOK = Path(__file__).resolve().parent / "dumps" / "chinook.sqlite.sql"


def _sqlite(path: Path, sql: str) -> Path:
    with sqlite3.connect(path) as connection:
        connection.executescript(sql)
    connection.close()
    return path


@pytest.fixture
def shop_db(tmp_path: Path) -> Path:
    return _sqlite(tmp_path / "shop.db", render_ddl(load_schema(SHOP), "sqlite"))


def test_an_exact_import_goes_to_stdout_and_exits_0(run_cli: RunCli, shop_db: Path) -> None:
    result = run_cli("import", f"sqlite:///{shop_db}")
    assert result.code == 0, result.err
    assert result.out.startswith("schemacog: 1\nname: shop\n")
    assert result.err == "schemacog import: 9 table(s), 63 column(s), 4 enum(s); exact\n"


def test_the_written_file_validates_and_is_never_overwritten(
    run_cli: RunCli, shop_db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "schema.yaml"
    assert run_cli("import", str(shop_db), "-o", str(target)).code == 0
    assert run_cli("validate", str(target)).code == 0
    before = target.read_bytes()
    again = run_cli("import", str(shop_db), "-o", str(target))
    assert again.code == 2
    assert again.err == f"schemacog import: {target} exists: import writes a new file only\n"
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["schema.yaml", "shop.db"]


def test_losses_are_comments_and_stderr_lines_and_exit_1(run_cli: RunCli, tmp_path: Path) -> None:
    database = _sqlite(tmp_path / "chinook.db", CHINOOK.read_text(encoding="utf-8"))
    result = run_cli("import", str(database))
    assert result.code == 1
    lines = result.err.splitlines()
    assert "database: table 'Order Details' left out: its name is not an identifier" in lines
    assert lines[-1].endswith("loss(es), each a comment in the schema")
    for line in lines[:-1]:  # each loss, as a comment of the schema
        assert f"# {line.partition(': ')[2]}" in result.out
    # the table left out is named in its comment only
    assert [line for line in result.out.splitlines() if "Order Details" in line] == [
        "# table 'Order Details' left out: its name is not an identifier"
    ]


def test_a_database_file_is_opened_read_only(run_cli: RunCli, shop_db: Path) -> None:
    digest, stamp = hashlib.sha256(shop_db.read_bytes()).hexdigest(), shop_db.stat().st_mtime_ns
    assert run_cli("import", str(shop_db)).code == 0
    assert (hashlib.sha256(shop_db.read_bytes()).hexdigest(), shop_db.stat().st_mtime_ns) == (
        digest,
        stamp,
    )
    assert sorted(p.name for p in shop_db.parent.iterdir()) == ["shop.db"]  # no journal


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["sqlite:///missing.db"], "no sqlite database at 'missing.db': the file does not exist"),
        (["missing.db"], "no sqlite database at 'missing.db': the file does not exist"),
        (
            ["duckdb:///missing.duckdb"],
            "no duckdb database at 'missing.duckdb': the file does not exist",
        ),
        (["notes.txt"], "'notes.txt' is not a SQLite database"),
        (["folder"], "'folder' is a folder, not a sqlite database file"),
        (
            ["oracle://x/y"],
            "the URL cannot be used: 'oracle://' is an unknown URL scheme: use postgresql://, "
            "postgres://, mysql://, mariadb://, sqlite://, duckdb://",
        ),
        (["shop.db", "--tables", "customer,nope"], "no table 'nope' in the database"),
        (
            ["shop.db", "--tables", ""],
            "--tables lists table names separated by commas (one is empty)",
        ),
        (["shop.db", "-o", "shop.db"], "shop.db exists: import writes a new file only"),
        (
            ["shop.db", "-o", "no/such/folder.yaml"],
            "no folder 'no/such' to write the schema in",
        ),
        (
            ["shop.db", "-o", ".git/hooks/pre-commit"],
            ".git/hooks/pre-commit is inside .git: import writes no file there",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    run_cli: RunCli, shop_db: Path, args: list[str], message: str
) -> None:
    folder = shop_db.parent
    (folder / "notes.txt").write_text("not a database\n", encoding="utf-8")
    (folder / "folder").mkdir()
    before = sorted(p.name for p in folder.iterdir())
    result = run_cli("import", *args, cwd=folder)
    assert (result.code, result.out) == (2, "")
    assert result.err == f"schemacog import: {message}\n"
    assert sorted(p.name for p in folder.iterdir()) == before


def test_a_duckdb_file_given_as_sqlite_is_not_a_database(run_cli: RunCli, tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    path = tmp_path / "data.duckdb"
    duckdb.connect(str(path)).close()
    result = run_cli("import", f"sqlite:///{path}")
    assert (result.code, result.err) == (
        2,
        f"schemacog import: {str(path)!r} is not a SQLite database\n",
    )


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://someone:s3cretpw@127.0.0.1:1/x",  # nothing listens there
        "postgresql://root:s3cretpw@127.0.0.1:5432/postgres",  # a wrong password
        "postgresql://127.0.0.1:5432/postgres?user=root&password=s3cretpw",
    ],
)
def test_a_password_never_shows(run_cli: RunCli, url: str) -> None:
    if available("postgres") is not None and os.environ.get("SCHEMACOG_REQUIRE_POSTGRES") != "1":
        pytest.skip("postgres: not here")
    result = run_cli("import", url)
    assert (result.code, result.out) == (2, "")
    assert "s3cretpw" not in result.err
    assert result.err.count("\n") == 1
    assert "***" in result.err


def test_an_unknown_postgres_schema_is_an_error(run_cli: RunCli) -> None:
    if available("postgres") is not None and os.environ.get("SCHEMACOG_REQUIRE_POSTGRES") != "1":
        pytest.skip("postgres: not here")
    result = run_cli("import", "postgresql:///postgres?schema=sc_no_such_schema")
    assert result.code == 2
    assert result.err.startswith("schemacog import: no schema 'sc_no_such_schema' in the database")


def test_the_shell_sees_the_exit_code(run_process: RunCli, tmp_path: Path) -> None:
    database = _sqlite(tmp_path / "chinook.db", CHINOOK.read_text(encoding="utf-8"))
    assert run_process("import", str(database), cwd=tmp_path).code == 1
    assert run_process("import", "missing.db", cwd=tmp_path).code == 2


INFERABLE = """
CREATE TABLE t (id INTEGER PRIMARY KEY, active INTEGER NOT NULL DEFAULT 1, status TEXT,
    note TEXT, parent INTEGER REFERENCES t (id), kind TEXT);
INSERT INTO t VALUES (1, 1, 'open', 'a', NULL, 'x'), (2, 0, 'closed', 'b', 1, 'x'),
    (3, 1, 'open', 'c', 1, 'x'), (4, 1, 'closed', 'd', 2, 'x');
"""


def test_infer_guesses_and_says_so(run_cli: RunCli, tmp_path: Path) -> None:
    database = _sqlite(tmp_path / "t.db", INFERABLE)
    plain = run_cli("import", str(database))
    assert "guessed" not in plain.err  # nothing is guessed without --infer
    result = run_cli("import", str(database), "--infer")
    assert result.code == 1
    lines = result.err.splitlines()
    assert (
        "t.active: guessed (--infer): holds only 0 and 1 in its first 1000 rows: read as boolean"
        in lines
    )
    assert (
        "t.status: guessed (--infer): holds only closed, open in its first 1000 rows: read as an "
        "enum" in lines
    )
    assert "active: {type: boolean, default: true}" in result.out
    assert "status: {type: enum, enum: t_status, nullable: true}" in result.out
    # the key, its foreign key, a text of all distinct values and one of a single value
    # (no choice) are not guessed
    assert "note: {type: text, nullable: true}" in result.out
    assert "kind: {type: text, nullable: true}" in result.out
    assert not any(line.startswith(("t.id:", "t.parent:", "t.note:", "t.kind:")) for line in lines)


def test_init_from_a_database_records_a_baseline(
    run_cli: RunCli, shop_db: Path, tmp_path: Path
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    result = run_cli("init", "--from-db", f"sqlite:///{shop_db}", cwd=project)
    assert result.code == 0, result.err
    assert (project / "schema" / "schema.yaml").read_text(encoding="utf-8") == run_cli(
        "import", str(shop_db)
    ).out
    config = (project / "pyproject.toml").read_text(encoding="utf-8")
    assert (
        'dialect = "sqlite"\nmigrations = "migrations"\nmigration_dialects = ["sqlite"]\n' in config
    )
    assert (project / "migrations" / "0001_baseline.schema.json").is_file()
    assert (project / "migrations" / "sqlite" / "0001_baseline.sql").is_file()
    assert run_cli("regen", cwd=project).code == 0
    assert run_cli("check", cwd=project).code == 0
    models = (project / "generated" / "models.py").read_text(encoding="utf-8")
    assert "class Customer:" in models
    # the next migration plans from the database's schema: nothing changed, nothing to do
    planned = run_cli("migrate", "plan", cwd=project)
    assert planned.code == 0, planned.err
    assert "CREATE TABLE" not in planned.out


def test_init_from_a_database_its_schema_does_not_make_records_no_baseline(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """A migration planned from a schema whose DDL is not the database's would not apply
    to it (a CHECK to drop it does not have): the scaffold, but no baseline, exit 1."""
    source = _sqlite(tmp_path / "lossy.db", "CREATE TABLE t (id INT PRIMARY KEY, v TEXT);")
    project = tmp_path / "project"
    project.mkdir()
    result = run_cli("init", "--from-db", str(source), cwd=project)
    assert result.code == 1, result.err
    assert "t: column id: INT PRIMARY KEY is not the rowid" in result.err
    assert result.err.splitlines()[-1].startswith(
        "schemacog init: no baseline recorded: the database differs from the schema's DDL "
        "in 2 way(s), said above"
    )
    assert (project / "schema" / "schema.yaml").is_file()
    assert not (project / "migrations").exists() or not any((project / "migrations").iterdir())
    assert run_cli("regen", cwd=project).code == 0


def test_init_from_a_database_that_cannot_be_read_writes_nothing(
    run_cli: RunCli, tmp_path: Path
) -> None:
    result = run_cli("init", "--from-db", "missing.db", cwd=tmp_path)
    assert (result.code, result.err) == (
        2,
        "schemacog init: no sqlite database at 'missing.db': the file does not exist\n",
    )
    assert list(tmp_path.iterdir()) == []


class _Full(io.StringIO):
    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_stdout_that_cannot_take_the_schema_is_one_line_and_exit_2(
    shop_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_import(str(shop_db), None, None, _Full()) == 2
    assert capsys.readouterr().err == (
        "schemacog import: cannot write stdout: No space left on device\n"
    )


def test_a_table_the_reader_may_not_read_is_one_line_and_exit_2(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """--infer reads rows: a table the user may not SELECT is an error, not a traceback."""
    if available("postgres") is not None and os.environ.get("SCHEMACOG_REQUIRE_POSTGRES") != "1":
        pytest.skip("postgres: not here")
    import psycopg

    name = f"sc_imp_priv_{os.getpid()}_{os.urandom(4).hex()}"
    with psycopg.connect("dbname=postgres", autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
        admin.execute(f"CREATE ROLE {name} LOGIN PASSWORD 'pw{name}'")
    try:
        with psycopg.connect(f"dbname={name}", autocommit=True) as owner:
            owner.execute("CREATE TABLE secret_t (id int PRIMARY KEY)")
            owner.execute(f"GRANT USAGE ON SCHEMA public TO {name}")
        result = run_cli("import", f"postgresql://{name}:pw{name}@127.0.0.1:5432/{name}", "--infer")
        assert result.code == 2, result.err
        assert result.err.startswith("schemacog import: cannot read postgresql://")
        assert "permission denied for table secret_t" in result.err
        assert len(result.err.splitlines()) == 1
    finally:
        with psycopg.connect("dbname=postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE {name}")
            admin.execute(f"DROP ROLE {name}")


def test_tables_report_only_what_belongs_to_them(run_cli: RunCli, tmp_path: Path) -> None:
    source = _sqlite(
        tmp_path / "t.db",
        "CREATE TABLE a (id INTEGER PRIMARY KEY); CREATE TABLE b (id INTEGER PRIMARY KEY); "
        "CREATE VIEW v AS SELECT 1; "
        "CREATE TRIGGER ta AFTER INSERT ON a BEGIN SELECT 1; END; "
        "CREATE TRIGGER tb AFTER INSERT ON b BEGIN SELECT 1; END;",
    )
    only_b = run_cli("import", str(source), "--tables", "b")
    assert only_b.err.splitlines()[:-1] == [
        "database: trigger tb on b left out: a schema describes tables, keys and enums only"
    ]
    everything = run_cli("import", str(source)).err
    assert "trigger ta on a" in everything
    assert "view v" in everything


def test_a_sqlite_table_is_named_in_any_case(run_cli: RunCli, tmp_path: Path) -> None:
    source = _sqlite(tmp_path / "t.db", "CREATE TABLE Album (id INTEGER PRIMARY KEY);")
    result = run_cli("import", str(source), "--tables", "album")
    assert result.code == 0, result.err
    assert "  Album:\n" in result.out
