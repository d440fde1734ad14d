"""A pattern ``check_portable`` accepts compiles in every engine and is matched alike (#14).

The red team found accepted patterns that MariaDB's PCRE2 could not compile (``regular
expression is too large``), that DuckDB's RE2 refused (``\\—``), and that made MariaDB hit
its match limit on a valid row (``a?a?...aaa``). Here the largest and most ambiguous
patterns still accepted go through every engine's CHECK on rows that match and rows that
do not, and must agree with Python.
"""

from __future__ import annotations

import re

import pytest
from layers import loaded_engine

from schemacog.db.backends import DIALECTS
from schemacog.model import Value
from schemacog.render.sql.ddl import render_ddl
from schemacog.schema.patterns import PYTHON_FLAGS, check_portable, python_pattern
from schemacog.schema.validate import load_schema_text

# (pattern, texts to match): near each limit of pattern_cost, and the common shapes
LIMITS = {
    "classes": ("^" + "[0-9]{200}" * 9 + "$", ["1" * 1800, "1" * 1799 + "x"]),
    "literals": ("^" + "ab" * 9_000 + "$", ["ab" * 9_000, "ab" * 8_999 + "ac"]),
    "nested": ("^(?:a{200}){5}$", ["a" * 1000, "a" * 999]),
    "emoji": ("^" + "\U0001f600" * 11_900 + "$", ["\U0001f600" * 11_900, "\U0001f600" * 11_899]),
    "wide_class": ("^" + "[aéĀ-ſ一-龥]" * 1_300 + "$", ["é" * 1_300, "é" * 1_299 + "b"]),
    "colors": (
        "^" + "".join(chr(0x100 + i) for i in range(200)) + "[^a]{250}" * 5 + "[^a]{150}$",
        ["".join(chr(0x100 + i) for i in range(200)) + "b" * 1400, "b" * 1600],
    ),
    "optional": ("^" + "a?" * 13 + "a" * 13 + "$", ["a" * 13, "a" * 26, "a" * 27, "a" * 12]),
    "two_stars": ("^a*a*$", ["a" * 3000, "a" * 3000 + "b"]),
    "slug": ("^[a-z0-9]+(?:-[a-z0-9]+)*$", ["a-b-c", "a--b", "-a", "a" * 3000 + "-"]),
    "email": (
        r"^\w+(?:\.\w+)*@\w+(?:\.\w+)+$",
        ["a.b@c.de", "a..b@c.de", "a@b", "a" * 3000 + "@"],
    ),
    "dotted": (r"^([a-z]+\.)*[a-z]+$", ["a.b.c", "a.b.", "." + "a" * 3000]),
}
# texts past the 10,000 characters a pattern implies need a max_length (#17)
LONGER = {"literals": ", max_length: 20000", "emoji": ", max_length: 20000"}
# one table per pattern: MariaDB holds about 64 KiB of CHECKs a table
SCHEMA = "schemacog: 1\nname: limits\ntables:\n" + "".join(
    f"  {name}:\n    columns:\n      id: {{type: integer, primary_key: true}}\n"
    f"      v: {{type: text, nullable: true, pattern: '{pattern}'{LONGER.get(name, '')}}}\n"
    for name, (pattern, _) in LIMITS.items()
)


def test_every_pattern_here_is_accepted() -> None:
    for pattern, _ in LIMITS.values():
        check_portable(pattern)


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_every_engine_compiles_them_and_agrees_with_python(dialect: str) -> None:
    schema = load_schema_text(SCHEMA, "limits.yaml")
    ddl = render_ddl(schema, dialect)
    checked = dialect != "sqlite"  # SQLite has no regular expressions (declared)
    assert "Not enforced by MariaDB: pattern" not in ddl  # every table has room
    with loaded_engine(dialect, ddl) as engine:
        for name, (pattern, texts) in LIMITS.items():
            compiled = re.compile(python_pattern(pattern), PYTHON_FLAGS)
            for number, text in enumerate(texts):
                row: dict[str, Value] = {"id": number, "v": text}
                accepted = engine.insert(schema.table(name), row) is None
                expected = compiled.search(text) is not None or not checked
                assert accepted == expected, (dialect, name, text[:40])


def test_mariadb_leaves_out_the_largest_checks_of_a_table_without_room() -> None:
    """Its table definition holds about 64 KiB: four patterns of 16,000 characters do
    not fit (ERROR 1117), so the largest is left out, declared, and not expected."""
    columns = "".join(
        f"      c{i}: {{type: text, nullable: true, max_length: 16000, "
        f"pattern: '^{letter * 16_000}$'}}\n"
        for i, letter in enumerate("abcd")
    )
    text = "schemacog: 1\nname: full\ntables:\n  t:\n    columns:\n"
    text += "      id: {type: integer, primary_key: true}\n" + columns
    schema = load_schema_text(text, "full.yaml")
    ddl = render_ddl(schema, "mariadb")
    declared = [x for x in ddl.splitlines() if "bytes of CHECKs a table" in x]
    assert [x.split(": ")[1] for x in declared] == ["pattern of c0"]
    with loaded_engine("mariadb", ddl) as engine:
        table = schema.table("t")
        assert engine.insert(table, {"id": 1, "c0": "x"}) is None  # left out: declared
        assert engine.insert(table, {"id": 2, "c3": "x"}) is not None  # kept
