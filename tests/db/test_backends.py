"""The registry of backends, the dialects as data, and the verify wire codec."""

from __future__ import annotations

import datetime as dt
import decimal
import json
import subprocess
import sys
import uuid
from importlib.resources import files

import pytest
from goldens import real_engine

from schemacog.db.backends import BACKENDS, DIALECTS, VERIFY_ORDER
from schemacog.model import LogicalType
from schemacog.render.sql.ddl import render_ddl
from schemacog.render.sql.dialects import Dialect
from schemacog.sandbox.codec import decode, encode
from schemacog.schema.validate import load_schema_text


def test_each_backend_is_registered_under_its_dialect_name() -> None:
    for name, backend in BACKENDS.items():
        assert backend.dialect.name == name
        assert DIALECTS[name] is backend.dialect
    assert set(VERIFY_ORDER) == set(BACKENDS)
    assert [BACKENDS[name].in_process for name in VERIFY_ORDER] == sorted(
        (BACKENDS[name].in_process for name in VERIFY_ORDER), reverse=True
    )


@pytest.mark.parametrize("name", list(DIALECTS))
def test_every_dialect_states_what_has_no_default(name: str) -> None:
    dialect = DIALECTS[name]
    assert isinstance(dialect, Dialect)
    assert dialect.title
    assert dialect.reserved
    assert set(dialect.types) == set(LogicalType) - {LogicalType.ENUM}
    with pytest.raises(AttributeError):
        dialect.quote = "'"  # type: ignore[misc]


def test_importing_the_command_line_loads_no_driver() -> None:
    code = "import sys, schemacog.cli, schemacog.db.backends; print(sorted(sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    for driver in ("duckdb", "psycopg", "pymysql", "schemacog.db.engines"):
        assert f"'{driver}'" not in loaded


VALUES = [
    decimal.Decimal("-1.50"),
    dt.datetime(2024, 1, 31, 12, 30, tzinfo=dt.UTC),
    dt.datetime(2024, 1, 31, 12, 30, 0, 5),
    dt.date(2024, 1, 31),
    dt.time(23, 59, 1),
    uuid.UUID("12345678-1234-5678-1234-567812345678"),
    b"\x00\xff",
    {"a": [1, None]},
    [1, "x"],
    "text",
    7,
    1.5,
    True,
    None,
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_codec_round_trips_through_json(value: object) -> None:
    back = decode(json.loads(json.dumps(encode(value))))  # type: ignore[arg-type]
    assert back == value
    assert type(back) is type(value)


def test_the_isolated_runner_decodes_with_the_same_codec() -> None:
    """The child loads sandbox/codec.py by its path (``python -I``)."""
    runner = files("schemacog.verify").joinpath("runner.py")
    code = (
        "import runpy, sys, json; "
        f"d = runpy.run_path({str(runner)!r})['decode']; "
        "print(repr([d(v) for v in json.load(sys.stdin)]))"
    )
    child = subprocess.run(
        [sys.executable, "-I", "-c", code],
        input=json.dumps([encode(v) for v in VALUES]),  # type: ignore[arg-type]
        capture_output=True,
        text=True,
        check=True,
        cwd="/",
    )
    assert child.stdout.strip() == repr(VALUES)


@pytest.mark.parametrize("name", sorted(DIALECTS))
def test_an_engine_answers_a_value_its_driver_cannot_send(name: str) -> None:
    """A lone surrogate (or a 65-bit integer in SQLite) is a refusal, never a traceback."""
    schema = load_schema_text(
        "schemacog: 1\nname: x\ntables:\n  t:\n    columns:\n"
        "      id: {type: bigint, primary_key: true}\n      s: {type: text, nullable: true}\n",
        "x.yaml",
    )
    engine = real_engine(name)
    try:
        engine.run_script(render_ddl(schema, name))
        table = schema.table("t")
        assert isinstance(engine.insert(table, {"id": 1, "s": "a\ud800b"}), str)
        if name == "sqlite":
            assert isinstance(engine.insert(table, {"id": 2**63}), str)
    finally:
        engine.close()
