"""Rendered text and the marked-file reader cannot disagree (issue 17, item 13): the engine
checks every rendered region with the reader's own ``decode_marked`` (and refuses more:
every character no schema string may hold), so no run writes a file the next refuses."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from schemacog.engine.files import FileProblem, decode_marked
from schemacog.engine.marker_context import MarkerContext, activated, emitted
from schemacog.errors import SchemacogError
from schemacog.schema.validate import load_schema_text

SCHEMA = load_schema_text(
    "schemacog: 1\nname: t\ntables:\n  t:\n    columns:\n      id: {type: integer}\n"
)
CONTEXT = MarkerContext(SCHEMA, None, "out/m.py", 3, emit=False)
TEXT = st.text(st.sampled_from(list("ab \t\n\r\x00\x1b\x85\u2028\u202e\ud800\udcff\ufeffé")))


def _readable(text: str) -> bool:
    """Would a marked file holding ``text`` in an LF file, and in a CRLF file, be read?"""
    for newline in ("\n", "\r\n"):
        body = f"# [[[cog x ]]]\n{text}\n# [[[end]]]\n".replace("\n", newline)
        try:
            decode_marked(body.encode("utf-8", "surrogatepass"), "out/m.py")
        except FileProblem:
            return False
    return True


@settings(max_examples=500, deadline=None)
@given(TEXT)
@example("a\rb")
@example("a\r\nb")
@example("\x00")
@example("\ud800")
def test_what_emitted_accepts_the_reader_reads(text: str) -> None:
    try:
        with activated(CONTEXT):
            emitted(CONTEXT, text)
    except SchemacogError as exc:
        [problem] = exc.problems
        assert (problem.pos.path, problem.pos.line) == ("out/m.py", 3)  # at the marker
        return
    assert _readable(text)


@pytest.mark.parametrize("text", ["a\rb", "a\r\nb", "nul\x00", "\ud800", "x\U0001f600\r"])
def test_what_the_reader_refuses_emitted_refuses(text: str) -> None:
    assert not _readable(text)
    with activated(CONTEXT), pytest.raises(SchemacogError):
        emitted(CONTEXT, text)
