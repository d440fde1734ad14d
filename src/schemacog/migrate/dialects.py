"""How each dialect runs a migration, as data: ``MIGRATIONS`` by dialect name.

What runs in place and what needs a table rebuild, how a script fails a data check with
a message, and what comes before and after the transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

__all__ = ["MIGRATIONS", "MigrationDialect"]


@dataclass(frozen=True)
class MigrationDialect:
    # renames of tables, columns, constraints, indexes, enums and values run in place
    # (the engine renames every reference); elsewhere a rename rebuilds the table
    renames_in_place: bool
    # a table another table references cannot be dropped: its children are rebuilt too
    rebuild_children: bool
    # a changed table is altered in place (columns, defaults, types, named constraints)
    # where its keys allow, rather than rebuilt
    alters_in_place: bool
    # ADD COLUMN takes a column with a CHECK (else the table is rebuilt)
    add_column_with_check: bool
    # ADD COLUMN takes a default that is not a constant (``default: now``)
    add_column_now_default: bool
    # ADD COLUMN works on a table with an index or that a foreign key references (DuckDB:
    # "Cannot alter entry ... because there are entries that depend on it")
    add_column_with_dependents: bool
    begin: str
    commit: str
    before: tuple[str, ...]  # statements before the data checks, outside the transaction
    after: tuple[str, ...]  # statements after the commit
    # a statement that fails with the message {message} (an SQL text expression) when
    # the count {count} (a query giving one row, column n) is above 0
    fail: str
    concat: str  # {a} and {b} joined as text
    drop_index: str  # {index} on {table}
    # the count of offending rows where the failing statement reads it
    count_value: str = "c.n"
    # values are cast to the new column's type only when told: in an INSERT (a text to an
    # enum type), and a new column's NULL in a data check (else it reads as text)
    casts_on_insert: bool = False
    # a key is checked before the rows of its own statement are stored: rows of a table
    # that name its own rows go back in this many passes (0: in one INSERT)
    self_reference_passes: int = 0
    # a statement that makes an identity go on after the highest id ({table},
    # {table_text}, {column}, {column_text}, {sequence_text}); None: the engine does
    continue_identity: str | None = None
    # how the rows of a rebuilt table are copied aside: a temporary table, gone with the
    # session, where a failure rolls back; MariaDB commits each DDL statement, so its
    # copies are tables that stay when a script fails part way (the rows are in them)
    copy_table: str = "CREATE TEMPORARY TABLE"
    check_table_open: str = ""  # before the first data check (MariaDB's failing table)
    check_table_close: str = ""
    text_cast: str = "CAST({value} AS TEXT)"  # an enum value as text
    # the catalog keeps the CREATE TABLE's comment lines, its only record of
    # descriptions and of the patterns it does not enforce (SQLite): a change of them is
    # a change, and ADD COLUMN (which keeps no comment) does not make a column that has one
    comments_in_statement: bool = False


_POSTGRES_FAIL: Final = (
    "DO {tag} DECLARE n bigint; BEGIN SELECT c.n INTO n FROM ({count}) AS c; "
    "IF n > 0 THEN RAISE EXCEPTION '%', {message}; END IF; END {tag};"
)

MIGRATIONS: Final[Mapping[str, MigrationDialect]] = MappingProxyType(
    {
        "postgres": MigrationDialect(
            renames_in_place=True,
            rebuild_children=True,
            alters_in_place=True,
            add_column_with_check=True,
            add_column_now_default=True,
            add_column_with_dependents=True,
            begin="BEGIN;",
            commit="COMMIT;",
            before=(),
            after=(),
            fail=_POSTGRES_FAIL,
            concat="{a} || {b}",
            count_value="n",  # the variable of the DO block
            drop_index="DROP INDEX {index};",
            casts_on_insert=True,
            continue_identity=(
                "SELECT setval(pg_get_serial_sequence({table_text}, {column_text}), "
                "max({column})) FROM {table} HAVING max({column}) IS NOT NULL;"
            ),
        ),
        "sqlite": MigrationDialect(
            renames_in_place=False,
            rebuild_children=False,
            alters_in_place=False,
            add_column_with_check=True,
            add_column_now_default=False,
            add_column_with_dependents=True,
            begin="BEGIN;",
            commit="COMMIT;",
            # ignored inside a transaction: set before BEGIN, or DROP TABLE cascades
            before=("PRAGMA foreign_keys = OFF;",),
            after=("PRAGMA foreign_keys = ON;",),
            # json_extract refuses a path that is not one: "JSON path error near '...'"
            fail="SELECT json_extract('{{}}', {message}) FROM ({count}) AS c WHERE c.n > 0;",
            concat="{a} || {b}",
            drop_index="DROP INDEX {index};",
            comments_in_statement=True,
        ),
        "duckdb": MigrationDialect(
            renames_in_place=False,
            rebuild_children=True,
            alters_in_place=False,
            add_column_with_check=False,
            add_column_now_default=True,
            add_column_with_dependents=False,
            begin="BEGIN TRANSACTION;",
            commit="COMMIT;",
            before=(),
            after=(),
            fail="SELECT error({message}) FROM ({count}) AS c WHERE c.n > 0;",
            concat="{a} || {b}",
            drop_index="DROP INDEX {index};",
            text_cast="CAST({value} AS VARCHAR)",
            casts_on_insert=True,
            self_reference_passes=32,
            # no setval: nextval until the sequence has given the highest id (rows may have
            # been stored with ids of their own, so a kept sequence may lag behind too)
            continue_identity=(
                "SELECT max(nextval({sequence_text})) FROM range((SELECT coalesce(max({column}), "
                "0) FROM {table}) - (SELECT coalesce(max(last_value), 0) FROM duckdb_sequences() "
                "WHERE schema_name = current_schema() AND sequence_name = {sequence_text}));"
            ),
        ),
        "mariadb": MigrationDialect(
            renames_in_place=False,
            rebuild_children=False,
            alters_in_place=False,
            add_column_with_check=True,
            add_column_now_default=True,
            add_column_with_dependents=True,
            begin="START TRANSACTION;",
            commit="COMMIT;",
            before=("SET SESSION foreign_key_checks = 0;",),
            after=("SET SESSION foreign_key_checks = 1;",),
            # the message as a duplicate key: "Duplicate entry '<message>' for key 'PRIMARY'"
            fail=(
                "INSERT INTO `sc-check` SELECT {message} FROM ({count}) AS c "
                "CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2) AS twice WHERE c.n > 0;"
            ),
            concat="CONCAT({a}, {b})",
            drop_index="DROP INDEX {index} ON {table};",
            check_table_open=(
                "CREATE TEMPORARY TABLE `sc-check` (message VARCHAR(700) PRIMARY KEY);"
            ),
            check_table_close="DROP TEMPORARY TABLE `sc-check`;",
            copy_table="CREATE TABLE",
            text_cast="CAST({value} AS CHAR)",
        ),
    }
)
