"""What import could not represent, kept twice: as comment lines at their place in the
written schema, and as ``place: what`` lines for stderr."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from schemacog.errors import SchemaError
from schemacog.importing.document import Path, yaml_text
from schemacog.model import Schema
from schemacog.schema.validate import load_schema_text

__all__ = ["IDENTIFIER", "Report", "probe", "valid_text"]

# schemacog's identifier rule (docs/schema-format.md): a name outside it is left out
IDENTIFIER: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")


@dataclass
class Report:
    comments: dict[Path, list[str]] = field(default_factory=dict)
    losses: list[str] = field(default_factory=list)
    # by table: the normalized CHECKs that stand for what an engine's type holds
    implied: dict[str, set[str]] = field(default_factory=dict)

    def lose(self, where: Path, place: str, what: str) -> None:
        """``what`` is lost at ``place`` (``table`` or ``table.column``), written as a
        comment above the key at ``where``."""
        self.comments.setdefault(where, []).append(what)
        self.losses.append(f"{place}: {what}")


def probe(document: Mapping[str, object]) -> Schema | str:
    """``document`` loaded as a hand-written schema is: its schema, or the validator's
    first message about it (every reading of import is asked of the validator so)."""
    try:
        return load_schema_text(yaml_text(dict(document)), "probe.yaml")
    except SchemaError as exc:
        return exc.problems[0].message


def valid_text(text: str) -> bool:
    """May ``text`` be a description, as the validator reads one (no control
    characters, no cog markers, ...)? The validator itself is asked."""
    document = {
        "schemacog": 1,
        "name": "probe",
        "description": text,
        "tables": {"t": {"columns": {"c": {"type": "text"}}}},
    }
    return isinstance(probe(document), Schema)
