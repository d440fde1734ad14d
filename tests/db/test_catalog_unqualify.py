"""The PostgreSQL catalog is read with the system's schema alone on the search path, so
its functions write the schema read in front of its names: taken off again, outside
string literals and quoted names only."""

from __future__ import annotations

import pytest

from schemacog.db.catalog.postgres import _Unqualify


@pytest.mark.parametrize(
    ("prefix", "text", "expected"),
    [
        ("public.", "public.mood", "mood"),
        ("public.", "public.mood[]", "mood[]"),
        ("public.", "(m = 'a'::public.mood)", "(m = 'a'::mood)"),
        ("public.", "(m = 'public.x'::public.mood)", "(m = 'public.x'::mood)"),  # a literal
        ("public.", "nextval('public.s'::regclass)", "nextval('public.s'::regclass)"),
        ("public.", "(x.public.y)", "(x.public.y)"),  # part of another name
        ("public.", "notpublic.y", "notpublic.y"),
        (
            '"My Schema".',
            'CREATE INDEX i ON "My Schema".t USING btree (a)',
            "CREATE INDEX i ON t USING btree (a)",
        ),
        ('"My Schema".', '"My Schema"."Mood"', '"Mood"'),
        ('"My Schema".', "'it''s \"My Schema\".x'", "'it''s \"My Schema\".x'"),
        ("s.", '("s.x" = 1)', '("s.x" = 1)'),  # a quoted name that holds the prefix
        # a call keeps it: the schema's function is not the system's of its name
        ("public.", "(public.char_length(c) <= 5)", "(public.char_length(c) <= 5)"),
        ('"My Schema".', '"My Schema"."f" (c)', '"My Schema"."f" (c)'),
        ("public.", "FOREIGN KEY (a) REFERENCES public.p(id)", "FOREIGN KEY (a) REFERENCES p(id)"),
    ],
)
def test_the_schema_is_taken_off_names_only(prefix: str, text: str, expected: str) -> None:
    assert _Unqualify(prefix)(text) == expected
