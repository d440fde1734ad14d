"""The import block of a generated Python file, sorted the way ruff's isort rules want it.

``import_block`` turns the summed ``Needs`` of a file's regions into the text of
``sc.python.imports()``: import lines merged and grouped (stdlib, third party, the enums
module), then the shared definitions the regions asked for (``JsonValue``, the cleaner
runtime).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass

from schemacog.model import Schema
from schemacog.naming import BASE64_BYTES_TYPE, JSON_VALUE, enum_class
from schemacog.render import cleaning_shared
from schemacog.render.cleaning_shared import RuntimeSection
from schemacog.render.layout import LINE_LENGTH, bracketed
from schemacog.render.python_needs import Needs, RuntimeParser, SharedBlock

__all__ = [
    "JSON_ALIAS",
    "PYDANTIC_TYPES_SHARED",
    "STDLIB_TOP",
    "PydanticType",
    "import_block",
    "with_shared_needs",
]

JSON_ALIAS = (
    f"{JSON_VALUE} = TypeAliasType(\n"
    f'    "{JSON_VALUE}",\n'
    f'    "None | bool | int | float | str | list[{JSON_VALUE}] | dict[str, {JSON_VALUE}]",\n'
    ")"
)


@dataclass(frozen=True)
class PydanticType:
    """A type a pydantic model's fields use: its name, definition, imports and value rules.

    Every definition is an ``Annotated`` of ``_pd`` validators: those two imports are
    added for all of them (``with_shared_needs``); ``imports`` are the type's own.
    """

    name: str
    definition: str
    imports: frozenset[str]
    uses: frozenset[RuntimeSection]


_COMMON_IMPORTS = frozenset({"import pydantic as _pd", "from typing import Annotated"})
_DATETIME = frozenset({"import datetime as _dt"})


def _read_by(
    name: str,
    base: str,
    reader: str,
    uses: RuntimeSection,
    imports: frozenset[str] = frozenset(),
    *,
    after: bool = False,
) -> PydanticType:
    """``name`` = ``base`` read by ``reader`` before pydantic's own reading (or after)."""
    kind = "AfterValidator" if after else "BeforeValidator"
    line = f"{name} = Annotated[{base}, _pd.{kind}({reader})]"
    inner = f"    {base}, _pd.{kind}({reader})"
    if len(line) <= LINE_LENGTH:
        definition = line
    elif len(inner) <= LINE_LENGTH:
        definition = f"{name} = Annotated[\n{inner}\n]"
    else:
        definition = f"{name} = Annotated[\n    {base},\n    _pd.{kind}({reader}),\n]"
    return PydanticType(name, definition, imports, frozenset({uses}))


# pydantic reads what JSON carries as text (dates, times, UUIDs, bytes) with the cleaner's
# own readers, so both accept the same input; text and JSON values keep the value rules
# every engine needs. Numbers and booleans are pydantic's strict types (``_pd.StrictInt``).
PYDANTIC_TYPES_SHARED: dict[SharedBlock, PydanticType] = {
    SharedBlock.PYDANTIC_TEXT: _read_by(
        "_Text", "_pd.StrictStr", "_checked_text", SharedBlock.TEXT_RULE, after=True
    ),
    # not None at the top: None is SQL NULL, which only a nullable column holds
    SharedBlock.PYDANTIC_JSON: _read_by(
        "_Json",
        f"bool | int | float | str | list[{JSON_VALUE}] | dict[str, {JSON_VALUE}]",
        "_checked_json",
        SharedBlock.JSON_RULE,
    ),
    SharedBlock.PYDANTIC_DATE: _read_by(
        "_Date", "_dt.date", "_date", RuntimeParser.DATE, _DATETIME
    ),
    SharedBlock.PYDANTIC_TIME: _read_by(
        "_Time", "_dt.time", "_time", RuntimeParser.TIME, _DATETIME
    ),
    SharedBlock.PYDANTIC_TIMESTAMP: _read_by(
        "_Timestamp",
        "_dt.datetime",
        "_timestamp(with_offset=False)",
        RuntimeParser.TIMESTAMP,
        _DATETIME,
    ),
    SharedBlock.PYDANTIC_TIMESTAMPTZ: _read_by(
        "_TimestampTz",
        "_dt.datetime",
        "_timestamp(with_offset=True)",
        RuntimeParser.TIMESTAMP,
        _DATETIME,
    ),
    SharedBlock.PYDANTIC_UUID: _read_by(
        "_Uuid",
        "_uuid.UUID",
        "_uuid_value",
        RuntimeParser.UUID,
        frozenset({"import uuid as _uuid"}),
    ),
    # standard base64 both ways (pydantic's own "base64" writes the URL-safe alphabet)
    SharedBlock.BASE64_BYTES: PydanticType(
        BASE64_BYTES_TYPE,
        f"{BASE64_BYTES_TYPE} = Annotated[\n"
        "    bytes,\n"
        "    _pd.BeforeValidator(_binary),\n"
        "    _pd.PlainSerializer(\n"
        '        lambda data: _base64.b64encode(data).decode(), when_used="json"\n'
        "    ),\n"
        "]",
        frozenset({"import base64 as _base64"}),
        frozenset({RuntimeParser.BINARY}),
    ),
}


def with_shared_needs(needs: Needs) -> Needs:
    """``needs`` with what its pydantic types and value rules need in turn."""
    found = Needs()
    found.add(needs)
    for block, spec in PYDANTIC_TYPES_SHARED.items():
        if block in found.shared:
            found.shared |= spec.uses
            found.imports |= spec.imports | _COMMON_IMPORTS
    return cleaning_shared.with_rule_needs(found)


def import_block(
    needs: Needs, enums_module: str | None, schema: Schema | None = None
) -> tuple[str, list[str]]:
    """The sorted import block and shared definitions; also the enums it cannot import.

    ``schema`` is needed when a region of the file shares cleaner helpers.
    """
    needs = with_shared_needs(needs)
    imports = _merged(needs.imports)
    missing = []
    external = sorted(needs.enums - needs.defines)
    if external:
        if enums_module is None:
            missing = external
        else:
            classes = [enum_class(name) for name in external]
            line = f"from {enums_module} import {', '.join(classes)}"
            if len(line) > LINE_LENGTH:
                line = bracketed(0, f"from {enums_module} import (", classes, ")")
            imports.add(line)
    if SharedBlock.JSON_VALUE_ALIAS in needs.shared:
        imports.add("from typing_extensions import TypeAliasType")
    sections = _sections(imports, enums_module)
    shared = [JSON_ALIAS] if SharedBlock.JSON_VALUE_ALIAS in needs.shared else []
    shared += cleaning_shared.rule_definitions(needs.shared)
    types = [spec.definition for b, spec in PYDANTIC_TYPES_SHARED.items() if b in needs.shared]
    shared += ["\n".join(types)] if types else []
    if schema is not None and SharedBlock.CLEANING_RUNTIME in needs.shared:
        shared.append(cleaning_shared.shared_definitions(schema, needs.shared))
    lines = [line + "\n" for section in sections for line in [*section, ""]]
    return "".join(lines) + _spaced(shared), missing


_DEFINITION = ("def ", "class ", "@")


def _top_level(text: str) -> list[str]:
    """The lines of ``text`` that start a top-level statement."""
    return [line for line in text.split("\n") if line[:1].isalpha() or line[:1] in ("_", "@")]


def _spaced(definitions: list[str]) -> str:
    """Top-level definitions as ruff lays them out: two blank lines around a function.

    The imports end in a blank line; after a function, two more come before the
    region's end marker.
    """
    text = ""
    after_function = False
    for index, definition in enumerate(definitions):
        starts = _top_level(definition)
        if starts and starts[0].startswith(_DEFINITION):
            text += "\n" if not index else "\n\n"
        elif after_function:
            text += "\n\n"
        text += definition.strip("\n") + "\n"
        after_function = bool(starts) and starts[-1].startswith(_DEFINITION)
    return text + ("\n\n" if after_function else "")


# the standard library's modules, as ruff's isort knows them
STDLIB_TOP = frozenset(sys.stdlib_module_names)


def _merged(imports: Iterable[str]) -> set[str]:
    """``from m import a`` and ``from m import b`` as one ``from m import a, b`` line."""
    names: dict[str, set[str]] = {}
    lines = set()
    for line in imports:
        words = line.split(" import ")
        if line.startswith("from ") and "(" not in line and len(words) == 2:
            names.setdefault(words[0], set()).update(n.strip() for n in words[1].split(","))
        else:
            lines.add(line)
    for head, found in names.items():
        ordered = sorted(found, key=_member_key)
        line = f"{head} import {', '.join(ordered)}"
        if len(line) > LINE_LENGTH:
            line = bracketed(0, f"{head} import (", ordered, ")")
        lines.add(line)
    return lines


def _member_key(name: str) -> tuple[int, str]:
    """isort's order-by-type: CONSTANTS, Classes, functions."""
    kind = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
    return kind, name


def _sections(imports: Iterable[str], enums_module: str | None) -> list[list[str]]:
    """Group and order import lines the way ``ruff check --select I`` (defaults) wants."""
    groups: dict[int, list[str]] = {0: [], 1: [], 2: []}
    for line in imports:
        module = line.split()[1]
        top = module.split(".")[0]
        if top in STDLIB_TOP:
            group = 0
        elif enums_module is not None and module == enums_module:
            group = 2
        else:
            group = 1
        groups[group].append(line)
    return [sorted(lines, key=_isort_key) for _, lines in sorted(groups.items()) if lines]


def _isort_key(line: str) -> tuple[int, str, str]:
    words = line.split()
    return (0 if words[0] == "import" else 1, words[1].lower(), line)
