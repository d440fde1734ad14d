"""What ``migrate apply`` refuses before it changes anything, and what ``migrate status``
says, each with its exact line: on SQLite files (the refusals are decided before any
engine-specific step; test_apply.py runs the shared ones on every engine)."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

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
        '[tool.schemacog]\nschema = "schema.yaml"\nfiles = []\ndialect = "sqlite"\n',
        encoding="utf-8",
    )
    assert run_cli("migrate", "new", "initial", "--from", "empty", cwd=folder).code == 0
    (folder / "schema.yaml").write_text(text.replace(COLUMNS, COLUMNS + NICKNAME), encoding="utf-8")
    assert run_cli("migrate", "new", "add_nickname", cwd=folder).code == 0
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
        "0002_add_nickname:1: 0002_add_nickname is in the history (applied "
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
    assert forged.err.startswith(
        "schemacog migrate apply: db.sqlite: a row of schemacog_migrations schemacog did not "
        "write: (2, "
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
    assert not (project / "db.sqlite").exists() or _tables(project) == []


def test_status_says_each_state_in_text_and_json(run_cli: RunCli, project: Path) -> None:
    fresh = run_cli("migrate", "status", "db.sqlite", cwd=project)
    assert fresh.code == 1
    assert fresh.out.splitlines() == [
        "0001_initial       pending",
        "0002_add_nickname  pending",
        "the database matches nothing (a new database)",
        "schemacog migrate status: db.sqlite: 2 pending; not up to date",
    ]
    assert not (project / "db.sqlite").exists(), "status wrote the database"
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
