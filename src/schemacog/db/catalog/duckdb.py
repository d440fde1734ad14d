"""DuckDB's catalog: ``duckdb_columns()``, ``duckdb_constraints()``, ``duckdb_indexes()``,
``duckdb_tables()`` and ``duckdb_types()``. DuckDB keeps no constraint names."""

from __future__ import annotations

import re
from typing import Any, Final

from schemacog.db.catalog.model import Catalog, CatalogTable, Check, Column, ForeignKey, Index, Key

__all__ = ["read_duckdb"]


def read_duckdb(connection: Any, namespace: str = "") -> Catalog:
    schema = namespace or "main"
    tables = {}
    for name, comment in connection.execute(
        "SELECT table_name, comment FROM system.main.duckdb_tables() "
        "WHERE schema_name = ? AND NOT temporary ORDER BY table_name",
        [schema],
    ).fetchall():
        tables[name] = _table(connection, schema, name, comment)
    enums: dict[str, tuple[str, ...]] = {}
    comments: dict[str, str] = {}
    for name, comment in connection.execute(
        "SELECT type_name, comment FROM system.main.duckdb_types() WHERE schema_name = ? "
        "AND logical_type = 'ENUM' "
        "AND NOT internal",
        [schema],
    ).fetchall():
        quoted = '"' + name.replace('"', '""') + '"'
        (values,) = connection.execute(f"SELECT enum_range(NULL::{quoted})").fetchone()
        enums[name] = tuple(values)
        if comment:
            comments[name] = comment
    others = tuple(
        f"{kind} {name}"
        for kind, name in connection.execute(
            "SELECT 'view', view_name FROM system.main.duckdb_views() "
            "WHERE schema_name = ? AND NOT internal "
            "UNION ALL SELECT 'macro', function_name FROM system.main.duckdb_functions() "
            "WHERE schema_name = ? "
            "AND NOT internal AND function_type IN ('macro', 'table_macro') "
            "ORDER BY 2",
            [schema, schema],
        ).fetchall()
    )
    return Catalog(tables, enums, comments, others)


def _table(connection: Any, schema: str, name: str, comment: str | None) -> CatalogTable:
    columns = frozenset(
        Column(
            column,
            data_type,
            bool(nullable),
            None if generated else default,
            identity=bool(default and default.startswith("nextval(")),
            comment=column_comment,
            position=number,
            computed=f"GENERATED ALWAYS AS ({default})" if generated else None,
        )
        for (
            column,
            data_type,
            nullable,
            default,
            column_comment,
            number,
            generated,
        ) in connection.execute(
            # a generated column's expression is its column_default
            "SELECT c.column_name, c.data_type, c.is_nullable, c.column_default, c.comment, "
            "c.column_index, i.is_generated = 'ALWAYS' FROM system.main.duckdb_columns() c "
            "JOIN system.information_schema.columns i ON i.table_schema = c.schema_name "
            "AND i.table_name = c.table_name AND i.column_name = c.column_name "
            "WHERE c.schema_name = ? AND c.table_name = ? AND i.table_catalog = c.database_name",
            [schema, name],
        ).fetchall()
    )
    primary_key = None
    unique = set()
    foreign_keys = set()
    checks = set()
    for kind, text, expression, names, ref_table, ref_names in connection.execute(
        "SELECT constraint_type, constraint_text, expression, constraint_column_names, "
        "referenced_table, referenced_column_names FROM system.main.duckdb_constraints() "
        "WHERE schema_name = ? AND table_name = ?",
        [schema, name],
    ).fetchall():
        if kind == "PRIMARY KEY":
            primary_key = Key("", tuple(names))
        elif kind == "UNIQUE":
            unique.add(Key("", tuple(names)))
        elif kind == "FOREIGN KEY":
            foreign_keys.add(
                ForeignKey("", tuple(names), ref_table, tuple(ref_names), *_actions(text))
            )
        elif kind == "CHECK":
            checks.add(Check("", expression or text))
    names = {column.name for column in columns}
    indexes = set()
    for index, is_unique, expressions, definition in connection.execute(
        "SELECT index_name, is_unique, expressions, sql FROM system.main.duckdb_indexes() "
        "WHERE schema_name = ? AND table_name = ?",
        [schema, name],
    ).fetchall():
        listed = _index_columns(expressions)
        if all(column in names for column in listed):
            indexes.add(Index(index, tuple(listed), bool(is_unique)))
        else:  # an expression: kept whole
            indexes.add(Index(index, (), bool(is_unique), str(definition)))
    return CatalogTable(
        name,
        columns,
        primary_key,
        frozenset(unique),
        frozenset(foreign_keys),
        frozenset(checks),
        frozenset(indexes),
        comment,
        extras=(
            *_sequence_extras(connection, schema, columns),
            *_collations(connection, schema, name),
        ),
    )


def _collations(connection: Any, schema: str, table: str) -> tuple[str, ...]:
    """A column's collation (``COLLATE NOCASE``): only the table's statement holds it."""
    (sql,) = connection.execute(
        "SELECT sql FROM system.main.duckdb_tables() WHERE schema_name = ? AND table_name = ?",
        [schema, table],
    ).fetchone() or ("",)
    found = re.findall(r"\bCOLLATE\s+(\w+)", str(sql or ""), flags=re.IGNORECASE)
    return tuple(f"a column's COLLATE {collation}" for collation in found)


def _sequence_extras(connection: Any, schema: str, columns: frozenset[Column]) -> tuple[str, ...]:
    """An identity's sequence that does not count 1, 2, 3 ... or that other columns
    draw from too: schemacog's DDL gives each identity a sequence of its own."""
    identities = [c for c in sorted(columns, key=lambda c: c.position) if c.identity and c.default]
    if not identities:
        return ()
    counting = {  # a sequence's nextval() as a default spells it -> (start, step, bounds)
        spelled: (start, step, (low, high, cycle))
        for sequence, start, step, low, high, cycle in connection.execute(
            "SELECT sequence_name, start_value, increment_by, min_value, max_value, cycle "
            "FROM system.main.duckdb_sequences() WHERE schema_name = ?",
            [schema],
        ).fetchall()
        for spelled in (f"nextval('{sequence}')", f"nextval('{schema}.{sequence}')")
    }
    found = []
    for column in identities:
        (users,) = connection.execute(
            "SELECT count(*) FROM system.main.duckdb_columns() "
            "WHERE schema_name = ? AND column_default = ?",
            [schema, column.default],
        ).fetchone()
        if users > 1:
            found.append(f"column {column.name}: {column.default} is shared with other columns")
        start, step, bounds = counting.get(str(column.default), (1, 1, _UNBOUNDED))
        if (start, step) != (1, 1):
            found.append(
                f"column {column.name}: its sequence starts at {start} and steps by "
                f"{step} (schemacog's: 1 and 1)"
            )
        if bounds != _UNBOUNDED:
            low, high, cycle = bounds
            found.append(
                f"column {column.name}: its sequence runs from {low} to {high}"
                + (", then again (CYCLE)" if cycle else "")
                + f" (schemacog's: {_UNBOUNDED[0]} to {_UNBOUNDED[1]}, no CYCLE)"
            )
    return tuple(found)


# what CREATE SEQUENCE gives, as schemacog's DDL writes it: MINVALUE, MAXVALUE, CYCLE
_UNBOUNDED: Final = (1, 2**63 - 1, False)


def _actions(text: str) -> tuple[str, str]:
    upper = text.upper()
    found = []
    for clause in ("ON DELETE ", "ON UPDATE "):
        at = upper.find(clause)
        action = "NO ACTION"
        if at >= 0:
            rest = upper[at + len(clause) :]
            for candidate in ("NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT"):
                if rest.startswith(candidate):
                    action = candidate
        found.append(action)
    return found[0], found[1]


def _index_columns(expressions: Any) -> list[str]:
    if isinstance(expressions, str):
        inner = expressions.strip("[]")
        return [part.strip().strip("'\"") for part in inner.split(",") if part.strip()]
    return [str(part).strip('"') for part in expressions]
