"""Wide rows load in every engine, or the schema says why not (#14, red team).

InnoDB keeps at most 8,126 bytes of a row in its page (strict mode), a VARCHAR of up to
255 bytes whole and a longer one or a LONGTEXT as a pointer of about 22 bytes; a row holds
at most 65,535 bytes outside LONGTEXT. PostgreSQL keeps 8,160 bytes of a row, a toasted
value as an 18-byte pointer. A schema whose rows cannot fit is refused at its columns;
one that fits loads everywhere, MariaDB's DDL moving the VARCHARs that no primary or
foreign key needs to LONGTEXT, the largest first.
"""

from __future__ import annotations

import hashlib

import pytest
from layers import loaded_engine

from schemacog.db.backends import DIALECTS
from schemacog.errors import SchemaError
from schemacog.model import Value
from schemacog.render.sql.ddl import render_ddl
from schemacog.schema.validate import load_schema_text


def _schema(columns: dict[str, str], extra: str = "") -> str:
    body = "".join(f"      {name}: {keys}\n" for name, keys in columns.items())
    head = "schemacog: 1\nname: wide\ntables:\n  t:\n    columns:\n"
    return head + "      id: {type: integer, primary_key: true}\n" + body + extra


def _noise(n: int, seed: int) -> str:
    """``n`` hex characters that do not compress."""
    chunks = (hashlib.sha256(f"{seed}-{i}".encode()).hexdigest() for i in range(n // 64 + 1))
    return "".join(chunks)[:n]


WIDE = {
    "indexed": (
        {"c": "{type: string, max_length: 9000}", "d": "{type: string, max_length: 9000}"},
        "    indexes:\n      - {columns: [c]}\n      - {columns: [d]}\n",
        {"c": "c" * 9000, "d": "d" * 9000},
    ),
    "unique": (
        {f"u{i}": "{type: string, max_length: 768, unique: true}" for i in range(22)},
        "",
        {f"u{i}": _noise(768, i) for i in range(22)},
    ),
    "short": (
        {f"s{i}": "{type: string, max_length: 62}" for i in range(40)},
        "",
        {f"s{i}": "é" * 62 for i in range(40)},
    ),
    "uuids": (
        {f"u{i}": "{type: uuid}" for i in range(499)},
        "",
        {f"u{i}": "00000000-0000-0000-0000-000000000001" for i in range(499)},
    ),
    "texts": (
        {f"t{i}": "{type: text}" for i in range(355)},
        "",
        {f"t{i}": _noise(3000, i) for i in range(355)},
    ),
}


@pytest.mark.parametrize("case", sorted(WIDE))
@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_a_wide_table_that_fits_loads_and_takes_a_full_row(dialect: str, case: str) -> None:
    columns, extra, row = WIDE[case]
    schema = load_schema_text(_schema(columns, extra), "wide.yaml")
    values: dict[str, Value] = {"id": 1, **row}
    if case == "uuids":
        import uuid

        values = {"id": 1, **{k: uuid.UUID(str(v)) for k, v in row.items()}}
    with loaded_engine(dialect, render_ddl(schema, dialect)) as engine:
        assert engine.insert(schema.table("t"), values) is None


def test_mariadb_moves_and_widens_varchars_to_fit() -> None:
    ddl = render_ddl(load_schema_text(_schema(*WIDE["indexed"][:2]), "w.yaml"), "mariadb")
    assert "    c LONGTEXT NOT NULL," in ddl
    assert "CONSTRAINT ck_t_c_max_length CHECK (CHAR_LENGTH(c) <= 9000)" in ddl
    assert "ON t (c(255));" in ddl
    ddl = render_ddl(load_schema_text(_schema(WIDE["short"][0]), "w.yaml"), "mariadb")
    assert ddl.count(" LONGTEXT NOT NULL,") > 0  # some of the 40 short ones, not all
    assert ddl.count(" VARCHAR(63) NOT NULL,") > 0


@pytest.mark.parametrize(
    ("columns", "width"),
    [
        ({f"u{i}": "{type: uuid}" for i in range(505)}, 8172),
        ({f"b{i}": "{type: bigint}" for i in range(1000)}, 8154),
        ({f"t{i}": "{type: text}" for i in range(390)}, 8657),
    ],
)
def test_a_table_whose_rows_cannot_fit_is_refused(columns: dict[str, str], width: int) -> None:
    with pytest.raises(SchemaError) as caught:
        load_schema_text(_schema(columns), "wide.yaml")
    [problem] = caught.value.problems
    assert f"can hold rows of {width} bytes" in str(problem), str(problem)
    assert str(problem).startswith("wide.yaml:6:7: table 't'"), str(problem)
