"""verify runs a user template's SQL, which a pull request wrote: in every engine, that SQL
reaches nothing beyond its throwaway database (issue 17, item 1).

Each engine gets the statement that would reach its host: ``COPY ... TO PROGRAM``
(PostgreSQL, as a superuser), ``SELECT ... INTO OUTFILE`` (MariaDB, with FILE), ``ATTACH``
(SQLite) and ``COPY ... TO`` a file (DuckDB). verify must refuse it, the canary file must
not exist, and no user, role, schema or database verify made may be left on the server.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path
from typing import Any

import pytest
from conftest import RunCli

from schemacog.db import engines
from schemacog.db.backends import BACKENDS
from schemacog.db.least_privilege import mariadb_rights, postgres_rights

SCHEMA = """schemacog: 1
name: tiny
tables:
  thing:
    columns:
      id: {type: integer, primary_key: true}
    examples:
      - {id: 1}
"""

HOSTILE = {
    "postgres": "COPY (SELECT 1) TO PROGRAM 'touch {canary}';",
    "mariadb": "SELECT 1 INTO OUTFILE '{canary}';",
    "sqlite": "ATTACH '{canary}' AS elsewhere;",
    "duckdb": "COPY (SELECT 1 AS x) TO '{canary}';",
}
REFUSED = {
    "postgres": "must be superuser or have privileges of the pg_execute_server_program role",
    "mariadb": "FILE privilege",
    "sqlite": "not authorized",
    "duckdb": "file system operations are disabled",
}


SESSION = {
    "postgres": "SQL runs as a throwaway role with no right beyond its throwaway schema",
    "mariadb": "SQL runs as a throwaway user with no right beyond its throwaway database",
    "sqlite": "SQL runs in memory, in a limited child process that reaches no file",
    "duckdb": "SQL runs in memory, in a limited child process that reaches no file",
}


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every name of a throwaway user, role, schema or database verify makes."""
    names: list[str] = []
    real = engines.throwaway_name  # type: ignore[attr-defined]

    def recorded() -> str:
        names.append(real())
        return names[-1]

    monkeypatch.setattr(engines, "throwaway_name", recorded)
    return names


def _required(engine: str) -> bool:
    return os.environ.get(f"SCHEMACOG_REQUIRE_{engine.upper()}") == "1"


def _left_on(engine: str, names: list[str]) -> list[str]:
    """The names that still exist on the engine's server (none for in-memory ones),
    asked through a plain connection that makes nothing."""
    if not names or engine not in ("postgres", "mariadb"):
        return []
    if engine == "postgres":
        import psycopg

        with psycopg.connect(engines.postgres_dsn(None), autocommit=True) as connection:
            query = (
                "SELECT rolname FROM pg_roles WHERE rolname = ANY(%s) "
                "UNION SELECT nspname FROM pg_namespace WHERE nspname = ANY(%s)"
            )
            return [r[0] for r in connection.execute(query, [names, names]).fetchall()]
    import pymysql

    mariadb = pymysql.connect(**engines.mariadb_dsn(None))
    try:
        with mariadb.cursor() as cursor:
            marks = ", ".join(["%s"] * len(names))
            cursor.execute(f"SELECT User FROM mysql.user WHERE User IN ({marks})", names)
            left = [str(r[0]) for r in cursor.fetchall()]
            cursor.execute(
                "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA "
                f"WHERE SCHEMA_NAME IN ({marks})",
                names,
            )
            return left + [str(r[0]) for r in cursor.fetchall()]
    finally:
        mariadb.close()


@pytest.mark.parametrize("engine", sorted(HOSTILE))
def test_a_templates_sql_cannot_reach_the_host(
    run_cli: RunCli, tmp_path: Path, engine: str, made: list[str]
) -> None:
    try:
        BACKENDS[engine].connect(None).close()
    except engines.EngineUnavailable as exc:
        if _required(engine):
            raise
        pytest.skip(f"{engine}: {exc}")
    canary = Path("/tmp") / f"schemacog-canary-{secrets.token_hex(6)}"
    root = _project(tmp_path / "p", engine, HOSTILE[engine].format(canary=canary))
    assert run_cli("regen", cwd=root).code == 0
    result = run_cli("verify", "--engines", engine, cwd=root)
    output = result.out + result.err
    try:
        assert result.code == 1, output
        assert REFUSED[engine] in output, output
        assert SESSION[engine] in output, output
        assert "Traceback" not in output
        assert not canary.exists()
        assert _left_on(engine, made) == []
    finally:
        canary.unlink(missing_ok=True)


def test_the_session_holds_no_right_beyond_its_database(made: list[str]) -> None:
    """The sessions themselves, asked what they may do."""
    for name in ("postgres", "mariadb"):
        engine: Any
        try:
            engine = BACKENDS[name].connect(None)
        except engines.EngineUnavailable:
            if _required(name):
                raise
            continue
        try:
            assert engine.not_limited is None, engine.not_limited
            assert "throwaway" in engine.session
            if name == "postgres":
                assert postgres_rights(engine.connection) == []
            else:
                with engine.connection.cursor() as cursor:
                    assert mariadb_rights(cursor) == []
        finally:
            engine.close()
        assert _left_on(name, made) == []


# the throwaway database's name with its '_' (a wildcard in GRANT) taken as any character
_WILDCARD = """SET @name = CONCAT('schemacogX', SUBSTRING(DATABASE(), 11));
SET @make = CONCAT('CREATE DATABASE `', @name, '`');
PREPARE make FROM @make;
EXECUTE make;"""


def test_the_mariadb_grant_covers_its_database_alone(
    run_cli: RunCli, tmp_path: Path, made: list[str]
) -> None:
    try:
        BACKENDS["mariadb"].connect(None).close()
    except engines.EngineUnavailable as exc:
        if _required("mariadb"):
            raise
        pytest.skip(f"mariadb: {exc}")
    root = _project(tmp_path / "p", "mariadb", _WILDCARD)
    assert run_cli("regen", cwd=root).code == 0
    result = run_cli("verify", "--engines", "mariadb", cwd=root)
    output = result.out + result.err
    assert result.code == 1, output
    assert "Access denied" in output, output
    aliases = [n.replace("_", "X", 1) for n in made]
    assert _left_on("mariadb", aliases) == []


def test_a_given_user_that_cannot_make_a_role_runs_no_template_sql(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """A user without CREATEROLE may still own its database, drop its tables or change
    its settings: the template's SQL is not run as it, and the step says why."""
    import psycopg

    try:
        admin = psycopg.connect(engines.postgres_dsn(None), autocommit=True)
    except psycopg.Error as exc:
        if _required("postgres"):
            raise
        pytest.skip(f"postgres: {exc}")
    user, password = f"schemacog_t{secrets.token_hex(5)}", secrets.token_hex(12)
    admin.execute(f"CREATE ROLE {user} LOGIN PASSWORD '{password}'")
    admin.execute(f"GRANT CREATE ON DATABASE postgres TO {user}")
    try:
        root = _project(tmp_path / "p", "postgres", "DROP TABLE IF EXISTS public.anything;")
        assert run_cli("regen", cwd=root).code == 0
        url = f"postgresql://{user}:{password}@127.0.0.1:{admin.info.port}/postgres"
        result = run_cli("verify", "--engines", "postgres", "--dsn-postgres", url, cwd=root)
        output = result.out + result.err
        assert result.code == 1, output
        assert "not run: a user template's SQL runs only in a session" in output, output
        assert "cannot create a throwaway role (it needs CREATEROLE)" in output, output
        assert password not in output
    finally:
        admin.execute(f"REVOKE CREATE ON DATABASE postgres FROM {user}")
        admin.execute(f"DROP OWNED BY {user}")
        admin.execute(f"DROP ROLE {user}")
        admin.close()


def _project(root: Path, dialect: str, sql: str) -> Path:
    (root / "out").mkdir(parents=True)
    (root / "templates").mkdir()
    (root / "schema.yaml").write_text(SCHEMA, encoding="utf-8")
    (root / "pyproject.toml").write_text(
        '[tool.schemacog]\nschema = "schema.yaml"\nfiles = ["out/**/*"]\n'
        f'templates = "templates"\ndialect = "{dialect}"\n',
        encoding="utf-8",
    )
    (root / "templates" / "t.sql.j2").write_text(sql + "\n", encoding="utf-8")
    (root / "out" / "s.sql").write_text(
        "-- [[[cog sc.sql.ddl() ]]]\n-- [[[end]]]\n\n"
        '-- [[[cog sc.template("t.sql.j2") ]]]\n-- [[[end]]]\n',
        encoding="utf-8",
    )
    return root


@pytest.mark.parametrize(
    ("engine", "sleep"), [("postgres", "SELECT pg_sleep(60);"), ("mariadb", "SELECT SLEEP(60);")]
)
def test_a_verify_stopped_by_sigterm_drops_what_it_made(
    run_cli: RunCli, tmp_path: Path, made: list[str], engine: str, sleep: str
) -> None:
    """A cancelled CI job sends SIGTERM: verify unwinds, and its throwaway users, roles,
    schemas and databases are dropped on the way out."""
    import signal
    import subprocess

    try:
        BACKENDS[engine].connect(None).close()
    except engines.EngineUnavailable as exc:
        if _required(engine):
            raise
        pytest.skip(f"{engine}: {exc}")
    made.clear()
    root = _project(tmp_path / "p", engine, sleep)
    assert run_cli("regen", cwd=root).code == 0
    # what a CI runner does, from another process (no thread of this one is left)
    killer = subprocess.Popen(["/bin/sh", "-c", f"sleep 4; kill -TERM {os.getpid()}"])
    try:
        result = run_cli("verify", "--engines", engine, cwd=root)
    finally:
        killer.kill()
        killer.wait()
    assert result.code == 128 + signal.SIGTERM
    assert made  # it had made them
    assert _left_on(engine, made) == []


def test_an_xa_transaction_left_prepared_cannot_keep_the_user(
    run_cli: RunCli, tmp_path: Path, made: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``XA PREPARE`` outlives its session and holds its locks: the DROP at the end gives
    up (said), and the throwaway user is dropped all the same."""
    import pymysql

    try:
        BACKENDS["mariadb"].connect(None).close()
    except engines.EngineUnavailable as exc:
        if _required("mariadb"):
            raise
        pytest.skip(f"mariadb: {exc}")
    xid = f"schemacog-test-{secrets.token_hex(4)}"
    sql = (
        "CREATE TABLE holder (id integer PRIMARY KEY);\n"
        f"XA START '{xid}';\nINSERT INTO holder VALUES (1);\nXA END '{xid}';\nXA PREPARE '{xid}';"
    )
    root = _project(tmp_path / "p", "mariadb", sql)
    assert run_cli("regen", cwd=root).code == 0
    monkeypatch.setattr(engines, "LOCK_SECONDS", 2)
    made.clear()
    try:
        result = run_cli("verify", "--engines", "mariadb", cwd=root)
        output = result.out + result.err
        assert result.code == 1, output
        assert "the throwaway database was not dropped" in output, output
        user = made[1]  # the database's name is made first
        assert _left_on("mariadb", [user]) == []  # whatever became of the database
    finally:
        admin = pymysql.connect(**engines.mariadb_dsn(None), autocommit=True)
        with admin.cursor() as cursor:
            with contextlib.suppress(pymysql.Error):
                cursor.execute(f"XA ROLLBACK '{xid}'")
            for name in made:
                cursor.execute(f"DROP DATABASE IF EXISTS `{name}`")
        admin.close()
