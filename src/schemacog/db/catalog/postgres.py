"""PostgreSQL's catalog, from ``pg_catalog``: columns with ``format_type`` and
``pg_get_expr`` defaults, constraints with ``pg_get_constraintdef``, indexes that are not
constraints, comments, and enum types with their values in order."""

from __future__ import annotations

from typing import Any

from schemacog.db.catalog.model import Catalog, CatalogTable, Check, Column, ForeignKey, Index, Key

__all__ = ["read_postgres"]

_ACTIONS = {"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}


def read_postgres(connection: Any, namespace: str = "") -> Catalog:
    """The catalog of one schema, read with it alone on the search path (so that its types
    are spelled without it), the session's own search path put back after."""
    schema = namespace or "public"
    (saved,) = connection.execute("SELECT current_setting('search_path')").fetchone()
    connection.execute("SELECT set_config('search_path', quote_ident(%s), false)", [schema])
    try:
        return _read(connection, schema)
    finally:
        connection.execute("SELECT set_config('search_path', %s, false)", [saved])


def _read(connection: Any, schema: str) -> Catalog:
    rows = connection.execute(
        "SELECT c.oid, c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = %s AND c.relkind IN ('r', 'p') ORDER BY c.relname",
        [schema],
    ).fetchall()
    tables = {name: _table(connection, oid, name, comment) for oid, name, comment in rows}
    enums: dict[str, list[str]] = {}
    for name, value in connection.execute(
        "SELECT t.typname, e.enumlabel FROM pg_type t "
        "JOIN pg_namespace n ON n.oid = t.typnamespace "
        "JOIN pg_enum e ON e.enumtypid = t.oid WHERE n.nspname = %s "
        "ORDER BY t.typname, e.enumsortorder",
        [schema],
    ).fetchall():
        enums.setdefault(name, []).append(value)
    comments = dict(
        connection.execute(
            "SELECT t.typname, obj_description(t.oid, 'pg_type') FROM pg_type t "
            "JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = %s "
            "AND t.typtype = 'e' AND obj_description(t.oid, 'pg_type') IS NOT NULL",
            [schema],
        ).fetchall()
    )
    return Catalog(tables, {name: tuple(values) for name, values in enums.items()}, comments)


def _names(connection: Any, oid: int, numbers: list[int]) -> tuple[str, ...]:
    found = dict(
        connection.execute(
            "SELECT attnum, attname FROM pg_attribute WHERE attrelid = %s", [oid]
        ).fetchall()
    )
    return tuple(found[n] for n in numbers)


def _table(connection: Any, oid: int, name: str, comment: str | None) -> CatalogTable:
    columns = frozenset(
        Column(
            column,
            kind,
            nullable,
            None if serial else default,
            identity=identity != "" or serial,
            comment=note,
            position=number,
        )
        for column, kind, nullable, default, identity, note, number, serial in connection.execute(
            "SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull, "
            "pg_get_expr(d.adbin, d.adrelid), a.attidentity, "
            "col_description(a.attrelid, a.attnum), "
            # a serial: its default draws from a sequence the column owns
            "a.attnum, EXISTS (SELECT 1 FROM pg_depend p JOIN pg_class s ON s.oid = p.objid "
            "WHERE p.refobjid = a.attrelid AND p.refobjsubid = a.attnum AND p.deptype = 'a' "
            "AND s.relkind = 'S' AND p.classid = 'pg_class'::regclass) "
            "FROM pg_attribute a LEFT JOIN pg_attrdef d "
            "ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
            "WHERE a.attrelid = %s AND a.attnum > 0 AND NOT a.attisdropped",
            [oid],
        ).fetchall()
    )
    primary_key = None
    unique = set()
    foreign_keys = set()
    checks = set()
    for (
        constraint,
        kind,
        keys,
        ref_oid,
        ref_keys,
        on_delete,
        on_update,
        deferrable,
        definition,
    ) in connection.execute(
        "SELECT conname, contype, conkey, confrelid, confkey, confdeltype, confupdtype, "
        "condeferrable, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = %s",
        [oid],
    ).fetchall():
        if kind == "p":
            primary_key = Key(constraint, _names(connection, oid, keys))
        elif kind == "u":
            unique.add(Key(constraint, _names(connection, oid, keys)))
        elif kind == "f":
            (ref_table,) = connection.execute(
                "SELECT relname FROM pg_class WHERE oid = %s", [ref_oid]
            ).fetchone()
            foreign_keys.add(
                ForeignKey(
                    constraint,
                    _names(connection, oid, keys),
                    ref_table,
                    _names(connection, ref_oid, ref_keys),
                    _ACTIONS[on_delete],
                    _ACTIONS[on_update],
                    deferrable,
                )
            )
        elif kind == "c":
            checks.add(Check(constraint, definition))
    indexes = frozenset(
        Index(index, _names(connection, oid, [int(n) for n in str(keys).split()]), is_unique)
        for index, is_unique, keys in connection.execute(
            "SELECT i.relname, x.indisunique, x.indkey::text FROM pg_index x "
            "JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = %s AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid "
            "AND k.conrelid = x.indrelid)",
            [oid],
        ).fetchall()
    )
    return CatalogTable(
        name,
        columns,
        primary_key,
        frozenset(unique),
        frozenset(foreign_keys),
        frozenset(checks),
        indexes,
        comment,
    )
