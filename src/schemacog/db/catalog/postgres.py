"""PostgreSQL's catalog, from ``pg_catalog``: columns with ``format_type`` and
``pg_get_expr`` defaults, constraints with ``pg_get_constraintdef``, indexes that are not
constraints, comments, and enum types with their values in order."""

from __future__ import annotations

import re
from typing import Any

from schemacog.db.catalog.model import Catalog, CatalogTable, Check, Column, ForeignKey, Index, Key

__all__ = ["read_postgres"]

_ACTIONS = {"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}


# The search path while the catalog is read: the system's schema alone. With the schema
# read on it, a function or an operator its owner made there could be chosen over the
# system's by PostgreSQL's overloading rules (an ``obj_description(oid, text)`` wins
# over the system's ``(oid, name)`` for a text literal) and run as the reader.
_SEARCH_PATH = "pg_catalog, pg_temp"


def read_postgres(connection: Any, namespace: str = "") -> Catalog:
    """The catalog of one schema, read with the system's schema alone on the search path
    (the names of the schema read are then taken off what ``format_type`` and the
    ``pg_get_*def`` functions write), the session's own search path put back after."""
    schema = namespace or "public"
    (saved,) = connection.execute("SELECT pg_catalog.current_setting('search_path')").fetchone()
    connection.execute("SELECT pg_catalog.set_config('search_path', %s, false)", [_SEARCH_PATH])
    try:
        (prefix,) = connection.execute("SELECT quote_ident(%s) || '.'", [schema]).fetchone()
        return _read(connection, schema, _Unqualify(str(prefix)))
    finally:
        connection.execute("SELECT pg_catalog.set_config('search_path', %s, false)", [saved])


class _Unqualify:
    """Takes the schema's prefix (``public.``, ``"My Schema".``) off the names in SQL
    text the catalog writes, outside string literals and quoted names."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    def _call(self, text: str, at: int) -> bool:
        """Does a call follow the prefix at ``at`` (``public.char_length(c)``)? It keeps
        the prefix: a function of the schema is not the system's of its name."""
        if text[:at].rstrip().upper().endswith("REFERENCES"):  # a table and its columns
            return False
        rest = text[at + len(self.prefix) :]
        name = re.match(r'"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_$]*', rest)
        return name is not None and rest[name.end() :].lstrip().startswith("(")

    def __call__(self, text: str | None) -> str | None:
        if text is None or self.prefix not in text:
            return text
        out: list[str] = []
        at, size = 0, len(text)
        while at < size:
            char = text[at]
            if char in "'\"":  # a literal or a quoted name, copied whole ('' and "" inside)
                end = at + 1
                while end < size and not (
                    text[end] == char and (end + 1 >= size or text[end + 1] != char)
                ):
                    end += 2 if text[end] == char else 1
                if char == '"' and text.startswith(self.prefix, at) and not self._call(text, at):
                    at += len(self.prefix)
                    continue
                out.append(text[at : end + 1])
                at = end + 1
                continue
            before = text[at - 1] if at else " "
            if (
                text.startswith(self.prefix, at)
                and not (before.isalnum() or before in "_$.")
                and not self._call(text, at)
            ):
                at += len(self.prefix)
                continue
            out.append(char)
            at += 1
        return "".join(out)


def _read(connection: Any, schema: str, bare: _Unqualify) -> Catalog:
    rows = connection.execute(
        "SELECT c.oid, c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = %s AND c.relkind IN ('r', 'p') AND NOT c.relispartition "
        "ORDER BY c.relname",
        [schema],
    ).fetchall()
    tables = {name: _table(connection, oid, name, comment, bare) for oid, name, comment in rows}
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
    enum_values = {name: tuple(values) for name, values in enums.items()}
    return Catalog(tables, enum_values, comments, _others(connection, schema, bare))


# what a schema holds besides its tables, keys and enums, one line each
_OTHERS = (
    "SELECT CASE c.relkind WHEN 'v' THEN 'view ' WHEN 'm' THEN 'materialized view ' "
    "WHEN 'f' THEN 'foreign table ' ELSE 'sequence ' END || c.relname FROM pg_class c "
    "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %(s)s "
    "AND (c.relkind IN ('v', 'm', 'f') OR (c.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM "
    "pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))))",
    "SELECT 'partition ' || c.relname || ' of ' || p.relname FROM pg_inherits i "
    "JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent "
    "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %(s)s "
    "AND c.relispartition AND c.relkind IN ('r', 'p', 'f')",
    "SELECT 'partitioning of ' || c.relname || ': ' || pg_get_partkeydef(c.oid) FROM pg_class c "
    "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %(s)s AND c.relkind = 'p'",
    "SELECT 'trigger ' || t.tgname || ' on ' || c.relname FROM pg_trigger t "
    "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = %(s)s AND NOT t.tgisinternal",
    "SELECT CASE p.prokind WHEN 'p' THEN 'procedure ' WHEN 'a' THEN 'aggregate ' "
    "ELSE 'function ' END || p.proname FROM pg_proc p "
    "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = %(s)s AND NOT EXISTS "
    "(SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')",
    "SELECT 'domain ' || t.typname FROM pg_type t JOIN pg_namespace n "
    "ON n.oid = t.typnamespace WHERE n.nspname = %(s)s AND t.typtype = 'd'",
    "SELECT 'rule ' || r.rulename || ' on ' || r.tablename FROM pg_rules r "
    "WHERE r.schemaname = %(s)s",
    "SELECT 'policy ' || p.policyname || ' on ' || p.tablename FROM pg_policies p "
    "WHERE p.schemaname = %(s)s",
)


def _others(connection: Any, schema: str, bare: _Unqualify) -> tuple[str, ...]:
    found = []
    for query in _OTHERS:
        rows = connection.execute(query, {"s": schema}).fetchall()
        found += [str(bare(row[0])) for row in rows]
    found += [
        f"table {child} inherits {parent}"
        for child, parent in connection.execute(
            "SELECT c.relname, p.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            "JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = %s AND NOT c.relispartition",
            [schema],
        ).fetchall()
    ]
    return tuple(sorted(found))


def _names(connection: Any, oid: int, numbers: list[int]) -> tuple[str, ...]:
    found = dict(
        connection.execute(
            "SELECT attnum, attname FROM pg_attribute WHERE attrelid = %s", [oid]
        ).fetchall()
    )
    return tuple(found[n] for n in numbers)


def _serial(owned: bool, default: str | None) -> bool:
    """A serial: the column owns a sequence, and its default is that sequence's next
    value alone (``nextval('t_id_seq'::regclass)``; ``nextval(...) * 1000`` is none)."""
    return owned and re.fullmatch(r"nextval\('(?:[^']|'')*'::regclass\)", default or "") is not None


def _table(
    connection: Any, oid: int, name: str, comment: str | None, bare: _Unqualify
) -> CatalogTable:
    columns = frozenset(
        Column(
            column,
            str(bare(kind)),
            nullable,
            None if _serial(serial, default) or generated else bare(default),
            identity=identity != "" or _serial(serial, default),
            comment=note,
            computed=f"GENERATED ALWAYS AS ({bare(default)}) STORED" if generated else None,
            collation=collation,
            position=number,
        )
        for (
            column,
            kind,
            nullable,
            default,
            identity,
            note,
            collation,
            number,
            serial,
            generated,
        ) in connection.execute(
            # a domain's column as its base type, the domain named after it
            "SELECT a.attname, CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, "
            "t.typtypmod) || ' (domain ' || format_type(a.atttypid, a.atttypmod) || ')' "
            "ELSE format_type(a.atttypid, a.atttypmod) END, NOT a.attnotnull, "
            "pg_get_expr(d.adbin, d.adrelid), a.attidentity, "
            "col_description(a.attrelid, a.attnum), "
            # a serial: its default draws from a sequence the column owns
            # a collation of the column's own (schemacog's columns keep the default)
            "(SELECT co.collname FROM pg_collation co WHERE co.oid = a.attcollation "
            "AND a.attcollation <> t.typcollation), "
            "a.attnum, EXISTS (SELECT 1 FROM pg_depend p JOIN pg_class s ON s.oid = p.objid "
            "WHERE p.refobjid = a.attrelid AND p.refobjsubid = a.attnum AND p.deptype = 'a' "
            "AND s.relkind = 'S' AND p.classid = 'pg_class'::regclass), a.attgenerated <> '' "
            "FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_attrdef d "
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
            # a table of another schema is named with it: it is not the one of its name here
            (ref_table,) = connection.execute(
                "SELECT CASE WHEN c.relnamespace = (SELECT relnamespace FROM pg_class "
                "WHERE oid = %s) THEN c.relname ELSE quote_ident(n.nspname) || '.' || "
                "quote_ident(c.relname) END FROM pg_class c JOIN pg_namespace n "
                "ON n.oid = c.relnamespace WHERE c.oid = %s",
                [oid, ref_oid],
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
            checks.add(Check(constraint, str(bare(definition))))
    indexes = set()
    for index, is_unique, keys, plain, definition in connection.execute(
        "SELECT i.relname, x.indisunique, x.indkey::text, "
        # a B-tree of columns in their order, ascending, of their own collations
        "x.indpred IS NULL AND x.indexprs IS NULL AND am.amname = 'btree' "
        "AND x.indoption::text ~ '^[0 ]*$' AND x.indcollation::text ~ '^[0 ]*$|^(100 ?)*$' "
        # no INCLUDE columns, no NULLS NOT DISTINCT, no storage settings
        "AND x.indnkeyatts = x.indnatts AND NOT x.indnullsnotdistinct AND i.reloptions IS NULL "
        # the default operator class of each column (not text_pattern_ops ...)
        "AND NOT EXISTS (SELECT 1 FROM pg_opclass o WHERE o.oid = ANY (x.indclass) "
        "AND NOT o.opcdefault), "
        "pg_get_indexdef(x.indexrelid) FROM pg_index x "
        "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am am ON am.oid = i.relam "
        "WHERE x.indrelid = %s AND NOT EXISTS "
        "(SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid "
        "AND k.conrelid = x.indrelid)",
        [oid],
    ).fetchall():
        numbers = [int(n) for n in str(keys).split()]
        if plain and 0 not in numbers:
            indexes.add(Index(index, _names(connection, oid, numbers), is_unique))
        else:  # an expression (key 0), a WHERE, a GiST ...: kept whole, unqualified
            shown = str(bare(definition))
            indexes.add(Index(index, (), is_unique, shown))
    extras = tuple(str(bare(row[0])) for row in connection.execute(_EXTRAS, {"t": oid}).fetchall())
    return CatalogTable(
        name,
        columns,
        primary_key,
        frozenset(unique),
        frozenset(foreign_keys),
        frozenset(checks),
        frozenset(indexes),
        comment,
        extras=extras,
    )


# what a table has that schemacog's DDL never makes, one line each (sorted)
_EXTRAS = (
    "SELECT line FROM ("
    "SELECT 'UNLOGGED' AS line FROM pg_class WHERE oid = %(t)s AND relpersistence = 'u' "
    "UNION ALL SELECT 'WITH (' || array_to_string(reloptions, ', ') || ')' FROM pg_class "
    "WHERE oid = %(t)s AND reloptions IS NOT NULL "
    "UNION ALL SELECT 'foreign key ' || conname || ': MATCH FULL' FROM pg_constraint "
    "WHERE conrelid = %(t)s AND contype = 'f' AND confmatchtype = 'f' "
    "UNION ALL SELECT 'key ' || k.conname || ': ' || pg_get_constraintdef(k.oid) "
    "FROM pg_constraint k JOIN pg_index x ON x.indexrelid = k.conindid "
    "JOIN pg_class i ON i.oid = x.indexrelid WHERE k.conrelid = %(t)s "
    "AND k.contype IN ('p', 'u') AND (x.indnkeyatts < x.indnatts OR x.indnullsnotdistinct "
    "OR i.reloptions IS NOT NULL) "
    "UNION ALL SELECT 'column ' || attname || ': GENERATED ALWAYS AS IDENTITY (schemacog''s "
    "is BY DEFAULT)' FROM pg_attribute WHERE attrelid = %(t)s AND attidentity = 'a' "
    # constraints of kinds schemacog never makes, and flags of the ones it makes
    "UNION ALL SELECT 'constraint ' || conname || ': ' || pg_get_constraintdef(oid) "
    "FROM pg_constraint WHERE conrelid = %(t)s AND contype NOT IN ('p', 'u', 'f', 'c', 't', 'n') "
    "UNION ALL SELECT 'key ' || conname || ': DEFERRABLE' FROM pg_constraint "
    "WHERE conrelid = %(t)s AND contype IN ('p', 'u') AND condeferrable "
    "UNION ALL SELECT 'foreign key ' || conname || ': DEFERRABLE INITIALLY IMMEDIATE "
    "(schemacog''s is INITIALLY DEFERRED)' FROM pg_constraint WHERE conrelid = %(t)s "
    "AND contype = 'f' AND condeferrable AND NOT condeferred "
    "UNION ALL SELECT 'constraint ' || conname || ': NOT VALID (rows before it may break it)' "
    "FROM pg_constraint WHERE conrelid = %(t)s AND NOT convalidated "
    "UNION ALL SELECT 'foreign key ' || conname || ': ' || pg_get_constraintdef(oid) "
    "FROM pg_constraint WHERE conrelid = %(t)s AND contype = 'f' "
    "AND pg_get_constraintdef(oid) ~ 'ON (DELETE|UPDATE) SET (NULL|DEFAULT) [(]' "
    "UNION ALL SELECT 'ROW LEVEL SECURITY' || CASE WHEN relforcerowsecurity THEN ' (forced)' "
    "ELSE '' END FROM pg_class WHERE oid = %(t)s AND relrowsecurity "
    # an identity's sequence that does not count 1, 2, 3 ... up to its type's largest
    "UNION ALL SELECT 'column ' || a.attname || ': its sequence counts from ' || q.seqstart "
    "|| ' by ' || q.seqincrement || ', from ' || q.seqmin || ' to ' || q.seqmax "
    "|| CASE WHEN q.seqcycle THEN ', cycling' ELSE '' END || ' (schemacog''s: from 1 by 1, "
    "to its type''s largest)' FROM pg_attribute a "
    "JOIN pg_depend d ON d.refobjid = a.attrelid AND d.refobjsubid = a.attnum "
    "AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') "
    "JOIN pg_sequence q ON q.seqrelid = d.objid WHERE a.attrelid = %(t)s "
    "AND (q.seqstart <> 1 OR q.seqincrement <> 1 OR q.seqmin <> 1 OR q.seqcycle "
    "OR q.seqmax <> CASE q.seqtypid WHEN 'int2'::regtype THEN 32767 "
    "WHEN 'int4'::regtype THEN 2147483647 ELSE 9223372036854775807 END) "
    ") AS found ORDER BY line"
)
