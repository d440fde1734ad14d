"""Scripts cut into statements as each engine's client cuts them: quotes, dollar quotes
and comments of each dialect; each statement's line and column; a client's own command
refused; DuckDB's own parser agrees on every golden migration script."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from schemacog.deploy.statements import ClientCommand, split_statements

CASES = ROOT / "tests" / "migrate" / "cases"


def _cut(text: str, dialect: str) -> list[tuple[str, int, int]]:
    return [(s.text, s.line, s.column) for s in split_statements(text, dialect)]


def test_postgres_quotes_dollar_quotes_and_nested_comments() -> None:
    script = (
        "-- a comment; not a statement\n"
        "BEGIN;\n"
        "DO $sc$ BEGIN RAISE EXCEPTION 'a;b'; END $sc$;\n"
        "SELECT E'it\\'s; here', 'O''Brien;', \"odd;name\" /* a /* nested; */ one; */ FROM t;\n"
        "  COMMIT"
    )
    assert _cut(script, "postgres") == [
        ("BEGIN", 2, 1),
        ("DO $sc$ BEGIN RAISE EXCEPTION 'a;b'; END $sc$", 3, 1),
        (
            "SELECT E'it\\'s; here', 'O''Brien;', \"odd;name\" /* a /* nested; */ one; */ FROM t",
            4,
            1,
        ),
        ("COMMIT", 5, 3),
    ]


def test_a_parameter_is_no_dollar_quote_and_a_name_ending_in_e_no_escape_string() -> None:
    assert _cut("SELECT $1; SELECT name'x;y' ;", "postgres") == [
        ("SELECT $1", 1, 1),
        ("SELECT name'x;y'", 1, 12),
    ]


def test_mariadb_backslashes_hash_comments_and_dashes() -> None:
    script = "SELECT 'a\\';b', \"c\\\";d\", `e;f`; # hash; comment\nSELECT 1--2;\n-- x;\nSELECT 3;"
    assert _cut(script, "mariadb") == [
        ("SELECT 'a\\';b', \"c\\\";d\", `e;f`", 1, 1),
        ("SELECT 1--2", 2, 1),  # "--" without a space is an operator to MariaDB
        ("SELECT 3", 4, 1),
    ]


def test_sqlite_a_trigger_body_is_one_statement() -> None:
    script = (
        "CREATE TRIGGER t AFTER INSERT ON x BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n"
        "SELECT [a;b], 'c;''d';"
    )
    assert _cut(script, "sqlite") == [
        ("CREATE TRIGGER t AFTER INSERT ON x BEGIN\n  SELECT 1;\n  SELECT 2;\nEND", 1, 1),
        ("SELECT [a;b], 'c;''d'", 5, 1),
    ]


@pytest.mark.parametrize(
    ("dialect", "script", "where", "what"),
    [
        ("postgres", "SELECT 1;\n\\! id\n", (2, 1), "psql's own command"),
        ("postgres", "SELECT 1 \\gexec\n", (1, 10), "psql's own command"),
        ("mariadb", "SELECT 1;\n  DELIMITER //\n", (2, 3), "mysql's own command (DELIMITER)"),
        ("mariadb", "use other;", (1, 1), "mysql's own command (USE)"),
        ("mariadb", "SELECT 1 \\! id", (1, 10), "mysql's own command"),
        ("sqlite", "SELECT 1;\n.shell id\n", (2, 1), "sqlite3's own command"),
    ],
)
def test_a_client_command_is_refused_where_it_stands(
    dialect: str, script: str, where: tuple[int, int], what: str
) -> None:
    with pytest.raises(ClientCommand) as refused:
        split_statements(script, dialect)
    assert (refused.value.line, refused.value.column) == where
    assert str(refused.value).startswith(what)


def test_a_command_inside_quotes_or_comments_is_text() -> None:
    assert len(split_statements("SELECT '\\! id'; -- \\! id\n", "postgres")) == 1
    assert len(split_statements("SELECT 'x\n.shell id';", "sqlite")) == 1


def test_unterminated_quotes_and_comments_end_the_script() -> None:
    for dialect in ("postgres", "duckdb", "sqlite", "mariadb"):
        assert _cut("SELECT 'open; text", dialect) == [("SELECT 'open; text", 1, 1)]
        assert _cut("SELECT 1; /* open; comment", dialect) == [("SELECT 1", 1, 1)]
    assert _cut("SELECT $x$ open; SELECT 2", "postgres") == [("SELECT $x$ open; SELECT 2", 1, 1)]


def _goldens(dialect: str) -> list[Path]:
    return sorted(CASES.glob(f"*/{dialect}.sql"))


def test_duckdb_cuts_every_golden_script_as_schemacog_does() -> None:
    duckdb = pytest.importorskip("duckdb")
    scripts = _goldens("duckdb")
    assert len(scripts) > 20
    connection = duckdb.connect()
    for path in scripts:
        text = path.read_text(encoding="utf-8")
        theirs = [s.query for s in connection.extract_statements(text)]
        ours = split_statements(text, "duckdb")
        assert len(ours) == len(theirs), path
        for mine, their in zip(ours, theirs, strict=True):
            assert mine.text in their, (path, mine.text)


@pytest.mark.parametrize("dialect", ["postgres", "sqlite", "mariadb"])
def test_every_golden_script_is_cut_where_its_statements_end(dialect: str) -> None:
    """schemacog ends each statement of a script with ``;`` and a line break: every
    statement of every golden script is cut there, never inside a text or a DO body."""
    for path in _goldens(dialect):
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        for statement in split_statements(text, dialect):
            last = statement.line - 1 + statement.text.count("\n")
            assert lines[last].rstrip().endswith(statement.text.split("\n")[-1] + ";"), (
                path,
                statement,
            )
            assert statement.text.split()[0].isalpha(), (path, statement)
