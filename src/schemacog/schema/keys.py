"""The keys and limits of schema format v1 (shared by the validator and its tests)."""

from __future__ import annotations

from schemacog.model import (
    INTEGER_TYPES,
    NUMERIC_TYPES,
    TEMPORAL_TYPES,
    TEXT_TYPES,
    LogicalType,
)

__all__ = [
    "APPLIES_TO",
    "CHECK_KEYS",
    "COLUMN_KEYS",
    "ENUM_KEYS",
    "ENUM_VALUE_KEYS",
    "FOREIGN_KEY_KEYS",
    "FORMAT_VERSION",
    "INDEX_KEYS",
    "INVALID_EXAMPLE_KEYS",
    "MAX_CHECKS",
    "MAX_CHECK_CHARACTERS",
    "MAX_COLUMNS",
    "MAX_DECIMAL_PRECISION",
    "MAX_ENUM_VALUE_BYTES",
    "MAX_KEY_COLUMNS",
    "MAX_ROW_BYTES",
    "MAX_STRING_LENGTH",
    "MAX_TABLES",
    "REFERENCE_KEYS",
    "REQUIRED_FOR",
    "ROW_BYTES",
    "ROW_HEADER_BYTES",
    "ROW_POINTER_BYTES",
    "SQL_TYPE_NAMES",
    "TABLE_KEYS",
    "TOP_KEYS",
]

FORMAT_VERSION = 1
MAX_TABLES = 10_000
MAX_COLUMNS = 1_017  # InnoDB's (MariaDB); PostgreSQL holds 1,600
MAX_KEY_COLUMNS = 32  # PostgreSQL's and MariaDB's, per key or index
# The bytes one row can take in a page: InnoDB's 8,126 in strict mode (PostgreSQL: 8,160),
# counting fixed-size columns at their size and the others as the pointer to their value
# (InnoDB's 20 and a length; PostgreSQL's TOAST pointer is 18), a bit per column and a
# header.
MAX_ROW_BYTES = 8_126
ROW_HEADER_BYTES = 24
ROW_BYTES: dict[LogicalType, int] = {
    LogicalType.BOOLEAN: 1,
    LogicalType.SMALLINT: 2,
    LogicalType.INTEGER: 4,
    LogicalType.BIGINT: 8,
    LogicalType.FLOAT: 8,
    LogicalType.DATE: 4,
    LogicalType.TIME: 8,
    LogicalType.TIMESTAMP: 8,
    LogicalType.TIMESTAMPTZ: 8,
    LogicalType.UUID: 16,
}
ROW_POINTER_BYTES = 22  # every other type: 360 filled LONGTEXT fit a row, 370 do not (10.11)
MAX_DECIMAL_PRECISION = 38
MAX_STRING_LENGTH = 10_485_760
MAX_ENUM_VALUE_BYTES = 63  # PostgreSQL's limit on enum labels

TOP_KEYS = ("schemacog", "name", "description", "missing_values", "enums", "tables")
ENUM_KEYS = ("description", "values", "renamed_from")
ENUM_VALUE_KEYS = ("description", "aliases", "renamed_from")
TABLE_KEYS = (
    "description",
    "columns",
    "primary_key",
    "unique",
    "indexes",
    "foreign_keys",
    "checks",
    "examples",
    "invalid_examples",
    "renamed_from",
    "constraint_names",
)
CHECK_KEYS = ("expr", "name", "description")
MAX_CHECKS = 64  # per table
MAX_CHECK_CHARACTERS = 16_000  # of a table's expressions: MariaDB keeps about 64 KiB of CHECKs
COLUMN_KEYS = (
    "type",
    "description",
    "nullable",
    "default",
    "primary_key",
    "identity",
    "unique",
    "references",
    "on_delete",
    "on_update",
    "deferrable",
    "min",
    "max",
    "min_length",
    "max_length",
    "pattern",
    "precision",
    "scale",
    "enum",
    "missing_values",
    "warn_min",
    "warn_max",
    "renamed_from",
)
INDEX_KEYS = ("columns", "unique", "name", "renamed_from")
FOREIGN_KEY_KEYS = ("columns", "references", "on_delete", "on_update", "deferrable")
REFERENCE_KEYS = ("table", "columns")
INVALID_EXAMPLE_KEYS = ("row", "reason")

# Built-in SQL type names: an enum type named like one would be shadowed by it
# (PostgreSQL resolves pg_catalog first), so enum names may not be any of these.
SQL_TYPE_NAMES = frozenset({t.value for t in LogicalType}) | frozenset(
    {
        "bigserial",
        "bit",
        "blob",
        "bool",
        "box",
        "bytea",
        "char",
        "character",
        "cidr",
        "circle",
        "datetime",
        "decimal",
        "double",
        "float",
        "float4",
        "float8",
        "geometry",
        "hugeint",
        "inet",
        "int",
        "int2",
        "int4",
        "int8",
        "interval",
        "jsonb",
        "line",
        "longblob",
        "longtext",
        "lseg",
        "macaddr",
        "mediumtext",
        "money",
        "numeric",
        "path",
        "point",
        "polygon",
        "real",
        "serial",
        "set",
        "smallserial",
        "timetz",
        "tinyint",
        "tinytext",
        "tsquery",
        "tsvector",
        "varbinary",
        "varchar",
        "xml",
        "year",
    }
)

# Which column keys apply to which logical types (data, not a chain of ifs).
APPLIES_TO: dict[str, frozenset[LogicalType]] = {
    "min": NUMERIC_TYPES | TEMPORAL_TYPES,
    "max": NUMERIC_TYPES | TEMPORAL_TYPES,
    "warn_min": NUMERIC_TYPES,
    "warn_max": NUMERIC_TYPES,
    "min_length": TEXT_TYPES,
    "max_length": TEXT_TYPES,
    "pattern": TEXT_TYPES,
    "precision": frozenset({LogicalType.DECIMAL}),
    "scale": frozenset({LogicalType.DECIMAL}),
    "enum": frozenset({LogicalType.ENUM}),
    "identity": INTEGER_TYPES,
}
REQUIRED_FOR: dict[LogicalType, tuple[str, ...]] = {
    LogicalType.DECIMAL: ("precision",),
    LogicalType.ENUM: ("enum",),
}
