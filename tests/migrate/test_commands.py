"""``migrate plan`` and ``migrate new`` as a user runs them, in real temporary projects
(git repositories): exit codes, what goes to stdout and stderr, the files written, and
what ``check`` then says of the migrations folder."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, RunCli

SHOP = ROOT / "schema" / "shop.yaml"
PYPROJECT = """\
[tool.schemacog]
schema = "schema/shop.yaml"
files = ["sql/*.sql"]
dialect = "sqlite"
migrations = "migrations"
migration_dialects = ["sqlite", "postgres"]
"""
NICKNAME = (
    "      birth_date:  {type: date, nullable: true}\n",
    "      birth_date:  {type: date, nullable: true}\n"
    "      nickname:    {type: text, nullable: true}\n",
)
DROP_THUMBNAIL = (
    "      thumbnail:   {type: binary, nullable: true, description: A small PNG preview.}\n",
    "",
)


def _git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "shop.yaml").write_text(SHOP.read_text(encoding="utf-8"))
    (tmp_path / "sql").mkdir()
    (tmp_path / "sql" / "note.sql").write_text("-- no markers\n")
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "first")
    return tmp_path


def _edit(project: Path, *edits: tuple[str, str]) -> None:
    path = project / "schema" / "shop.yaml"
    text = path.read_text(encoding="utf-8")
    for before, after in edits:
        assert before in text
        text = text.replace(before, after)
    path.write_text(text, encoding="utf-8")


def test_plan_from_git_prints_the_script(project: Path, run_cli: RunCli) -> None:
    _edit(project, NICKNAME)
    done = run_cli("migrate", "plan", "--from", "git:HEAD", cwd=project)
    assert done.code == 0, done.err
    assert done.out.startswith(
        "-- schemacog migration for sqlite\n-- from: git:HEAD:schema/shop.yaml"
    )
    assert (
        "-- in place: add column customer.nickname\nALTER TABLE customer ADD COLUMN nickname TEXT "
        in done.out
    )
    assert not done.err


def test_plan_of_an_unchanged_schema_says_no_changes(project: Path, run_cli: RunCli) -> None:
    done = run_cli("migrate", "plan", "--from", "git:HEAD", "--dialect", "postgres", cwd=project)
    assert done.code == 0
    assert done.out.endswith("-- no changes\n")


def test_destructive_exits_3_with_each_step_at_its_place(project: Path, run_cli: RunCli) -> None:
    _edit(project, DROP_THUMBNAIL, (", thumbnail: iVBORw0KGgo=", ""))
    done = run_cli("migrate", "plan", "--from", "git:HEAD", cwd=project)
    assert done.code == 3
    assert done.out == ""
    line = (SHOP.read_text().split("\n").index("  product:")) + 1
    assert done.err == (
        f"schema/shop.yaml:{line}:3: column thumbnail of table product is dropped, with its "
        "values (destructive: --allow-destructive plans it)\n"
    )
    allowed = run_cli("migrate", "plan", "--from", "git:HEAD", "--allow-destructive", cwd=project)
    assert allowed.code == 0
    assert (
        "-- destructive: drop table product (its rows are copied aside; without thumbnail)\n"
        "DROP TABLE product;\n"
    ) in allowed.out
    assert "INSERT INTO product (sku, name, category, details, price, weight_kg, attributes)" in (
        allowed.out
    )


def test_json_of_a_destructive_plan_has_every_step_and_its_kind(
    project: Path, run_cli: RunCli
) -> None:
    _edit(project, DROP_THUMBNAIL, (", thumbnail: iVBORw0KGgo=", ""))
    done = run_cli("migrate", "plan", "--from", "git:HEAD", "--format", "json", cwd=project)
    assert done.code == 3
    plan = json.loads(done.out)
    assert plan["allowed"] is False
    assert plan["destructive"][0]["message"].startswith("column thumbnail of table product")
    kinds = {step["kind"] for step in plan["steps"]}
    assert kinds == {"table rebuild", "destructive"}
    drop = next(step for step in plan["steps"] if step["kind"] == "destructive")
    assert drop["what"] == "drop table product (its rows are copied aside; without thumbnail)"
    assert plan["rebuilt"] == ["product"]


def test_a_change_with_no_plan_is_an_error_at_the_column(project: Path, run_cli: RunCli) -> None:
    _edit(
        project,
        (
            "      birth_date:  {type: date, nullable: true}",
            "      birth_date:  {type: integer, nullable: true}",
        ),
    )
    _edit(project, ('birth_date: "1815-12-10", ', ""))
    done = run_cli("migrate", "plan", "--from", "git:HEAD", cwd=project)
    assert done.code == 2
    assert done.out == ""
    assert "schema/shop.yaml:" in done.err
    assert (
        "customer.birth_date changes type from date to integer, which has no migration" in done.err
    )
    assert "Traceback" not in done.err


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("git:nosuchrev", "--from:1: git:nosuchrev: fatal:"),
        ("git:", "--from:1: git:: name a revision, as git:HEAD~1"),
        ("git:--output=x", "--from:1: git:--output=x: name a revision"),
        ("missing.yaml", "missing.yaml:"),
    ],
)
def test_a_bad_source_is_an_error(
    project: Path, run_cli: RunCli, source: str, message: str
) -> None:
    done = run_cli("migrate", "plan", "--from", source, cwd=project)
    assert done.code == 2
    assert done.err.startswith(message), done.err
    assert not (project / "x").exists()


def test_new_writes_scripts_and_snapshot_and_check_follows(project: Path, run_cli: RunCli) -> None:
    first = run_cli("migrate", "new", "initial", "--from", "empty", cwd=project)
    assert first.code == 0, first.err
    assert first.out == (
        "wrote migrations/sqlite/0001_initial.sql\n"
        "wrote migrations/postgres/0001_initial.sql\n"
        "wrote migrations/0001_initial.schema.json\n"
    )
    assert run_cli("check", cwd=project).code == 0
    # the first script builds the whole schema in a real SQLite
    database = project / "shop.db"
    script = (project / "migrations" / "sqlite" / "0001_initial.sql").read_text()
    connection = sqlite3.connect(database)
    connection.executescript(script)
    tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"customer", "order", "order_line"} <= tables
    _edit(project, NICKNAME)
    drift = run_cli("check", cwd=project)
    assert drift.code == 1
    assert drift.out.startswith(
        "schema/shop.yaml:1: schema changed since migrations/0001_initial.schema.json "
        "(sqlite, postgres DDL differs); run schemacog migrate new NAME (migrations)\n"
    )
    as_json = json.loads(run_cli("check", "--format", "json", cwd=project).out)
    assert as_json["status"] == "drift"
    assert as_json["migrations"][0]["message"].startswith("schema changed since")
    github = run_cli("check", "--format", "github", cwd=project)
    assert github.out.startswith(
        "::error file=schema/shop.yaml,line=1,title=schemacog migrations::"
    )
    second = run_cli("migrate", "new", "add_nickname", cwd=project)  # from the snapshot
    assert second.code == 0, second.err
    assert "wrote migrations/0002_add_nickname.schema.json" in second.out
    assert run_cli("check", cwd=project).code == 0
    connection.executescript(
        (project / "migrations" / "sqlite" / "0002_add_nickname.sql").read_text()
    )
    columns = [r[1] for r in connection.execute("PRAGMA table_info(customer)")]
    assert "nickname" in columns
    connection.close()


def test_check_finds_a_broken_chain_and_a_shared_number(project: Path, run_cli: RunCli) -> None:
    assert run_cli("migrate", "new", "initial", "--from", "empty", cwd=project).code == 0
    _edit(project, NICKNAME)
    assert run_cli("migrate", "new", "add_nickname", cwd=project).code == 0
    folder = project / "migrations" / "sqlite"
    second = folder / "0002_add_nickname.sql"
    text = second.read_text()
    header = text.split("\n")[1]
    second.write_text(text.replace(header, "-- from: elsewhere (fingerprint 0123456789abcdef)"))
    (project / "migrations" / "0002_again.schema.json").write_text(
        (project / "migrations" / "0002_add_nickname.schema.json").read_text()
    )
    done = run_cli("check", cwd=project)
    assert done.code == 1
    assert "migrations/0002_again.schema.json:1: migration 0002 is also" in done.out
    assert "migrations/sqlite/0002_add_nickname.sql:1: the chain is broken" in done.out


def test_new_refuses_a_destructive_change_and_writes_nothing(
    project: Path, run_cli: RunCli
) -> None:
    assert run_cli("migrate", "new", "initial", "--from", "empty", cwd=project).code == 0
    _edit(project, DROP_THUMBNAIL, (", thumbnail: iVBORw0KGgo=", ""))
    before = sorted(p.name for p in (project / "migrations").rglob("*"))
    done = run_cli("migrate", "new", "drop_thumbnail", cwd=project)
    assert done.code == 3
    assert sorted(p.name for p in (project / "migrations").rglob("*")) == before
    assert run_cli("migrate", "new", "drop_thumbnail", "--allow-destructive", cwd=project).code == 0


@pytest.mark.parametrize("name", ["../x", "Add", "a b", "", "x" * 65, "a/b"])
def test_new_refuses_a_name_that_is_not_one(project: Path, run_cli: RunCli, name: str) -> None:
    done = run_cli("migrate", "new", name, "--from", "empty", cwd=project)
    assert done.code == 2
    assert done.err.startswith("NAME:1: migration name")
    assert not (project / "migrations").exists()


def test_plan_without_a_snapshot_says_what_to_give(project: Path, run_cli: RunCli) -> None:
    done = run_cli("migrate", "plan", cwd=project)
    assert done.code == 2
    assert done.err == (
        "--from:1: no --from given and no snapshot in migrations/ yet: say --from empty (a new "
        "database) or --from git:REV\n"
    )


def test_an_unknown_dialect_is_an_error(project: Path, run_cli: RunCli) -> None:
    done = run_cli("migrate", "plan", "--from", "empty", "--dialect", "oracle", cwd=project)
    assert done.code == 2
    assert done.err.startswith("--dialect:1: unknown dialect 'oracle'")


def test_exit_codes_in_a_real_process(project: Path, run_process: RunCli) -> None:
    _edit(project, DROP_THUMBNAIL, (", thumbnail: iVBORw0KGgo=", ""))
    assert run_process("migrate", "plan", "--from", "git:HEAD", cwd=project).code == 3
    assert (
        run_process(
            "migrate", "plan", "--from", "git:HEAD", "--allow-destructive", cwd=project
        ).code
        == 0
    )


def test_new_without_changes_writes_nothing(project: Path, run_cli: RunCli) -> None:
    assert run_cli("migrate", "new", "initial", "--from", "empty", cwd=project).code == 0
    done = run_cli("migrate", "new", "again", cwd=project)
    assert done.code == 2
    assert done.err == (
        "schema/shop.yaml:1: no changes since migrations/0001_initial.schema.json: "
        "nothing to write\n"
    )
    assert not list((project / "migrations").rglob("0002_*"))


def test_check_without_a_snapshot_says_how_to_start(project: Path, run_cli: RunCli) -> None:
    done = run_cli("check", cwd=project)
    assert done.code == 1
    assert done.out.startswith(
        "schema/shop.yaml:1: migrations are configured but migrations/ holds no snapshot yet"
    )


def test_check_finds_a_dialect_without_its_script(project: Path, run_cli: RunCli) -> None:
    assert run_cli("migrate", "new", "initial", "--from", "empty", cwd=project).code == 0
    (project / "migrations" / "postgres" / "0001_initial.sql").unlink()
    done = run_cli("check", cwd=project)
    assert done.code == 1
    assert (
        "migrations/0001_initial.schema.json:1: migration 0001 has no postgres script "
        "(migrations/postgres/ lacks it) (migrations)"
    ) in done.out


def test_a_snapshot_that_is_a_link_is_refused_not_read(project: Path, run_cli: RunCli) -> None:
    (project / ".env").write_text("GITHUB_TOKEN=ghp_secret\n")
    (project / "migrations").mkdir()
    (project / "migrations" / "0001_evil.schema.json").symlink_to("../.env")
    for command in (("check",), ("migrate", "plan")):
        done = run_cli(*command, cwd=project)
        assert "ghp_secret" not in done.out + done.err
        assert "symbolic link" in done.out + done.err


def test_a_long_value_is_named_not_echoed(project: Path, run_cli: RunCli) -> None:
    (project / "old.yaml").write_text("schemacog: " + "x" * 100_000 + "\n")
    done = run_cli("migrate", "plan", "--from", "old.yaml", cwd=project)
    assert done.code == 2
    assert len(done.err) < 400
    assert "(100000 characters)" in done.err


def test_the_newest_snapshot_is_the_highest_number(project: Path, run_cli: RunCli) -> None:
    assert run_cli("migrate", "new", "initial", "--from", "empty", cwd=project).code == 0
    folder = project / "migrations"
    (folder / "0001_initial.schema.json").rename(folder / "9999_initial.schema.json")
    (folder / "sqlite" / "0001_initial.sql").rename(folder / "sqlite" / "9999_initial.sql")
    (folder / "postgres" / "0001_initial.sql").rename(folder / "postgres" / "9999_initial.sql")
    _edit(project, NICKNAME)
    done = run_cli("migrate", "new", "add_nickname", cwd=project)
    assert done.code == 0, done.err
    assert "wrote migrations/10000_add_nickname.schema.json" in done.out
    _edit(
        project,
        (
            "nickname:    {type: text, nullable: true}",
            "nickname:    {type: string, nullable: true}",
        ),
    )
    plan = run_cli("migrate", "plan", cwd=project)
    assert "-- from: migrations/10000_add_nickname.schema.json" in plan.out, plan.err


def test_a_huge_blob_in_git_is_refused_before_it_is_read(project: Path, run_cli: RunCli) -> None:
    path = project / "schema" / "shop.yaml"
    original = path.read_text()
    path.write_text("# " + "x" * (11 * 1024 * 1024) + "\n" + original)
    _git(project, "commit", "-qam", "huge")
    path.write_text(original)
    done = run_cli("migrate", "plan", "--from", "git:HEAD", cwd=project)
    assert done.code == 2
    assert done.err == (
        "--from:1: git:HEAD:schema/shop.yaml is larger than the 10 MB limit of a schema file\n"
    )


def test_new_leaves_no_staged_file_behind(project: Path, run_cli: RunCli) -> None:
    assert run_cli("migrate", "new", "initial", "--from", "empty", cwd=project).code == 0
    names = sorted(p.name for p in (project / "migrations").rglob("*"))
    assert not [n for n in names if n.startswith(".")]


def test_regen_never_rewrites_a_migration(project: Path, run_cli: RunCli) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('["sql/*.sql"]', '["**/*.sql"]'))
    assert run_cli("migrate", "new", "initial", "--from", "empty", cwd=project).code == 0
    script = project / "migrations" / "sqlite" / "0001_initial.sql"
    marked = script.read_text() + '-- [[[cog sc.sql.ddl("sqlite") ]]]\n-- [[[end]]]\n'
    script.write_text(marked)
    done = run_cli("regen", cwd=project)
    assert done.code == 2
    assert (
        "migrations/sqlite/0001_initial.sql is in the project's migrations folder and holds a "
        "cog marker; schemacog never rewrites it" in done.err
    )
    assert script.read_text() == marked


@pytest.mark.parametrize("option", ["--from", "--to"])
def test_a_schema_given_through_a_link_or_hidden_is_not_read(
    project: Path, run_cli: RunCli, option: str
) -> None:
    secret = project / "secret.env"
    secret.write_text("SECRET_TOKEN=hunter2\n")
    (project / "linked.yaml").symlink_to(secret)
    (project / ".hidden.yaml").write_text("SECRET_TOKEN=hunter2\n")
    for given in ("linked.yaml", ".hidden.yaml"):
        other = ["--to", "schema/shop.yaml"] if option == "--from" else ["--from", "empty"]
        done = run_cli("migrate", "plan", option, given, *other, cwd=project)
        assert done.code == 2
        assert "hunter2" not in done.err
        assert done.err.startswith(f"{option}:1: {given} ")


def test_a_file_that_is_no_schema_is_named_not_shown(project: Path, run_cli: RunCli) -> None:
    (project / "notes.yaml").write_text("SECRET_TOKEN=hunter2\n")
    done = run_cli("migrate", "plan", "--from", "notes.yaml", cwd=project)
    assert done.code == 2
    assert done.err == "notes.yaml:1:1: the schema must be a mapping, found a string\n"


def test_check_refuses_a_script_edited_or_added_by_hand(project: Path, run_cli: RunCli) -> None:
    assert run_cli("migrate", "new", "initial", "--from", "empty", cwd=project).code == 0
    _edit(project, NICKNAME)
    assert run_cli("migrate", "new", "add_nickname", cwd=project).code == 0
    assert run_cli("check", cwd=project).code == 0
    script = project / "migrations" / "postgres" / "0002_add_nickname.sql"
    script.write_text(script.read_text().replace("COMMIT;", "DROP TABLE victim;\nCOMMIT;"))
    extra = project / "migrations" / "postgres" / "0003_extra.sql"
    extra.write_text(script.read_text().split("\n", 3)[0] + "\nDROP TABLE victim2;\n")
    done = run_cli("check", cwd=project)
    assert done.code == 1
    assert (
        "migrations/postgres/0002_add_nickname.sql:1: differs from what schemacog plans from "
        "migrations/0001_initial.schema.json to migrations/0002_add_nickname.schema.json"
    ) in done.out
    assert "migrations/postgres/0003_extra.sql:1: migration 0003 has no snapshot" in done.out


def test_a_first_migration_from_git_keeps_where_it_started(project: Path, run_cli: RunCli) -> None:
    _edit(project, NICKNAME)
    done = run_cli("migrate", "new", "add_nickname", "--from", "git:HEAD", cwd=project)
    assert done.code == 0, done.err
    assert "wrote migrations/0001_add_nickname.from.schema.json" in done.out
    assert run_cli("check", cwd=project).code == 0
    script = project / "migrations" / "sqlite" / "0001_add_nickname.sql"
    script.write_text(script.read_text() + "DELETE FROM customer;\n")
    assert "differs from what schemacog plans from" in run_cli("check", cwd=project).out
