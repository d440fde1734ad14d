"""``renamed_from`` (issue 18, item 3): earlier names, read and checked in their scope.

A rename names an old name that is gone: a hint naming a current name (a swap, a chain,
an old name still there), two members claiming one old name, or a member naming itself
is refused at the hint. An enum value's old spelling becomes an alias of the cleaner.
"""

from __future__ import annotations

import pytest

from schemacog.errors import SchemaError
from schemacog.naming import normalized_spelling
from schemacog.render.cleaning_shared import shared_definitions
from schemacog.render.python_needs import EnumSpellings, SharedBlock
from schemacog.schema.validate import load_schema_text

GOOD = """\
schemacog: 1
name: s
enums:
  status:
    renamed_from: state
    values:
      open: {description: Open., renamed_from: opened}
      closed: {renamed_from: [shut, done]}
tables:
  account:
    renamed_from: [user, member]
    columns:
      id: {type: bigint, primary_key: true}
      email: {type: string, renamed_from: mail}
      st: {type: enum, enum: status, default: open}
    indexes:
      - {columns: [email], name: ix_email, renamed_from: ix_mail}
"""


def test_histories_are_read_oldest_first_on_every_kind() -> None:
    schema = load_schema_text(GOOD)
    account = schema.table("account")
    status = schema.enum("status")
    assert account.renamed_from == ("user", "member")
    assert account.column("email").renamed_from == ("mail",)
    assert account.column("id").renamed_from == ()
    assert account.indexes[0].renamed_from == ("ix_mail",)
    assert status.renamed_from == ("state",)
    assert [v.renamed_from for v in status.values] == [("opened",), ("shut", "done")]


def test_an_old_enum_spelling_is_an_alias_the_cleaner_reads() -> None:
    status = load_schema_text(GOOD).enum("status")
    assert [v.aliases for v in status.values] == [("opened",), ("shut", "done")]
    schema = load_schema_text(GOOD)
    text = shared_definitions(schema, {SharedBlock.CLEANING_RUNTIME, EnumSpellings("status")})
    for old, new in (("opened", "open"), ("shut", "closed"), ("done", "closed")):
        assert f"{normalized_spelling(old)!r}: {new!r}".replace("'", '"') in text


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        (
            "tables:\n  a:\n    columns: {id: {type: bigint}}\n"
            "  b:\n    renamed_from: [x, a]\n    columns: {id: {type: bigint}}\n",
            ("[x, a]", "a"),
            "'a' is still one of the tables",
        ),
        (
            "tables:\n  a:\n    renamed_from: b\n    columns: {id: {type: bigint}}\n"
            "  b:\n    renamed_from: a\n    columns: {id: {type: bigint}}\n",
            ("renamed_from: b", "b"),
            "'b' is still one of the tables",
        ),
        (
            "tables:\n  t:\n    columns:\n      a: {type: bigint, renamed_from: z}\n"
            "      b: {type: bigint, renamed_from: z}\n",
            ("b: {type: bigint, renamed_from: z}", "z"),
            "'z' is claimed by both 'a' and 'b'",
        ),
        (
            "tables:\n  t:\n    columns:\n      a: {type: bigint, renamed_from: [a]}\n",
            ("[a]", "a"),
            "names column 'a' of table 't' itself",
        ),
        (
            "enums:\n  e: {renamed_from: f, values: [x]}\n  f: {values: [y]}\n"
            "tables:\n  t:\n    columns: {id: {type: bigint}}\n",
            ("renamed_from: f,", "f,"),
            "'f' is still one of the enums",
        ),
        (
            "enums:\n  e:\n    values:\n      x: {renamed_from: y}\n      y: {}\n"
            "tables:\n  t:\n    columns: {id: {type: bigint}}\n",
            ("{renamed_from: y}", "y"),
            "'y' is still one of the values of enum 'e'",
        ),
        (
            "tables:\n  t:\n    columns: {id: {type: bigint}}\n    indexes:\n"
            "      - {columns: [id], name: i1, renamed_from: i2}\n"
            "      - {columns: [id], name: i2}\n",
            ("renamed_from: i2", "i2"),
            "'i2' is still one of the index names of table 't'",
        ),
        (
            "tables:\n  t:\n    renamed_from: []\n    columns: {id: {type: bigint}}\n",
            ("[]", "["),
            "renamed_from of table 't' must not be empty",
        ),
        (
            "tables:\n  t:\n    renamed_from: {a: 1}\n    columns: {id: {type: bigint}}\n",
            ("{a: 1}", "{"),
            "must be a name or a list of names",
        ),
    ],
)
def test_a_wrong_hint_is_refused_where_it_is_written(
    old: str, new: tuple[str, str], said: str
) -> None:
    text = "schemacog: 1\nname: s\n" + old
    with pytest.raises(SchemaError) as raised:
        load_schema_text(text)
    [problem] = [p for p in raised.value.problems if said in p.message]
    line_text, at = new
    [line] = [n for n, line in enumerate(text.splitlines(), 1) if line_text in line]
    column = text.splitlines()[line - 1].index(line_text) + line_text.index(at) + 1
    assert (problem.pos.line, problem.pos.col) == (line, column), problem
