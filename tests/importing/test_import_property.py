"""Random valid schemas (``schema_strategies``) imported back from the four real
engines: no loss reported, the imported schema equal to the drawn one but for the
losses docs/databases.md allows (``comparable``), and its DDL giving the same catalog.
``SCHEMACOG_IMPORT_EXAMPLES`` examples per engine (default 8)."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from migration_engines import ENGINES, database
from schema_strategies import Generated, schemas
from test_round_trip import comparable

from schemacog.importing.build import import_catalog
from schemacog.render.sql.ddl import render_ddl
from schemacog.schema.validate import load_schema_text

EXAMPLES = int(os.environ.get("SCHEMACOG_IMPORT_EXAMPLES", "8"))


@pytest.mark.parametrize("engine", ENGINES)
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(drawn=schemas())
def test_a_drawn_schema_imports_back(
    engine: str, tmp_path_factory: pytest.TempPathFactory, drawn: Generated
) -> None:
    schema = load_schema_text(drawn.written.text)
    folder = tmp_path_factory.mktemp("import")
    with database(engine, folder) as original, database(engine, folder) as again:
        original.run(render_ddl(schema, engine))
        before = original.catalog()
        imported = import_catalog(engine, before, "drawn")
        assert imported.losses == []
        assert comparable(imported.schema, engine) == comparable(schema, engine)
        again.run(render_ddl(imported.schema, engine))
        assert again.catalog().differences(before) == []
