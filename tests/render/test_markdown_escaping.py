"""Schema text in Markdown and Mermaid is text, nothing else (issue 17, item 13).

Markdown is read back with a CommonMark parser (markdown-it-py, tables enabled): a
description, in a paragraph or in a table cell, must give exactly the block it was put
in, and its inline content must read back as the text itself (nothing became emphasis,
code, a link, HTML or an entity). Mermaid labels may hold only plain characters and
entity codes, and the codes must read back as the text.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from schemacog.render.docs import md_text, mermaid_text, render_enum, render_erd, render_table
from schemacog.schema.validate import load_schema_text

PARSER = MarkdownIt("commonmark").enable("table")
BLOCK_MARKERS = [
    "#", "##", "###### ", ">", "-", "+", "*", "1.", "1)", "123456789.", "```", "~~~", "    ",
    "|", "| a |", "<div>", "<!--", "<script>", "===", "---", "***", "___", "- - -", "[x]: /u",
    "[^1]:", "&amp;", "&#35;", "\\", "`", "**", "_", "<br>", "![i](x)", "[l](http://x)",
]  # fmt: skip
PREFIXES = ["", " ", "  ", "   ", "    ", "\t", " \t", "\t\t", "\n", "\n   "]
TEXT = st.text(
    alphabet=st.sampled_from(list(" \t\nab1.#>-+*=`~|<>_[]()!&;\\:\"'%{}é")), max_size=30
)
HOSTILE = st.builds(
    lambda prefix, marker, rest: prefix + marker + rest,
    st.sampled_from(PREFIXES),
    st.sampled_from(BLOCK_MARKERS),
    TEXT,
)


def _read_back(inline: Token) -> str:
    """The text an inline token shows: text as it is, ``<br>`` as a line break; any other
    child (emphasis, code, a link, other HTML) fails the test."""
    shown = []
    for child in inline.children or []:
        if child.type == "text":
            shown.append(child.content)
        elif child.type == "html_inline" and child.content == "<br>":
            shown.append("\n")
        else:
            raise AssertionError(f"{child.type} {child.content!r} in {inline.content!r}")
    return "".join(shown)


def _expected(text: str) -> str:
    return text.replace("\t", " ").strip(" \n")


@settings(max_examples=400, deadline=None)
@given(st.one_of(HOSTILE, TEXT))
@example("   # heading")
@example("\t> quote")
@example("    indented code")
@example("  ```")
@example("x\n===")
def test_a_description_paragraph_is_one_paragraph_of_its_text(text: str) -> None:
    shown = md_text(text)
    if not shown:
        assert not _expected(text)
        return
    tokens = PARSER.parse(f"### `t`\n\n{shown}\n\n| a |\n| --- |\n| x |\n")
    opened = [t.type for t in tokens if t.level == 0 and t.nesting == 1]
    assert opened == ["heading_open", "paragraph_open", "table_open"], shown
    assert _read_back(tokens[4]) == _expected(text)


@settings(max_examples=400, deadline=None)
@given(st.one_of(HOSTILE, TEXT), st.one_of(HOSTILE, TEXT))
def test_a_table_cell_is_one_cell_of_its_text(first: str, second: str) -> None:
    source = f"| a | b |\n| --- | --- |\n| {md_text(first)} | {md_text(second)} |\n"
    tokens = PARSER.parse(source)
    assert [t.type for t in tokens if t.level == 0 and t.nesting == 1] == ["table_open"]
    cells = [t for t in tokens if t.type == "inline"]
    assert len(cells) == 4  # two headers, one row of two cells
    assert [_read_back(cell) for cell in cells[2:]] == [_expected(first), _expected(second)]


def _unmermaid(text: str) -> str:
    return re.sub(r"#(\d+);", lambda m: chr(int(m[1])), text.replace("#quot;", '"'))


@settings(max_examples=400, deadline=None)
@given(st.one_of(HOSTILE, TEXT, st.text(max_size=20)))
@example("%%{init: {'theme': 'dark'}}%%")
@example('x" ; click a callback "y')
@example("<img src=x onerror=alert(1)> `md` #35; &lt;")
def test_a_mermaid_label_holds_only_plain_characters(text: str) -> None:
    shown = mermaid_text(text)
    assert re.fullmatch(r"(?:[\w .,:;\-()/'+=!?*@$\[\]]|#\d+;|#quot;)*", shown), shown
    assert not set(shown) & set('%"`<>{}&')
    assert _unmermaid(shown) == " ".join(text.split())


HOSTILE_SCHEMA = """schemacog: 1
name: tiny
enums:
  mood:
    description: "   # an enum heading?"
    values: {calm: "\\t> a quote?", busy: "    code?"}
tables:
  thing:
    description: "  ```\\nfenced?"
    columns:
      id: {type: integer, primary_key: true, description: "%%{init: {'theme': 'dark'}}%%"}
      label: {type: string, description: "   1. a list?\\n  ---"}
      mood: {type: enum, enum: mood, description: "<script>x</script> | cell"}
"""


def test_rendered_docs_of_a_hostile_schema_have_only_their_own_blocks() -> None:
    schema = load_schema_text(HOSTILE_SCHEMA, "schema.yaml")
    table = PARSER.parse(render_table(schema, schema.tables[0]))
    assert [t.type for t in table if t.level == 0 and t.nesting == 1] == [
        "heading_open",
        "paragraph_open",
        "table_open",
    ]
    rows = [t for t in table if t.type == "tr_open"]
    assert len(rows) == 4  # the header and one row per column
    enum = PARSER.parse(render_enum(schema, schema.enums[0]))
    assert [t.type for t in enum if t.level == 0 and t.nesting == 1] == [
        "heading_open",
        "paragraph_open",
        "table_open",
    ]
    erd = render_erd(schema)
    assert "%" not in erd
    assert "<" not in erd
