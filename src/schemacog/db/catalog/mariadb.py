"""MariaDB's catalog, from ``information_schema``: ``COLUMNS``, ``TABLE_CONSTRAINTS``
with ``KEY_COLUMN_USAGE`` and ``REFERENTIAL_CONSTRAINTS``, ``CHECK_CONSTRAINTS``,
``STATISTICS`` for indexes that are not constraints, and the comments."""

from __future__ import annotations

import re
from typing import Any

from schemacog.db.catalog.model import Catalog, CatalogTable, Check, Column, ForeignKey, Index, Key

__all__ = ["read_mariadb"]


def _rows(connection: Any, sql: str, params: list[object]) -> list[Any]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def read_mariadb(connection: Any, namespace: str = "") -> Catalog:
    database = namespace
    rows = _rows(
        connection,
        "SELECT TABLE_NAME, TABLE_COMMENT, TABLE_TYPE, ENGINE, CREATE_OPTIONS, TABLE_COLLATION "
        "FROM information_schema.TABLES WHERE TABLE_SCHEMA = %s "
        "AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED') ORDER BY TABLE_NAME",
        [database],
    )
    tables = {
        name: _table(connection, database, name, comment or None, _table_extras(*rest))
        for name, comment, *rest in rows
    }
    others = [
        f"{kind} {name}"
        for kind, name in _rows(
            connection,
            "SELECT 'view', TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = %s "
            "UNION ALL SELECT 'trigger', CONCAT(TRIGGER_NAME, ' on ', EVENT_OBJECT_TABLE) "
            "FROM information_schema.TRIGGERS "
            "WHERE TRIGGER_SCHEMA = %s UNION ALL SELECT LOWER(ROUTINE_TYPE), ROUTINE_NAME "
            "FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = %s UNION ALL "
            "SELECT 'event', EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = %s "
            "UNION ALL SELECT 'sequence', TABLE_NAME FROM information_schema.TABLES "
            "WHERE TABLE_SCHEMA = %s AND TABLE_TYPE = 'SEQUENCE'",
            [database] * 5,
        )
    ]
    return Catalog(tables, others=tuple(sorted(others)))


def _key_columns(connection: Any, database: str, table: str) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for constraint, column, ref_table, ref_column in _rows(
        connection,
        "SELECT CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME "
        "FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = %s AND TABLE_NAME = %s "
        "ORDER BY CONSTRAINT_NAME, ORDINAL_POSITION",
        [database, table],
    ):
        found.setdefault(constraint, []).append((column, ref_table, ref_column))
    return found


_LONG = re.compile(r"text|blob|json")  # types an index holds the first bytes of only
_COLLATION = "utf8mb4_nopad_bin"  # what schemacog's DDL gives every table


def _computed(extra: str, generation: str | None) -> str | None:
    """``ON UPDATE ...`` or ``GENERATED ALWAYS AS (...)`` of a column, from EXTRA."""
    if generation:
        return f"GENERATED ALWAYS AS ({generation})"
    found = extra.lower().find("on update ")
    return extra[found:].upper() if found >= 0 else None


def _table_extras(
    kind: str, engine: str | None, options: str | None, collation: str | None
) -> list[str]:
    """What a table is besides its columns and keys that schemacog's DDL never makes
    (a default collation other than its own: a column a migration adds takes it)."""
    found = []
    if collation and collation != _COLLATION:
        found.append(f"DEFAULT COLLATE {collation} (schemacog's is {_COLLATION})")
    if kind == "SYSTEM VERSIONED":
        found.append("WITH SYSTEM VERSIONING")
    if engine and engine != "InnoDB":
        found.append(f"ENGINE={engine} (schemacog's is InnoDB)")
    words = (options or "").split()
    if "partitioned" in words:
        found.append("PARTITION BY (its partitions)")
    others = [word for word in words if word != "partitioned"]
    if others:  # ROW_FORMAT=COMPRESSED, STATS_PERSISTENT=0, ...
        found.append(f"table options {' '.join(others)}")
    return found


def _table(
    connection: Any, database: str, name: str, comment: str | None, extras: list[str]
) -> CatalogTable:
    rows = _rows(
        connection,
        "SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, COLUMN_COMMENT, "
        "ORDINAL_POSITION, GENERATION_EXPRESSION, COLLATION_NAME "
        "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = %s AND TABLE_NAME = %s",
        [database, name],
    )
    columns = frozenset(
        Column(
            column,
            kind,
            nullable == "YES",
            default,
            identity="auto_increment" in extra,
            comment=note or None,
            computed=_computed(extra, generation),
            # schemacog's tables are utf8mb4_nopad_bin: another collation compares otherwise
            collation=None if collation in (None, _COLLATION) else collation,
            position=number,
        )
        for column, kind, nullable, default, extra, note, number, generation, collation in rows
    )
    extras += [f"column {row[0]}: INVISIBLE" for row in rows if "INVISIBLE" in row[4].split()]
    visible = {row[0] for row in rows}
    types = {row[0]: str(row[1]).lower() for row in rows}
    keys = _key_columns(connection, database, name)
    actions = {
        constraint: (on_delete, on_update)
        for constraint, on_delete, on_update in _rows(
            connection,
            "SELECT CONSTRAINT_NAME, DELETE_RULE, UPDATE_RULE "
            "FROM information_schema.REFERENTIAL_CONSTRAINTS "
            "WHERE CONSTRAINT_SCHEMA = %s AND TABLE_NAME = %s",
            [database, name],
        )
    }
    primary_key = None
    unique = set()
    foreign_keys = set()
    for constraint, kind in _rows(
        connection,
        "SELECT CONSTRAINT_NAME, CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS "
        "WHERE TABLE_SCHEMA = %s AND TABLE_NAME = %s",
        [database, name],
    ):
        # not the hidden row_end a system-versioned table adds to its keys
        parts = [p for p in keys.get(constraint, []) if p[0] in visible]
        names = tuple(p[0] for p in parts)
        if kind == "PRIMARY KEY":
            primary_key = Key("", names)
        elif kind == "UNIQUE":
            unique.add(Key(constraint, names))
        elif kind == "FOREIGN KEY":
            on_delete, on_update = actions.get(constraint, ("RESTRICT", "RESTRICT"))
            foreign_keys.add(
                ForeignKey(
                    constraint,
                    names,
                    parts[0][1],
                    tuple(p[2] for p in parts),
                    on_delete,
                    on_update,
                )
            )
    checks = frozenset(
        Check(constraint, clause)
        for constraint, clause in _rows(
            connection,
            "SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS "
            "WHERE CONSTRAINT_SCHEMA = %s AND TABLE_NAME = %s",
            [database, name],
        )
    )
    constraint_names = {k.name for k in unique} | {fk.name for fk in foreign_keys} | {"PRIMARY"}
    index_columns: dict[tuple[str, bool], list[str]] = {}
    special: dict[str, str] = {}  # index -> what makes it more than columns
    for index, non_unique, column, kind, order, sub_part, ignored in _rows(
        connection,
        "SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME, INDEX_TYPE, COLLATION, SUB_PART, "
        "IGNORED FROM information_schema.STATISTICS "
        "WHERE TABLE_SCHEMA = %s AND TABLE_NAME = %s ORDER BY INDEX_NAME, SEQ_IN_INDEX",
        [database, name],
    ):
        # a prefix a column's type does not need (TEXT and BLOB have one in every index,
        # schemacog's too): the key or index holds the first characters only
        prefix = None if _LONG.search(types.get(column, "")) else sub_part
        if prefix is not None and index in constraint_names:
            extras.append(f"key {index}: of the first {prefix} characters of {column} only")
        if ignored == "YES":
            extras.append(f"index {index}: IGNORED")
        if index not in constraint_names:
            index_columns.setdefault((index, not int(non_unique)), []).append(column)
            if kind not in ("BTREE", "HASH") or order == "D":
                special[index] = f"a {kind} index" if order != "D" else "a DESC index"
            elif prefix is not None:
                special[index] = f"an index of the first {prefix} characters of {column}"
    indexes = frozenset(
        Index(n, () if n in special else tuple(c), u, special.get(n))
        for (n, u), c in index_columns.items()
    )
    return CatalogTable(
        name,
        columns,
        primary_key,
        frozenset(unique),
        frozenset(foreign_keys),
        checks,
        indexes,
        comment,
        extras=tuple(sorted(dict.fromkeys(extras))),
    )
