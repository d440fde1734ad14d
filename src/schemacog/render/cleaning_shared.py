"""The definitions a file's cleaners share: sections of the runtime, spellings, missing tokens.

The cleaner runtime is a real module (``runtime.cleaning``); this module reads its source
and cuts it into named sections at the top-level definitions of ``SECTION_STARTS``: a
section runs from its start to the next one, so every line of the runtime after its
preamble belongs to exactly one section. ``shared_definitions`` emits ``_MISSING_VALUES``
(from the schema), the core, the spellings table of each enum a cleaner reads and the
parser sections the file's columns use, in the runtime's own order.
"""

from __future__ import annotations

import ast
import functools
from importlib import resources

from schemacog.model import Schema
from schemacog.naming import normalized_spelling, spellings_constant
from schemacog.render import pyliterals
from schemacog.render.layout import Call, Expr, lay_out, prefixed
from schemacog.render.python_needs import EnumSpellings, Needs, RuntimeParser, Shared, SharedBlock

__all__ = [
    "SECTION_IMPORTS",
    "SECTION_STARTS",
    "VALUE_RULES",
    "RuntimeSection",
    "missing_tokens",
    "rule_definitions",
    "runtime_sections",
    "runtime_source",
    "shared_definitions",
    "with_rule_needs",
]

RuntimeSection = SharedBlock | RuntimeParser

# The top-level definition each section of runtime/cleaning.py starts at.
SECTION_STARTS: dict[str, RuntimeSection] = {
    "_text_problem": SharedBlock.TEXT_RULE,
    "_JSON_DEPTH": SharedBlock.JSON_RULE,
    "_decimal_places": SharedBlock.DECIMAL_RULE,
    "_instant_problem": SharedBlock.INSTANT_RULE,
    "_COMPARISONS": SharedBlock.CHECK_RULE,
    "_T": SharedBlock.CLEANING_RUNTIME,
    "_text": RuntimeParser.TEXT,
    "_INTEGER_TEXT": RuntimeParser.INTEGER,
    "_FLOAT_TEXT": RuntimeParser.FLOAT,
    "_DECIMAL_TEXT": RuntimeParser.DECIMAL,
    "_BOOLEANS": RuntimeParser.BOOLEAN,
    "_DATE_TEXT": RuntimeParser.DATE,
    "_TIME_TEXT": RuntimeParser.TIME,
    "_TIMESTAMP_TEXT": RuntimeParser.TIMESTAMP,
    "_UUID_TEXT": RuntimeParser.UUID,
    "_json_value": RuntimeParser.JSON,
    "_binary": RuntimeParser.BINARY,
    "_enum": RuntimeParser.ENUM,
}


def runtime_source() -> str:
    return resources.files("schemacog.runtime").joinpath("cleaning.py").read_text("utf-8")


def _defined_name(node: ast.stmt) -> str | None:
    if isinstance(node, ast.FunctionDef | ast.ClassDef):
        return node.name
    targets = node.targets if isinstance(node, ast.Assign) else []
    if isinstance(node, ast.AnnAssign):
        targets = [node.target]
    names = [t.id for t in targets if isinstance(t, ast.Name)]
    return names[0] if len(names) == 1 else None


def _first_line(node: ast.stmt) -> int:
    if isinstance(node, ast.FunctionDef | ast.ClassDef):
        return min([node.lineno, *(d.lineno for d in node.decorator_list)])
    return node.lineno


@functools.cache
def runtime_sections() -> dict[RuntimeSection, str]:
    """Each section's text (no trailing newline), in the runtime's order."""
    source = runtime_source()
    lines = source.split("\n")
    spans: dict[RuntimeSection, list[int]] = {}
    current: list[int] | None = None
    for node in ast.parse(source).body:
        section = SECTION_STARTS.get(_defined_name(node) or "")
        if section is not None:
            current = spans.setdefault(section, [_first_line(node), 0])
        if current is not None:
            current[1] = node.end_lineno or node.lineno
    missing = set(SECTION_STARTS.values()) - spans.keys()
    if missing:
        raise RuntimeError(f"runtime/cleaning.py lacks the sections {sorted(map(str, missing))}")
    return {section: "\n".join(lines[first - 1 : last]) for section, (first, last) in spans.items()}


def missing_tokens(tokens: tuple[str, ...]) -> Expr:
    """A ``frozenset`` of missing tokens, as a rule's ``missing=`` and ``_MISSING_VALUES``."""
    if not tokens:
        return "frozenset()"
    return Call("frozenset({", [pyliterals.string(t) for t in dict.fromkeys(tokens)], "})")


def _spellings(schema: Schema, shared: set[Shared]) -> list[str]:
    constants = []
    for enum in schema.enums:
        if EnumSpellings(enum.name) not in shared:
            continue
        items: list[Expr] = []
        for value in enum.values:
            for spelling in (value.value, *value.aliases):
                key = pyliterals.string(normalized_spelling(spelling))
                items.append(f"{key}: {pyliterals.string(value.value)}")
        items = list(dict.fromkeys(items))
        head = f"{spellings_constant(enum.name)} = {{"
        constants.append(lay_out(Call(head, items, "}"), 0))
    return constants


_RE = "import re"
_DECIMAL = "import decimal as _decimal"
_DATETIME = frozenset({_RE, "import datetime as _dt"})
_ANY = "from typing import Any"

# The imports the text of each section needs beyond the core's (``CORE_IMPORTS`` in
# cleaning.py); one table for the cleaner and for the layers that share a section.
SECTION_IMPORTS: dict[RuntimeSection, frozenset[str]] = {
    SharedBlock.TEXT_RULE: frozenset(),
    SharedBlock.JSON_RULE: frozenset({"import json as _json", _ANY}),
    SharedBlock.DECIMAL_RULE: frozenset({_DECIMAL}),
    SharedBlock.INSTANT_RULE: frozenset({"import datetime as _dt"}),
    SharedBlock.CHECK_RULE: frozenset(
        {
            "import operator as _operator",
            "from collections.abc import Callable",
            "from typing import Any",
        }
    ),
    SharedBlock.CLEANING_RUNTIME: frozenset(),
    RuntimeParser.TEXT: frozenset(),
    RuntimeParser.INTEGER: frozenset({_RE, _DECIMAL}),
    RuntimeParser.FLOAT: frozenset({_RE, _DECIMAL}),
    RuntimeParser.DECIMAL: frozenset({_RE, _DECIMAL}),
    RuntimeParser.BOOLEAN: frozenset(),
    RuntimeParser.DATE: _DATETIME,
    RuntimeParser.TIME: _DATETIME,
    RuntimeParser.TIMESTAMP: _DATETIME | {"from collections.abc import Callable"},
    RuntimeParser.UUID: frozenset({_RE, "import uuid as _uuid"}),
    RuntimeParser.JSON: frozenset({"import json as _json"}),
    RuntimeParser.BINARY: frozenset({"import base64 as _base64"}),
    RuntimeParser.ENUM: frozenset(),
}

# The sections more layers than the cleaner use, and so are emitted without its core: the
# value rules of text and JSON (validator, pydantic, cleaner) and the readers pydantic
# shares with the cleaner. Each with the sections it needs in turn.
VALUE_RULES: dict[RuntimeSection, frozenset[RuntimeSection]] = {
    SharedBlock.TEXT_RULE: frozenset(),
    SharedBlock.JSON_RULE: frozenset({SharedBlock.TEXT_RULE}),
    SharedBlock.DECIMAL_RULE: frozenset(),
    SharedBlock.INSTANT_RULE: frozenset(),
    SharedBlock.CHECK_RULE: frozenset(),
    RuntimeParser.DATE: frozenset(),
    RuntimeParser.TIME: frozenset(),
    RuntimeParser.TIMESTAMP: frozenset({SharedBlock.INSTANT_RULE}),
    RuntimeParser.UUID: frozenset(),
    RuntimeParser.BINARY: frozenset(),
}


def with_rule_needs(needs: Needs) -> Needs:
    """``needs`` with what its value rules need in turn (in place; also returned)."""
    pending = [rule for rule in VALUE_RULES if rule in needs.shared]
    while pending:
        rule = pending.pop()
        required = VALUE_RULES[rule]
        pending += [section for section in required if section not in needs.shared]
        needs.shared |= required
        needs.imports |= SECTION_IMPORTS[rule]
    return needs


def rule_definitions(shared: set[Shared]) -> list[str]:
    """The value rules a file uses, in the runtime's order."""
    sections = runtime_sections().items()
    return [text for section, text in sections if section in VALUE_RULES and section in shared]


def shared_definitions(schema: Schema, shared: set[Shared]) -> str:
    """The helpers every cleaner of a file shares (empty when the file has none)."""
    if SharedBlock.CLEANING_RUNTIME not in shared:
        return ""
    sections = runtime_sections()
    missing = lay_out(prefixed("_MISSING_VALUES = ", missing_tokens(schema.missing_values)), 0)
    parts = [missing, "\n", sections[SharedBlock.CLEANING_RUNTIME], "\n"]
    parts += [f"\n\n{constant}\n" for constant in _spellings(schema, shared)]
    parts += [
        f"\n\n{text}\n"
        for section, text in sections.items()
        if isinstance(section, RuntimeParser) and section in shared and section not in VALUE_RULES
    ]
    return "".join(parts)
