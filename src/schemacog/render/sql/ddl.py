"""SQL renderers: CREATE TABLE, CREATE TYPE (enums), whole-schema DDL, per dialect.

The dialect tables (``dialects.py``) say how; this module only assembles statements.
Whatever a dialect cannot enforce is said in a ``--`` comment next to what it affects.
"""

from __future__ import annotations

import dataclasses
import hashlib
import heapq
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final, assert_never

from schemacog.model import (
    NOW,
    TEXT_TYPES,
    Column,
    Enum,
    FkAction,
    ForeignKey,
    Index,
    LogicalType,
    Schema,
    Table,
    value_bounds,
)
from schemacog.naming import MAX_SQL_NAME, constraint_name, index_name, short_name
from schemacog.render.sql.checks import INSTANT_TYPES, check_notes, check_sql, left_out_check
from schemacog.render.sql.dialects import (
    DIALECTS,
    Comments,
    Dialect,
    EnumStyle,
    Identity,
)
from schemacog.render.sql.limits import (
    KeyPlan,
    index_prefixes,
    key_plans,
    left_out_checks,
    unchecked_columns,
)
from schemacog.render.sql.literals import comment, literal, quote
from schemacog.render.sql.literals import string_literal as _string_literal
from schemacog.runtime.cleaning import _JSON_DEPTH as JSON_DEPTH
from schemacog.schema.patterns import ascii_classes
from schemacog.schema.rules import ENUM, PATTERN

__all__ = [
    "MAX_NAME",
    "ColumnShape",
    "DdlPieces",
    "EnforcedCheck",
    "Names",
    "TablePieces",
    "column_checks",
    "column_type",
    "constraint_names",
    "create_sequence",
    "creation_order",
    "ddl_pieces",
    "ddl_text",
    "dialect_named",
    "enum_type",
    "index_name",
    "literal",
    "quote",
    "render_create_enum",
    "render_create_table",
    "render_ddl",
]

MAX_NAME = MAX_SQL_NAME


def dialect_named(name: str) -> Dialect:
    return DIALECTS[name]


def enum_type(dialect: Dialect, schema: Schema, column: Column) -> str | None:
    """The SQL type of an enum column in this dialect."""
    if column.enum is None:
        return None
    enum = schema.enum(column.enum)
    match dialect.enum_style:
        case EnumStyle.TYPE:
            return quote(dialect, enum.name)
        case EnumStyle.CHECK:
            return dialect.types[LogicalType.TEXT]  # the values are a CHECK (``_checks``)
        case unknown:
            assert_never(unknown)


@dataclass(frozen=True)
class ColumnShape:
    """A column of a CREATE TABLE as data (its constraints aside, in ``constraints``)."""

    type: str
    not_null: bool
    default: str | None  # the SQL of its DEFAULT
    identity: str | None  # the identity clause
    definition: str  # name, type, NOT NULL, DEFAULT, identity (and an inline comment)
    checks: tuple[str, ...] = ()  # the names of its own CHECK constraints


@dataclass(frozen=True)
class EnforcedCheck:
    """A CHECK the DDL writes: of a column (``rule``: its rule, as ``max_length``) or of
    the table (``column`` None, ``rule``: the check's name)."""

    column: str | None
    rule: str
    expression: str


@dataclass
class _TableSql:
    """The parts of one CREATE TABLE, collected before the template lays them out."""

    before: list[str] = field(default_factory=list)  # comment lines
    # comment lines between the table's name and its "(": where the catalog keeps only
    # the statement (SQLite), the one place they are stored, for import to read back
    inside: list[str] = field(default_factory=list)
    sequences: dict[str, str] = field(default_factory=dict)  # identity column -> sequence
    items: list[str] = field(default_factory=list)  # column definitions, table constraints
    # the comment lines above an item (a column's description where comments are SQL)
    item_comments: dict[int, list[str]] = field(default_factory=dict)
    suffix: str = ""
    # statements after the CREATE TABLE, each by what it makes: ("comment", table[,
    # column]) or ("index", name)
    after: list[tuple[tuple[str, ...], str]] = field(default_factory=list)
    # the clauses of ALTER TABLE that add each column with its constraints
    columns: dict[str, str] = field(default_factory=dict)
    # each column as data, and every named constraint in its table-level form, by name:
    # what a migration alters in place
    shapes: dict[str, ColumnShape] = field(default_factory=dict)
    constraints: dict[str, str] = field(default_factory=dict)
    # what the engine enforces, by constraint name, as data: the rules a migration's data
    # checks test (a rule the dialect leaves out is in none of them)
    checks: dict[str, EnforcedCheck] = field(default_factory=dict)
    foreign_keys: dict[str, ForeignKey] = field(default_factory=dict)
    unique: dict[str, tuple[str, ...]] = field(default_factory=dict)  # primary key too


def _comment_lines(text: str | None, indent: str = "") -> list[str]:
    if not text:
        return []
    return [(indent + comment(line)).rstrip() for line in text.strip("\n").split("\n")]


def column_checks(
    dialect: Dialect,
    schema: Schema,
    column: Column,
    name: str,
    left_out: frozenset[tuple[str, str]] = frozenset(),
) -> tuple[list[tuple[str, str]], list[str]]:
    """((rule, CHECK expression) pairs, comments about what the dialect cannot check);
    ``left_out`` names the (column, rule) CHECKs the table has no room for. The rule
    names the constraint (``ck_<table>_<column>_<rule>``)."""
    checks: list[tuple[str, str]] = []
    unenforced = []
    full = f"{dialect.title} holds at most {dialect.max_check_bytes} bytes of CHECKs a table"
    # the column's own bounds, and the range of its type where the engine stores more
    ranged = column.type in dialect.checked_integer_types
    low, high = value_bounds(column) if ranged else (column.min, column.max)
    instant = dialect.instant_of if column.type in INSTANT_TYPES else None
    for bound, operator in ((low, ">="), (high, "<=")):
        if bound is None:
            continue
        sides = [name, literal(dialect, column, bound)]
        if instant is not None:
            sides = [instant.format(side) for side in sides]
        checks.append(("min" if operator == ">=" else "max", f"{sides[0]} {operator} {sides[1]}"))
    if instant is not None and (low, high) != (None, None):
        unenforced.append(
            f"bounds of {column.name}: compared as {instant.format('c')}, to the millisecond"
        )
    if column.min_length is not None:
        checks.append(("min_length", f"{dialect.length}({name}) >= {column.min_length}"))
    if column.max_length is not None:
        checks.append(("max_length", f"{dialect.length}({name}) <= {column.max_length}"))
    if column.pattern is not None:
        if dialect.regex is None:
            unenforced.append(f"pattern of {column.name}: {column.pattern}")
        elif (column.name, PATTERN) in left_out:
            unenforced.append(f"pattern of {column.name}: {full}")
        else:
            pattern = _string_literal(dialect, dialect.regex_pattern(ascii_classes(column.pattern)))
            checks.append(("pattern", dialect.regex.format(column=name, pattern=pattern)))
    if column.enum is not None and (column.name, ENUM) in left_out:
        unenforced.append(f"enum of {column.name}: {full}")
    elif column.enum is not None and dialect.enum_style is EnumStyle.CHECK:
        values = ", ".join(
            _string_literal(dialect, v) for v in schema.enum(column.enum).value_names
        )
        checks.append(("enum", f"{name} IN ({values})"))
    if column.type is LogicalType.BOOLEAN and dialect.boolean_check:
        checks.append(("boolean", f"{name} IN (0, 1)"))
    if column.type is LogicalType.DECIMAL and column.precision is not None:
        scale = column.scale or 0
        if dialect.decimal_type_enforced:
            unenforced.append(
                f"scale of {column.name}: more than {scale} decimal places are rounded"
            )
        elif column.precision > dialect.exact_digits:
            unenforced.append(
                f"digits of {column.name}: {dialect.title} keeps {dialect.exact_digits} "
                f"significant digits, so decimal({column.precision}, {scale}) is not checked"
            )
        else:
            checks.append(("precision", f"abs({name}) < {10 ** (column.precision - scale)}"))
            checks.append(("scale", f"{name} = round({name}, {scale})"))
            unenforced.append(
                f"scale of {column.name}: a value is compared as a double, so places past "
                f"{dialect.exact_digits} significant digits are not seen"
            )
    if column.type in _OFFSET_RULES:  # no engine refuses the other kind of datetime
        unenforced.append(f"offset of {column.name}: {_OFFSET_RULES[column.type]}")
    if column.type is LogicalType.FLOAT and dialect.finite_check:
        checks.append(("finite", dialect.finite_check.format(column=name)))
        if dialect.nan_as_null and column.nullable:
            unenforced.append(f"NaN in {column.name} (the driver stores NaN as NULL)")
    if column.type is LogicalType.DECIMAL and dialect.decimal_finite_check:
        checks.append(("finite", dialect.decimal_finite_check.format(column=name)))
    if column.type is LogicalType.TIMESTAMPTZ and dialect.instant_range_check:
        checks.append(("instant", dialect.instant_range_check.format(column=name)))
    if column.type in TEXT_TYPES and dialect.nul_check:
        checks.append(("nul", dialect.nul_check.format(column=name)))
    if column.type is LogicalType.JSON:
        stored = [dialect.json_accepts] if dialect.json_accepts else []
        if not dialect.json_depth_checked:
            stored.append(f"arrays and objects nested deeper than {JSON_DEPTH}")
        if stored:
            unenforced.append(f"JSON of {column.name}: stores {', and '.join(stored)}")
    if column.type is LogicalType.JSON and dialect.json_check:
        check = dialect.json_check.format(column=name)
        # json_valid(NULL) is 0, not NULL, in SQLite before 3.45: let NULL through.
        checks.append(("json", f"{name} IS NULL OR {check}" if column.nullable else check))
    return checks, unenforced


def _default(dialect: Dialect, column: Column) -> str | None:
    if column.default is NOW:
        return dialect.now[column.type]
    if column.has_default:
        return literal(dialect, column, column.default)  # type: ignore[arg-type]
    return None


def _in_key_order(schema: Schema, fk: ForeignKey) -> ForeignKey:
    """The FK with its column pairs in the order of the key it references.

    Engines such as DuckDB match a foreign key to a key only in the key's own order.
    """
    target = schema.table(fk.ref_table)
    for key in target.keys_of(fk.ref_columns):
        if tuple(key) != fk.ref_columns:
            pairs = dict(zip(fk.ref_columns, fk.columns, strict=True))
            columns = tuple(pairs[c] for c in key)
            return dataclasses.replace(fk, columns=columns, ref_columns=tuple(key))
    return fk


def _references(dialect: Dialect, fk: ForeignKey) -> tuple[str, list[str]]:
    """``REFERENCES t (c) ON DELETE ...`` and comments about actions not enforced."""
    text = f"REFERENCES {quote(dialect, fk.ref_table)} ({_names(dialect, fk.ref_columns)})"
    unenforced = []
    for clause, action in (("ON DELETE", fk.on_delete), ("ON UPDATE", fk.on_update)):
        if action is FkAction.NO_ACTION:
            continue
        sql_action = action.value.replace("_", " ").upper()
        if action in dialect.fk_actions:
            text += f" {clause} {sql_action}"
        else:
            columns = ", ".join(fk.columns)
            unenforced.append(
                f"{clause} {sql_action} of ({columns}) -> {fk.ref_table}: not supported, "
                "NO ACTION instead"
            )
    if fk.deferrable and dialect.no_deferral is None:
        text += " DEFERRABLE INITIALLY DEFERRED"
    elif fk.deferrable:
        unenforced.append(
            f"deferral of ({', '.join(fk.columns)}) -> {fk.ref_table}: checked at each "
            f"statement; {dialect.no_deferral}"
        )
    return text, unenforced


def _identity_clause(identity: Identity) -> str | None:
    """What follows the type of an identity column (a sequence is its DEFAULT instead)."""
    match identity:
        case Identity.GENERATED:
            return "GENERATED BY DEFAULT AS IDENTITY"
        case Identity.AUTO_INCREMENT:
            return "AUTO_INCREMENT"
        case Identity.ROWID:  # the single integer primary key is SQLite's rowid already
            return None
        case Identity.SEQUENCE:  # DEFAULT nextval(...) of the sequence made before the table
            return None
        case unknown:
            assert_never(unknown)


def _names(dialect: Dialect, names: Iterable[str]) -> str:
    return ", ".join(quote(dialect, n) for n in names)


# What every engine does with the other kind of datetime, instead of refusing it
_OFFSET_RULES: Final = {
    LogicalType.TIMESTAMP: "a value with an offset is converted or loses it",
    LogicalType.TIME: "a value with an offset is converted or loses it",
    LogicalType.TIMESTAMPTZ: "a value without an offset is read in a default zone",
}


def column_type(
    dialect: Dialect, schema: Schema, table: Table, column: Column, plan: KeyPlan
) -> str:
    """The SQL type of a column of ``table``, whose keys are built as ``plan`` says."""
    size = plan.varchar(schema, column, dialect)
    if size is not None:
        return f"VARCHAR({size})"
    if column.enum is not None:
        rendered = enum_type(dialect, schema, column)
        assert rendered is not None
        return rendered
    return dialect.types[column.type].format(p=column.precision, s=column.scale)


def _unbuilt_note(dialect: Dialect, fk: ForeignKey) -> str:
    return (
        f"foreign key ({', '.join(fk.columns)}) -> {fk.ref_table}({', '.join(fk.ref_columns)}): "
        f"no key of {dialect.title} holds these columns (a B-tree key holds no LONGTEXT or "
        f"LONGBLOB and at most {dialect.max_key_bytes} bytes)"
    )


def _text_key_notes(dialect: Dialect, table: Table) -> list[str]:
    """What a dialect says of keys that compare the text of a timestamptz."""
    if not dialect.timestamptz_keys_as_text:
        return []
    return [
        f"uniqueness of ({', '.join(key)}): {dialect.title} compares the text, so one instant "
        "written with two offsets is two values (write UTC)"
        for key in (table.primary_key, *table.unique_keys)
        if any(table.column(name).type is LogicalType.TIMESTAMPTZ for name in key)
    ]


# bytes of UTF-8 per character at most
_UTF8_MAX: Final = 4
_UNBOUNDED_TYPES: Final = frozenset({LogicalType.TEXT, LogicalType.JSON, LogicalType.BINARY})


def _index_entry_notes(dialect: Dialect, table: Table) -> list[str]:
    """What a dialect says of keys and indexes whose entry can outgrow its limit."""
    limit = dialect.max_index_entry
    if limit is None:
        return []
    notes = []
    keys = [table.primary_key, *table.unique_keys, *(i.columns for i in table.indexes)]
    for key in dict.fromkeys(k for k in keys if k):
        columns = [table.column(name) for name in key]
        longest = sum(
            _UTF8_MAX * (c.max_length or limit) if c.type is LogicalType.STRING else 0
            for c in columns
        )
        if longest > limit or any(c.type in _UNBOUNDED_TYPES for c in columns):
            notes.append(
                f"-- {dialect.title}: a row whose entry in the index of ({', '.join(key)}) is "
                f"over {limit} bytes after compression is refused (B-tree limit)"
            )
    return notes


def _table_parts(
    dialect: Dialect,
    schema: Schema,
    table: Table,
    deferred: Sequence[ForeignKey],
    plan: KeyPlan,
    *,
    used: Names,
) -> _TableSql:
    """The parts of one CREATE TABLE; ``used`` holds the constraint names given so far."""
    parts = _TableSql()
    table_level: list[str] = []  # the columns' named constraints, where the dialect wants them
    unenforced: list[str] = []
    table_name = quote(dialect, table.name)
    built = [fk for fk in table.foreign_keys if fk not in plan.unbuilt]
    if not dialect.row_references_itself:
        parts.before += [
            f"-- {dialect.title}: a row whose ({', '.join(fk.columns)}) names the row itself "
            "is refused (the key is checked before the row is stored)"
            for fk in built
            if fk.ref_table == table.name
        ]
    unenforced += [_unbuilt_note(dialect, fk) for fk in table.foreign_keys if fk in plan.unbuilt]
    inline_fks = {fk.columns[0]: fk for fk in built if fk.inline and fk not in deferred}
    single_pk = table.primary_key[0] if len(table.primary_key) == 1 else None
    key_words = "UNIQUE" if plan.primary_key_as_unique else "PRIMARY KEY"
    primary = _constraint(dialect, used, "pk", table.name) if table.primary_key else ""
    if plan.primary_key_as_unique:
        parts.before.append(
            f"-- {dialect.title}: the primary key ({', '.join(table.primary_key)}) is a UNIQUE "
            f"key (a PRIMARY KEY holds no LONGTEXT and at most {dialect.max_key_bytes} bytes)"
        )
    unenforced += _text_key_notes(dialect, table)
    parts.before += _index_entry_notes(dialect, table)
    unchecked = unchecked_columns(dialect, table, plan.unbuilt)
    left_out = left_out_checks(dialect, schema, table)
    for column in table.columns:
        name = quote(dialect, column.name)
        words = [name, column_type(dialect, schema, table, column, plan)]
        if not column.nullable:
            words.append("NOT NULL")
        default = _default(dialect, column)
        if column.identity and dialect.identity is Identity.SEQUENCE:
            sequence = short_name(f"{table.name}_{column.name}_seq")
            parts.sequences[column.name] = sequence
            default = f"nextval({_string_literal(dialect, sequence)})"
        if default is not None:
            words.append(f"DEFAULT {default}")
        clause = _identity_clause(dialect.identity) if column.identity else None
        if clause is not None:
            words.append(clause)
        parts.shapes[column.name] = ColumnShape(
            words[1], not column.nullable, default, clause, " ".join(words)
        )
        # the column's named constraints: (name, on the column, on the table) for each
        own: list[tuple[str, str, str]] = []
        if column.name == single_pk:
            key = f"CONSTRAINT {primary} {key_words}"
            own.append((primary, key, f"{key} ({name})"))
            parts.unique[primary] = (column.name,)
        if column.unique:
            unique = _constraint(dialect, used, "uq", table.name, column.name)
            parts.unique[unique] = (column.name,)
            key = f"CONSTRAINT {unique} UNIQUE"
            own.append((unique, key, f"{key} ({name})"))
        if column.description and dialect.comments is Comments.INLINE:
            words.append("COMMENT " + _string_literal(dialect, column.description[:1024]))
        checks, notes = column_checks(dialect, schema, column, name, left_out)
        unenforced += notes
        if checks and column.name in unchecked:
            unenforced.append(
                f"{column.name}: {' AND '.join(c for _, c in checks)} ({dialect.title} allows "
                "no CHECK on a column that AUTO_INCREMENT or a foreign-key action writes)"
            )
            checks = []
        checked = []
        for rule, check in checks:  # a CHECK reads the column itself: one form for both
            constraint = _constraint(dialect, used, "ck", table.name, column.name, rule)
            checked.append(constraint)
            parts.checks[constraint] = EnforcedCheck(column.name, rule, check)
            own.append((constraint, *(f"CONSTRAINT {constraint} CHECK ({check})",) * 2))
        fk = inline_fks.get(column.name)
        if fk is not None:
            references, notes = _references(dialect, fk)
            fk_name = _constraint(dialect, used, "fk", table.name, *fk.columns)
            parts.foreign_keys[fk_name] = fk
            key = f"CONSTRAINT {fk_name}"
            own.append((fk_name, f"{key} {references}", f"{key} FOREIGN KEY ({name}) {references}"))
            unenforced += notes
        parts.constraints.update((constraint, at) for constraint, _, at in own)
        parts.shapes[column.name] = dataclasses.replace(
            parts.shapes[column.name], checks=tuple(checked)
        )
        if dialect.table_level_constraints:  # the constraints as clauses of their own
            clauses = ["ADD COLUMN " + " ".join(words), *(f"ADD {at}" for _, _, at in own)]
            parts.columns[column.name] = ", ".join(clauses)
        else:
            on = " ".join([*words, *(on_column for _, on_column, _ in own)])
            parts.columns[column.name] = "ADD COLUMN " + on
        if dialect.table_level_constraints:  # after the columns, naming the column
            table_level += [f"    {at_table}" for _, _, at_table in own]
        else:
            words += [on_column for _, on_column, _ in own]
        if dialect.comments is Comments.SQL and column.description:
            parts.item_comments[len(parts.items)] = _comment_lines(column.description, "    ")
        parts.items.append("    " + " ".join(words))
    if len(table.primary_key) > 1:
        key = f"CONSTRAINT {primary} {key_words} ({_names(dialect, table.primary_key)})"
        parts.constraints[primary] = key
        parts.unique[primary] = table.primary_key
        parts.items.append(f"    {key}")
    # a unique index that a foreign key references is a constraint of the table: DuckDB
    # matches a foreign key to constraints only, and a self-reference needs it at once
    as_constraints = [
        i for i in table.indexes if i.unique and frozenset(i.columns) in plan.referenced
    ]
    for columns in (*table.unique, *(i.columns for i in as_constraints)):
        name = _constraint(dialect, used, "uq", table.name, *columns)
        parts.unique[name] = tuple(columns)
        parts.constraints[name] = f"CONSTRAINT {name} UNIQUE ({_names(dialect, columns)})"
        parts.items.append(f"    {parts.constraints[name]}")
    for fk in built:
        if fk.inline or fk in deferred:
            continue
        name = _constraint(dialect, used, "fk", table.name, *fk.columns)
        parts.foreign_keys[name] = fk
        fk = _in_key_order(schema, fk)  # noqa: PLW2901
        references, notes = _references(dialect, fk)
        unenforced += notes
        key = f"CONSTRAINT {name} FOREIGN KEY ({_names(dialect, fk.columns)}) {references}"
        parts.constraints[name] = key
        parts.items.append(f"    {key}")
    parts.items += table_level
    for table_check in table.checks:
        unenforced += check_notes(dialect, table, table_check)
        reason = left_out_check(dialect, table_check, unchecked)
        if reason is not None:
            unenforced.append(reason)
            continue
        name = _constraint(dialect, used, "ck", table.name, table_check.name)
        expression = check_sql(dialect, table_check.tree)
        parts.checks[name] = EnforcedCheck(None, table_check.name, expression)
        parts.constraints[name] = f"CONSTRAINT {name} CHECK ({expression})"
        parts.items.append(f"    {parts.constraints[name]}")
    notes = [comment(f"Not enforced by {dialect.title}: {note}") for note in unenforced]
    if dialect.comments is Comments.SQL:
        parts.inside = [*notes, *_comment_lines(table.description)]
    else:
        parts.before[:0] = notes
    parts.suffix = dialect.table_suffix
    if table.description and dialect.comments is Comments.INLINE:
        parts.suffix += " COMMENT=" + _string_literal(dialect, table.description[:2048])
    if dialect.comments is Comments.COMMENT_ON:
        if table.description:
            text = _string_literal(dialect, table.description)
            parts.after.append(
                (("comment", table.name), f"COMMENT ON TABLE {table_name} IS {text};")
            )
        for column in table.columns:
            if column.description:
                target = f"{table_name}.{quote(dialect, column.name)}"
                text = _string_literal(dialect, column.description)
                statement = f"COMMENT ON COLUMN {target} IS {text};"
                parts.after.append((("comment", table.name, column.name), statement))
    parts.after += [
        (("index", index_name(table, index)), _index(dialect, schema, table, index, plan))
        for index in table.indexes
        if index not in as_constraints
    ]
    parts.unique.update(
        (index_name(table, index), index.columns)
        for index in table.indexes
        if index.unique and index not in as_constraints
    )
    return parts


def _index(dialect: Dialect, schema: Schema, table: Table, index: Index, plan: KeyPlan) -> str:
    columns, unique = index.columns, index.unique
    name = index_name(table, index)
    prefixes = (
        [None] * len(columns) if unique else index_prefixes(dialect, schema, table, columns, plan)
    )
    listed = [
        quote(dialect, c) + ("" if n is None else f"({n})")
        for c, n in zip(columns, prefixes, strict=True)
    ]
    keyword = "UNIQUE INDEX" if unique else "INDEX"
    target = f"{quote(dialect, table.name)} ({', '.join(listed)})"
    return f"CREATE {keyword} {quote(dialect, name)} ON {target};"


def render_create_table(schema: Schema, table: Table, dialect_name: str) -> str:
    dialect = dialect_named(dialect_name)
    return _render_table(
        dialect,
        schema,
        table,
        (),
        key_plans(dialect, schema)[table.name],
        used=Names.of_schema(schema),
    )


def _render_table(
    dialect: Dialect,
    schema: Schema,
    table: Table,
    deferred: Sequence[ForeignKey],
    plan: KeyPlan,
    *,
    used: Names,
) -> str:
    parts = _table_parts(dialect, schema, table, deferred, plan, used=used)
    return _pieces(dialect, table.name, parts, ()).create(dialect) + "".join(
        statement + "\n" for _, statement in parts.after
    )


def render_create_enum(schema: Schema, enum: Enum, dialect_name: str) -> str:
    dialect = dialect_named(dialect_name)
    if dialect.enum_style is not EnumStyle.TYPE:
        return ""
    values = [_string_literal(dialect, v) for v in enum.value_names]
    name = quote(dialect, enum.name)
    lines = _comment_lines(enum.description) if dialect.comments is Comments.SQL else []
    lines.append(f"CREATE TYPE {name} AS ENUM ({', '.join(values)});")
    if enum.description and dialect.comments is Comments.COMMENT_ON:
        lines.append(f"COMMENT ON TYPE {name} IS {_string_literal(dialect, enum.description)};")
    return "".join(line + "\n" for line in lines)


def creation_order(
    schema: Schema, dialect: Dialect
) -> tuple[list[Table], dict[str, list[ForeignKey]]]:
    """Tables in foreign-key order (file order breaks ties) and the FKs that close cycles.

    Kahn's algorithm: the next table is the first one in file order whose referenced
    tables are all created; when none is (a cycle), the best place to break it
    (``_break_rank``, then file order). Heaps keep both choices at log n, so the order
    takes O((tables + foreign keys) log tables), not tables squared.
    """
    tables = schema.tables
    waiting = [{fk.ref_table for fk in t.foreign_keys} - {t.name} for t in tables]
    needed_by: dict[str, list[int]] = {}
    for number, refs in enumerate(waiting):
        for name in refs:
            needed_by.setdefault(name, []).append(number)
    placed: set[str] = set()
    ready = [number for number, refs in enumerate(waiting) if not refs]
    heapq.heapify(ready)
    rank = [_break_rank(t, placed) if refs else 0 for t, refs in zip(tables, waiting, strict=True)]
    breaks = [(rank[n], n) for n, refs in enumerate(waiting) if refs]  # stale entries skipped
    heapq.heapify(breaks)
    order: list[Table] = []
    deferred: dict[str, list[ForeignKey]] = {}
    while len(order) < len(tables):
        if ready:
            number = heapq.heappop(ready)
        else:  # a cycle: break it where a row can go first, defer its forward FKs
            entry, number = heapq.heappop(breaks)
            if not waiting[number] or entry != rank[number]:
                continue  # placed, ready, or ranked better since
            table = tables[number]
            if not dialect.forward_references:
                deferred[table.name] = [
                    fk
                    for fk in table.foreign_keys
                    if fk.ref_table not in placed and fk.ref_table != table.name
                ]
        table = tables[number]
        order.append(table)
        placed.add(table.name)
        waiting[number] = set()
        for other in needed_by.get(table.name, ()):
            refs = waiting[other]
            if table.name not in refs:
                continue
            refs.discard(table.name)
            if not refs:
                heapq.heappush(ready, other)
            else:  # fewer forward keys: it may break a cycle better now
                better = _break_rank(tables[other], placed)
                if better != rank[other]:
                    rank[other] = better
                    heapq.heappush(breaks, (better, other))
    return order, deferred


def _break_rank(table: Table, placed: set[str]) -> int:
    """Where a cycle breaks best (lowest first; file order breaks ties): at a table whose
    keys to tables not yet created are all deferrable (checked at commit), else all
    nullable (its rows may leave them empty), else anywhere."""
    forward = [
        fk for fk in table.foreign_keys if fk.ref_table not in placed and fk.ref_table != table.name
    ]
    if all(fk.deferrable for fk in forward):
        return 0
    if all(any(table.column(c).nullable for c in fk.columns) for fk in forward):
        return 1
    return 2


@dataclass
class Names:
    """The constraint names of one rendering, by what they constrain."""

    # (table, derived name) -> the name its table's ``constraint_names`` gives it
    renamed: Mapping[tuple[str, str], str] = field(default_factory=dict)
    # (kind, table, *columns, or the column and its rule) -> the name, unquoted
    of: dict[tuple[str, ...], str] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)  # the values of ``of``, to look up at once

    @classmethod
    def of_schema(cls, schema: Schema) -> Names:
        renamed = {
            (table.name, derived): name
            for table in schema.tables
            for derived, name in table.constraint_names
        }
        return cls(renamed)


def _constraint(dialect: Dialect, used: Names, kind: str, table: str, *parts: str) -> str:
    """The name of a constraint, quoted: the one its table's ``constraint_names`` gives
    it, else ``<kind>_<table>_<parts>``, cut to 63 characters with a hash of the whole,
    and given a hash suffix where an earlier one has it (a table ``a_b`` with a column
    ``c`` and a table ``a`` with a column ``b_c``)."""
    key = (kind, table, *parts)
    name = used.of.get(key)
    if name is None:
        plain = "_".join(key)
        name = constraint_name(kind, table, *parts)
        renamed = used.renamed.get((table, name))
        if renamed is not None:
            name = renamed  # the validator keeps it apart from every other name
        elif name in used.taken:
            digest = hashlib.sha256("\x00".join(key).encode()).hexdigest()[:8]
            name = short_name(f"{plain}_{digest}")
        used.of[key] = name
        used.taken.add(name)
    return quote(dialect, name)


def constraint_names(schema: Schema, dialect_name: str) -> Mapping[tuple[str, ...], str]:
    """Every constraint name of ``schema``'s DDL in a dialect, by what it constrains:
    ``("pk", table)``, ``("uq", table, *columns)``, ``("fk", table, *columns)``,
    ``("ck", table, column, rule)``, and ``("ck", table, check)`` for a table's check."""
    names = Names.of_schema(schema)
    _render_ddl(schema, dialect_named(dialect_name), names)
    return names.of


def render_ddl(schema: Schema, dialect_name: str) -> str:
    return _render_ddl(schema, dialect_named(dialect_name), Names.of_schema(schema))


@dataclass(frozen=True)
class TablePieces:
    """One table's statements in the whole-schema DDL, as structured data (never to be
    parsed back: a text literal may hold any line): ``comments`` above it, the
    ``sequences`` of its identity columns, ``statement`` (the ``CREATE TABLE``) and
    ``bare`` (the same without comment lines: what a change is judged on), ``after``
    (``COMMENT ON``, ``CREATE INDEX``) and ``closing`` (the ``ALTER TABLE ... ADD
    CONSTRAINT`` of foreign keys that close a cycle, each after its comments)."""

    comments: tuple[str, ...]
    sequences: Mapping[str, str]  # identity column -> its sequence (DuckDB)
    statement: str
    bare: str
    after: Mapping[tuple[str, ...], str]  # by what each makes (``_TableSql.after``)
    closing: tuple[str, ...]  # whole comment lines and statements, never split
    columns: Mapping[str, str]  # the ALTER TABLE clauses that add each column
    shapes: Mapping[str, ColumnShape]  # each column as data
    # by constraint name, as the DDL writes it (quoted where the dialect needs it)
    constraints: Mapping[str, str]  # every named constraint, table-level
    checks: Mapping[str, EnforcedCheck]  # the CHECKs it enforces
    foreign_keys: Mapping[str, ForeignKey]  # the foreign keys it builds (cycles' too)
    unique: Mapping[str, tuple[str, ...]]  # primary and unique keys, unique indexes

    def sequence_statements(self, dialect: Dialect) -> list[str]:
        return _sequence_statements(dialect, self.sequences.values())

    def create(self, dialect: Dialect) -> str:
        """Its comment lines, any ``CREATE SEQUENCE`` and the ``CREATE TABLE``."""
        head = [*self.comments, *self.sequence_statements(dialect)]
        return "".join(line + "\n" for line in (*head, self.statement))


@dataclass(frozen=True)
class DdlPieces:
    """The whole-schema DDL of one dialect, by object: what migrations assemble from."""

    header: str
    enums: Mapping[str, str]  # enum name -> its CREATE TYPE (empty where enums are CHECKs)
    tables: Mapping[str, TablePieces]  # in creation order
    unenforced: tuple[str, ...]  # comment lines on foreign keys the dialect cannot add
    names: Mapping[tuple[str, ...], str]  # constraint names, as ``constraint_names``


def ddl_pieces(schema: Schema, dialect_name: str) -> DdlPieces:
    """The statements of ``render_ddl``, by object."""
    names = Names.of_schema(schema)
    pieces = _ddl_pieces(schema, dialect_named(dialect_name), names)
    return dataclasses.replace(pieces, names=names.of)


def _ddl_pieces(schema: Schema, dialect: Dialect, used: Names) -> DdlPieces:
    order, deferred = creation_order(schema, dialect)
    enums = {enum.name: render_create_enum(schema, enum, dialect.name) for enum in schema.enums}
    plans = key_plans(dialect, schema)
    parts = {
        t.name: _table_parts(dialect, schema, t, deferred.get(t.name, ()), plans[t.name], used=used)
        for t in order
    }
    closing: dict[str, list[str]] = {t.name: [] for t in order}
    closing_keys: dict[str, dict[str, ForeignKey]] = {t.name: {} for t in order}
    unenforced = []
    for table in order:
        for fk in deferred.get(table.name, ()):
            if fk in plans[table.name].unbuilt:
                continue  # declared by the table
            if not dialect.alter_foreign_keys:
                unenforced.append(
                    comment(
                        f"Not enforced by {dialect.title}: foreign key {table.name}"
                        f"({', '.join(fk.columns)}) -> {fk.ref_table} closes a cycle"
                    )
                )
                continue
            ordered = _in_key_order(schema, fk)
            references, notes = _references(dialect, ordered)
            closing[table.name] += [
                comment(f"Not enforced by {dialect.title}: {note}") for note in notes
            ]
            name = _constraint(dialect, used, "fk", table.name, *fk.columns)
            closing_keys[table.name][name] = fk
            closing[table.name].append(
                f"ALTER TABLE {quote(dialect, table.name)} ADD CONSTRAINT "
                f"{name} FOREIGN KEY ({_names(dialect, ordered.columns)}) {references};"
            )
    tables = {
        name: _pieces(dialect, name, part, tuple(closing[name]), closing_keys[name])
        for name, part in parts.items()
    }
    header = "".join(comment(note) + "\n" for note in dialect.notes)
    return DdlPieces(header, enums, tables, tuple(unenforced), {})


def create_sequence(dialect: Dialect, sequence: str) -> str:
    """The statement that makes an identity column's sequence (DuckDB)."""
    return f"CREATE SEQUENCE {quote(dialect, sequence)};"


def _sequence_statements(dialect: Dialect, sequences: Iterable[str]) -> list[str]:
    return [create_sequence(dialect, sequence) for sequence in sequences]


def _statement(dialect: Dialect, name: str, parts: _TableSql, *, comments: bool) -> str:
    """The CREATE TABLE, with the comment lines above its items or without them."""
    items = [
        "\n".join([*parts.item_comments.get(number, []), item]) if comments else item
        for number, item in enumerate(parts.items)
    ]
    inside = (
        "".join(f"\n{line}" for line in parts.inside) + "\n" if comments and parts.inside else " "
    )
    return (
        f"CREATE TABLE {quote(dialect, name)}{inside}(\n"
        + ",\n".join(items)
        + f"\n){parts.suffix};"
    )


def _pieces(
    dialect: Dialect,
    name: str,
    parts: _TableSql,
    closing: tuple[str, ...],
    closing_keys: Mapping[str, ForeignKey] | None = None,
) -> TablePieces:
    return TablePieces(
        comments=tuple(parts.before),
        sequences=dict(parts.sequences),
        statement=_statement(dialect, name, parts, comments=True),
        bare=_statement(dialect, name, parts, comments=False),
        after=dict(parts.after),
        closing=closing,
        columns=dict(parts.columns),
        shapes=dict(parts.shapes),
        constraints=dict(parts.constraints),
        checks=dict(parts.checks),
        foreign_keys={**parts.foreign_keys, **(closing_keys or {})},
        unique=dict(parts.unique),
    )


def _render_ddl(schema: Schema, dialect: Dialect, used: Names) -> str:
    return ddl_text(_ddl_pieces(schema, dialect, used), dialect)


def ddl_text(pieces: DdlPieces, dialect: Dialect) -> str:
    """The whole-schema DDL of its pieces: what ``render_ddl`` prints."""
    tables = [
        table.create(dialect) + "".join(line + "\n" for line in table.after.values())
        for table in pieces.tables.values()
    ]
    closing = [line for table in pieces.tables.values() for line in table.closing]
    tail = "".join(line + "\n" for line in [*pieces.unenforced, *closing])
    blocks = [
        block.rstrip("\n")
        for block in (pieces.header, *pieces.enums.values(), *tables, tail)
        if block
    ]
    return "\n\n".join(blocks) + "\n"
