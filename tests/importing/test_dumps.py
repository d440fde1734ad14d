"""Import of databases schemacog did not create: hand-written SQL in the style of real
dumps (``pg_dump`` with ``ALTER TABLE ONLY ... ADD CONSTRAINT`` and serials, Chinook's
SQLite script with ``AUTOINCREMENT`` and affinity type names, Sakila's MySQL script with
``AUTO_INCREMENT``, ``ENUM`` and ``TINYINT(1)``), each with its expected schema and
losses as goldens (``--update-goldens``, each imported twice). The imported schema,
rendered and applied to an empty database, then imports exactly (exit 0) as itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from migration_engines import PostgresDatabase, database

from schemacog.importing.build import import_catalog
from schemacog.render.sql.ddl import render_ddl

DUMPS = Path(__file__).resolve().parent / "dumps"
CASES = sorted(p.name.removesuffix(".sql") for p in DUMPS.glob("*.sql"))


@pytest.mark.parametrize("case", CASES)
def test_dump_imports_as_expected(case: str, tmp_path: Path, update_goldens: bool) -> None:
    engine = case.rsplit(".", 1)[1]
    sql = (DUMPS / f"{case}.sql").read_text(encoding="utf-8")
    with database(engine, tmp_path) as source, database(engine, tmp_path) as again:
        if isinstance(source, PostgresDatabase):
            sql = sql.replace("public.", f"{source.schema}.")
        source.run(sql)
        first = import_catalog(engine, source.catalog(), case.split(".", maxsplit=1)[0])
        second = import_catalog(engine, source.catalog(), case.split(".", maxsplit=1)[0])
        assert second.text == first.text  # the same bytes, read twice
        losses = "".join(line + "\n" for line in first.losses)
        golden_schema, golden_losses = DUMPS / f"{case}.yaml", DUMPS / f"{case}.losses"
        if update_goldens:
            golden_schema.write_text(first.text, encoding="utf-8")
            golden_losses.write_text(losses, encoding="utf-8")
        assert first.text == golden_schema.read_text(encoding="utf-8")
        assert losses == golden_losses.read_text(encoding="utf-8")
        again.run(render_ddl(first.schema, engine))
        back = import_catalog(engine, again.catalog(), case.split(".", maxsplit=1)[0])
        assert back.losses == []
        assert back.schema == first.schema
