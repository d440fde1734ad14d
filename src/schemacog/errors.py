"""Positioned errors: every user mistake is reported as ``path:line:col: message``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["ConfigError", "Pos", "Problem", "SchemaError", "SchemacogError"]


@dataclass(frozen=True, slots=True, order=True)
class Pos:
    """A place in a file; ``line`` and ``col`` count from 1, ``col`` 0 means unknown."""

    path: str
    line: int
    col: int = 0

    def __str__(self) -> str:
        if self.col:
            return f"{self.path}:{self.line}:{self.col}"
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One user-facing error: where it is and what is wrong."""

    pos: Pos
    message: str

    def __str__(self) -> str:
        return f"{self.pos}: {self.message}"


class SchemacogError(Exception):
    """Base of every error meant for the user; carries one or more positioned problems."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(set(problems)))
        super().__init__("\n".join(str(p) for p in self.problems))


class SchemaError(SchemacogError):
    """The schema file cannot be loaded or is not a valid schema."""


class ConfigError(SchemacogError):
    """The ``[tool.schemacog]`` configuration is missing or invalid."""
