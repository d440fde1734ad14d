"""A schema document written as YAML: block mappings down to the columns, each column
one flow mapping (block where it has a description), and comments above the place they
are about. Every scalar is written so that the loader's YAML 1.2 core schema reads it
back as the same value: a name plain only where it cannot read as anything else, every
other string double-quoted with JSON's escapes (which YAML reads alike), non-printable
characters escaped.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from schemacog.errors import printable

__all__ = ["Document", "Path", "scalar", "yaml_lines", "yaml_text"]

Document = dict[str, object]
Path = tuple[str, ...]

_PLAIN: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")
# plain words the core schema reads as null or a boolean (and YAML 1.1 readers as booleans)
_SPECIAL: Final = frozenset({"null", "true", "false", "~", "yes", "no", "on", "off", "y", "n"})
# nested mappings written in block style: the schema's levels down to a table's keys
_BLOCK_DEPTH: Final = 3  # tables -> table -> its keys


def scalar(value: object) -> str:
    """``value`` (str, int, float, bool, None, a list or a mapping of them) in flow style."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("a schema holds finite numbers only")
        return repr(value)
    if isinstance(value, str):
        if _PLAIN.fullmatch(value) and value.lower() not in _SPECIAL:
            return value
        text = json.dumps(value, ensure_ascii=False)
        return text if text.isprintable() else json.dumps(value)
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{scalar(k)}: {scalar(v)}" for k, v in value.items()) + "}"
    if isinstance(value, Sequence):
        return "[" + ", ".join(scalar(item) for item in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__}")


def _comment_lines(lines: Sequence[str], indent: str) -> list[str]:
    """Each line a ``#`` comment of one line: every character YAML or a terminal could
    read as a line break or a control (U+2028, NEL, bidi controls...) as its escape, and
    cog's markers (``[[[``, ``]]]``: a database's names and CHECKs are any text) spaced
    apart, so that no marker reaches the file."""
    return [f"{indent}# {_unmarked(printable(line))}".rstrip() for line in lines]


def _unmarked(text: str) -> str:
    while "[[[" in text or "]]]" in text:
        text = text.replace("[[[", "[ [[").replace("]]]", "]] ]")
    return text


def yaml_text(document: Document, comments: Mapping[Path, Sequence[str]] | None = None) -> str:
    """The YAML of ``document``; ``comments`` maps a path of keys (``("tables", "film",
    "columns", "title")``) to comment lines written above that key."""
    return yaml_lines(document, comments)[0]


def yaml_lines(
    document: Document, comments: Mapping[Path, Sequence[str]] | None = None
) -> tuple[str, dict[Path, int]]:
    """The YAML of ``document`` and the line of each key (by its path), from 1."""
    notes = comments or {}
    lines: list[str] = list(_comment_lines(notes.get((), ()), ""))
    where: dict[Path, int] = {}
    noted = {path[:end] for path in notes for end in range(1, len(path))}
    _block(document, (), 0, _Layout(notes, noted, lines, where))
    return "\n".join(lines) + "\n", where


@dataclass
class _Layout:
    notes: Mapping[Path, Sequence[str]]
    noted: set[Path]  # the paths with a comment below them (written in block style)
    lines: list[str]
    where: dict[Path, int]


def _block(mapping: Mapping[str, object], path: Path, depth: int, layout: _Layout) -> None:
    indent = "  " * depth
    lines = layout.lines
    for key, value in mapping.items():
        here = (*path, key)
        lines.extend(_comment_lines(layout.notes.get(here, ()), indent))
        name = scalar(key)
        block = (
            isinstance(value, Mapping)
            and value
            and (
                len(here) <= _BLOCK_DEPTH
                or (len(here) >= 2 and here[-2] == "columns" and "description" in value)
                or (len(here) >= 1 and here[-1] in {"columns", "values"})
                or here in layout.noted
            )
        )
        layout.where[here] = len(lines) + 1
        if block:
            lines.append(f"{indent}{name}:")
            assert isinstance(value, Mapping)
            _block(value, here, depth + 1, layout)
        elif isinstance(value, list) and value and isinstance(value[0], Mapping):
            lines.append(f"{indent}{name}:")
            for item in value:
                lines.append(f"{indent}  - {scalar(item)}")
        else:
            lines.append(f"{indent}{name}: {scalar(value)}")
