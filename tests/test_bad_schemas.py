"""Table of bad schemas, each with the exact error lines ``validate`` must print.

Each case is a whole file; the expected lines are ``line:col: message`` (the path,
``bad.yaml``, is prefixed by the test). Every case also runs through the real CLI once
in ``test_cli.py`` to prove no traceback reaches the user.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from schemacog.errors import SchemaError
from schemacog.validate import load_schema

HEAD = "schemacog: 1\nname: t\ntables:\n"


def tables(body: str) -> str:
    """A schema whose ``tables:`` mapping is ``body`` (starting at line 4)."""
    return HEAD + body


def with_enums(enums: str, body: str) -> str:
    """A schema with ``enums:`` (starting at line 4) and then ``tables:``."""
    return f"schemacog: 1\nname: t\nenums:\n{enums}tables:\n{body}"


ID = "      id: {type: bigint, primary_key: true}\n"

CASES: list[tuple[str, str | bytes, list[str]]] = [
    ("empty file", "", ["1:1: schema file is empty"]),
    ("root is a list", "- a\n- b\n", ["1:1: the schema must be a mapping, found a list"]),
    (
        "missing version and tables",
        "name: t\n",
        [
            "1:1: the schema is missing required key 'schemacog'",
            "1:1: the schema is missing required key 'tables'",
        ],
    ),
    (
        "unsupported version",
        "schemacog: 2\nname: t\ntables: {}\n",
        ["1:12: unsupported schema format version 2; this schemacog reads 'schemacog: 1'"],
    ),
    (
        "top-level typo",
        "schemacog: 1\nname: t\ntabels: {}\n",
        [
            "1:1: the schema is missing required key 'tables'",
            "3:1: unknown key 'tabels' in the schema; did you mean 'tables'?",
        ],
    ),
    (
        "schema name not an identifier",
        "schemacog: 1\nname: my-shop\ntables: {}\n",
        [
            "2:7: schema name 'my-shop' is not an identifier "
            "(a letter or '_', then letters, digits, '_'; at most 63 characters)"
        ],
    ),
    (
        "YAML syntax error",
        tables("  a: {columns: [\n"),
        ["5:1: invalid YAML: while parsing a flow node: did not find expected node content"],
    ),
    (
        "anchor and alias",
        tables("  a: &cols\n    columns:\n" + ID + "  b: *cols\n"),
        [
            "4:6: YAML anchors are not allowed (&cols)",
            "7:6: YAML aliases are not allowed (*cols)",
        ],
    ),
    (
        "explicit tag",
        tables("  a:\n    columns:\n      id: {type: !!str integer}\n"),
        ["6:18: YAML tags are not allowed (tag:yaml.org,2002:str)"],
    ),
    (
        "duplicate key",
        tables("  a:\n    columns:\n" + ID + ID),
        ["7:7: duplicate key 'id' (first defined at line 6)"],
    ),
    (
        "non-string key",
        tables("  a:\n    columns:\n      1: {type: integer}\n"),
        ["6:7: mapping keys must be strings, found integer 1", "6:7: table 'a' has no columns"],
    ),
    (
        "two documents",
        tables("  a:\n    columns:\n" + ID) + "---\nb: 1\n",
        ["7:1: a schema file holds one YAML document, found another"],
    ),
    (
        "invalid UTF-8",
        tables("  a:\n    description: caf").encode() + b"\xe9\n    columns:\n" + ID.encode(),
        ["5:21: invalid UTF-8 byte 0xe9"],
    ),
    (
        "nesting too deep",
        "schemacog: 1\nname: t\ntables: " + "[" * 70 + "]" * 70 + "\n",
        ["3:72: nesting is deeper than 64 levels"],
    ),
    (
        "control character in a description",
        tables('  a:\n    description: "bell\\a"\n    columns:\n' + ID),
        ["5:18: character U+0007 is not allowed in schema strings"],
    ),
    (
        "line separator in a description",
        tables('  a:\n    description: "one\\Ltwo"\n    columns:\n' + ID),
        ["5:18: character U+2028 is not allowed in schema strings"],
    ),
    (
        "cog marker in a description",
        tables("  a:\n    description: ends ]]] here\n    columns:\n" + ID),
        ["5:18: ']]]' is cog's marker syntax and is not allowed in schema strings"],
    ),
    (
        "unknown column key",
        tables("  a:\n    columns:\n      id: {type: bigint, nulable: true}\n"),
        ["6:26: unknown key 'nulable' in column 'id' of table 'a'; did you mean 'nullable'?"],
    ),
    (
        "unknown type",
        tables("  a:\n    columns:\n      id: {type: strng}\n"),
        ["6:18: unknown type 'strng'; did you mean 'string'?"],
    ),
    (
        "type missing",
        tables("  a:\n    columns:\n      id: {nullable: true}\n"),
        ["6:11: column 'id' of table 'a' is missing required key 'type'"],
    ),
    (
        "decimal without precision",
        tables("  a:\n    columns:\n      price: {type: decimal}\n"),
        ["6:14: column 'price' of table 'a' of type decimal needs 'precision'"],
    ),
    (
        "pattern on an integer",
        tables("  a:\n    columns:\n      n: {type: integer, pattern: '^1$'}\n"),
        ["6:26: 'pattern' does not apply to type integer (only to string, text)"],
    ),
    (
        "min greater than max",
        tables("  a:\n    columns:\n      n: {type: integer, min: 5, max: 2}\n"),
        ["6:39: max 2 is less than min 5"],
    ),
    (
        "min_length greater than max_length",
        tables("  a:\n    columns:\n      s: {type: string, min_length: 5, max_length: 2}\n"),
        ["6:52: max_length 2 is less than min_length 5"],
    ),
    (
        "pattern with lookahead",
        tables("  a:\n    columns:\n      s: {type: string, pattern: 'a(?=b)'}\n"),
        [
            "6:34: pattern 'a(?=b)': only (?: ) groups are portable: "
            "no lookaround, named groups or flags (at character 2)"
        ],
    ),
    (
        "pattern with a backreference",
        tables("  a:\n    columns:\n      s: {type: string, pattern: '(a)\\1'}\n"),
        [
            "6:34: pattern '(a)\\\\1': backreference or octal escape \\1 is not portable "
            "(at character 4)"
        ],
    ),
    (
        "pattern with an unclosed class",
        tables("  a:\n    columns:\n      s: {type: string, pattern: '[a-z'}\n"),
        ["6:34: pattern '[a-z': character class is not closed (at character 1)"],
    ),
    (
        "pattern with a word boundary",
        tables("  a:\n    columns:\n      s: {type: string, pattern: '\\bcat'}\n"),
        [
            "6:34: pattern '\\\\bcat': escape \\b is not portable "
            "(PostgreSQL, RE2 and PCRE differ) (at character 1)"
        ],
    ),
    (
        "default breaks the pattern",
        tables("  a:\n    columns:\n      s: {type: string, pattern: '^[a-z]+$', default: A1}\n"),
        ["6:55: default breaks its column's pattern rule: 'A1' does not match '^[a-z]+$'"],
    ),
    (
        "default null",
        tables("  a:\n    columns:\n      s: {type: string, nullable: true, default: null}\n"),
        ["6:50: default: null is the same as no default; remove it"],
    ),
    (
        "decimal default written as a float",
        tables("  a:\n    columns:\n      p: {type: decimal, precision: 5, default: 1.5}\n"),
        [
            "6:49: default: decimal 1.5 must be a quoted string ('1.5') or an integer: "
            "a YAML float is binary and loses digits"
        ],
    ),
    (
        "decimal default with too many places",
        tables(
            "  a:\n    columns:\n"
            "      p: {type: decimal, precision: 5, scale: 2, default: '1.125'}\n"
        ),
        ["6:59: default: 1.125 has more than 2 decimal places"],
    ),
    (
        "smallint default out of range",
        tables("  a:\n    columns:\n      n: {type: smallint, default: 40000}\n"),
        ["6:36: default: 40000 is out of range for smallint (-32768 to 32767)"],
    ),
    (
        "now on an integer",
        tables("  a:\n    columns:\n      n: {type: integer, default: now}\n"),
        ["6:35: default: expected an integer, found string 'now'"],
    ),
    (
        "timestamptz default without offset",
        tables(
            "  a:\n    columns:\n      t: {type: timestamptz, default: '2024-01-01T00:00:00'}\n"
        ),
        [
            "6:39: default: '2024-01-01T00:00:00' is not an ISO 8601 timestamp with offset "
            "(YYYY-MM-DDTHH:MM:SSZ or +HH:MM)"
        ],
    ),
    (
        "impossible date",
        tables("  a:\n    columns:\n      d: {type: date, default: 2024-02-30}\n"),
        ["6:32: default: '2024-02-30' is not a valid date"],
    ),
    (
        "boolean written as yes",
        tables("  a:\n    columns:\n      b: {type: boolean, default: yes}\n"),
        ["6:35: default: expected true or false, found string 'yes'"],
    ),
    (
        "nullable primary key",
        tables("  a:\n    columns:\n      id: {type: bigint, primary_key: true, nullable: true}\n"),
        ["6:55: a primary key column cannot be nullable"],
    ),
    (
        "identity that is not the primary key",
        tables("  a:\n    columns:\n" + ID + "      n: {type: integer, identity: true}\n"),
        ["7:36: an identity column must be the table's whole primary key"],
    ),
    (
        "identity on a string",
        tables("  a:\n    columns:\n      id: {type: string, primary_key: true, identity: true}\n"),
        ["6:45: 'identity' does not apply to type string (only to smallint, integer, bigint)"],
    ),
    (
        "two column-level primary keys",
        tables("  a:\n    columns:\n" + ID + "      b: {type: bigint, primary_key: true}\n"),
        [
            "7:25: several columns say primary_key; write a composite key as "
            "table-level primary_key: [id, b]"
        ],
    ),
    (
        "primary key at both levels",
        tables("  a:\n    columns:\n" + ID + "    primary_key: [id]\n"),
        ["7:5: primary key given twice: on column 'id' and at table level"],
    ),
    (
        "unknown column in the primary key",
        tables("  a:\n    columns:\n      id: {type: bigint}\n    primary_key: [idd]\n"),
        ["7:19: unknown column 'idd' in table 'a'; did you mean 'id'?"],
    ),
    (
        "unique repeats the primary key",
        tables("  a:\n    columns:\n" + ID + "    unique: [[id]]\n"),
        ["7:14: unique constraint (id) repeats the primary key"],
    ),
    (
        "reference to an unknown table",
        tables(
            "  customer:\n    columns:\n" + ID + "  o:\n    columns:\n"
            "      c: {type: bigint, references: custmer.id}\n"
        ),
        ["9:37: references unknown table 'custmer'; did you mean 'customer'?"],
    ),
    (
        "reference to an unknown column",
        tables("  a:\n    columns:\n" + ID + "      p: {type: bigint, references: a.idd}\n"),
        ["7:37: references unknown column a.idd; did you mean 'id'?"],
    ),
    (
        "reference to a column that is not unique",
        tables(
            "  a:\n    columns:\n" + ID + "      n: {type: bigint}\n"
            "      p: {type: bigint, references: a.n}\n"
        ),
        ["8:37: a(n) is not the primary key or unique in 'a'"],
    ),
    (
        "reference between different types",
        tables("  a:\n    columns:\n" + ID + "      p: {type: integer, references: a.id}\n"),
        ["7:38: column 'p' (integer) cannot reference a.id (bigint): types differ"],
    ),
    (
        "set_null on a column that is not nullable",
        tables(
            "  a:\n    columns:\n"
            + ID
            + "      p: {type: bigint, references: a.id, on_delete: set_null}\n"
        ),
        ["7:37: on_delete: set_null needs nullable columns (p)"],
    ),
    (
        "unknown on_delete action",
        tables(
            "  a:\n    columns:\n"
            + ID
            + "      p: {type: bigint, references: a.id, on_delete: cascde}\n"
        ),
        ["7:54: unknown on_delete action 'cascde'; did you mean 'cascade'?"],
    ),
    (
        "on_delete without references",
        tables("  a:\n    columns:\n" + ID + "      p: {type: bigint, on_delete: cascade}\n"),
        ["7:25: on_delete needs 'references' on the same column"],
    ),
    (
        "composite foreign key with unequal column counts",
        tables(
            "  a:\n    columns:\n" + ID + "      p: {type: bigint}\n      q: {type: bigint}\n"
            "    foreign_keys:\n"
            "      - {columns: [p, q], references: {table: a, columns: [id]}}\n"
        ),
        ["10:59: 2 columns reference 1 columns"],
    ),
    (
        "unknown enum",
        with_enums(
            "  status: {values: {a: A}}\n",
            "  a:\n    columns:\n      s: {type: enum, enum: statuss}\n",
        ),
        ["8:29: unknown enum 'statuss'; did you mean 'status'?"],
    ),
    (
        "enum on a string column",
        with_enums(
            "  status: {values: {a: A}}\n",
            "  a:\n    columns:\n      s: {type: string, enum: status}\n",
        ),
        ["8:25: 'enum' does not apply to type string (only to enum)"],
    ),
    (
        "enum values that collide as Python members",
        with_enums(
            "  status: {values: {in-progress: A, in_progress: B}}\n", "  a:\n    columns:\n" + ID
        ),
        ["4:37: enum values 'in-progress' and 'in_progress' both become Python member IN_PROGRESS"],
    ),
    (
        "enum value with surrounding spaces",
        with_enums("  status: {values: {'paid ': A}}\n", "  a:\n    columns:\n" + ID),
        ["4:21: enum value 'paid ' starts or ends with white space"],
    ),
    (
        "enum value over 63 bytes",
        with_enums("  status: {values: {" + "é" * 32 + ": A}}\n", "  a:\n    columns:\n" + ID),
        [f"4:21: enum value {'é' * 32!r} is longer than 63 bytes in UTF-8"],
    ),
    (
        "enum named like a SQL type",
        with_enums("  Text: {values: {a: A}}\n", "  a:\n    columns:\n" + ID),
        ["4:3: enum name 'Text' is a built-in SQL type name; choose another"],
    ),
    (
        "column named like a generated class",
        with_enums(
            "  status: {values: {a: A}}\n",
            "  a:\n    columns:\n" + ID + "      Status: {type: enum, enum: status}\n",
        ),
        ["9:7: column 'Status' would shadow the generated Python name Status"],
    ),
    (
        "missing_values that is not a list of strings",
        "schemacog: 1\nname: t\nmissing_values: [NA, null, NA]\ntables: {}\n",
        [
            "3:22: an entry of missing_values must be a string, found null",
            "3:28: 'NA' appears twice in missing_values",
        ],
    ),
    (
        "enum alias that reads like another value",
        with_enums(
            "  status:\n    values:\n      paid: Paid.\n"
            "      in-progress: {description: Busy., aliases: [PAID, ' x']}\n",
            "  a:\n    columns:\n" + ID,
        ),
        [
            "7:7: enum 'status': 'PAID' of 'in-progress' reads the same as 'paid' "
            "when case, spaces and hyphens are ignored",
            "7:50: alias ' x' of 'in-progress' is empty or has surrounding white space",
        ],
    ),
    (
        "soft bounds outside the hard bounds",
        tables(
            "  a:\n    columns:\n"
            "      n: {type: integer, min: 0, max: 10, warn_min: -1, warn_max: 20}\n"
        ),
        [
            "6:53: warn_min -1 is less than min 0",
            "6:67: max 10 is less than warn_max 20",
        ],
    ),
    (
        "soft bounds on a string",
        tables("  a:\n    columns:\n      s: {type: string, warn_max: 3}\n"),
        [
            "6:25: 'warn_max' does not apply to type string "
            "(only to smallint, integer, bigint, float, decimal)"
        ],
    ),
    (
        "example with an unknown column",
        tables("  a:\n    columns:\n" + ID + "    examples:\n      - {idd: 1}\n"),
        ["8:10: unknown column 'idd' in an example of table 'a'; did you mean 'id'?"],
    ),
    (
        "example missing a required column",
        tables(
            "  a:\n    columns:\n" + ID + "      n: {type: integer}\n"
            "    examples:\n      - {id: 1}\n"
        ),
        ["9:9: example breaks the not_null rule of 'a': n is missing"],
    ),
    (
        "example above max",
        tables(
            "  a:\n    columns:\n" + ID + "      n: {type: integer, max: 9}\n"
            "    examples:\n      - {id: 1, n: 10}\n"
        ),
        ["9:20: example breaks the max rule of 'a': 10 is greater than the maximum 9"],
    ),
    (
        "examples with the same primary key",
        tables("  a:\n    columns:\n" + ID + "    examples:\n      - {id: 1}\n      - {id: 1}\n"),
        ["9:14: example breaks the primary_key rule of 'a': duplicate primary key id=1"],
    ),
    (
        "examples that repeat a unique index",
        tables(
            "  a:\n    columns:\n" + ID + "      n: {type: integer, default: 0}\n"
            "    indexes: [{columns: [n], unique: true}]\n"
            "    examples:\n      - {id: 1}\n      - {id: 2}\n"
        ),
        ["11:9: example breaks the unique rule of 'a': duplicate unique n=0"],
    ),
    (
        "example referencing a missing row",
        tables(
            "  a:\n    columns:\n"
            + ID
            + "      p: {type: bigint, nullable: true, references: a.id}\n"
            "    examples:\n      - {id: 1, p: 2}\n"
        ),
        ["9:9: example breaks its foreign key: no a row with id=2"],
    ),
    (
        "invalid example that breaks no rule",
        tables("  a:\n    columns:\n" + ID + "    invalid_examples:\n      - {row: {id: 1}}\n"),
        ["8:15: invalid example breaks no rule of table 'a'"],
    ),
    (
        "table and enum with the same SQL name",
        with_enums("  Thing: {values: {a: A}}\n", "  thing:\n    columns:\n" + ID),
        ["6:3: table 'thing' has the same SQL name as enum 'Thing' (SQL ignores case)"],
    ),
    (
        "tables that become the same Python class",
        tables("  a_b:\n    columns:\n" + ID + "  a__b:\n    columns:\n" + ID),
        ["7:3: table 'a__b' and table 'a_b' both become Python class AB"],
    ),
    (
        "columns that differ only in case",
        tables("  a:\n    columns:\n" + ID + "      ID: {type: bigint}\n"),
        ["7:7: columns 'id' and 'ID' differ only in case"],
    ),
    (
        "columns that become the same Python field",
        tables(
            "  a:\n    columns:\n" + ID + "      class: {type: text}\n      class_: {type: text}\n"
        ),
        ["8:7: columns 'class' and 'class_' both become Python field class_"],
    ),
    (
        "column name that is not an identifier",
        tables("  a:\n    columns:\n" + ID + "      first name: {type: text}\n"),
        [
            "7:7: column name 'first name' is not an identifier "
            "(a letter or '_', then letters, digits, '_'; at most 63 characters)"
        ],
    ),
    (
        "too many columns",
        tables(
            "  wide:\n    columns:\n"
            + "".join(f"      c{i}: {{type: integer}}\n" for i in range(1601))
        ),
        ["6:7: table 'wide' has 1601 columns; the limit is 1600"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_schema_reports_exact_lines(
    tmp_path: Path, text: str | bytes, expected: list[str]
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    with pytest.raises(SchemaError) as caught:
        load_schema(path, "bad.yaml")
    assert [str(p) for p in caught.value.problems] == [f"bad.yaml:{line}" for line in expected]


def test_case_table_is_large_and_distinct() -> None:
    assert len(CASES) >= 40
    assert len({name for name, _, _ in CASES}) == len(CASES)
