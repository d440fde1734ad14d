"""Enum values (and their Python members) that a reader cannot tell apart are refused at
the second one (issue 17, item 13): ``PAID`` and ``PAID`` with Cyrillic letters, Greek
capitals, NFKC forms, aliases. Table, column and enum names are ASCII identifiers, so
they have no lookalikes to compare."""

from __future__ import annotations

import pytest

from schemacog.errors import SchemaError
from schemacog.naming import lookalike
from schemacog.schema.validate import load_schema_text


def _schema(values: str) -> str:
    return (
        "schemacog: 1\nname: tiny\nenums:\n"
        f"  status: {{values: {values}}}\n"
        "tables:\n  thing:\n    columns:\n      id: {type: integer, primary_key: true}\n"
    )


@pytest.mark.parametrize(
    ("values", "at", "said"),
    [
        ("[PAID, \u0420\u0410ID]", "\u0420", "'\u0420\u0410ID' looks like 'PAID'"),  # Cyrillic
        ("[paid, \u0440\u0430id]", "\u0440", "looks like 'paid'"),  # Cyrillic lower case
        ("[OPEN, \u039fPEN]", "\u039f", "GREEK CAPITAL LETTER OMICRON"),
        ("{open: , x: {aliases: [\u043epen]}}", "x:", "alias '\u043epen' of 'x' looks like 'open'"),
        ("[\u0441ase, \uff43ase]", "\uff43", "looks like '\u0441ase'"),  # NFKC: fullwidth c
    ],
)
def test_lookalike_values_are_refused_at_the_second(values: str, at: str, said: str) -> None:
    """The error is at the second value (an alias's: at its value)."""
    text = _schema(values)
    with pytest.raises(SchemaError) as raised:
        load_schema_text(text)
    [problem] = raised.value.problems
    column = text.splitlines()[3].index(at) + 1
    assert (problem.pos.line, problem.pos.col) == (4, column), problem
    assert said in problem.message
    assert problem.message.endswith("use one script for the values of an enum")


@pytest.mark.parametrize(
    "values", ["[caf\u00e9, cafe]", "[\u041c\u043e\u0441\u043a\u0432\u0430, Moskva]", "[a1, al]"]
)
def test_values_that_only_share_letters_are_kept(values: str) -> None:
    schema = load_schema_text(_schema(values))
    assert len(schema.enums[0].values) == 2


def test_the_skeleton_reads_every_cyrillic_and_greek_capital_of_the_table_as_latin() -> None:
    assert (
        lookalike("\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425")
        == "abekmhopctx"
    )
    assert (
        lookalike("\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a7")
        == "abezhikmnoptx"
    )
