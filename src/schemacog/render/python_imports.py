"""The import block of a generated Python file, sorted the way ruff's isort rules want it.

``import_block`` turns the summed ``Needs`` of a file's regions into the text of
``sc.python.imports()``: import lines merged and grouped (stdlib, third party, the enums
module), then the shared definitions the regions asked for (``JsonValue``, the cleaner
runtime).
"""

from __future__ import annotations

from collections.abc import Iterable

from schemacog.model import Schema
from schemacog.naming import BASE64_BYTES_TYPE, JSON_VALUE, enum_class
from schemacog.render import cleaning_shared
from schemacog.render.layout import LINE_LENGTH, bracketed
from schemacog.render.python_needs import Needs, SharedBlock

__all__ = ["BASE64_BYTES", "JSON_ALIAS", "STDLIB_TOP", "import_block"]

JSON_ALIAS = (
    f"{JSON_VALUE} = TypeAliasType(\n"
    f'    "{JSON_VALUE}",\n'
    f'    "None | bool | int | float | str | list[{JSON_VALUE}] | dict[str, {JSON_VALUE}]",\n'
    ")"
)


# binary fields of pydantic models: standard base64 in JSON, as the cleaner reads them
# (pydantic's own "base64" writes the URL-safe alphabet)
BASE64_BYTES = (
    f"{BASE64_BYTES_TYPE} = Annotated[\n"
    "    bytes,\n"
    "    _pd.PlainSerializer(\n"
    '        lambda data: _base64.b64encode(data).decode(), when_used="json"\n'
    "    ),\n"
    "]"
)


def import_block(
    needs: Needs, enums_module: str | None, schema: Schema | None = None
) -> tuple[str, list[str]]:
    """The sorted import block and shared definitions; also the enums it cannot import.

    ``schema`` is needed when a region of the file shares cleaner helpers.
    """
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
    if SharedBlock.BASE64_BYTES in needs.shared:
        used = {
            "import base64 as _base64",
            "from typing import Annotated",
            "import pydantic as _pd",
        }
        imports = _merged(imports | used)
    sections = _sections(imports, enums_module)
    shared = [JSON_ALIAS] if SharedBlock.JSON_VALUE_ALIAS in needs.shared else []
    if SharedBlock.BASE64_BYTES in needs.shared:
        shared.append(BASE64_BYTES)
    if schema is not None and SharedBlock.CLEANING_RUNTIME in needs.shared:
        # two blank lines between the last helper and the region's end marker
        shared.append(
            cleaning_shared.shared_definitions(schema, needs.shared).rstrip("\n") + "\n\n"
        )
    lines = [line + "\n" for section in sections for line in [*section, ""]]
    return "".join(lines + [definition + "\n" for definition in shared]), missing


STDLIB_TOP = frozenset(
    {
        "base64",
        "collections",
        "dataclasses",
        "datetime",
        "decimal",
        "enum",
        "json",
        "math",
        "re",
        "typing",
        "uuid",
    }
)


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
