"""What a dialect cannot build as the schema says, decided once for DDL and verify.

Four limits, all MariaDB's (tested on 10.11), all data of the dialect:

- a column that AUTO_INCREMENT or a foreign-key action writes may have no CHECK
  (``checks_on_written_columns``): ``unchecked_columns``;
- a B-tree key holds at most ``max_key_bytes`` and no LONGTEXT or LONGBLOB column
  (``key_plans``). A primary key beyond that is a UNIQUE key (the engine hashes a long
  one), which a foreign key cannot reference; a foreign key that needs such a key, or
  such columns, is not built and is declared. A text column of a foreign key takes the
  VARCHAR of the column it references, so that the key can be built;
- a row's columns hold at most ``max_row_bytes`` outside LONGTEXT and LONGBLOB: the
  largest VARCHARs that no primary or foreign key needs become LONGTEXT (their CHECKs
  stay), and so do short ones where the row would not fit InnoDB's page;
- a table's CHECKs hold at most ``max_check_bytes`` of text: the largest pattern and enum
  CHECKs are left out and declared (``left_out_checks``).

Other dialects have none of these limits, and every function answers "nothing" for them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from schemacog.model import Column, FkAction, ForeignKey, LogicalType, Schema, Table
from schemacog.render.sql.dialects import Dialect
from schemacog.schema.keys import MAX_ROW_BYTES, ROW_POINTER_BYTES
from schemacog.schema.patterns import ascii_classes
from schemacog.schema.rules import ENUM, PATTERN

__all__ = [
    "KeyPlan",
    "index_prefixes",
    "key_plans",
    "left_out_checks",
    "unchecked_columns",
    "varchar_length",
]

# foreign-key actions that write the referencing columns
_WRITING_ON_DELETE: Final = frozenset({FkAction.SET_NULL, FkAction.SET_DEFAULT})
_WRITING_ON_UPDATE: Final = frozenset({FkAction.CASCADE, FkAction.SET_NULL, FkAction.SET_DEFAULT})

# bytes of a key part of each fixed-size type (at least what MariaDB counts)
_FIXED_KEY_BYTES: Final = MappingProxyType(
    {
        LogicalType.SMALLINT: 2,
        LogicalType.INTEGER: 4,
        LogicalType.BIGINT: 8,
        LogicalType.FLOAT: 8,
        LogicalType.DECIMAL: 32,
        LogicalType.BOOLEAN: 1,
        LogicalType.DATE: 3,
        LogicalType.TIME: 6,
        LogicalType.TIMESTAMP: 8,
        LogicalType.TIMESTAMPTZ: 8,
        LogicalType.UUID: 16,
    }
)


def unchecked_columns(
    dialect: Dialect, table: Table, unbuilt: frozenset[ForeignKey] = frozenset()
) -> frozenset[str]:
    """Columns of ``table`` that can have no CHECK in ``dialect``.

    MariaDB refuses a CHECK on a column that AUTO_INCREMENT or a foreign-key action
    (ON DELETE SET NULL, ON UPDATE CASCADE or SET NULL) of a built foreign key (not one
    of ``unbuilt``) writes: their bounds, lengths, patterns and enum values are declared
    as not enforced there, and verify does not expect them.
    """
    if dialect.checks_on_written_columns:
        return frozenset()
    written = {column.name for column in table.columns if column.identity}
    for fk in table.foreign_keys:
        if fk in unbuilt:
            continue
        # the actions the DDL renders: one the dialect lacks becomes NO ACTION
        on_delete, on_update = (
            action if action in dialect.fk_actions else FkAction.NO_ACTION
            for action in (fk.on_delete, fk.on_update)
        )
        if on_delete in _WRITING_ON_DELETE or on_update in _WRITING_ON_UPDATE:
            written.update(fk.columns)
    return frozenset(written)


def varchar_length(schema: Schema, column: Column, dialect: Dialect) -> int | None:
    """The n of the VARCHAR(n) a string or enum column is, before the key plan; None: none."""
    if column.enum is not None:
        longest = max(len(value) for value in schema.enum(column.enum).value_names)
        return dialect.varchar_size(longest)
    if column.type is LogicalType.STRING and column.max_length:
        return dialect.varchar_size(column.max_length)
    return None


@dataclass(frozen=True)
class KeyPlan:
    """How one table's keys are built in one dialect."""

    # text columns of a foreign key, as VARCHAR(n) of the column they reference
    narrowed: Mapping[str, int]
    primary_key_as_unique: bool  # the primary key cannot be a B-tree: a UNIQUE key instead
    unbuilt: frozenset[ForeignKey]  # foreign keys the engine cannot build (declared)
    long: frozenset[str] = frozenset()  # VARCHAR columns made LONGTEXT, for the row's size
    # the column sets of this table that foreign keys reference (any dialect)
    referenced: frozenset[frozenset[str]] = frozenset()

    def varchar(self, schema: Schema, column: Column, dialect: Dialect) -> int | None:
        """The n of the VARCHAR(n) the column is; None: it is not a VARCHAR."""
        if column.name in self.long:
            return None
        return self.narrowed.get(column.name) or varchar_length(schema, column, dialect)


# the plans of the schemas last asked for, per dialect, newest last: a run renders one
# schema's tables one call at a time (sc.sql.create_table), and a migration asks of its
# OLD, OLD renamed and NEW in turn; the plans are the whole schema's
_LAST: dict[str, list[tuple[Schema, Mapping[str, KeyPlan]]]] = {}
_KEPT = 4


def key_plans(dialect: Dialect, schema: Schema) -> Mapping[str, KeyPlan]:
    """The key plan of every table of ``schema``, by table name."""
    recent = _LAST.setdefault(dialect.name, [])
    for kept, plans in recent:
        if kept is schema:
            return plans
    plans = _key_plans(dialect, schema)
    recent.append((schema, plans))
    del recent[:-_KEPT]
    return plans


def _key_plans(dialect: Dialect, schema: Schema) -> Mapping[str, KeyPlan]:
    referenced: dict[str, set[frozenset[str]]] = {table.name: set() for table in schema.tables}
    for table in schema.tables:
        for fk in table.foreign_keys:
            referenced[fk.ref_table].add(frozenset(fk.ref_columns))
    if dialect.max_key_bytes is None:
        return MappingProxyType(
            {
                name: KeyPlan(MappingProxyType({}), False, frozenset(), referenced=frozenset(keys))
                for name, keys in referenced.items()
            }
        )
    sizes = _narrowed(dialect, schema)

    narrowed: dict[str, dict[str, int]] = {table.name: {} for table in schema.tables}
    for (table_name, column_name), size in sizes.items():
        narrowed[table_name][column_name] = size

    def fits(owner: Table, names: tuple[str, ...]) -> bool:
        columns = [owner.column(name) for name in names]
        parts = [
            _key_part(
                dialect,
                column,
                narrowed[owner.name].get(column.name) or varchar_length(schema, column, dialect),
            )
            for column in columns
        ]
        # None: LONGTEXT or LONGBLOB, which no B-tree holds whole
        return None not in parts and sum(p or 0 for p in parts) <= (dialect.max_key_bytes or 0)

    plans = {}
    for table in schema.tables:
        unbuilt = frozenset(
            fk
            for fk in table.foreign_keys
            if not (fits(table, fk.columns) and fits(schema.table(fk.ref_table), fk.ref_columns))
        )
        as_unique = bool(table.primary_key) and not fits(table, table.primary_key)
        keys = frozenset(referenced[table.name])
        plan = KeyPlan(MappingProxyType(narrowed[table.name]), as_unique, unbuilt, referenced=keys)
        plans[table.name] = _row_fitting(dialect, schema, table, plan)
    return MappingProxyType(plans)


# bytes a LONGTEXT or LONGBLOB column takes of the row's size (its pointer), at most
_LONG_IN_ROW: Final = 12
# InnoDB keeps at most MAX_ROW_BYTES of a row in its page (strict mode): a VARCHAR of at
# most 255 bytes whole, a longer one or a LONGTEXT as a pointer (the schema's limits)
_SHORT_BYTES: Final = 255


def _row_fitting(dialect: Dialect, schema: Schema, table: Table, plan: KeyPlan) -> KeyPlan:
    """``plan`` with the VARCHARs that become LONGTEXT so that the row fits
    ``max_row_bytes``, and then InnoDB's page (the largest first); never a column of the
    primary key or of a foreign key, either side. Their CHECKs stay."""
    limit = dialect.max_row_bytes
    if limit is None:
        return plan
    keyed = set(table.primary_key).union(*plan.referenced)
    keyed |= {name for fk in table.foreign_keys for name in fk.columns}
    sizes = {c.name: plan.varchar(schema, c, dialect) for c in table.columns}
    total = sum(
        size * dialect.bytes_per_char + 2
        if size is not None
        else _FIXED_KEY_BYTES.get(column.type, _LONG_IN_ROW)
        for column, size in zip(table.columns, sizes.values(), strict=True)
    )
    long: list[str] = []
    movable = [name for name, size in sizes.items() if size is not None and name not in keyed]
    for name in sorted(movable, key=lambda n: -(sizes[n] or 0)):
        if total <= limit:
            break
        total -= (sizes[name] or 0) * dialect.bytes_per_char + 2 - _LONG_IN_ROW
        long.append(name)

    def in_page(name: str, column: Column) -> int:
        size = sizes[name]
        if name in long or size is None:
            return _FIXED_KEY_BYTES.get(column.type, ROW_POINTER_BYTES)
        width = size * dialect.bytes_per_char
        return width + 1 if width <= _SHORT_BYTES else ROW_POINTER_BYTES

    page = sum(in_page(c.name, c) for c in table.columns) + len(table.columns) // 8
    short = [
        name
        for name in movable
        if name not in long and (sizes[name] or 0) * dialect.bytes_per_char <= _SHORT_BYTES
    ]
    for name in sorted(short, key=lambda n: -(sizes[n] or 0)):
        if page <= MAX_ROW_BYTES:
            break
        page -= (sizes[name] or 0) * dialect.bytes_per_char + 1 - ROW_POINTER_BYTES
        long.append(name)
    return dataclasses.replace(plan, long=frozenset(long))


def _narrowed(dialect: Dialect, schema: Schema) -> dict[tuple[str, str], int]:
    """(table, column) -> the VARCHAR(n) a text column of a foreign key takes from its key.

    Propagated along the keys, since the column referenced may itself be narrowed.
    Only where narrowing changes no verdict: a longer value can never match the key,
    and the key is always compared (one column, or no column of it nullable).
    """
    edges: list[tuple[tuple[str, str], tuple[str, str]]] = []  # (the column, its key's)
    for table in schema.tables:
        for fk in table.foreign_keys:
            if len(fk.columns) > 1 and any(table.column(c).nullable for c in fk.columns):
                continue
            for mine, theirs in zip(fk.columns, fk.ref_columns, strict=True):
                if table.column(mine).type in (LogicalType.STRING, LogicalType.TEXT):
                    edges.append(((table.name, mine), (fk.ref_table, theirs)))
    by_target: dict[tuple[str, str], list[int]] = {}
    for number, (_, key) in enumerate(edges):
        by_target.setdefault(key, []).append(number)
    sizes: dict[tuple[str, str], int] = {}
    # a worklist: an edge is looked at again only when its key's size changed, so a chain
    # of n keys takes n steps, not n passes over every key
    waiting = list(range(len(edges)))
    queued = set(waiting)
    while waiting:
        number = waiting.pop()
        queued.discard(number)
        (name, mine), (target, theirs) = edges[number]
        size = sizes.get((target, theirs))
        if size is None:
            size = varchar_length(schema, schema.table(target).column(theirs), dialect)
        column = schema.table(name).column(mine)
        own = sizes.get((name, mine))
        if own is None:
            own = varchar_length(schema, column, dialect)
        if size is None or (own is not None and own <= size):
            continue
        if isinstance(column.default, str) and len(column.default) >= size:
            continue  # the default would not fit (and matches no key either)
        sizes[(name, mine)] = size
        for follower in by_target.get((name, mine), ()):
            if follower not in queued:
                queued.add(follower)
                waiting.append(follower)
    return sizes


def _key_part(dialect: Dialect, column: Column, varchar: int | None) -> int | None:
    """The bytes of a column in a B-tree key, given the n of its VARCHAR(n) if it is one;
    None: it is LONGTEXT or LONGBLOB."""
    if varchar is not None:
        return varchar * dialect.bytes_per_char
    return _FIXED_KEY_BYTES.get(column.type)


# the longest prefix of a text column in a plain index
_MAX_PREFIX: Final = 255


def index_prefixes(
    dialect: Dialect, schema: Schema, table: Table, columns: Sequence[str], plan: KeyPlan
) -> list[int | None]:
    """Per column of a plain (not unique) index, the prefix length that keeps the index in
    one B-tree key; None: the whole column.

    A prefix changes no verdict: only a unique index refuses rows, and it needs none (the
    engine hashes a long one). Text columns share what the fixed-size columns leave.
    """
    limit = dialect.max_key_bytes
    if limit is None:
        return [None for _ in columns]
    parts = {
        name: _key_part(
            dialect, table.column(name), plan.varchar(schema, table.column(name), dialect)
        )
        for name in columns
    }
    texts = [name for name in columns if table.column(name).type not in _FIXED_KEY_BYTES]
    fixed = sum(parts[name] or 0 for name in columns if name not in texts)
    share = (limit - fixed) // max(len(texts), 1)
    prefixes: list[int | None] = []
    for name in columns:
        part = parts[name]
        if name in texts and (part is None or part > share):
            per_char = (
                1 if table.column(name).type is LogicalType.BINARY else dialect.bytes_per_char
            )
            prefixes.append(min(share // per_char, _MAX_PREFIX))
        else:
            prefixes.append(None)
    return prefixes


# bytes a column's other CHECKs (lengths, bounds, NUL) take at most, roughly
_OTHER_CHECKS: Final = 200


def left_out_checks(dialect: Dialect, schema: Schema, table: Table) -> frozenset[tuple[str, str]]:
    """(column, rule kind) of the pattern and enum CHECKs left out of ``table`` so that its
    CHECKs fit ``max_check_bytes``: the largest first."""
    limit = dialect.max_check_bytes
    if limit is None:
        return frozenset()
    sizes: dict[tuple[str, str], int] = {}
    for column in table.columns:
        if column.pattern is not None and dialect.regex is not None:
            text = dialect.regex_pattern(ascii_classes(column.pattern))
            escaped = text.count("\\") + text.count("'")  # doubled in the literal
            sizes[(column.name, PATTERN)] = len(text.encode("utf-8")) + escaped + 60
        if column.enum is not None:
            values = schema.enum(column.enum).value_names
            sizes[(column.name, ENUM)] = sum(len(v.encode("utf-8")) + 4 for v in values)
    total = sum(sizes.values()) + _OTHER_CHECKS * len(table.columns)
    left_out = []
    for key in sorted(sizes, key=lambda k: (-sizes[k], k)):
        if total <= limit:
            break
        total -= sizes[key]
        left_out.append(key)
    return frozenset(left_out)
