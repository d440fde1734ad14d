"""The Python checks of verify on hostile hand-written text: no traceback, bounded output."""

from __future__ import annotations

from schemacog.engine.scan import cog_blocks
from schemacog.verify import python


def test_text_nested_past_the_compiler_is_a_compile_failure_not_a_traceback() -> None:
    for text in ("x = " + "1+" * 300_000 + "1", "x = a" + ".b" * 300_000):
        [finding] = python.compile_errors("m.py", text)
        assert str(finding) == "m.py:1: does not compile: too large or too deeply nested"
        assert python.unsafe_calls("m.py", text, {1}) == []
        assert python.hand_written_line(text, []) == 1


def test_a_decorator_is_code_of_the_statement_below_it() -> None:
    text = "# [[[cog sc.python.enum('e') ]]]\nclass E:\n    pass\n# [[[end]]]\n"
    assert python.hand_written_line(text, cog_blocks(text)) is None
    decorated = text.replace("# [[[cog", "@print\n# [[[cog")
    assert python.hand_written_line(decorated, cog_blocks(decorated)) == 1


def test_a_tools_output_is_shown_up_to_a_limit() -> None:
    lines = [f"m.py:{n}:1: E501 Line too long" for n in range(1, 5001)]
    shown = python._shortened("\n".join(lines)).splitlines()
    assert len(shown) == python.MAX_SHOWN_LINES + 1
    assert shown[-1] == f"... {5000 - python.MAX_SHOWN_LINES} more line(s)"
    assert python._shortened("a\nb") == "a\nb"
