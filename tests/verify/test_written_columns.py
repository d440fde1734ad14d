"""Every valid schema's DDL runs in every engine (#14, item 6), and verify knows why.

MariaDB refuses a CHECK on a column that AUTO_INCREMENT or a foreign-key action (ON
DELETE SET NULL, ON UPDATE CASCADE or SET NULL) writes: such a column's bounds, lengths
and patterns are declared in its DDL as not enforced there, and verify does not expect
MariaDB to refuse an invalid example that breaks only them; every other engine does.
"""

from __future__ import annotations

import os
from pathlib import Path

from conftest import RunCli

from schemacog.db.backends import DIALECTS
from schemacog.render.sql.ddl import render_ddl
from schemacog.schema.validate import load_schema_text

SCHEMA = """schemacog: 1
name: written
tables:
  maker:
    columns:
      id: {type: smallint, primary_key: true, identity: true, min: 1}
      code: {type: string, max_length: 8, unique: true}
    examples:
      - {id: 1, code: ab}
      - {id: 2, code: cd}
    invalid_examples:
      - {row: {id: 0, code: zz}, reason: id below min}
  part:
    columns:
      id: {type: integer, primary_key: true}
      maker_code:
        {type: string, max_length: 8, nullable: true, pattern: '^[a-z]+$',
         references: maker.code, on_delete: set_null}
      moved_code: {type: string, max_length: 8, references: maker.code, on_update: cascade}
    examples:
      - {id: 1, maker_code: ab, moved_code: cd}
    invalid_examples:
      - {row: {id: 2, maker_code: AB, moved_code: ab}, reason: pattern of a written column}
"""


def test_every_engine_runs_the_ddl_and_mariadb_declares_what_it_cannot_check() -> None:
    schema = load_schema_text(SCHEMA, "written.yaml")
    mariadb = render_ddl(schema, "mariadb")
    for column in ("id", "maker_code", "moved_code"):
        assert f"-- Not enforced by MariaDB: {column}: " in mariadb, column
    for dialect in DIALECTS:
        if dialect != "mariadb":
            assert "allows no CHECK" not in render_ddl(schema, dialect)


def test_verify_passes_on_every_engine(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "schema.yaml").write_text(SCHEMA, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.schemacog]\nschema = "schema.yaml"\nfiles = ["out/**/*"]\n', encoding="utf-8"
    )
    required = all(os.environ.get(f"SCHEMACOG_REQUIRE_{e}") == "1" for e in ("POSTGRES", "MARIADB"))
    result = run_cli("verify", *(["--require"] if required else []), cwd=tmp_path)
    assert result.code == 0, result.out + result.err
    lines = result.out.splitlines()
    said = {line.split("not enforced by ", 1)[1] for line in lines if "not enforced by " in line}
    assert "SQLite: pattern of part(maker_code)" in said  # no regex in SQLite
    if not any("sql mariadb: DDL executes" in x and "skipped" in x for x in lines):
        assert "MariaDB: min of maker(id), pattern of part(maker_code)" in said
    for dialect in DIALECTS:
        ddl = next(x for x in lines if x.startswith(f"sql {dialect}: DDL executes"))
        assert " ok " in ddl or "skipped" in ddl, ddl
