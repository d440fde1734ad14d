"""Positioned errors: every user mistake is reported as ``path:line:col: message``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "LONE_SURROGATE",
    "MAX_MESSAGE",
    "ConfigError",
    "Pos",
    "Problem",
    "SchemaError",
    "SchemacogError",
    "defused",
    "printable",
]

# a lone surrogate: what "\\ud800" in marker code makes, and how Python decodes an
# undecodable byte of a file name; it cannot be written as UTF-8
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` as one line of terminal or log output: each character Python's ``repr``
    would escape (control characters, CR and LF, line and paragraph separators, bidi and
    other format characters, lone surrogates such as an undecodable file name's) written
    as that escape (``\\n``, ``\\x1b``, ``\\u202e``, ``\\udcff``), so that no value can end a
    line, forge one of its own, hide text or fail to encode; and ``defused``. Every other
    character stays.
    """
    if not text.isprintable():
        text = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)
    return defused(text)


def defused(text: str) -> str:
    """``text`` that a CI runner cannot read as a workflow command: GitHub's runner reads
    ``##[command]`` anywhere in a line and ``::command::`` after leading white space, so
    those are written with an escape (``#\\x23[``, ``\\x3a:``)."""
    text = text.replace("##[", "#\\x23[")
    stripped = text.lstrip()
    if stripped.startswith("::"):
        text = text[: len(text) - len(stripped)] + "\\x3a" + stripped[1:]
    return text


@dataclass(frozen=True, slots=True, order=True)
class Pos:
    """A place in a file; ``line`` and ``col`` count from 1, ``col`` 0 means unknown."""

    path: str
    line: int
    col: int = 0

    def __str__(self) -> str:
        path = printable(self.path)
        if self.col:
            return f"{path}:{self.line}:{self.col}"
        return f"{path}:{self.line}"


MAX_MESSAGE = 2000  # characters of one problem's message as printed


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One user-facing error: where it is and what is wrong."""

    pos: Pos
    message: str

    def __str__(self) -> str:
        message = self.message
        if len(message) > MAX_MESSAGE:  # a message names values; it never echoes a file
            message = f"{message[: MAX_MESSAGE - 40]}... ({len(message)} characters)"
        return f"{self.pos}: {printable(message)}"


class SchemacogError(Exception):
    """Base of every error meant for the user; carries one or more positioned problems."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(set(problems)))
        super().__init__("\n".join(str(p) for p in self.problems))


class SchemaError(SchemacogError):
    """The schema file cannot be loaded or is not a valid schema."""


class ConfigError(SchemacogError):
    """The ``[tool.schemacog]`` configuration is missing or invalid."""
