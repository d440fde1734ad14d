"""``\\d \\w \\s`` mean ASCII in every layer (#14, item 5).

Each engine reads the shorthand classes its own way on other characters, so every layer
gets explicit ASCII sets. The oracle is Python's ``re`` with ``re.ASCII`` on the pattern
as written: the validator, the pydantic model and every engine with regular expressions
(PostgreSQL, DuckDB, MariaDB; SQLite has none) must agree with it on non-ASCII digits,
letters and spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from layers import Generated, generate, loaded_engine, model_accepts

from schemacog.db import engines
from schemacog.db.backends import DIALECTS
from schemacog.schema.patterns import PatternError, check_portable

PATTERNS = {
    "digits": r"^\d{3}$",
    "word": r"^\w+$",
    "nonspace": r"^\S+$",
    "space": r"^a\sb$",
    "digit_set": r"^[\d.]+$",
    "no_digit": r"^\D+$",
    "no_word": r"^\W$",
    "space_set": r"^[\s_]+$",
    "vertical": r"^a\vb$",
    "vertical_set": r"^[\v_]+$",
    "not_vertical": r"^[^\v]+$",
}
VALUES = [
    "123",
    "\u0661\u0662\u0663",  # Arabic-Indic digits
    "\uff11\uff12\uff13",  # fullwidth digits
    "stra\u00dfe",
    "abc",
    "a b",
    "a\tb",
    "a\u00a0b",
    "a\u2003b",
    "a\u0085b",
    "1.2",
    "\u00e9",
    " ",
    "\u3000",
    "a\x0bb",
    "a\nb",
    "\u2028",
]
SCHEMA = "schemacog: 1\nname: classes\ntables:\n  thing:\n    columns:\n"
SCHEMA += "      id: {type: integer, primary_key: true}\n"
SCHEMA += "".join(
    f"      {name}: {{type: text, nullable: true, pattern: '{pattern}'}}\n"
    for name, pattern in PATTERNS.items()
)
CASES = [(name, value) for name in PATTERNS for value in VALUES]


def _ascii(name: str, value: str) -> bool:
    """The oracle: the pattern as written, read by Python with ASCII classes."""
    source = PATTERNS[name].replace("$", r"\Z")
    return re.search(source, value, re.ASCII | re.DOTALL) is not None


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    return generate(tmp_path_factory.mktemp("classes"), SCHEMA, "thing", ("pydantic", "validator"))


@pytest.fixture(scope="module", params=sorted(d for d in DIALECTS if DIALECTS[d].regex))
def engine(request: pytest.FixtureRequest, project: Generated) -> Iterator[engines.Engine]:
    with loaded_engine(request.param, project.ddl[request.param]) as made:
        yield made


@pytest.mark.parametrize(("name", "value"), CASES)
def test_python_layers_read_the_classes_as_ascii(project: Generated, name: str, value: str) -> None:
    module = project.module
    expected = _ascii(name, value)
    row = {"id": 1, name: value}
    assert (module.validate_thing(row) == []) == expected, module.validate_thing(row)
    assert model_accepts(module.ThingModel, row) == expected


def test_each_engine_reads_the_classes_as_ascii(project: Generated, engine: engines.Engine) -> None:
    table = project.table
    wrong = []
    for number, (name, value) in enumerate(CASES):
        accepted = engine.insert(table, {"id": number, name: value}) is None
        if accepted != _ascii(name, value):
            wrong.append((name, ascii(value), accepted))
    assert wrong == [], engine.dialect


@pytest.mark.parametrize(
    "pattern", [r"[\D]", r"[a\W]", r"^[\S_]+$", r"^[\d-z]$", r"^[\w-z]$", r"^[\s-z]$", r"[\vA]"]
)
def test_classes_that_engines_read_apart_are_refused(pattern: str) -> None:
    with pytest.raises(PatternError, match=r"not portable|bad character range"):
        check_portable(pattern)
