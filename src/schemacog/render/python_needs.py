"""What a Python region needs at the top of its file: import lines, enums, shared definitions.

Every ``sc.python.*`` renderer has a ``*_needs`` function that returns a ``Needs``;
``sc.python.imports()`` adds up the needs of a file's regions and emits one import block
(``python_imports.import_block``). Shared definitions are typed values, never strings to
be parsed back: ``SharedBlock`` members, a ``RuntimeParser`` or an ``EnumSpellings``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

__all__ = ["EnumSpellings", "Needs", "RuntimeParser", "Shared", "SharedBlock"]


class SharedBlock(enum.Enum):
    """A definition emitted once per file, whatever region asks for it."""

    JSON_VALUE_ALIAS = "the JsonValue type alias"
    BASE64_BYTES = "bytes that pydantic reads and writes as standard base64"
    PYDANTIC_TEXT = "pydantic's text: a str every engine stores"
    PYDANTIC_JSON = "pydantic's JSON: a JSON value every engine stores"
    PYDANTIC_DATE = "pydantic's date, read as the cleaner reads it"
    PYDANTIC_TIME = "pydantic's time, read as the cleaner reads it"
    PYDANTIC_TIMESTAMP = "pydantic's timestamp without offset, read as the cleaner reads it"
    PYDANTIC_TIMESTAMPTZ = "pydantic's timestamp with offset, read as the cleaner reads it"
    PYDANTIC_UUID = "pydantic's UUID, read as the cleaner reads it"
    TEXT_RULE = "_text_problem: text every engine stores (no NUL, no lone surrogate)"
    JSON_RULE = "_json_problem: JSON every engine stores (text keys, finite numbers)"
    DECIMAL_RULE = "_decimal_places: the places of a decimal, counted exactly"
    INSTANT_RULE = "_instant_problem: an instant every engine stores (offset, years 1-9999)"
    CHECK_RULE = "_sql_compare, _sql_and, ...: a table's checks, in SQL's three-valued logic"
    CLEANING_RUNTIME = "the cleaner runtime's core (_Cleaning, _clean_row, ...)"


class RuntimeParser(enum.StrEnum):
    """A parser section of the cleaner runtime (``runtime.cleaning``), emitted on demand."""

    TEXT = "text"
    INTEGER = "integer"
    FLOAT = "float"
    DECIMAL = "decimal"
    BOOLEAN = "boolean"
    DATE = "date"
    TIME = "time"
    TIMESTAMP = "timestamp"
    UUID = "uuid"
    JSON = "json"
    BINARY = "binary"
    ENUM = "enum"


@dataclass(frozen=True)
class EnumSpellings:
    """The spellings table of one enum, which the cleaner's ``_enum`` parser reads."""

    enum: str


Shared = SharedBlock | RuntimeParser | EnumSpellings


@dataclass
class Needs:
    """What a region needs at the top of its file."""

    imports: set[str] = field(default_factory=set)
    shared: set[Shared] = field(default_factory=set)  # definitions shared by the file
    enums: set[str] = field(default_factory=set)  # enum classes used
    defines: set[str] = field(default_factory=set)  # enum classes generated here

    def add(self, other: Needs) -> None:
        self.imports |= other.imports
        self.shared |= other.shared
        self.enums |= other.enums
        self.defines |= other.defines
