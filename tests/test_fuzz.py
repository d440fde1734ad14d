"""Fuzzing with hypothesis: the loader + validator and the safe-mode checker never crash.

Any input must end in a result or in the clean, positioned error (SchemaError,
MarkerCodeError); anything else is a bug. The default run is short; ``nox -s fuzz``
sets SCHEMACOG_FUZZ_EXAMPLES (100,000 per target) for the long run.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemacog.engine.safe import MarkerCodeError, safe_calls
from schemacog.engine.scan import Block
from schemacog.errors import SchemaError
from schemacog.schema.validate import load_schema_text

EXAMPLES = int(os.environ.get("SCHEMACOG_FUZZ_EXAMPLES", "300"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)

YAML_TOKENS = [
    "schemacog: 1\n",
    "name: x\n",
    "tables:\n",
    "enums:\n",
    "  t:\n",
    "    columns:\n",
    "      id: {type: integer, primary_key: true}\n",
    "      c: {type: ",
    "string",
    "decimal",
    "enum",
    "json",
    "timestamptz",
    "}\n",
    ", ",
    "nullable: true",
    "default: ",
    "now",
    "min: ",
    "max: ",
    "pattern: ",
    "'^a+$'",
    "references: t.id",
    "examples:\n",
    "      - {id: 1}\n",
    "invalid_examples:\n",
    "      - {row: {id: 2}}\n",
    "[",
    "]",
    "{",
    "}",
    ":",
    "-",
    "&a ",
    "*a",
    "!!str ",
    "? ",
    "|\n",
    ">\n",
    "'",
    '"',
    "\\",
    "\t",
    "#",
    "%YAML 1.1\n",
    "---\n",
    "...\n",
    "1e9999",
    "0x",
    "~",
    "null",
    "yes",
    "2024-01-01",
    "\u2028",
    "é",
    "]]]",
    "precision: 5",
    "scale: 9",
    "primary_key: [id]",
    "unique: [[id]]",
    "foreign_keys: []",
]


@FUZZ
@given(st.lists(st.sampled_from(YAML_TOKENS) | st.text(max_size=5), max_size=40))
def test_loader_and_validator_never_crash(parts: list[str]) -> None:
    problems: list[str] = []
    try:
        load_schema_text("".join(parts), "fuzz.yaml")
    except SchemaError as exc:
        problems = [str(p) for p in exc.problems] or ["(empty error)"]
    assert all(p.startswith("fuzz.yaml:") for p in problems), problems


CODE_TOKENS = [
    "sc",
    ".",
    "python",
    "sql",
    "docs",
    "template",
    "dataclass",
    "columns",
    "ddl",
    "(",
    ")",
    "'t'",
    '"x"',
    "dialect=",
    "1",
    "-1",
    "True",
    "None",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ";",
    "\n",
    " ",
    "import os",
    "__import__",
    "lambda",
    "x",
    "=",
    ":=",
    "f'{x}'",
    "**",
    "*",
    "__class__",
    "eval",
    "#",
    "\\",
    "'''",
    "if",
    "else",
    "for",
    "in",
    "await",
    "yield",
]


@FUZZ
@given(st.lists(st.sampled_from(CODE_TOKENS) | st.text(max_size=4), max_size=30))
def test_safe_mode_checker_never_crashes(parts: list[str]) -> None:
    code = "".join(parts)
    block = Block(1, code, 1, tuple(code.split("\n")))
    refusal: MarkerCodeError | None = None
    try:
        calls = safe_calls(block)
    except MarkerCodeError as exc:
        refusal, calls = exc, []
    if refusal is not None:
        assert refusal.line >= 1
        assert str(refusal).startswith("marker code not allowed")
    assert all(call.dotted.startswith("sc.") for call in calls)
