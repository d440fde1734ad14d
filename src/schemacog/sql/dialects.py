"""The four SQL dialects as data: type maps, capabilities, quoting, literals.

Everything a renderer needs to know about an engine is in one ``Dialect`` value, so
that adding or fixing an engine means editing a table, not a chain of ``if``s. What a
dialect cannot enforce is declared here (``fk_actions``, ``regex``...) and stated in a
comment of the rendered SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib.resources import files
from typing import Final

from schemacog.model import Column, FkAction, LogicalType
from schemacog.patterns import replace_dollar


def _keywords(name: str) -> frozenset[str]:
    """Words the engine refuses as bare table/column names (probed on the real engine)."""
    text = files("schemacog.sql").joinpath("keywords", f"{name}.txt").read_text("utf-8")
    return frozenset(text.split())


@dataclass(frozen=True)
class Dialect:
    name: str
    title: str
    quote: str  # identifier quote character
    reserved: frozenset[str]
    fold_case: bool  # unquoted identifiers fold to lower case (quote mixed case)
    types: Mapping[LogicalType, str]  # type per logical type; {n} {p} {s} filled in
    varchar: Callable[[int], str] | None  # type of string(n); None: types[STRING]
    enum_style: str  # "type" (CREATE TYPE), "check" (CHECK IN), "inline" (ENUM(...))
    comments: str  # "comment_on", "inline" (COMMENT '...'), "sql" (-- lines)
    identity: str  # "generated", "auto_increment", "rowid", "sequence"
    length: str  # the function that counts characters
    regex: str | None  # CHECK template with {column} and {pattern}; None: not enforced
    regex_pattern: Callable[[str], str]  # pattern as the engine must read it
    fk_actions: frozenset[FkAction]  # actions the engine enforces
    alter_foreign_keys: bool  # ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY exists
    forward_references: bool  # a FK may name a table created later
    boolean_check: bool  # booleans need CHECK (c IN (0, 1))
    json_check: str | None  # CHECK template for json text, e.g. "json_valid({column})"
    backslash_escapes: bool  # string literals treat backslash as an escape
    now: Mapping[LogicalType, str]
    bytes_literal: Callable[[bytes], str]
    index_prefix: Mapping[LogicalType, str]  # column suffix in an index, e.g. "(255)"
    table_suffix: str
    notes: tuple[str, ...]  # said once at the top of a ddl
    timestamptz_as_utc: bool  # stores no offset: literals are converted to UTC
    one_check_per_column: bool  # several column CHECKs must be joined with AND
    type_comments: bool  # COMMENT ON TYPE exists (enum descriptions)


def _hex(data: bytes) -> str:
    return data.hex()


FK_ALL: Final = frozenset(FkAction)

POSTGRES = Dialect(
    name="postgres",
    title="PostgreSQL",
    quote='"',
    reserved=_keywords("postgres"),
    fold_case=True,
    types={
        LogicalType.STRING: "text",
        LogicalType.TEXT: "text",
        LogicalType.SMALLINT: "smallint",
        LogicalType.INTEGER: "integer",
        LogicalType.BIGINT: "bigint",
        LogicalType.FLOAT: "double precision",
        LogicalType.DECIMAL: "numeric({p},{s})",
        LogicalType.BOOLEAN: "boolean",
        LogicalType.DATE: "date",
        LogicalType.TIME: "time",
        LogicalType.TIMESTAMP: "timestamp",
        LogicalType.TIMESTAMPTZ: "timestamptz",
        LogicalType.UUID: "uuid",
        LogicalType.JSON: "jsonb",
        LogicalType.BINARY: "bytea",
    },
    varchar=None,  # text + CHECK (char_length): varchar(n) silently drops excess spaces
    enum_style="type",
    comments="comment_on",
    identity="generated",
    length="char_length",
    regex="{column} ~ {pattern}",
    regex_pattern=lambda pattern: pattern,
    fk_actions=FK_ALL,
    alter_foreign_keys=True,
    forward_references=False,
    boolean_check=False,
    json_check=None,
    backslash_escapes=False,
    now={
        LogicalType.DATE: "CURRENT_DATE",
        LogicalType.TIME: "LOCALTIME",
        LogicalType.TIMESTAMP: "LOCALTIMESTAMP",
        LogicalType.TIMESTAMPTZ: "CURRENT_TIMESTAMP",
    },
    bytes_literal=lambda data: f"'\\x{_hex(data)}'",
    index_prefix={},
    table_suffix="",
    notes=(),
    timestamptz_as_utc=False,
    one_check_per_column=False,
    type_comments=True,
)

SQLITE = Dialect(
    name="sqlite",
    title="SQLite",
    quote='"',
    reserved=_keywords("sqlite"),
    fold_case=False,
    types={
        LogicalType.STRING: "TEXT",
        LogicalType.TEXT: "TEXT",
        LogicalType.SMALLINT: "INTEGER",
        LogicalType.INTEGER: "INTEGER",
        LogicalType.BIGINT: "INTEGER",
        LogicalType.FLOAT: "REAL",
        LogicalType.DECIMAL: "NUMERIC({p},{s})",
        LogicalType.BOOLEAN: "INTEGER",
        LogicalType.DATE: "TEXT",
        LogicalType.TIME: "TEXT",
        LogicalType.TIMESTAMP: "TEXT",
        LogicalType.TIMESTAMPTZ: "TEXT",
        LogicalType.UUID: "TEXT",
        LogicalType.JSON: "TEXT",
        LogicalType.BINARY: "BLOB",
    },
    varchar=None,
    enum_style="check",
    comments="sql",
    identity="rowid",
    length="length",
    regex=None,
    regex_pattern=lambda pattern: pattern,
    fk_actions=FK_ALL,
    alter_foreign_keys=False,
    forward_references=True,
    boolean_check=True,
    json_check="json_valid({column})",
    backslash_escapes=False,
    now={
        LogicalType.DATE: "CURRENT_DATE",
        LogicalType.TIME: "CURRENT_TIME",
        LogicalType.TIMESTAMP: "CURRENT_TIMESTAMP",
        LogicalType.TIMESTAMPTZ: "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
    },
    bytes_literal=lambda data: f"X'{_hex(data).upper()}'",
    index_prefix={},
    table_suffix="",
    notes=(
        "SQLite: foreign keys are enforced only with PRAGMA foreign_keys = ON.",
        "SQLite: declared types are affinities; a value of another type is not rejected.",
        "SQLite: decimal is NUMERIC (binary floating point beyond 15 digits).",
    ),
    timestamptz_as_utc=False,
    one_check_per_column=False,
    type_comments=False,
)

DUCKDB = Dialect(
    name="duckdb",
    title="DuckDB",
    quote='"',
    reserved=_keywords("duckdb"),
    fold_case=False,
    types={
        LogicalType.STRING: "VARCHAR",
        LogicalType.TEXT: "VARCHAR",
        LogicalType.SMALLINT: "SMALLINT",
        LogicalType.INTEGER: "INTEGER",
        LogicalType.BIGINT: "BIGINT",
        LogicalType.FLOAT: "DOUBLE",
        LogicalType.DECIMAL: "DECIMAL({p},{s})",
        LogicalType.BOOLEAN: "BOOLEAN",
        LogicalType.DATE: "DATE",
        LogicalType.TIME: "TIME",
        LogicalType.TIMESTAMP: "TIMESTAMP",
        LogicalType.TIMESTAMPTZ: "TIMESTAMPTZ",
        LogicalType.UUID: "UUID",
        LogicalType.JSON: "JSON",
        LogicalType.BINARY: "BLOB",
    },
    varchar=None,
    enum_style="type",
    comments="comment_on",
    identity="sequence",
    length="length",
    regex="regexp_matches({column}, {pattern}, 's')",
    regex_pattern=lambda pattern: pattern,
    fk_actions=frozenset({FkAction.NO_ACTION, FkAction.RESTRICT}),
    alter_foreign_keys=False,
    forward_references=False,
    boolean_check=False,
    json_check=None,
    backslash_escapes=False,
    now={
        LogicalType.DATE: "current_date",
        LogicalType.TIME: "current_localtime()",
        LogicalType.TIMESTAMP: "current_localtimestamp()",
        LogicalType.TIMESTAMPTZ: "current_timestamp",
    },
    bytes_literal=lambda data: f"from_hex('{_hex(data)}')",
    index_prefix={},
    table_suffix="",
    notes=(),
    timestamptz_as_utc=False,
    one_check_per_column=False,
    type_comments=True,
)


def _mariadb_varchar(length: int) -> str:
    # One more than allowed: MariaDB truncates excess trailing spaces instead of
    # rejecting them; with room for one more character the CHECK sees the long value.
    return f"VARCHAR({length + 1})" if length + 1 <= 16_383 else "LONGTEXT"


MARIADB = Dialect(
    name="mariadb",
    title="MariaDB",
    quote="`",
    reserved=_keywords("mariadb"),
    fold_case=False,
    types={
        LogicalType.STRING: "LONGTEXT",
        LogicalType.TEXT: "LONGTEXT",
        LogicalType.SMALLINT: "SMALLINT",
        LogicalType.INTEGER: "INT",
        LogicalType.BIGINT: "BIGINT",
        LogicalType.FLOAT: "DOUBLE",
        LogicalType.DECIMAL: "DECIMAL({p},{s})",
        LogicalType.BOOLEAN: "BOOLEAN",
        LogicalType.DATE: "DATE",
        LogicalType.TIME: "TIME(6)",
        LogicalType.TIMESTAMP: "DATETIME(6)",
        LogicalType.TIMESTAMPTZ: "DATETIME(6)",
        LogicalType.UUID: "UUID",
        LogicalType.JSON: "JSON",
        LogicalType.BINARY: "LONGBLOB",
    },
    varchar=_mariadb_varchar,
    enum_style="inline",
    comments="inline",
    identity="auto_increment",
    length="CHAR_LENGTH",
    regex="{column} REGEXP {pattern}",
    # (?s): '.' matches newlines; (?-i): case-sensitive whatever the collation;
    # \z: '$' must not match before a final newline (PCRE's default does).
    regex_pattern=lambda pattern: "(?s-i)" + replace_dollar(pattern, r"\z"),
    fk_actions=frozenset(
        {FkAction.NO_ACTION, FkAction.RESTRICT, FkAction.CASCADE, FkAction.SET_NULL}
    ),
    alter_foreign_keys=True,
    forward_references=False,
    boolean_check=True,
    json_check=None,
    backslash_escapes=True,
    now={
        LogicalType.DATE: "(CURRENT_DATE)",
        LogicalType.TIME: "(CURRENT_TIME(6))",
        LogicalType.TIMESTAMP: "CURRENT_TIMESTAMP(6)",
        LogicalType.TIMESTAMPTZ: "(UTC_TIMESTAMP(6))",
    },
    bytes_literal=lambda data: f"X'{_hex(data).upper()}'",
    index_prefix={LogicalType.STRING: "(255)", LogicalType.TEXT: "(255)"},
    table_suffix=" DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin",
    notes=(
        "MariaDB: timestamptz columns are DATETIME(6) holding UTC; convert before writing.",
        "MariaDB: enum values are enforced only in strict mode (STRICT_TRANS_TABLES).",
    ),
    timestamptz_as_utc=True,
    one_check_per_column=True,
    type_comments=False,
)

DIALECTS: Final = {d.name: d for d in (POSTGRES, SQLITE, DUCKDB, MARIADB)}


def type_of(dialect: Dialect, column: Column, enum_type: str | None) -> str:
    """The SQL type of a column (``enum_type`` is the rendered enum type, if any)."""
    if column.type is LogicalType.ENUM:
        assert enum_type is not None
        return enum_type
    if column.type is LogicalType.STRING and column.max_length and dialect.varchar:
        return dialect.varchar(column.max_length)
    return dialect.types[column.type].format(p=column.precision, s=column.scale)


def utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC).replace(tzinfo=None)
