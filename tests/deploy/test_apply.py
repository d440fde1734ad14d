"""``schemacog migrate apply`` and ``migrate status`` on the four real engines: three
migrations in order, once each; a re-run that does nothing; a changed file, a drifted
database and a held lock refused before anything changes; two appliers at once; a
failing migration recorded and resolved; a baseline. The history is read back with the
engine's own driver, the catalog with the catalog reader."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, RunCli
from migration_engines import ENGINES, Database, database, url_of

from schemacog.deploy.targets import open_target
from schemacog.importing.connect import without_history
from schemacog.migrate.history import Snapshot, load_snapshot
from schemacog.render.sql.ddl import render_ddl

SHOP = ROOT / "schema" / "shop.yaml"
COLUMNS = "    columns:\n      id:          {type: bigint, primary_key: true, identity: true}\n"
NICKNAME = "      nickname: {type: string, max_length: 40, nullable: true}\n"
REQUIRED = "      nickname: {type: string, max_length: 40, default: anon}\n"
A_CUSTOMER = (
    "INSERT INTO customer (public_id, email, name) "
    "VALUES ('3f1c2a77-1b9e-4f8e-8a4b-3e6d9c2b1a01', 'lin@example.com', 'Lin');"
)


def _project(folder: Path, dialect: str) -> Path:
    project = folder / "project"
    project.mkdir()
    (project / "schema.yaml").write_text(SHOP.read_text(encoding="utf-8"), encoding="utf-8")
    (project / "pyproject.toml").write_text(
        f'[tool.schemacog]\nschema = "schema.yaml"\nfiles = []\ndialect = "{dialect}"\n',
        encoding="utf-8",
    )
    return project


def _edit(project: Path, old: str, new: str) -> None:
    path = project / "schema.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _new(run_cli: RunCli, project: Path, name: str, *more: str) -> None:
    done = run_cli("migrate", "new", name, *more, cwd=project)
    assert done.code == 0, done.err


def _three(run_cli: RunCli, project: Path) -> None:
    """0001_initial, 0002_add_nickname (nullable), 0003_nickname_required."""
    _new(run_cli, project, "initial", "--from", "empty")
    _edit(project, COLUMNS, COLUMNS + NICKNAME)
    _new(run_cli, project, "add_nickname")
    _edit(project, NICKNAME, REQUIRED)
    _new(run_cli, project, "nickname_required")


def _history(db: Database) -> list[tuple[Any, ...]]:
    rows = db.rows("schemacog_migrations", ["number", "name", "state", "checksum"])
    return sorted(rows)


def _checksum(project: Path, dialect: str, stem: str) -> str:
    data = (project / "migrations" / dialect / f"{stem}.sql").read_bytes()
    return hashlib.sha256(data).hexdigest()


def _snapshot_ddl(project: Path, stem: str, dialect: str) -> str:
    path = project / "migrations" / f"{stem}.schema.json"
    schema = load_snapshot(Snapshot(0, stem, path, f"migrations/{path.name}"), project)
    return render_ddl(schema, dialect)


STEMS = ("0001_initial", "0002_add_nickname", "0003_nickname_required")


@pytest.mark.parametrize("engine", ENGINES)
def test_three_migrations_run_in_order_once_each(
    run_cli: RunCli, engine: str, tmp_path: Path
) -> None:
    with database(engine, tmp_path) as db:
        project = _project(tmp_path, db.dialect)
        _three(run_cli, project)
        url = url_of(db)
        assert db.catalog().tables == {}  # (makes the DuckDB file)
        dry = run_cli("migrate", "apply", url, "--dry-run", cwd=project)
        assert dry.code == 0, dry.out + dry.err
        assert [
            line.split(" (")[0] for line in dry.out.splitlines() if line.startswith("would")
        ] == [f"would apply migrations/{db.dialect}/{stem}.sql" for stem in STEMS]
        # each step of each script is said, as its comment says it
        assert "  in place: create table customer from the new schema" in dry.out.splitlines()
        assert db.catalog().tables == {}, "a dry run ran something"
        done = run_cli("migrate", "apply", url, cwd=project)
        assert (done.code, done.err) == (0, ""), done.out + done.err
        assert [line.split(" (")[0] for line in done.out.splitlines()] == [
            *(f"applied migrations/{db.dialect}/{stem}.sql" for stem in STEMS),
            f"schemacog migrate apply: {url}: 3 migration(s) applied; at 0003_nickname_required",
        ]
        expected = [
            (n, stem[5:], "applied", _checksum(project, db.dialect, stem))
            for n, stem in enumerate(STEMS, 1)
        ]
        assert _history(db) == expected
        with database(engine, tmp_path) as fresh:
            fresh.run(_snapshot_ddl(project, STEMS[-1], db.dialect))
            assert without_history(db.catalog()).differences(fresh.catalog()) == []
        again = run_cli("migrate", "apply", url, cwd=project)
        assert again.code == 0
        assert (
            again.out
            == f"schemacog migrate apply: {url} is at 0003_nickname_required: nothing to apply\n"
        )
        assert _history(db) == expected
        status = run_cli("migrate", "status", url, cwd=project)
        assert status.code == 0, status.out
        assert status.out.splitlines()[-2:] == [
            "the database matches migrations/0003_nickname_required.schema.json",
            f"schemacog migrate status: {url}: 3 applied; up to date",
        ]
        # the history table is migrate apply's: diff-db, even --strict, does not count it
        same = run_cli("diff-db", url, "--strict", cwd=project)
        assert same.code == 0, same.out


@pytest.mark.parametrize("engine", ENGINES)
def test_a_changed_file_and_a_drifted_database_are_refused_before_any_change(
    run_cli: RunCli, engine: str, tmp_path: Path
) -> None:
    with database(engine, tmp_path) as db:
        project = _project(tmp_path, db.dialect)
        url = url_of(db)
        _new(run_cli, project, "initial", "--from", "empty")
        assert run_cli("migrate", "apply", url, cwd=project).code == 0
        _edit(project, COLUMNS, COLUMNS + NICKNAME)
        _new(run_cli, project, "add_nickname")
        first = project / "migrations" / db.dialect / "0001_initial.sql"
        original = first.read_bytes()
        first.write_bytes(original + b"-- reviewed\n")
        before = db.catalog()
        changed = run_cli("migrate", "apply", url, cwd=project)
        assert changed.code == 1
        lines = changed.out.splitlines()
        assert lines[0].startswith(
            f"migrations/{db.dialect}/0001_initial.sql:1: changed since it was applied "
        )
        assert lines[-1] == f"schemacog migrate apply: {url}: refused; nothing was changed"
        assert db.catalog() == before
        assert [row[0] for row in _history(db)] == [1]
        first.write_bytes(original)
        db.run("ALTER TABLE customer ADD COLUMN extra integer;")
        drifted = run_cli("migrate", "apply", url, cwd=project)
        assert drifted.code == 1
        assert drifted.out.splitlines() == [
            "0002_add_nickname cannot start: the database differs from "
            "migrations/0001_initial.schema.json (0002_add_nickname starts from):",
            "  customer.extra: in the database, not in the schema",
            f"schemacog migrate apply: {url}: refused; nothing was changed",
        ]
        assert [row[0] for row in _history(db)] == [1]
        status = run_cli("migrate", "status", url, cwd=project)
        assert status.code == 1
        assert re.fullmatch(r"0001_initial       applied   \S+Z", status.out.splitlines()[0])
        assert status.out.splitlines()[1:] == [
            "0002_add_nickname  pending",
            "the database differs from migrations/0001_initial.schema.json, where it should be:",
            "  customer.extra: in the database, not in the schema",
            f"schemacog migrate status: {url}: 1 applied, 1 pending; not up to date",
        ]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_failing_migration_is_recorded_and_blocks_until_resolved(
    run_cli: RunCli, engine: str, tmp_path: Path
) -> None:
    with database(engine, tmp_path) as db:
        project = _project(tmp_path, db.dialect)
        url = url_of(db)
        _three(run_cli, project)
        # a database brought to 0002 by the engine's own client, with a row 0003
        # cannot take (no nickname): baselined at 0002, then 0003 fails
        for stem in STEMS[:2]:
            db.run(
                (project / "migrations" / db.dialect / f"{stem}.sql").read_text(encoding="utf-8")
            )
        assert (
            run_cli(
                "migrate", "apply", url, "--baseline", "0002_add_nickname", "--dry-run", cwd=project
            ).code
            == 0
        )
        db.run(A_CUSTOMER)
        failed = run_cli("migrate", "apply", url, "--baseline", "0002_add_nickname", cwd=project)
        assert failed.code == 2, failed.out + failed.err
        script = f"migrations/{db.dialect}/0003_nickname_required.sql"
        assert failed.err.startswith(f"{script}:"), failed.err
        # (MariaDB cuts the message at 61 characters)
        assert "schemacog data check failed: 1 row(s) break customer.nickname" in failed.err
        assert failed.out.splitlines()[-1] == (
            "0003_nickname_required failed; recorded as failed. Nothing of it stayed (the "
            "database is as before it): fix the cause, then run migrate apply --resolve "
            "0003_nickname_required."
        )
        assert [(r[0], r[2]) for r in _history(db)] == [
            (1, "baseline"),
            (2, "baseline"),
            (3, "failed"),
        ]
        blocked = run_cli("migrate", "apply", url, cwd=project)
        assert blocked.code == 1
        assert blocked.out.startswith("0003_nickname_required failed ")
        assert "--resolve 0003_nickname_required" in blocked.out
        status = run_cli("migrate", "status", url, cwd=project)
        assert status.code == 1
        assert status.out.splitlines()[2].startswith("0003_nickname_required  failed ")
        # finished by hand: the rows mended, the script run by the engine's own client
        db.run("UPDATE customer SET nickname = 'lin';")
        db.run((project / script).read_text(encoding="utf-8"))
        resolved = run_cli(
            "migrate", "apply", url, "--resolve", "0003_nickname_required", cwd=project
        )
        assert resolved.code == 0, resolved.out + resolved.err
        assert resolved.out.splitlines()[0] == (
            "recorded 0003_nickname_required as resolved (the database has it whole)"
        )
        assert [(r[0], r[2]) for r in _history(db)] == [
            (1, "baseline"),
            (2, "baseline"),
            (3, "resolved"),
        ]
        assert run_cli("migrate", "status", url, cwd=project).code == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_a_failed_migration_undone_runs_again_after_resolve(
    run_cli: RunCli, engine: str, tmp_path: Path
) -> None:
    with database(engine, tmp_path) as db:
        project = _project(tmp_path, db.dialect)
        url = url_of(db)
        _new(run_cli, project, "initial", "--from", "empty")
        _edit(project, COLUMNS, COLUMNS + NICKNAME)
        _new(run_cli, project, "add_nickname")
        assert run_cli("migrate", "apply", url, cwd=project).code == 0
        db.run(A_CUSTOMER)
        _edit(project, NICKNAME, REQUIRED)
        _new(run_cli, project, "nickname_required")
        assert run_cli("migrate", "apply", url, cwd=project).code == 2
        wrong = run_cli("migrate", "apply", url, "--resolve", "add_nickname", cwd=project)
        assert wrong.code == 1
        assert wrong.out.splitlines()[0] == (
            "--resolve add_nickname: only a migration that failed is resolved (the failed "
            "one is 0003_nickname_required)"
        )
        db.run("UPDATE customer SET nickname = 'lin';")
        again = run_cli("migrate", "apply", url, "--resolve", "nickname_required", cwd=project)
        assert again.code == 0, again.out + again.err
        assert [line.split(" (")[0] for line in again.out.splitlines()[:2]] == [
            "took the failed 0003_nickname_required out of the history",
            f"applied migrations/{db.dialect}/0003_nickname_required.sql",
        ]
        assert [(r[0], r[2]) for r in _history(db)] == [
            (1, "applied"),
            (2, "applied"),
            (3, "applied"),
        ]


@pytest.mark.parametrize("engine", ENGINES)
def test_baseline_needs_the_database_at_its_snapshot(
    run_cli: RunCli, engine: str, tmp_path: Path
) -> None:
    with database(engine, tmp_path) as db:
        project = _project(tmp_path, db.dialect)
        url = url_of(db)
        _three(run_cli, project)
        empty = run_cli("migrate", "apply", url, "--baseline", "0002_add_nickname", cwd=project)
        assert empty.code == 1
        assert empty.out.splitlines()[0] == (
            "--baseline 0002_add_nickname: the database is not at it: the database differs "
            "from migrations/0002_add_nickname.schema.json (0002_add_nickname ends at):"
        )
        assert db.catalog().tables == {}
        db.run(_snapshot_ddl(project, "0002_add_nickname", db.dialect))
        done = run_cli("migrate", "apply", url, "--baseline", "0002_add_nickname", cwd=project)
        assert done.code == 0, done.out + done.err
        assert [line.split(" (")[0] for line in done.out.splitlines()] == [
            "recorded 0001_initial as applied by --baseline",
            "recorded 0002_add_nickname as applied by --baseline",
            f"applied migrations/{db.dialect}/0003_nickname_required.sql",
            f"schemacog migrate apply: {url}: 1 migration(s) applied; at 0003_nickname_required",
        ]
        assert [(r[0], r[2]) for r in _history(db)] == [
            (1, "baseline"),
            (2, "baseline"),
            (3, "applied"),
        ]


def _apply_process(project: Path, url: str, *more: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "schemacog", "migrate", "apply", url, *more],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_a_held_lock_refuses_and_two_appliers_run_each_file_once(
    run_cli: RunCli, engine: str, tmp_path: Path
) -> None:
    with database(engine, tmp_path) as db:
        project = _project(tmp_path, db.dialect)
        url = url_of(db)
        _three(run_cli, project)
        db.catalog()  # the file made (an applier makes a missing one only to change it)
        holder = open_target(url, lock_seconds=0)
        try:
            waited = _apply_process(project, url, "--lock-timeout", "0.5")
            out, err = waited.communicate(timeout=120)
        finally:
            holder.close()
        assert waited.returncode == 1, out + err
        assert out.endswith(": refused; nothing was changed\n"), out
        assert "waited 0.5 s" in out
        assert db.catalog().tables == {}
        both = [_apply_process(project, url), _apply_process(project, url)]
        said = [child.communicate(timeout=300) for child in both]
        assert [child.returncode for child in both] == [0, 0], said
        applied = [
            line for out, _ in said for line in out.splitlines() if line.startswith("applied ")
        ]
        assert sorted(line.split(" (")[0] for line in applied) == sorted(
            f"applied migrations/{db.dialect}/{stem}.sql" for stem in STEMS
        )
        assert [row[:3] for row in _history(db)] == [
            (1, "initial", "applied"),
            (2, "add_nickname", "applied"),
            (3, "nickname_required", "applied"),
        ]


def test_a_mariadb_url_s_charset_other_than_utf8mb4_is_an_error(
    run_cli: RunCli, tmp_path: Path
) -> None:
    with database("mariadb", tmp_path) as db:
        project = _project(tmp_path, db.dialect)
        _new(run_cli, project, "initial", "--from", "empty")
        for charset in ("latin1", "bogus"):
            refused = run_cli("migrate", "apply", f"{url_of(db)}&charset={charset}", cwd=project)
            assert (refused.code, refused.err) == (
                2,
                "schemacog migrate apply: a migration is UTF-8 text: the URL's charset must "
                "be utf8mb4 (or left out)\n",
            )
        assert db.catalog().tables == {}


@pytest.mark.parametrize("engine", ["sqlite", "duckdb"])
def test_appliers_racing_on_a_file_not_made_yet_run_each_file_once(
    run_cli: RunCli, engine: str, tmp_path: Path
) -> None:
    project = _project(tmp_path, engine)
    _three(run_cli, project)
    target = tmp_path / f"new.{engine}"
    url = f"{engine}:///{target}"
    racers = [_apply_process(project, url) for _ in range(4)]
    said = [child.communicate(timeout=300) for child in racers]
    assert [child.returncode for child in racers] == [0, 0, 0, 0], said
    applied = [line for out, _ in said for line in out.splitlines() if line.startswith("applied ")]
    assert len(applied) == 3, said
    assert _rows_of(engine, target) == [(1, "applied"), (2, "applied"), (3, "applied")]


def _rows_of(engine: str, path: Path) -> list[tuple[Any, ...]]:
    query = "SELECT number, state FROM schemacog_migrations ORDER BY number"
    connection: Any
    if engine == "sqlite":
        import sqlite3

        connection = sqlite3.connect(path)
    else:
        import duckdb

        connection = duckdb.connect(str(path))
    try:
        return [tuple(row) for row in connection.execute(query).fetchall()]
    finally:
        connection.close()


def test_a_duckdb_file_left_with_its_write_ahead_log_opens(run_cli: RunCli, tmp_path: Path) -> None:
    """A run stopped hard leaves DuckDB's WAL; reading it again binds the CHECKs'
    chr(), one of DuckDB's own functions (core_functions), which loads as it is needed."""
    pytest.importorskip("duckdb")
    project = _project(tmp_path, "duckdb")
    _new(run_cli, project, "initial", "--from", "empty")
    target = tmp_path / "stopped.duckdb"
    script = project / "migrations" / "duckdb" / "0001_initial.sql"
    stopped = (
        "import duckdb, os, sys\n"
        "c = duckdb.connect(sys.argv[1], config={'autoload_known_extensions': False})\n"
        "c.execute(open(sys.argv[2]).read())\n"
        "os._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", stopped, str(target), str(script)], check=False)
    assert target.with_name(target.name + ".wal").exists()
    status = run_cli("migrate", "status", f"duckdb:///{target}", cwd=project)
    assert status.code == 1, status.err  # read: its tables are there, its history not
    assert status.out.splitlines()[1].startswith("the database differs from nothing")


# a change by hand a next migration would inherit, per engine: what makes it, the line
INHERITED: dict[str, tuple[Callable[[str], str], str]] = {
    "mariadb": (
        lambda ddl: ddl + "ALTER TABLE customer DEFAULT CHARSET=latin1;\n",
        "  customer: DEFAULT COLLATE latin1_swedish_ci (schemacog's is utf8mb4_nopad_bin) in "
        "the database, not in the schema",
    ),
    "duckdb": (
        lambda ddl: ddl.replace(
            "CREATE SEQUENCE customer_id_seq;", "CREATE SEQUENCE customer_id_seq MAXVALUE 10;"
        ),
        "  customer: column id: its sequence runs from 1 to 10 (schemacog's: 1 to "
        "9223372036854775807, no CYCLE) in the database, not in the schema",
    ),
}


@pytest.mark.parametrize("engine", sorted(INHERITED))
def test_what_a_next_migration_would_inherit_is_not_where_it_starts(
    run_cli: RunCli, engine: str, tmp_path: Path
) -> None:
    made, line = INHERITED[engine]
    with database(engine, tmp_path) as db:
        project = _project(tmp_path, db.dialect)
        _new(run_cli, project, "initial", "--from", "empty")
        ddl = _snapshot_ddl(project, "0001_initial", db.dialect)
        assert made(ddl) != ddl
        db.run(made(ddl))
        refused = run_cli("migrate", "apply", url_of(db), "--baseline", "initial", cwd=project)
    assert refused.code == 1, refused.out
    assert line in refused.out.splitlines(), refused.out
