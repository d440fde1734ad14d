"""``schemacog verify`` on real projects: each failure class, engines, skips and --require."""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, RunCli

from schemacog.db import engines
from schemacog.db.backends import BACKENDS

SCHEMA = """schemacog: 1
name: tiny
tables:
  thing:
    columns:
      id: {type: integer, primary_key: true}
      n: {type: integer, min: 0}
    examples:
      - {id: 1, n: 5}
    invalid_examples:
      - {row: {id: 2, n: -1}, reason: negative}
"""


def project(root: Path, files: dict[str, str], templates: dict[str, str] | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "schema.yaml").write_text(SCHEMA, encoding="utf-8")
    config = '[tool.schemacog]\nschema = "schema.yaml"\nfiles = ["out/**/*"]\n'
    if templates is not None:
        config += 'templates = "templates"\n'
        (root / "templates").mkdir()
        for name, text in templates.items():
            (root / "templates" / name).write_text(text, encoding="utf-8")
    (root / "pyproject.toml").write_text(config, encoding="utf-8")
    for name, text in files.items():
        path = root / "out" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


MODELS = (
    '"""Generated."""\n\n'
    "# [[[cog sc.python.imports() ]]]\n# [[[end]]]\n\n\n"
    '# [[[cog sc.python.pydantic("thing") ]]]\n# [[[end]]]\n\n\n'
    '# [[[cog sc.python.validator("thing") ]]]\n# [[[end]]]\n'
)


def regen_then_verify(run_cli: RunCli, root: Path, *args: str) -> tuple[int, str]:
    regen = run_cli("regen", cwd=root)
    assert regen.code == 0, regen.err
    result = run_cli("verify", *args, cwd=root)
    assert "Traceback" not in result.err
    return result.code, result.out + result.err


def test_repository_example_verifies_on_all_engines(run_process: RunCli) -> None:
    required = all(os.environ.get(f"SCHEMACOG_REQUIRE_{e}") == "1" for e in ("POSTGRES", "MARIADB"))
    args = ["--require"] if required else []
    result = run_process("verify", *args, cwd=ROOT)
    assert result.code == 0, result.out + result.err
    assert "failed" not in result.out.replace("0 failed", "")
    assert "examples in python validator" in result.out


def test_a_template_that_drops_a_check_is_caught(run_process: RunCli, tmp_path: Path) -> None:
    template = "CREATE TABLE thing (id INTEGER PRIMARY KEY, n INTEGER NOT NULL);\n"
    root = project(
        tmp_path / "p",
        {
            "m.py": MODELS,
            "s.sql": '-- [[[cog sc.template("ddl.j2", dialect="sqlite") ]]]\n-- [[[end]]]\n',
        },
        {"ddl.j2": template},
    )
    code, output = regen_then_verify(run_process, root, "--engines", "sqlite")
    assert code == 1
    line = next(line for line in output.splitlines() if line.startswith("examples in sqlite"))
    assert "failed" in line
    assert (
        "thing invalid example at schema.yaml:11:9: sqlite accepted it, but it breaks "
        "ck_thing_n_min (min of n)" in line
    )
    assert "examples in python validator" in output
    assert "schemacog verify: " in output


def test_a_generated_module_that_raises_at_import(run_cli: RunCli, tmp_path: Path) -> None:
    root = project(
        tmp_path / "p",
        {"m.py": MODELS + '\n\n# [[[cog sc.template("boom.j2") ]]]\n# [[[end]]]\n'},
        {"boom.j2": 'raise RuntimeError("boom from a template")\n'},
    )
    code, output = regen_then_verify(run_cli, root, "--engines", "sqlite")
    assert code == 1
    assert "python imports (isolated)" in output
    assert "out/m.py: import failed:" in output
    assert "RuntimeError: boom from a template" in output
    # what depends on the import checked nothing: failed, saying why, never "ok 0 rows"
    for layer in ("validator", "pydantic"):
        assert re.search(
            rf"examples in python {layer}\s+failed\s+not run: the generated Python did not "
            "import",
            output,
        ), output


def test_every_ok_step_says_what_it_covered_and_the_summary_totals_the_rows(
    run_cli: RunCli, tmp_path: Path
) -> None:
    root = project(tmp_path / "p", {"m.py": MODELS})
    code, output = regen_then_verify(run_cli, root, "--engines", "sqlite,duckdb")
    assert code == 0, output
    lines = output.splitlines()
    for line in lines[:-1]:
        if re.search(r"\s ok\s", line):
            assert re.search(r"\d+ (file|module|row|statement)\(s\)|\d+ accepted", line), line
    assert lines[-1] == (
        "schemacog verify: 12 ok, 0 failed, 0 skipped; "
        "example rows tried: python 4, sqlite 2, duckdb 2"
    )


def test_a_schema_without_examples_skips_the_example_steps(run_cli: RunCli, tmp_path: Path) -> None:
    root = project(tmp_path / "p", {"m.py": MODELS})
    schema = root / "schema.yaml"
    schema.write_text(SCHEMA.split("    examples:", maxsplit=1)[0], encoding="utf-8")
    code, output = regen_then_verify(run_cli, root, "--engines", "sqlite")
    assert code == 0, output
    for step in (
        "examples in python validator",
        "examples in python pydantic",
        "examples in sqlite",
    ):
        assert re.search(rf"{step}\s+skipped\s+the schema has no examples", output), output


def test_unsafe_calls_in_generated_code_are_flagged_with_their_line(
    run_cli: RunCli, tmp_path: Path
) -> None:
    root = project(
        tmp_path / "p",
        {
            "m.py": '"""Generated."""\n\n# [[[cog sc.template("bad.j2") ]]]\n# [[[end]]]\n'
            '\nimport os\nos.system("hand-written")\n'
        },
        {"bad.j2": 'import os\n\nos.system("echo hi")\nvalue = eval("1")\n'},
    )
    code, output = regen_then_verify(run_cli, root, "--engines", "sqlite")
    assert code == 1
    assert "out/m.py:6: call of os.system: os.system() runs a shell command" in output
    assert "out/m.py:7: call of eval: eval() runs arbitrary code" in output
    assert ":11: call of os.system" not in output  # hand-written code is the user's own


def test_an_engine_given_but_unreachable_fails(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Settings given (flag or environment variable) and no engine: a failure, not a skip."""
    root = project(tmp_path / "p", {"m.py": MODELS})
    dsn = "host=/nonexistent-socket-dir dbname=x connect_timeout=2"
    code, output = regen_then_verify(
        run_cli, root, "--engines", "sqlite,postgres", "--dsn-postgres", dsn
    )
    assert code == 1, output
    [line] = [x for x in output.splitlines() if x.startswith("sql postgres: DDL executes")]
    assert re.search(r"DDL executes\s+failed\s+cannot connect to PostgreSQL", line), line
    monkeypatch.setenv("SCHEMACOG_POSTGRES_DSN", dsn)
    result = run_cli("verify", "--engines", "postgres", cwd=root)
    assert result.code == 1, result.out
    assert re.search(r"sql postgres: DDL executes\s+failed", result.out), result.out


def test_an_engine_with_no_settings_and_no_local_server_is_skipped(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only then is it a skip, saying how to give it; --require makes it a failure."""
    root = project(tmp_path / "p", {"m.py": MODELS})
    for variable in ("SCHEMACOG_POSTGRES_DSN", *BACKENDS["postgres"].driver_variables):
        monkeypatch.delenv(variable, raising=False)
    no_server = "host=/nonexistent-socket-dir dbname=postgres connect_timeout=2"
    monkeypatch.setattr(engines, "LOCAL_POSTGRES", no_server)  # no local server there
    code, output = regen_then_verify(run_cli, root, "--engines", "sqlite,postgres")
    assert code == 0, output
    [line] = [x for x in output.splitlines() if x.startswith("sql postgres: DDL executes")]
    said = "skipped  no local server, and none given (--dsn-postgres or SCHEMACOG_POSTGRES_DSN)"
    assert re.search(r"DDL executes\s+" + re.escape(said), line), line
    result = run_cli("verify", "--engines", "postgres", "--require", cwd=root)
    assert result.code == 1
    assert re.search(r"sql postgres: DDL executes\s+failed", result.out), result.out


def test_libpq_variables_are_settings_given(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PGHOST (and the other variables libpq reads) point verify at a server: one that
    does not answer is a failure, as a CI job that sets them expects."""
    root = project(tmp_path / "p", {"m.py": MODELS})
    monkeypatch.delenv("SCHEMACOG_POSTGRES_DSN", raising=False)
    monkeypatch.setenv("PGHOST", "/nonexistent-socket-dir")
    monkeypatch.setenv("PGCONNECT_TIMEOUT", "2")
    code, output = regen_then_verify(run_cli, root, "--engines", "postgres")
    assert code == 1, output
    assert re.search(
        r"DDL executes\s+failed\s+the connection the driver reads from PGHOST failed", output
    ), output
    assert re.search(r"examples in postgres\s+failed\s+not run: sql postgres: DDL", output)


@pytest.mark.parametrize(
    ("engine", "setting"),
    [
        ("postgres", ("SCHEMACOG_POSTGRES_DSN", "")),
        ("postgres", ("SCHEMACOG_POSTGRES_DSN", "   ")),
        ("postgres", ("PGSERVICE", "")),
        ("postgres", ("PGHOST", " ")),
        ("mariadb", ("SCHEMACOG_MARIADB_URL", "")),
    ],
)
def test_a_connection_variable_set_but_empty_is_a_failure(
    run_cli: RunCli,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    engine: str,
    setting: tuple[str, str],
) -> None:
    """A CI secret that is missing expands to nothing: that is said, never a silent skip."""
    root = project(tmp_path / "p", {"m.py": MODELS})
    variable, value = setting
    monkeypatch.setenv(variable, value)
    code, output = regen_then_verify(run_cli, root, "--engines", engine)
    assert code == 1, output
    assert re.search(rf"DDL executes\s+failed\s+{variable} is set but empty", output), output


def test_pgdatabase_names_the_database_verify_works_in(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path / "p", {"m.py": MODELS})
    monkeypatch.delenv("SCHEMACOG_POSTGRES_DSN", raising=False)
    monkeypatch.setenv("PGDATABASE", "schemacog_no_such_database")
    code, output = regen_then_verify(run_cli, root, "--engines", "postgres")
    assert code == 1, output
    assert re.search(
        r"DDL executes\s+failed\s+the connection the driver reads from PGDATABASE failed:\n"
        r".*schemacog_no_such_database",
        output,
    ), output


def test_a_mariadb_url_the_driver_cannot_use_is_a_failed_step(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """PyMySQL's own faults (an unknown charset, a password it cannot encode) are said
    without a traceback, and without the password."""
    root = project(tmp_path / "p", {"m.py": MODELS})
    socket = engines.LOCAL_MARIADB["unix_socket"]
    for url in (
        f"mysql://root@localhost/?unix_socket={socket}&charset=nope",
        f"mysql://root:S3cr%E2%82%ACtPW@localhost/?unix_socket={socket}",
    ):
        code, output = regen_then_verify(
            run_cli, root, "--engines", "mariadb", "--dsn-mariadb", url
        )
        if "no server socket" in output and not os.environ.get("SCHEMACOG_REQUIRE_MARIADB"):
            pytest.skip("mariadb not available")
        assert code == 1, output
        assert re.search(r"DDL executes\s+failed\s+cannot connect to MariaDB", output), output
        assert "S3cr" not in output
        assert "\u20ac" not in output


def test_a_missing_driver_says_what_to_install(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path / "p", {"m.py": MODELS})
    monkeypatch.setitem(sys.modules, "duckdb", None)  # import duckdb: ImportError
    code, output = regen_then_verify(run_cli, root, "--engines", "duckdb")
    assert code == 0, output
    [line] = [x for x in output.splitlines() if x.startswith("sql duckdb: DDL executes")]
    assert re.search(
        r"skipped\s+duckdb is not installed \(pip install 'schemacog\[verify\]'\)$", line
    ), line
    assert re.search(r"examples in duckdb\s+skipped\s+not run: sql duckdb: DDL", output)


def test_a_connection_given_for_an_engine_not_run_is_a_usage_error(
    run_cli: RunCli, tmp_path: Path
) -> None:
    root = project(tmp_path / "p", {"m.py": MODELS})
    result = run_cli("verify", "--engines", "sqlite", "--dsn-postgres", "host=x", cwd=root)
    assert result.code == 2
    assert result.err.startswith("--dsn-postgres:1: --dsn-postgres is given but postgres is not")


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("postgresql://bob:S3cretPW@127.0.0.1/x", "'postgresql://' is not a URL for mariadb"),
        (
            "mysql://bob:S3cretPW@127.0.0.1/?socket=/x",
            "an unknown URL parameter (known here: charset, unix_socket",
        ),
        ("mysql://bob:S3cretPW@127.0.0.1:70000/", "the URL's port is not a number"),
        ("bob:S3cretPW@127.0.0.1", "not a database URL: it must start with mysql://"),
    ],
)
def test_a_mariadb_url_is_read_by_the_shared_parser(
    run_cli: RunCli, tmp_path: Path, url: str, said: str
) -> None:
    root = project(tmp_path / "p", {"m.py": MODELS})
    code, output = regen_then_verify(run_cli, root, "--engines", "mariadb", "--dsn-mariadb", url)
    assert code == 1
    assert "S3cretPW" not in output
    assert re.search(
        r"DDL executes\s+failed\s+the MariaDB URL cannot be used: " + re.escape(said), output
    ), output


def test_a_mariadb_url_names_its_socket_and_database(run_cli: RunCli, tmp_path: Path) -> None:
    """?unix_socket= and the database of the URL are used, not ignored."""
    root = project(tmp_path / "p", {"m.py": MODELS})
    socket = engines.LOCAL_MARIADB["unix_socket"]
    url = f"mysql://root@localhost/?unix_socket={socket}"
    code, output = regen_then_verify(run_cli, root, "--engines", "mariadb", "--dsn-mariadb", url)
    if re.search(r"DDL executes\s+skipped", output) and not os.environ.get(
        "SCHEMACOG_REQUIRE_MARIADB"
    ):
        pytest.skip("mariadb not available")
    assert code == 0, output
    assert re.search(r"examples in mariadb\s+ok\s+1 accepted, 1 refused", output), output
    missing = f"mysql://root@localhost/schemacog_no_such_database?unix_socket={socket}"
    code, output = regen_then_verify(
        run_cli, root, "--engines", "mariadb", "--dsn-mariadb", missing
    )
    assert code == 1
    assert re.search(
        r"DDL executes\s+failed\s+cannot connect to MariaDB: .*Unknown database", output
    )
    wrong = f"mysql://root@localhost/?unix_socket={socket}-not-there"
    code, output = regen_then_verify(run_cli, root, "--engines", "mariadb", "--dsn-mariadb", wrong)
    assert code == 1
    assert re.search(r"DDL executes\s+failed\s+cannot connect to MariaDB", output), output


def test_the_examples_of_an_engine_whose_ddl_failed_are_failed_not_run(
    run_cli: RunCli, tmp_path: Path
) -> None:
    root = project(
        tmp_path / "p",
        {
            "m.py": MODELS,
            "s.sql": '-- [[[cog sc.template("bad.j2", dialect="sqlite") ]]]\n-- [[[end]]]\n',
        },
        {"bad.j2": "CREATE TABLE thing (id INTEGER PRIMARY KEY);\nCREATE TABLE thing (n);\n"},
    )
    code, output = regen_then_verify(run_cli, root, "--engines", "sqlite")
    assert code == 1
    assert re.search(r"sql sqlite: DDL executes\s+failed\s+out/s.sql:1: ", output), output
    assert re.search(
        r"examples in sqlite\s+failed\s+not run: sql sqlite: DDL executes failed", output
    ), output


def test_template_regions_run_after_the_tables_they_build_on(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """A template (a view, seed rows) in a file sorted before the tables' file."""
    root = project(
        tmp_path / "p",
        {
            "m.py": MODELS,
            "a_views.sql": '-- [[[cog sc.template("view.j2", dialect="sqlite") ]]]\n-- [[[end]]]\n',
            "b_tables.sql": '-- [[[cog sc.sql.create_table("thing", "sqlite") ]]]\n-- [[[end]]]\n',
        },
        {"view.j2": "CREATE VIEW big_thing AS SELECT id FROM thing WHERE n > 10;\n"},
    )
    code, output = regen_then_verify(run_cli, root, "--engines", "sqlite")
    assert code == 0, output
    step = output.split("sql sqlite: DDL executes", 1)[1].split("examples in", 1)[0]
    assert step.index("out/b_tables.sql:1") < step.index("out/a_views.sql:1"), step


def test_json_report_and_usage_errors(run_process: RunCli, tmp_path: Path) -> None:
    root = project(tmp_path / "p", {"m.py": MODELS})
    code, output = regen_then_verify(
        run_process, root, "--engines", "sqlite,duckdb", "--format", "json"
    )
    assert code == 0
    document = json.loads(output)
    assert document["exit_code"] == 0
    names = [step["name"] for step in document["steps"]]
    assert "examples in duckdb" in names
    bad = run_process("verify", "--engines", "oracle", cwd=root)
    assert bad.code == 2
    assert "unknown engine 'oracle'" in bad.err


@pytest.mark.parametrize("engine", ["duckdb", "postgres", "mariadb"])
def test_throwaway_databases_are_cleaned_up(run_cli: RunCli, tmp_path: Path, engine: str) -> None:
    root = project(tmp_path / "p", {"m.py": MODELS})
    leftovers = THROWAWAY_NAMES.get(engine)
    before = _available(leftovers)
    code, output = regen_then_verify(run_cli, root, "--engines", engine)
    ddl = next(x for x in output.splitlines() if x.startswith(f"sql {engine}: DDL executes"))
    if "skipped" in ddl and os.environ.get(f"SCHEMACOG_REQUIRE_{engine.upper()}") != "1":
        pytest.skip(f"{engine} not available")
    assert code == 0, output
    if leftovers is not None and before is not None:
        assert _new_names_that_stay(leftovers, before) == set()


def _available(names: Callable[[], set[str]] | None) -> set[str] | None:
    """The throwaway names on the server now; None when there is no server to ask."""
    if names is None:
        return None
    try:
        return names()
    except Exception:  # no server (or no driver) to ask: verify reports the skip itself
        return None


def _new_names_that_stay(names: Callable[[], set[str]], before: set[str]) -> set[str]:
    """Names that appeared since ``before`` and are still there once other runs could end.

    The servers are shared: another run of verify may hold its own throwaway database
    while this one ends. Those vanish within seconds; a leftover of this run never does.
    """
    deadline = time.monotonic() + 20
    new = names() - before
    while new and time.monotonic() < deadline:
        time.sleep(0.5)
        new &= names()
    return new


def _postgres_schemas() -> set[str]:
    import psycopg

    dsn = os.environ.get("SCHEMACOG_TEST_POSTGRES_DSN", "dbname=postgres")
    with psycopg.connect(dsn) as connection:
        rows = connection.execute(
            "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'schemacog_%'"
        ).fetchall()
    return {row[0] for row in rows}


def _mariadb_databases() -> set[str]:
    import pymysql

    from schemacog.db.engines import mariadb_dsn

    connection = pymysql.connect(**mariadb_dsn(os.environ.get("SCHEMACOG_TEST_MARIADB_URL")))
    try:
        with connection.cursor() as cursor:
            cursor.execute("SHOW DATABASES LIKE 'schemacog\\_%'")
            return {row[0] for row in cursor.fetchall()}
    finally:
        connection.close()


THROWAWAY_NAMES: dict[str, Callable[[], set[str]]] = {
    "postgres": _postgres_schemas,
    "mariadb": _mariadb_databases,
}

CLEANER = (
    MODELS
    + '\n\n# [[[cog sc.python.dataclass("thing") ]]]\n# [[[end]]]\n\n\n'
    + '# [[[cog sc.python.cleaner("thing") ]]]\n# [[[end]]]\n'
)


@pytest.mark.parametrize("spelling", ['("thing")', '(table="thing")'])
def test_examples_go_through_the_cleaners_as_raw_text(
    run_cli: RunCli, tmp_path: Path, spelling: str
) -> None:
    root = project(tmp_path / "p", {"m.py": CLEANER.replace('("thing")', spelling)})
    code, output = regen_then_verify(run_cli, root, "--engines", "sqlite")
    assert code == 0, output
    line = next(line for line in output.splitlines() if "examples in python cleaner" in line)
    assert line.split()[4:] == ["ok", "2", "row(s)", "as", "expected"]


def test_a_cleaner_that_disagrees_with_the_examples_is_caught(
    run_cli: RunCli, tmp_path: Path
) -> None:
    wrong = (
        "def clean_thing(raw: object) -> tuple[Thing, list[str]]:  # noqa: F811\n"
        "    return Thing(id=1, n=-1), []\n\n\n"
    )
    root = project(
        tmp_path / "p",
        {"m.py": CLEANER + '\n\n# [[[cog sc.template("wrong.j2") ]]]\n# [[[end]]]\n'},
        {"wrong.j2": wrong},
    )
    code, output = regen_then_verify(run_cli, root, "--engines", "sqlite")
    assert code == 1
    line = next(line for line in output.splitlines() if "examples in python cleaner" in line)
    assert "failed" in line
    assert "thing example at schema.yaml:9:9: the cleaner read n differently" in output
    assert (
        "thing invalid example at schema.yaml:11:9: the cleaner accepted it, but it breaks min (n)"
        in output
    )


@pytest.mark.parametrize("call", ['sc.sql.ddl("sqlite")', 'sc.sql.ddl(dialect="sqlite")'])
def test_sql_files_are_found_by_their_dialect_given_by_position_or_keyword(
    run_cli: RunCli, tmp_path: Path, call: str
) -> None:
    root = project(
        tmp_path / "p", {"m.py": MODELS, "sqlite.sql": f"-- [[[cog {call} ]]]\n-- [[[end]]]\n"}
    )
    code, output = regen_then_verify(run_cli, root, "--engines", "sqlite")
    assert code == 0, output
    ddl = next(x for x in output.splitlines() if x.startswith("sql sqlite: DDL executes"))
    assert ddl.endswith("statement(s): out/sqlite.sql:1"), ddl


FILM = """schemacog: 1
name: film
enums:
  mpaa_rating:
    values: {G: general, PG: parental, R: restricted}
tables:
  language:
    columns:
      id: {type: integer, primary_key: true}
    examples:
      - {id: 1}
  film:
    columns:
      id: {type: integer, primary_key: true}
      rating: {type: enum, enum: mpaa_rating, default: G}
      language_id: {type: integer, references: language.id}
    examples:
      - {id: 1, language_id: 1}
    invalid_examples:
      - {row: {id: 2, language_id: 1, rating: NC-17}, reason: rating}
"""


@pytest.mark.parametrize("dialect", ["sqlite", "postgres"])
def test_a_ddl_region_and_table_regions_of_a_dialect_each_run_in_their_own_database(
    run_cli: RunCli, tmp_path: Path, dialect: str
) -> None:
    """The layout of a real project: sc.sql.ddl in one file, create_enum/create_table
    regions in another (in any order). Each ddl region runs alone, the other regions
    together in dependency order, and nothing around the regions runs."""
    root = project(tmp_path / "p", {})
    (root / "schema.yaml").write_text(FILM, encoding="utf-8")
    folder = root / "out" / dialect
    folder.mkdir(parents=True)
    (folder / "schema.sql").write_text(f'-- [[[cog sc.sql.ddl("{dialect}") ]]]\n-- [[[end]]]\n')
    film = (
        f'-- [[[cog sc.sql.create_table("film", "{dialect}") ]]]\n-- [[[end]]]\n'
        f'-- [[[cog sc.sql.create_enum("mpaa_rating", dialect="{dialect}") ]]]\n-- [[[end]]]\n'
        f'-- [[[cog sc.sql.create_table("language", dialect="{dialect}") ]]]\n-- [[[end]]]\n'
        "DROP TABLE film;  -- hand-written: verify runs only what schemacog generated\n"
    )
    (folder / "film.sql").write_text(film)
    code, output = regen_then_verify(run_cli, root, "--engines", dialect)
    assert code == 0, output
    step = output.split(f"sql {dialect}: DDL executes", 1)[1].split("examples in", 1)[0]
    assert f"out/{dialect}/schema.sql:1" in step
    assert re.search(rf"statement\(s\): out/{dialect}/film.sql:\d+", step), step
    assert re.search(rf"examples in {dialect}\s+ok\s+2 accepted, 1 refused", output), output
    # an error names the region that makes it: a table created twice
    (folder / "film.sql").write_text(
        film + f'-- [[[cog sc.sql.create_table("language", dialect="{dialect}") ]]]\n-- [[[end]]]\n'
    )
    code, output = regen_then_verify(run_cli, root, "--engines", dialect)
    assert code == 1
    assert re.search(rf"sql {dialect}: DDL executes\s+failed", output), output
    assert re.search(rf"\s+out/{dialect}/film.sql:\d+: .*language.* already exists", output)


def test_the_verify_extra_brings_everything_verify_runs() -> None:
    """duckdb, psycopg, PyMySQL, pydantic, and ruff at the version the tests pin."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    extras = config["project"]["optional-dependencies"]
    names = {re.split(r"[\[<>=]", spec)[0].lower() for spec in extras["verify"]}
    assert names >= {"duckdb", "psycopg", "pymysql", "pydantic", "ruff"}
    ruff = [spec for spec in extras["verify"] if spec.startswith("ruff")]
    assert ruff == [spec for spec in extras["test"] if spec.startswith("ruff")]


@pytest.mark.parametrize(
    "dsn", ["postgresql://bob:S3cret%zzPW@127.0.0.1/x", "host=127.0.0.1 password=S3cret PW"]
)
def test_a_password_in_a_connection_string_is_never_shown(
    run_cli: RunCli, tmp_path: Path, dsn: str
) -> None:
    """libpq echoes a DSN it cannot parse, and with it a password."""
    root = project(tmp_path / "p", {"m.py": MODELS})
    code, output = regen_then_verify(run_cli, root, "--engines", "postgres", "--dsn-postgres", dsn)
    assert code == 1
    assert "S3cret" not in output
    assert "not shown: it holds a password" in output


def test_a_mariadb_url_with_a_bad_port_is_a_failure_not_a_traceback(
    run_cli: RunCli, tmp_path: Path
) -> None:
    root = project(tmp_path / "p", {"m.py": MODELS})
    url = "mysql://bob:S3cretPW@127.0.0.1:abc/"
    code, output = regen_then_verify(run_cli, root, "--engines", "mariadb", "--dsn-mariadb", url)
    assert code == 1
    assert re.search(
        r"DDL executes\s+failed\s+the MariaDB URL cannot be used: the URL's port", output
    )


def test_a_cleaner_step_with_nothing_to_try_is_skipped_and_after_a_failed_import_failed(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """Never 'ok 0 row(s)': skipped with the reason, or failed when the import failed."""
    root = project(tmp_path / "p", {"m.py": CLEANER})
    schema = root / "schema.yaml"
    schema.write_text(SCHEMA.split("    examples:", maxsplit=1)[0], encoding="utf-8")
    code, output = regen_then_verify(run_cli, root, "--engines", "sqlite")
    assert code == 0, output
    assert re.search(r"examples in python cleaner\s+skipped\s+the schema has no examples", output)
    other = "  other:\n    columns:\n      id: {type: integer}\n    examples:\n      - {id: 1}\n"
    schema.write_text(SCHEMA.split("    examples:", maxsplit=1)[0] + other, encoding="utf-8")
    code, output = regen_then_verify(run_cli, root, "--engines", "sqlite")
    assert code == 0, output
    said = r"examples in python cleaner\s+skipped\s+no example of a table with a cleaner \(thing\)"
    assert re.search(said, output), output
    schema.write_text(SCHEMA, encoding="utf-8")
    raises = CLEANER + '\n\n# [[[cog sc.template("boom.j2") ]]]\n# [[[end]]]\n'
    project(root, {"m.py": raises}, {"boom.j2": "raise RuntimeError('at import')\n"})
    assert run_cli("regen", cwd=root).code == 0
    result = run_cli("verify", "--engines", "sqlite", cwd=root)
    assert result.code == 1
    for name in ("validator", "pydantic", "cleaner"):
        assert re.search(rf"examples in python {name}\s+failed\s+not run: ", result.out), result.out


def test_a_compile_error_fails_the_cleaner_step_too(run_cli: RunCli, tmp_path: Path) -> None:
    root = project(tmp_path / "p", {"m.py": CLEANER})
    run_cli("regen", cwd=root)
    path = root / "out" / "m.py"
    path.write_text(path.read_text(encoding="utf-8") + "\ndef broken(:\n", encoding="utf-8")
    result = run_cli("verify", "--engines", "sqlite", cwd=root)
    assert result.code == 1
    assert re.search(r"python compiles\s+failed", result.out), result.out
    for name in ("validator", "pydantic", "cleaner"):
        assert re.search(
            rf"examples in python {name}\s+failed\s+not run: the generated Python does not compile",
            result.out,
        ), result.out


def test_only_sql_regions_run_as_sql(run_cli: RunCli, tmp_path: Path) -> None:
    """A docs region in a .sql file holds text from the schema (a description), never
    SQL that verify runs."""
    root = project(
        tmp_path / "p",
        {
            "m.py": MODELS,
            "a.sql": '-- [[[cog sc.docs.table("thing") ]]]\n-- [[[end]]]\n'
            '-- [[[cog sc.sql.create_table("thing", "sqlite") ]]]\n-- [[[end]]]\n',
        },
    )
    schema = root / "schema.yaml"
    schema.write_text(
        SCHEMA.replace(
            "  thing:\n", "  thing:\n    description: 'x; DROP TABLE thing; SELECT 1'\n"
        ),
        encoding="utf-8",
    )
    code, output = regen_then_verify(run_cli, root, "--engines", "sqlite")
    assert code == 0, output
    step = output.split("sql sqlite: DDL executes", 1)[1].split("examples in", 1)[0]
    assert re.findall(r"out/a\.sql:\d+", step) != ["out/a.sql:1"]
    assert len(re.findall(r"out/a\.sql:\d+", step)) == 1, step


def test_a_module_is_imported_only_when_all_its_code_is_generated_as_rendered(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """A hand-written decorator above a generated class is code too; a file that differs
    from the render holds text schemacog did not write. Neither is imported."""
    decorated = MODELS.replace(
        '# [[[cog sc.python.pydantic("thing") ]]]',
        "@print  # hand-written, above the class the region holds\n"
        '# [[[cog sc.python.pydantic("thing") ]]]',
    )
    root = project(tmp_path / "p", {"m.py": decorated})
    _, output = regen_then_verify(run_cli, root, "--engines", "sqlite")
    assert re.search(
        r"not imported, as not all their code is generated: out/m.py "
        r"\(code outside its regions at line \d+\)",
        output,
    ), output
    assert "no module of the project; the built-in renderers stand in for thing" in output
    path = root / "out" / "m.py"
    project(root, {"m.py": MODELS})
    assert run_cli("regen", cwd=root).code == 0
    rendered = path.read_text(encoding="utf-8")
    edited = rendered.replace("class ThingModel", "X = 1\n\n\nclass ThingModel", 1)
    assert edited != rendered
    path.write_text(edited, encoding="utf-8")
    result = run_cli("verify", "--engines", "sqlite", cwd=root)
    assert result.code == 1
    assert "out/m.py (it differs from the schema: run schemacog regen)" in result.out


def test_verify_holds_at_most_two_databases_of_an_engine_open(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each sc.sql.ddl region runs in a database of its own, dropped once it ran; only the
    examples' database stays open (a server's connections are shared)."""
    regions = '-- [[[cog sc.sql.ddl("sqlite") ]]]\n-- [[[end]]]\n' * 12
    root = project(tmp_path / "p", {"m.py": MODELS, "many.sql": regions})
    alive = {"now": 0, "most": 0}
    opened, closed = engines.SqliteEngine.__init__, engines.SqliteEngine.close

    def counting_init(self: engines.SqliteEngine) -> None:
        opened(self)
        alive["now"] += 1
        alive["most"] = max(alive["most"], alive["now"])

    def counting_close(self: engines.SqliteEngine) -> None:
        closed(self)
        alive["now"] -= 1

    monkeypatch.setattr(engines.SqliteEngine, "__init__", counting_init)
    monkeypatch.setattr(engines.SqliteEngine, "close", counting_close)
    code, output = regen_then_verify(run_cli, root, "--engines", "sqlite")
    assert code == 0, output
    assert output.count("statement(s): out/many.sql:") == 12
    assert alive == {"now": 0, "most": 2}


_SWALLOW = """DO $$ BEGIN
  LOOP
    BEGIN PERFORM pg_sleep(1); EXCEPTION WHEN query_canceled THEN NULL; END;
  END LOOP;
END $$;"""
_TRICKLE = """CREATE PROCEDURE trickle() BEGIN
  DECLARE i INT DEFAULT 0;
  WHILE i < 1000 DO SELECT 1; DO SLEEP(1); SET i = i + 1; END WHILE;
END;
CALL trickle();"""
_ENDLESS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c;"


@pytest.mark.parametrize(
    ("engine", "sleep"),
    [
        ("postgres", "SELECT pg_sleep(30);"),
        ("mariadb", "SELECT SLEEP(30);"),
        # the script turns the server's timeout off: the client stops it
        ("postgres", "SET statement_timeout = 0;\nSELECT pg_sleep(60);"),
        ("mariadb", "SET SESSION max_statement_time = 0;\nSELECT SLEEP(60);"),
        ("sqlite", _ENDLESS),
        ("duckdb", _ENDLESS),
        # a block that catches the cancel: the session is ended
        ("postgres", "SET statement_timeout = 0;\n" + _SWALLOW),
        # results that trickle in, each within the driver's read timeout
        ("mariadb", "SET SESSION max_statement_time = 0;\n" + _TRICKLE),
    ],
)
def test_a_statement_that_runs_too_long_is_stopped_and_failed(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str, sleep: str
) -> None:
    root = project(
        tmp_path / "p",
        {
            "m.py": MODELS,
            "s.sql": f'-- [[[cog sc.template("slow.j2", dialect="{engine}") ]]]\n-- [[[end]]]\n',
        },
        {"slow.j2": sleep + "\n"},
    )
    monkeypatch.setattr(engines, "STATEMENT_SECONDS", 1)
    started = time.monotonic()
    code, output = regen_then_verify(run_cli, root, "--engines", engine)
    if re.search(r"DDL executes\s+skipped", output) and not os.environ.get(
        f"SCHEMACOG_REQUIRE_{engine.upper()}"
    ):
        pytest.skip(f"{engine} not available")
    assert time.monotonic() - started < 40
    assert code == 1, output
    assert re.search(rf"sql {engine}: DDL executes\s+failed\s+out/s.sql:1: ", output), output


_SLOW_TRIGGER = {
    "postgres": """CREATE TABLE thing (id integer PRIMARY KEY, n integer CHECK (n >= 0));
SET statement_timeout = 0;
CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_sleep(100000); RETURN NEW; END $$;
CREATE TRIGGER slow BEFORE INSERT ON thing FOR EACH ROW EXECUTE FUNCTION slow();""",
    "mariadb": """CREATE TABLE thing (id integer PRIMARY KEY, n integer CHECK (n >= 0));
SET SESSION max_statement_time = 0;
CREATE TRIGGER slow BEFORE INSERT ON thing FOR EACH ROW SET @x = SLEEP(100000);""",
}


@pytest.mark.parametrize("engine", sorted(_SLOW_TRIGGER))
def test_a_template_cannot_stall_the_examples_after_it(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str
) -> None:
    """The script's session settings (its timeout off) do not outlive it, and every
    statement of the examples is stopped past its time too."""
    root = project(
        tmp_path / "p",
        {
            "m.py": MODELS,
            "s.sql": f'-- [[[cog sc.template("slow.j2", dialect="{engine}") ]]]\n-- [[[end]]]\n',
        },
        {"slow.j2": _SLOW_TRIGGER[engine] + "\n"},
    )
    monkeypatch.setattr(engines, "STATEMENT_SECONDS", 1)
    started = time.monotonic()
    code, output = regen_then_verify(run_cli, root, "--engines", engine)
    if re.search(r"DDL executes\s+skipped", output) and not os.environ.get(
        f"SCHEMACOG_REQUIRE_{engine.upper()}"
    ):
        pytest.skip(f"{engine} not available")
    assert time.monotonic() - started < 60
    assert code == 1, output
    assert re.search(rf"examples in {engine}\s+failed", output), output


def test_examples_go_into_the_schemas_ddl_when_the_regions_lack_a_table_and_it_is_said(
    run_cli: RunCli, tmp_path: Path
) -> None:
    root = project(
        tmp_path / "p",
        {
            "m.py": MODELS,
            "e.sql": '-- [[[cog sc.sql.create_table("thing", "sqlite") ]]]\n-- [[[end]]]\n',
        },
    )
    (root / "schema.yaml").write_text(
        SCHEMA + "  other:\n    columns:\n      id: {type: integer}\n    examples:\n"
        "      - {id: 1}\n",
        encoding="utf-8",
    )
    code, output = regen_then_verify(run_cli, root, "--engines", "sqlite")
    assert code == 0, output
    assert re.search(
        r"statement\(s\): sc.sql.ddl\(dialect='sqlite'\), for the examples "
        r"\(the regions create no table other\)",
        output,
    ), output


def test_a_hand_edit_is_fixed_by_regen_force_and_verify_says_so(
    run_cli: RunCli, tmp_path: Path
) -> None:
    root = project(tmp_path / "p", {"m.py": MODELS})
    config = root / "pyproject.toml"
    config.write_text(config.read_text(encoding="utf-8") + "checksum = true\n", encoding="utf-8")
    assert run_cli("regen", cwd=root).code == 0
    path = root / "out" / "m.py"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("class ThingModel", "X = 1\n\n\nclass ThingModel", 1), "utf-8")
    result = run_cli("verify", "--engines", "sqlite", cwd=root)
    assert result.code == 1
    assert (
        "out/m.py: differs from the schema (run schemacog regen --force: it holds a hand edit)"
        in (result.out)
    )
    check = run_cli("check", cwd=root)
    assert (check.out + check.err).splitlines()[-1] == (
        "schemacog check: 1 of 1 file(s) would change (1 hand edit); "
        "run schemacog regen --force to overwrite the hand edits"
    )


ENUMS_SCHEMA = """schemacog: 1
name: split
enums:
  status: {values: [open, closed]}
tables:
  ticket:
    columns:
      id: {type: integer, primary_key: true}
      status: {type: enum, enum: status}
    examples:
      - {id: 1, status: open}
"""


def test_modules_that_import_each_other_by_their_names_are_verified(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """python_enums_module = "app.enums": the models import the enums module by its name.
    Only generated modules are found; the package's hand-written __init__.py never runs."""
    root = tmp_path / "p"
    (root / "app").mkdir(parents=True)
    (root / "schema.yaml").write_text(ENUMS_SCHEMA, encoding="utf-8")
    (root / "pyproject.toml").write_text(
        '[tool.schemacog]\nschema = "schema.yaml"\nfiles = ["app/*.py"]\n'
        'python_enums_module = "app.enums"\n',
        encoding="utf-8",
    )
    (root / "app" / "__init__.py").write_text("raise SystemExit('hand-written')\n")
    (root / "app" / "enums.py").write_text(
        '"""Enums."""\n\n# [[[cog sc.python.imports() ]]]\n# [[[end]]]\n\n\n'
        '# [[[cog sc.python.enum("status") ]]]\n# [[[end]]]\n'
    )
    (root / "app" / "models.py").write_text(
        '"""Models."""\n\n# [[[cog sc.python.imports() ]]]\n# [[[end]]]\n\n\n'
        '# [[[cog sc.python.pydantic("ticket") ]]]\n# [[[end]]]\n\n\n'
        '# [[[cog sc.python.validator("ticket") ]]]\n# [[[end]]]\n'
    )
    code, output = regen_then_verify(run_cli, root, "--engines", "sqlite")
    assert code == 0, output
    assert re.search(
        r"python imports \(isolated\)\s+ok\s+2 module\(s\) of the project: "
        r"app/enums.py, app/models.py",
        output,
    ), output
    assert re.search(r"examples in python pydantic\s+ok\s+1 row\(s\)", output), output
    assert "hand-written" not in output


def test_what_runs_is_the_rendered_text_never_bytecode_or_another_decoding(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """A committed __pycache__ file (an unchecked-hash .pyc) and an encoding cookie that
    turns a comment into code (UTF-7) are never what the import child runs."""
    import py_compile

    canary = tmp_path / "CANARY"
    cookie = (  # a region whose text UTF-7 decodes as it is (no "+")
        f'# coding: utf-7\n"""Columns."""\n\n# +AAo-open({str(canary)!r}, "w").write("x")\n'
        '# [[[cog sc.python.columns("thing") ]]]\n# [[[end]]]\n'
    )
    root = project(tmp_path / "p", {"m.py": MODELS, "c.py": cookie})
    _, output = regen_then_verify(run_cli, root, "--engines", "sqlite")
    assert "out/c.py" in output  # imported: all its code is generated
    assert not canary.exists(), output
    module = root / "out" / "m.py"
    evil = tmp_path / "evil.py"
    evil.write_text(f"open({str(canary)!r}, 'w').write('x')\n", encoding="utf-8")
    cache = root / "out" / "__pycache__" / f"m.{sys.implementation.cache_tag}.pyc"
    py_compile.compile(
        str(evil),
        cfile=str(cache),
        invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
    )
    module.write_text(MODELS, encoding="utf-8")
    code, output = regen_then_verify(run_cli, root, "--engines", "sqlite")
    assert code == 0, output
    assert not canary.exists(), output
    assert re.search(r"python imports \(isolated\)\s+ok\s+2 module\(s\) of the project", output)


def test_no_output_shows_a_secret_even_when_generated_code_prints_one(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Defence in depth: every connection given, its password and PGPASSWORD are masked in
    every step's details, whatever printed them (here a template's code at import)."""
    root = project(
        tmp_path / "p",
        {"m.py": MODELS + '\n\n# [[[cog sc.template("leak.j2") ]]]\n# [[[end]]]\n'},
        {"leak.j2": 'print("noise on stdout")\nraise RuntimeError("TopSecr3tPW and PgSecr3t")\n'},
    )
    monkeypatch.setenv("SCHEMACOG_MARIADB_URL", "mysql://root:TopSecr3tPW@localhost/x")
    monkeypatch.setenv("PGPASSWORD", "PgSecr3t")
    code, output = regen_then_verify(run_cli, root, "--engines", "sqlite")
    assert code == 1
    assert "RuntimeError: *** and ***" in output, output
    assert "Secr3t" not in output
    result = run_cli("verify", "--engines", "sqlite", "--format", "json", cwd=root)
    assert "Secr3t" not in result.out


def test_nothing_in_the_project_folder_stands_in_for_a_tool(
    run_process: RunCli, tmp_path: Path
) -> None:
    """A ruff.py (or cogapp.py) beside the schema is never what runs: ruff is run as
    ``python -I -m ruff`` with no environment but PATH, and ``python -m schemacog``
    drops the working folder from sys.path."""
    canary = tmp_path / "CANARY"
    fake = f"open({str(canary)!r}, 'w').write('x')\nprint('ruff 0.0.0')\n"
    root = project(tmp_path / "p", {"m.py": MODELS})
    (root / "ruff.py").write_text(fake, encoding="utf-8")
    (root / "cogapp.py").write_text(fake + "raise SystemExit('shadowed')\n", encoding="utf-8")
    assert run_process("regen", cwd=root).code == 0
    result = run_process("verify", "--engines", "sqlite", cwd=root)
    assert result.code == 0, result.out + result.err
    assert re.search(r"ruff check\s+ok", result.out), result.out
    assert not canary.exists()


def test_python_enums_module_must_be_a_generated_module_of_the_project(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """Else the import child would import whatever installed module it names."""
    root = project(tmp_path / "p", {"m.py": CLEANER})
    config = root / "pyproject.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + 'python_enums_module = "antigravity"\n',
        encoding="utf-8",
    )
    code, output = regen_then_verify(run_cli, root, "--engines", "sqlite")
    assert code == 1
    assert re.search(
        r"python imports \(isolated\)\s+failed\s+python_enums_module 'antigravity' is not a "
        r"generated module of the project",
        output,
    ), output
    for name in ("validator", "pydantic", "cleaner"):  # never left out: failed, not run
        assert re.search(rf"examples in python {name}\s+failed\s+not run: ", output), output


@pytest.mark.parametrize("engine", ["sqlite", "mariadb"])
def test_a_region_that_renders_empty_is_not_sent(
    run_cli: RunCli, tmp_path: Path, engine: str
) -> None:
    """``sc.sql.create_enum`` is empty where an enum is a CHECK: MariaDB refuses an empty
    query, so such a region is said (0 statements) and not run."""
    root = tmp_path / "p"
    (root / "out").mkdir(parents=True)
    (root / "schema.yaml").write_text(
        "schemacog: 1\nname: x\nenums:\n  mood: {values: [calm, busy]}\ntables:\n  thing:\n"
        "    columns:\n      id: {type: integer, primary_key: true}\n"
        "      mood: {type: enum, enum: mood}\n    examples:\n      - {id: 1, mood: calm}\n",
        encoding="utf-8",
    )
    (root / "pyproject.toml").write_text(
        '[tool.schemacog]\nschema = "schema.yaml"\nfiles = ["out/**/*"]\n', encoding="utf-8"
    )
    (root / "out" / "s.sql").write_text(
        f'-- [[[cog sc.sql.create_enum("mood", dialect="{engine}") ]]]\n-- [[[end]]]\n\n'
        f'-- [[[cog sc.sql.create_table("thing", dialect="{engine}") ]]]\n-- [[[end]]]\n',
        encoding="utf-8",
    )
    _, output = regen_then_verify(run_cli, root, "--engines", engine)
    if re.search(r"DDL executes\s+skipped", output) and not os.environ.get(
        f"SCHEMACOG_REQUIRE_{engine.upper()}"
    ):
        pytest.skip(f"{engine} not available")
    assert re.search(rf"sql {engine}: DDL executes\s+ok\s+0 statement\(s\): out/s.sql:1", output)
    assert re.search(rf"examples in {engine}\s+ok", output), output


@pytest.mark.parametrize("engine", ["postgres", "mariadb"])
def test_statements_that_each_stay_under_the_bound_are_bounded_together(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str
) -> None:
    """Many template regions, each sleeping just under the statement bound: the engine's
    time is bounded too (``ENGINE_SECONDS``)."""
    sleep = {"postgres": "SELECT pg_sleep(0.8);", "mariadb": "SELECT SLEEP(0.8);"}[engine]
    regions = "".join(
        f'-- [[[cog sc.template("slow.j2", dialect="{engine}") ]]]\n-- [[[end]]]\n\n'
        for _ in range(12)
    )
    root = project(tmp_path / "p", {"m.py": MODELS, "s.sql": regions}, {"slow.j2": sleep + "\n"})
    monkeypatch.setattr(engines, "STATEMENT_SECONDS", 1)
    monkeypatch.setattr(engines, "ENGINE_SECONDS", 4)
    started = time.monotonic()
    code, output = regen_then_verify(run_cli, root, "--engines", engine)
    if re.search(r"DDL executes\s+skipped", output) and not os.environ.get(
        f"SCHEMACOG_REQUIRE_{engine.upper()}"
    ):
        pytest.skip(f"{engine} not available")
    assert time.monotonic() - started < 40
    assert code == 1, output
    assert "verify's 4 s for this database are spent" in output, output
