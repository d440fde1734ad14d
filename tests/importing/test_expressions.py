"""Normalizing a stored CHECK never makes two different rules equal: a cast is left out
only where it changes no value, and SQLite's quoted numbers stay text (an attacker's
CHECKs read as schemacog's: ``char_length((b)::bytea::text) <= 10`` as ``max_length:
10``, ``length(b) >= '1'`` in SQLite, which refuses every row, as ``min_length: 1``)."""

from __future__ import annotations

import pytest

from schemacog.importing.columns import stored_form


@pytest.mark.parametrize(
    ("dialect", "stored", "rendered"),
    [
        ("postgres", "CHECK ((n >= '-1.5'::numeric))", "n >= -1.5"),
        ("postgres", "CHECK ((n >= (0)::numeric))", "n >= 0"),
        ("postgres", "CHECK ((char_length((b)::text) <= 10))", "char_length(b) <= 10"),
        ("postgres", "CHECK ((c = ANY (ARRAY['a'::text, 'b'::text])))", "c IN ('a', 'b')"),
        ("mariadb", "`n` >= '1'", "n >= 1"),
    ],
)
def test_what_the_engine_adds_compares_equal(dialect: str, stored: str, rendered: str) -> None:
    assert stored_form(dialect, stored) == stored_form(dialect, rendered)


@pytest.mark.parametrize(
    ("dialect", "stored", "rendered"),
    [
        ("postgres", "CHECK ((char_length(((b)::bytea)::text) <= 10))", "char_length(b) <= 10"),
        ("postgres", "CHECK (((n)::integer >= 1))", "n >= 1"),
        ("postgres", "CHECK ((length(b)::numeric >= 1))", "length(b) >= 1"),
        ("postgres", "CHECK ((upper(b)::text = 'A'))", "upper(b) = 'A'"),
        ("sqlite", "length(b) >= '1'", "length(b) >= 1"),
        ("postgres", "CHECK ((c ~ ('^ab$'::character(2))::text))", "c ~ '^ab$'"),
        ("postgres", "CHECK ((v >= (0.1)::real))", "v >= 0.1"),
        ("postgres", "CHECK ((n >= '1.5'::integer))", "n >= 1.5"),
        ("postgres", "CHECK ((public.char_length(c) <= 5))", "char_length(c) <= 5"),
    ],
)
def test_a_cast_or_a_quote_that_changes_the_rule_is_kept(
    dialect: str, stored: str, rendered: str
) -> None:
    assert stored_form(dialect, stored) != stored_form(dialect, rendered)
