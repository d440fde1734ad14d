"""What ``migrate apply`` refuses before it changes anything, and what ``migrate status``
says, each with its exact line: on SQLite files (the refusals are decided before any
engine-specific step; test_apply.py runs the shared ones on every engine)."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, RunCli

SHOP = ROOT / "schema" / "shop.yaml"
COLUMNS = "    columns:\n      id:          {type: bigint, primary_key: true, identity: true}\n"
NICKNAME = "      nickname: {type: string, max_length: 40, nullable: true}\n"
REFUSED = "schemacog migrate apply: db.sqlite: refused; nothing was changed"


@pytest.fixture
def project(tmp_path: Path, run_cli: RunCli) -> Path:
    """Two sqlite migrations, 0001_initial and 0002_add_nickname, not yet applied."""
    folder = tmp_path / "project"
    folder.mkdir()
    text = SHOP.read_text(encoding="utf-8")
    (folder / "schema.yaml").write_text(text, encoding="utf-8")
    (folder / "pyproject.toml").write_text(
        '[tool.schemacog]\nschema = "schema.yaml"\nfiles = []\ndialect = "sqlite"\n'
        'migrations = "migrations"\n',
        encoding="utf-8",
    )
    assert run_cli("migrate", "new", "initial", "--from", "empty", cwd=folder).code == 0
    (folder / "schema.yaml").write_text(text.replace(COLUMNS, COLUMNS + NICKNAME), encoding="utf-8")
    assert run_cli("migrate", "new", "add_nickname", cwd=folder).code == 0
    (folder / "db.sqlite").touch()  # an empty file: an empty SQLite database
    return folder


def _rows(
    project: Path, sql: str = "SELECT number, state FROM schemacog_migrations"
) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(project / "db.sqlite")
    try:
        return sorted(connection.execute(sql).fetchall())
    finally:
        connection.close()


def _run(project: Path, sql: str) -> None:
    connection = sqlite3.connect(project / "db.sqlite")
    try:
        connection.executescript(sql)
    finally:
        connection.close()


def _tables(project: Path) -> list[str]:
    return [
        str(r[0]) for r in _rows(project, "SELECT name FROM sqlite_master WHERE type = 'table'")
    ]


def test_a_pending_script_edited_by_hand_is_refused(run_cli: RunCli, project: Path) -> None:
    script = project / "migrations" / "sqlite" / "0002_add_nickname.sql"
    script.write_text(
        script.read_text(encoding="utf-8") + "DROP TABLE customer;\n", encoding="utf-8"
    )
    refused = run_cli("migrate", "apply", "db.sqlite", cwd=project)
    assert refused.code == 1
    assert refused.out.splitlines() == [
        "migrations/sqlite/0002_add_nickname.sql:1: differs from what schemacog plans from "
        "migrations/0001_initial.schema.json to migrations/0002_add_nickname.schema.json: a "
        "migration holds only what migrate new wrote (edited by hand, or written by another "
        "version of schemacog?)",
        REFUSED,
    ]
    assert _tables(project) == []  # not even 0001 ran: every refusal comes first


def test_a_gone_file_a_renamed_one_and_a_late_one_are_refused(
    run_cli: RunCli, project: Path
) -> None:
    assert run_cli("migrate", "apply", "db.sqlite", cwd=project).code == 0
    migrations = project / "migrations"
    kept = project.parent / "kept"
    shutil.copytree(migrations, kept)
    (migrations / "sqlite" / "0002_add_nickname.sql").unlink()
    gone = run_cli("migrate", "apply", "db.sqlite", cwd=project)
    assert gone.code == 1
    assert gone.out.splitlines()[0] == (
        "migrations/sqlite/0002_add_nickname.sql:1: 0002_add_nickname is in the history "
        "(applied "
        + _rows(project, "SELECT applied_at FROM schemacog_migrations WHERE number = 2")[0][0]  # type: ignore[operator]
        + ") but its file is gone from the sqlite migrations: a migration that ran stays"
    )
    shutil.rmtree(migrations)
    shutil.copytree(kept, migrations)
    for old in [*migrations.glob("0002_*"), *migrations.glob("*/0002_*")]:
        old.rename(old.with_name(old.name.replace("add_nickname", "nickname")))
    renamed = run_cli("migrate", "apply", "db.sqlite", cwd=project)
    assert renamed.code == 1
    assert renamed.out.splitlines()[0] == (
        "migrations/sqlite/0002_nickname.sql:1: migration 0002 is in the history as "
        "0002_add_nickname (applied), but its file now is 0002_nickname"
    )
    shutil.rmtree(migrations)
    shutil.copytree(kept, migrations)
    _run(project, "DELETE FROM schemacog_migrations WHERE number = 1;")
    late = run_cli("migrate", "apply", "db.sqlite", cwd=project)
    assert late.code == 1
    assert late.out.splitlines() == [
        "migrations/sqlite/0001_initial.sql:1: 0001_initial is pending but a later migration "
        "(up to 0002) is applied: it came out of order (a branch merged after?); write it "
        "again after the newest",
        REFUSED,
    ]
    status = run_cli("migrate", "status", "db.sqlite", cwd=project)
    assert status.code == 1
    assert status.out.splitlines()[0] == (
        "0001_initial       pending   (out of order: a later one is applied)"
    )


def test_a_history_schemacog_did_not_write_is_an_error(run_cli: RunCli, project: Path) -> None:
    assert run_cli("migrate", "apply", "db.sqlite", cwd=project).code == 0
    _run(project, "UPDATE schemacog_migrations SET state = 'done' WHERE number = 2;")
    forged = run_cli("migrate", "apply", "db.sqlite", cwd=project)
    assert forged.code == 2
    assert forged.out == ""
    assert forged.err == (
        "schemacog migrate apply: db.sqlite: schemacog_migrations holds a row schemacog did "
        "not write (number 2: state)\n"
    )
    _run(project, "DROP TABLE schemacog_migrations; CREATE TABLE schemacog_migrations (x int);")
    other = run_cli("migrate", "status", "db.sqlite", cwd=project)
    assert other.code == 2
    assert other.err == (
        "schemacog migrate status: cannot read schemacog_migrations of db.sqlite: no such "
        "column: number\n"
    )


def test_a_folder_without_the_dialect_or_with_two_of_a_number_is_an_error(
    run_cli: RunCli, project: Path
) -> None:
    none = run_cli("migrate", "apply", "duckdb:///x.duckdb", cwd=project)
    assert none.code == 2
    assert none.err == (
        "migrations/duckdb:1: no duckdb migrations in migrations/duckdb/: write them with "
        "schemacog migrate new NAME --dialect duckdb\n"
    )
    assert not (project / "x.duckdb").exists()
    script = project / "migrations" / "sqlite" / "0002_add_nickname.sql"
    shutil.copy(script, script.with_name("0002_other.sql"))
    two = run_cli("migrate", "apply", "db.sqlite", cwd=project)
    assert two.code == 2
    assert "migrations/sqlite/0002_other.sql:1: migration 0002 is also " in two.err
    assert _tables(project) == []


def test_status_says_each_state_in_text_and_json(run_cli: RunCli, project: Path) -> None:
    fresh = run_cli("migrate", "status", "db.sqlite", cwd=project)
    assert fresh.code == 1
    assert fresh.out.splitlines() == [
        "0001_initial       pending",
        "0002_add_nickname  pending",
        "the database matches nothing (a new database)",
        "schemacog migrate status: db.sqlite: 2 pending; not up to date",
    ]
    assert (project / "db.sqlite").stat().st_size == 0, "status wrote the database"
    assert run_cli("migrate", "apply", "db.sqlite", cwd=project).code == 0
    script = project / "migrations" / "sqlite" / "0001_initial.sql"
    script.write_bytes(script.read_bytes().replace(b"\n", b"\r\n"))  # line endings count
    changed = run_cli("migrate", "status", "db.sqlite", "--format", "json", cwd=project)
    assert changed.code == 1
    report = json.loads(changed.out)
    assert report["up_to_date"] is False
    assert report["at"] == "0002_add_nickname"
    assert report["matches"] is True
    assert [(e["migration"], e["state"]) for e in report["migrations"]] == [
        ("0001_initial", "changed"),
        ("0002_add_nickname", "applied"),
    ]
    assert re.fullmatch(
        r"changed since it was applied \S+ \(checksum [0-9a-f]{12} then, [0-9a-f]{12} now\): .*",
        report["migrations"][0]["detail"],
    )


def test_no_schema_may_name_the_history_table(run_cli: RunCli, tmp_path: Path) -> None:
    schema = tmp_path / "s.yaml"
    schema.write_text(
        "schemacog: 1\nname: s\ntables:\n  Schemacog_Migrations:\n    columns:\n"
        "      id: {type: integer, primary_key: true}\n",
        encoding="utf-8",
    )
    refused = run_cli("validate", str(schema), cwd=tmp_path)
    assert refused.code == 2
    assert refused.err.splitlines()[0] == (
        f"{schema}:4:3: table 'Schemacog_Migrations': the name is migrate apply's, for its "
        "history table"
    )


def test_import_and_diff_db_leave_the_history_out(run_cli: RunCli, project: Path) -> None:
    assert run_cli("migrate", "apply", "db.sqlite", cwd=project).code == 0
    imported = run_cli("import", "db.sqlite", cwd=project)
    assert "schemacog_migrations" not in imported.out
    assert imported.err.splitlines()[-1].endswith(
        "; schemacog_migrations left out (migrate apply's history)"
    )
    assert run_cli("diff-db", "db.sqlite", "--strict", cwd=project).code == 0


@pytest.mark.parametrize(
    "forged",
    [
        ("first", lambda lines: ["CREATE TABLE pwned (x int);", *lines[1:]]),
        ("bom", lambda lines: ["\ufeff" + lines[0], *lines[1:]]),
        (
            "a carriage return in a file name",
            lambda lines: [
                lines[0],
                lines[1].replace("-- from: ", "-- from: x\rDROP TABLE t; "),
                *lines[2:],
            ],
        ),
    ],
    ids=lambda forged: forged[0],
)
def test_every_line_of_a_script_counts_the_header_too(
    run_cli: RunCli, project: Path, forged: tuple[str, Any]
) -> None:
    script = project / "migrations" / "sqlite" / "0001_initial.sql"
    lines = script.read_text(encoding="utf-8").split("\n")
    script.write_text("\n".join(forged[1](lines)), encoding="utf-8", newline="")
    refused = run_cli("migrate", "apply", "db.sqlite", cwd=project)
    assert refused.code == 1, refused.out
    assert refused.out.startswith(
        "migrations/sqlite/0001_initial.sql:1: differs from what schemacog plans from nothing"
    )
    assert _tables(project) == []
    checked = run_cli("check", cwd=project)
    assert checked.code == 1
    assert "migrations/sqlite/0001_initial.sql:1: differs from what schemacog plans" in checked.out


def test_a_history_table_that_cannot_be_written_stops_before_any_script(
    run_cli: RunCli, project: Path
) -> None:
    _run(
        project,
        "CREATE TABLE schemacog_migrations (number int, name text, checksum text, state text,"
        " applied_at text, schemacog_version text, error text, owner text NOT NULL);",
    )
    stopped = run_cli("migrate", "apply", "db.sqlite", cwd=project)
    assert stopped.code == 2
    assert stopped.err == (
        "schemacog migrate apply: cannot write schemacog_migrations of db.sqlite: NOT NULL "
        "constraint failed: schemacog_migrations.owner\n"
    )
    assert _tables(project) == ["schemacog_migrations"]  # no script ran


def test_a_row_with_a_terminal_s_escapes_is_not_schemacog_s(run_cli: RunCli, project: Path) -> None:
    assert run_cli("migrate", "apply", "db.sqlite", cwd=project).code == 0
    _run(
        project, "UPDATE schemacog_migrations SET name = 'x' || char(27) || '[2J' WHERE number = 1;"
    )
    forged = run_cli("migrate", "status", "db.sqlite", cwd=project)
    assert (forged.code, forged.out) == (2, "")
    assert forged.err == (
        "schemacog migrate status: db.sqlite: schemacog_migrations holds a row schemacog did "
        "not write (number 1: name)\n"
    )


def test_a_gap_in_one_dialect_s_chain_is_refused(run_cli: RunCli, project: Path) -> None:
    assert run_cli("migrate", "apply", "db.sqlite", cwd=project).code == 0
    schema = project / "schema.yaml"
    text = schema.read_text(encoding="utf-8")
    schema.write_text(
        text.replace(NICKNAME, NICKNAME + "      alias: {type: text, nullable: true}\n"),
        encoding="utf-8",
    )
    assert run_cli("migrate", "new", "add_alias", "--dialect", "postgres", cwd=project).code == 0
    schema.write_text(
        text.replace(
            NICKNAME,
            NICKNAME + "      alias: {type: text, nullable: true, description: Also known as.}\n",
        ),
        encoding="utf-8",
    )
    assert run_cli("migrate", "new", "alias_note", cwd=project).code == 0
    refused = run_cli("migrate", "apply", "db.sqlite", cwd=project)
    assert refused.code == 1
    assert refused.out.splitlines() == [
        "migrations/0003_add_alias.schema.json:1: migration 0003 has no sqlite script "
        "(migrations/sqlite/ lacks it): each sqlite migration starts where the one before it "
        "ends",
        REFUSED,
    ]
    status = run_cli("migrate", "status", "db.sqlite", cwd=project)
    assert status.out.splitlines()[2:4] == [
        "0003_add_alias     missing   (migration 0003 has no sqlite script "
        "(migrations/sqlite/ lacks it): each sqlite migration starts where the one before it "
        "ends)",
        "0004_alias_note    pending",
    ]


def test_names_count_where_a_migration_starts(run_cli: RunCli, project: Path) -> None:
    """A script drops and renames by name: a database whose index was renamed by hand
    is not where the next migration starts."""
    _run(project, "")
    assert (
        run_cli("migrate", "apply", "db.sqlite", "--baseline", "0001_initial", cwd=project).code
        == 1
    )
    initial = project / "migrations" / "sqlite" / "0001_initial.sql"
    _run(project, initial.read_text(encoding="utf-8"))
    _run(project, "DROP INDEX ix_customer_name; CREATE INDEX foo ON customer (name);")
    refused = run_cli("migrate", "apply", "db.sqlite", "--baseline", "0001_initial", cwd=project)
    assert refused.code == 1
    assert refused.out.splitlines()[1:3] == [
        "  customer: index foo (name) in the database, not in the schema",
        "  customer: index ix_customer_name (name) in the schema, not in the database",
    ]


def test_a_table_the_migrations_make_counts_another_s_does_not(
    run_cli: RunCli, project: Path
) -> None:
    _run(project, "CREATE TABLE other_app (id integer); CREATE TABLE customer (id integer);")
    refused = run_cli("migrate", "apply", "db.sqlite", cwd=project)
    assert refused.code == 1
    assert refused.out.splitlines() == [
        "0001_initial cannot start: the database differs from nothing (a new database) "
        "(0001_initial starts from):",
        "  table customer: in the database, not in the schema",
        REFUSED,
    ]
    _run(project, "DROP TABLE customer;")
    done = run_cli("migrate", "apply", "db.sqlite", cwd=project)
    assert done.code == 0, done.out
    status = run_cli("migrate", "status", "db.sqlite", cwd=project)
    assert status.code == 0, status.out  # other_app is another application's


def test_a_file_is_made_only_to_be_changed_and_only_by_its_url(
    run_cli: RunCli, project: Path
) -> None:
    fifo = project / "pipe.db"
    os.mkfifo(fifo)
    for command in ("apply", "status"):
        odd = run_cli("migrate", command, "pipe.db", cwd=project)
        assert (odd.code, odd.err) == (
            2,
            f"schemacog migrate {command}: pipe.db is not a regular file\n",
        )
    missing = run_cli("migrate", "apply", "user:secret@db", cwd=project)
    assert missing.code == 2
    assert "secret" not in missing.err
    assert missing.err == (
        "schemacog migrate apply: no SQLite database at the path given (a new one is made "
        "only when named as a URL, sqlite:///PATH)\n"
    )
    url = "sqlite:///new.db"
    for dry in (["--dry-run"], ["--baseline", "nope"]):
        assert run_cli("migrate", "apply", url, *dry, cwd=project).code in (0, 1)
        assert not (project / "new.db").exists()
    made = run_cli("migrate", "apply", url, cwd=project)
    assert made.code == 0, made.out + made.err
    assert made.out.splitlines()[0] == "sqlite:///new.db did not exist: made it, a new database"
    for where in ("duckdb:///new.duckdb",):
        if shutil.which("true") and _has("duckdb"):
            assert (
                run_cli("migrate", "apply", where, "--dry-run", cwd=project).code == 2
            )  # no duckdb scripts
            assert not (project / "new.duckdb").exists()


def _has(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def test_a_failed_migration_given_up_and_written_again_is_resolved_by_number(
    run_cli: RunCli, project: Path
) -> None:
    assert run_cli("migrate", "apply", "db.sqlite", cwd=project).code == 0
    _run(
        project,
        "INSERT INTO customer (public_id, email, name) VALUES "
        "('3f1c2a77-1b9e-4f8e-8a4b-3e6d9c2b1a01', 'lin@example.com', 'Lin');",
    )
    schema = project / "schema.yaml"
    text = schema.read_text(encoding="utf-8")
    required = "      nickname: {type: string, max_length: 40, default: anon}\n"
    schema.write_text(text.replace(NICKNAME, required), encoding="utf-8")
    assert run_cli("migrate", "new", "nickname_required", cwd=project).code == 0
    assert run_cli("migrate", "apply", "db.sqlite", cwd=project).code == 2
    for path in project.glob("migrations/**/0003_nickname_required*"):
        path.unlink()  # given up: the rows keep no nickname
    alias = "      alias: {type: text, nullable: true}\n"
    schema.write_text(text.replace(NICKNAME, NICKNAME + alias), encoding="utf-8")
    assert run_cli("migrate", "new", "add_alias", cwd=project).code == 0
    refused = run_cli("migrate", "apply", "db.sqlite", cwd=project)
    assert refused.code == 1
    assert refused.out.splitlines()[0] == (
        "migrations/sqlite/0003_add_alias.sql:1: migration 0003 is in the history as "
        "0003_nickname_required (failed), but its file now is 0003_add_alias (a failed one "
        "given up: --resolve 0003_nickname_required takes it out)"
    )
    resolved = run_cli("migrate", "apply", "db.sqlite", "--resolve", "3", cwd=project)
    assert resolved.code == 0, resolved.out
    assert [line.split(" (")[0] for line in resolved.out.splitlines()[:2]] == [
        "took the failed 0003_nickname_required out of the history",
        "applied migrations/sqlite/0003_add_alias.sql",
    ]
    assert _rows(project) == [(1, "applied"), (2, "applied"), (3, "applied")]


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("sqlite:///:memory:", "an in-memory database keeps nothing: name a file"),
        ("duckdb:///:memory:", "an in-memory database keeps nothing: name a file"),
        ("sqlite:///x%00.db", "the URL cannot be used: the URL holds a NUL character"),
        (
            "postgresql://u:S3CRET%C3pw@localhost/postgres",
            "the URL cannot be used: the URL holds bytes that are not UTF-8 (or "
            "percent-encodes them)",
        ),
    ],
)
def test_a_database_that_cannot_be_one_is_an_error(
    run_cli: RunCli, project: Path, url: str, said: str
) -> None:
    refused = run_cli("migrate", "apply", url, cwd=project)
    assert (refused.code, refused.err) == (2, f"schemacog migrate apply: {said}\n")
    assert not (project / ":memory:").exists()


def test_a_migration_numbered_0000_is_history_like_any(run_cli: RunCli, project: Path) -> None:
    for path in [*project.glob("migrations/0001_*"), *project.glob("migrations/*/0001_*")]:
        path.rename(path.with_name(path.name.replace("0001_", "0000_")))
    for script in project.glob("migrations/*/0002_*.sql"):
        text = script.read_text(encoding="utf-8")
        script.write_text(text.replace("0001_initial", "0000_initial"), encoding="utf-8")
    assert run_cli("migrate", "apply", "db.sqlite", cwd=project).code == 0
    status = run_cli("migrate", "status", "db.sqlite", cwd=project)
    assert status.code == 0, status.out + status.err


def test_what_schemacog_never_makes_is_not_where_a_migration_starts(
    run_cli: RunCli, project: Path
) -> None:
    initial = project / "migrations" / "sqlite" / "0001_initial.sql"
    text = initial.read_text(encoding="utf-8")
    assert "id INTEGER NOT NULL CONSTRAINT pk_customer PRIMARY KEY" in text
    _run(
        project,
        text.replace(
            "id INTEGER NOT NULL CONSTRAINT pk_customer PRIMARY KEY",
            "id INTEGER NOT NULL CONSTRAINT pk_customer PRIMARY KEY AUTOINCREMENT",
            1,
        ),
    )
    refused = run_cli("migrate", "apply", "db.sqlite", "--baseline", "initial", cwd=project)
    assert refused.code == 1
    assert (
        "  customer: AUTOINCREMENT (an id is never used twice; schemacog's rowid may use "
        "the highest id again once its row is deleted) in the database, not in the schema"
        in refused.out.splitlines()
    )


def test_a_history_table_in_other_letters_is_the_history_table(
    run_cli: RunCli, project: Path
) -> None:
    _run(
        project,
        "CREATE TABLE SCHEMACOG_MIGRATIONS (number INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "checksum TEXT NOT NULL, state TEXT NOT NULL, applied_at TEXT NOT NULL, "
        "schemacog_version TEXT NOT NULL, error TEXT); INSERT INTO SCHEMACOG_MIGRATIONS "
        "VALUES (1, 'initial', '"
        + "0" * 64
        + "', 'failed', '2026-01-01T00:00:00Z', '0.1.0', NULL);",
    )
    refused = run_cli("migrate", "apply", "db.sqlite", cwd=project)
    assert refused.code == 1  # its failed row is read: nothing runs until --resolve
    assert "0001_initial failed 2026-01-01T00:00:00Z" in refused.out
