"""Every valid schema's keys load in every engine, and refuse the same rows (#14).

MariaDB's B-tree keys hold no LONGTEXT and at most 3072 bytes. A primary key beyond that
is a UNIQUE key there (the engine hashes a long one); a text column of a foreign key takes
the VARCHAR of the column it references, so the key can be built; a foreign key that still
needs a longer key is not built, and the DDL and verify say so. Enums are a CHECK there:
ENUM(...) reads 'ok ' as 'ok'.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest
from conftest import RunCli
from layers import loaded_engine

from schemacog.db.backends import DIALECTS
from schemacog.errors import SchemaError
from schemacog.model import Value
from schemacog.render.sql.ddl import render_ddl
from schemacog.schema.validate import load_schema_text

SCHEMA = """schemacog: 1
name: keys
enums:
  mood: {values: {ok: , x: }}
tables:
  code:
    columns:
      id: {type: string, max_length: 2, primary_key: true}
  word:
    columns:
      id: {type: text, primary_key: true}
  long:
    columns:
      id: {type: string, max_length: 1000, primary_key: true}
  pair:
    columns:
      a: {type: string, max_length: 500}
      b: {type: string, max_length: 500}
    primary_key: [a, b]
  uses:
    columns:
      n: {type: integer, primary_key: true}
      code: {type: string, references: code.id}
      word: {type: text, nullable: true, references: word.id}
      via: {type: string, nullable: true, references: middle.code}
      mood: {type: enum, enum: mood, nullable: true}
      t1: {type: text, nullable: true}
      t2: {type: text, nullable: true}
      t3: {type: text, nullable: true}
      t4: {type: string, max_length: 2000, nullable: true}
      b: {type: binary, nullable: true}
    indexes:
      - {columns: [t1, t2, t3, t4, b, n]}
  middle:
    columns:
      code: {type: string, primary_key: true, references: code.id}
"""


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_every_key_loads_and_refuses_the_same_rows(dialect: str) -> None:
    schema = load_schema_text(SCHEMA, "keys.yaml")
    with loaded_engine(dialect, render_ddl(schema, dialect)) as engine:

        def insert(table: str, **values: Value) -> bool:
            return engine.insert(schema.table(table), values) is None

        assert insert("code", id="de")
        assert not insert("code", id="de")  # the primary key
        long_word = "w" * 2000  # longer than any B-tree key of MariaDB
        assert insert("word", id=long_word)
        assert insert("word", id=long_word[:-1] + "v")
        assert not insert("word", id=long_word)
        assert insert("long", id="l" * 1000)
        assert not insert("long", id="l" * 1000)
        assert insert("pair", a="a" * 500, b="b" * 500)
        assert not insert("pair", a="a" * 500, b="b" * 500)
        assert insert("middle", code="de")
        assert not insert("middle", code="fr")  # no such code
        assert insert("uses", n=1, code="de", via="de", mood="ok")
        assert not insert("uses", n=2, code="fr")  # no such code
        assert not insert("uses", n=3, code="de" + " " * 5)  # not 'de', however stored
        assert not insert("uses", n=4, code="de", mood="ok ")  # not an enum value
        assert not insert("uses", n=5, code="de", mood="x ")
        assert not insert("uses", n=6, code="de", via="fr")
        assert insert("uses", n=7, code="de", t1="t" * 5000, t2="t" * 5000, b=b"\x00" * 5000)


def test_mariadb_builds_keys_its_own_way_and_says_what_it_cannot() -> None:
    ddl = render_ddl(load_schema_text(SCHEMA, "keys.yaml"), "mariadb")
    assert "    id LONGTEXT NOT NULL,\n    CONSTRAINT pk_word UNIQUE (id)," in ddl
    assert "    id VARCHAR(1001) NOT NULL,\n    CONSTRAINT pk_long UNIQUE (id)," in ddl
    assert "    CONSTRAINT pk_pair UNIQUE (a, b)" in ddl
    assert "-- MariaDB: the primary key (id) is a UNIQUE key (a PRIMARY KEY holds no " in ddl
    lines = ddl.splitlines()
    # the VARCHAR of the key referenced, here and through middle.code
    assert "    code VARCHAR(3) NOT NULL," in lines, ddl
    assert "    via VARCHAR(3)," in lines, ddl
    assert ddl.count("REFERENCES code (id)") == 2
    assert ddl.count("REFERENCES middle (code)") == 1
    assert (
        "-- Not enforced by MariaDB: foreign key (word) -> word(id): no key of MariaDB holds "
        "these columns (a B-tree key holds no LONGTEXT or LONGBLOB and at most 3072 bytes)"
    ) in ddl
    assert "REFERENCES word" not in ddl
    assert "    mood VARCHAR(3)," in lines
    assert "    CONSTRAINT ck_uses_mood_enum CHECK (mood IN ('ok', 'x'))," in lines
    # the text columns share what n leaves of 3072 bytes (4 per character, 1 per byte)
    assert "ON uses (t1(153), t2(153), t3(153), t4(153), b(255), n);" in ddl


def test_other_engines_build_every_key_as_written() -> None:
    schema = load_schema_text(SCHEMA, "keys.yaml")
    for dialect in sorted(set(DIALECTS) - {"mariadb"}):
        ddl = render_ddl(schema, dialect)
        assert "UNIQUE" not in ddl, dialect
        assert "Not enforced by" not in ddl.split("uses")[0], dialect


INVALID = """
    invalid_examples:
      - {row: {n: 9, code: de, word: nope}, reason: no such word}
    examples:
      - {n: 1, code: de}
  code:
    columns:
      id: {type: string, max_length: 2, primary_key: true}
    examples:
      - {id: de}
  word:
    columns:
      id: {type: text, primary_key: true}
"""


def test_verify_says_which_foreign_key_mariadb_cannot_build(
    run_cli: RunCli, tmp_path: Path
) -> None:
    schema = (
        "schemacog: 1\nname: keys\ntables:\n  uses:\n    columns:\n"
        "      n: {type: integer, primary_key: true}\n"
        "      code: {type: string, references: code.id}\n"
        "      word: {type: text, nullable: true, references: word.id}" + INVALID
    )
    (tmp_path / "schema.yaml").write_text(schema, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.schemacog]\nschema = "schema.yaml"\nfiles = ["out/**/*"]\n', encoding="utf-8"
    )
    required = os.environ.get("SCHEMACOG_REQUIRE_MARIADB") == "1"
    result = run_cli("verify", *(["--require"] if required else []), cwd=tmp_path)
    assert result.code == 0, result.out + result.err
    lines = result.out.splitlines()
    said = [line for line in lines if "not enforced by " in line]
    if not any("mariadb: DDL executes" in x and "skipped" in x for x in lines):
        assert any("not enforced by MariaDB: foreign_key of uses(word)" in x for x in said), said
    assert not any("by PostgreSQL" in x or "by SQLite" in x or "by DuckDB" in x for x in said)


def test_a_json_column_cannot_be_in_a_key() -> None:
    text = """schemacog: 1
name: j
tables:
  t:
    columns:
      id: {type: json, primary_key: true}
      u: {type: json, unique: true}
      v: {type: json}
      w: {type: integer}
    unique:
      - [v, w]
    indexes:
      - {columns: [v], unique: true}
      - {columns: [v]}
"""
    with pytest.raises(SchemaError) as caught:
        load_schema_text(text, "j.yaml")
    message = "cannot be in a primary key or unique constraint: PostgreSQL compares JSON by"
    found = [str(p) for p in caught.value.problems]
    assert [x.split(": json column")[0] for x in found] == [
        "j.yaml:6:37",
        "j.yaml:7:31",
        "j.yaml:11:9",
        "j.yaml:13:9",
    ], found
    assert all(message in x for x in found)  # the plain index on v is fine


TIMESTAMPS = """schemacog: 1
name: ts
tables:
  t:
    columns:
      at: {type: timestamptz, primary_key: true}
"""


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_a_timestamptz_key_compares_instants_or_says_it_does_not(dialect: str) -> None:
    schema = load_schema_text(TIMESTAMPS, "ts.yaml")
    ddl = render_ddl(schema, dialect)
    declared = "-- Not enforced by SQLite: uniqueness of (at): SQLite compares the text" in ddl
    instant = dt.datetime(2024, 1, 1, 10, tzinfo=dt.UTC)
    other_offset = instant.astimezone(dt.timezone(dt.timedelta(hours=2)))
    with loaded_engine(dialect, ddl) as engine:
        assert engine.insert(schema.table("t"), {"at": instant}) is None
        refused = engine.insert(schema.table("t"), {"at": other_offset}) is not None
    assert refused != declared, (dialect, refused, declared)
    assert declared == (dialect == "sqlite")


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_an_index_entry_over_postgres_limit_is_refused_there_and_said(dialect: str) -> None:
    schema = load_schema_text(SCHEMA, "keys.yaml")
    ddl = render_ddl(schema, dialect)
    said = [x for x in ddl.splitlines() if "after compression is refused (B-tree limit)" in x]
    if dialect != "postgres":
        assert said == []
    else:
        keys = [x.split("index of ")[1].split(")")[0] + ")" for x in said]
        # code(id) is string(2): 8 bytes at most; the others can outgrow 2704 bytes
        assert keys == ["(id)", "(id)", "(a, b)", "(code)", "(t1, t2, t3, t4, b, n)"], keys
    # 6400 characters that do not compress
    random_text = "".join(hashlib.sha256(str(i).encode()).hexdigest() for i in range(100))
    with loaded_engine(dialect, ddl) as engine:
        refused = engine.insert(schema.table("word"), {"id": random_text}) is not None
    assert refused == (dialect == "postgres")


LONG_TEXT = """schemacog: 1
name: big
tables:
  t:
    columns:
      id: {type: integer, primary_key: true}
      body: {type: text}
"""


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_a_value_over_mariadb_packet_limit_is_refused_there_and_said(dialect: str) -> None:
    schema = load_schema_text(LONG_TEXT, "big.yaml")
    ddl = render_ddl(schema, dialect)
    declared = "a statement over max_allowed_packet (16 MiB by default) is refused" in ddl
    with loaded_engine(dialect, ddl) as engine:
        body = "x" * (17 * 2**20)
        refused = engine.insert(schema.table("t"), {"id": 1, "body": body}) is not None
        assert engine.insert(schema.table("t"), {"id": 2, "body": "short"}) is None  # still open
    assert refused == declared == (dialect == "mariadb")


EDGES = """schemacog: 1
name: edges
tables:
  wide:
    columns:
      id: {type: integer, primary_key: true}
      a: {type: string, max_length: 16382}
      b: {type: string, max_length: 9000, nullable: true}
      c: {type: string, max_length: 9000, nullable: true}
      k: {type: string, max_length: 700, nullable: true, unique: true}
  country:
    columns:
      id: {type: integer, primary_key: true}
      code: {type: string, max_length: 3}
    indexes:
      - {columns: [code], unique: true}
  city:
    columns:
      id: {type: integer, primary_key: true}
      country_code: {type: string, references: country.code}
      fallback: {type: string, default: unknown, nullable: true, references: country.code}
  node:
    columns:
      id: {type: integer, primary_key: true}
      code: {type: string, max_length: 10}
      parent_code: {type: string, max_length: 10, nullable: true, references: node.code}
    indexes:
      - {columns: [code], unique: true}
"""


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_rows_near_mariadb_limits_and_keys_on_unique_indexes_load(dialect: str) -> None:
    schema = load_schema_text(EDGES, "edges.yaml")
    ddl = render_ddl(schema, dialect)
    with loaded_engine(dialect, ddl) as engine:

        def insert(table: str, **values: Value) -> bool:
            return engine.insert(schema.table(table), values) is None

        assert insert("wide", id=1, a="a" * 16382, b="b" * 9000, c="c" * 9000, k="k" * 700)
        assert not insert("wide", id=2, a="a" * 16383)
        assert not insert("wide", id=3, a="a", b="b" * 9001)
        assert not insert("wide", id=4, a="a", k="k" * 700)  # unique
        assert insert("country", id=1, code="de")
        assert insert("city", id=1, country_code="de", fallback=None)
        assert not insert("city", id=2, country_code="fr", fallback=None)
        assert insert("node", id=1, code="root")
        assert insert("node", id=2, code="leaf", parent_code="root")
        assert not insert("node", id=3, code="x", parent_code="nope")
    if dialect == "mariadb":  # the largest VARCHARs no key needs are LONGTEXT, with CHECKs
        assert "    a LONGTEXT NOT NULL," in ddl
        assert "CONSTRAINT ck_wide_a_max_length CHECK (CHAR_LENGTH(a) <= 16382)" in ddl
        assert "    b LONGTEXT," in ddl
        assert "    c VARCHAR(9001)," in ddl
        assert "    k VARCHAR(701)," in ddl
        assert "    CONSTRAINT uq_wide_k UNIQUE (k)," in ddl
        # the default 'unknown' fits no code(3): not narrowed, so the key cannot be built
        assert "-- Not enforced by MariaDB: foreign key (fallback) -> country(code)" in ddl
        assert "    country_code VARCHAR(4) NOT NULL," in ddl
    assert "UNIQUE INDEX" not in ddl  # both unique indexes are referenced: constraints


def test_a_key_or_index_has_at_most_32_columns() -> None:
    names = [f"c{i}" for i in range(33)]
    columns = "".join(f"      {n}: {{type: smallint}}\n" for n in names)
    listed = ", ".join(names)
    text = (
        f"schemacog: 1\nname: k\ntables:\n  t:\n    columns:\n{columns}"
        f"    primary_key: [{listed}]\n    unique:\n      - [{listed}]\n"
        f"    indexes:\n      - {{columns: [{listed}]}}\n"
    )
    with pytest.raises(SchemaError) as caught:
        load_schema_text(text, "k.yaml")
    found = [str(p) for p in caught.value.problems]
    assert len(found) == 3, found
    assert all("a key or index has at most 32 columns" in x and "has 33" in x for x in found)
    narrower = text.replace(", c32]", "]").replace(
        "    unique:\n      - [" + listed.replace(", c32", "") + "]\n", ""
    )
    load_schema_text(narrower, "k.yaml")  # 32 is fine


SELF = """schemacog: 1
name: staff
tables:
  employee:
    columns:
      id: {type: integer, primary_key: true}
      reports_to: {type: integer, nullable: true, references: employee.id}
    examples:
      - {id: 1, reports_to: 1}
      - {id: 2, reports_to: 1}
"""


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_a_row_naming_itself_is_refused_only_where_the_ddl_says(dialect: str) -> None:
    schema = load_schema_text(SELF, "staff.yaml")
    ddl = render_ddl(schema, dialect)
    declared = "a row whose (reports_to) names the row itself is refused" in ddl
    with loaded_engine(dialect, ddl) as engine:
        refused = engine.insert(schema.table("employee"), {"id": 1, "reports_to": 1}) is not None
    assert refused == declared == (dialect == "duckdb")


def test_verify_reports_a_declared_refusal_without_failing(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "schema.yaml").write_text(SELF, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.schemacog]\nschema = "schema.yaml"\nfiles = ["out/**/*"]\n', encoding="utf-8"
    )
    result = run_cli("verify", "--engines", "duckdb", cwd=tmp_path)
    assert result.code == 0, result.out + result.err
    assert "refused by DuckDB, as its DDL says" in result.out, result.out
