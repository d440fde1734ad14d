"""The plan of one migration in one dialect: its steps, in the order the script runs them.

A table whose rendered ``CREATE TABLE`` is the same in OLD and NEW stays; one that only
gains simple columns gets ``ADD COLUMN``; any other change rebuilds it: its rows are
copied to a temporary table, it is dropped and created from NEW's DDL, and the rows come
back, converted. Every data check runs before the first change. What needs
``--allow-destructive`` and what has no plan are the schema's business, not a
dialect's: ``guards`` and ``refusals`` say so at the schema place that causes it.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final

from schemacog.migrate.changes import Effect, rounded_scale, type_change
from schemacog.migrate.data_checks import DataCheck, table_checks, unique_check
from schemacog.migrate.dialects import MIGRATIONS, MigrationDialect
from schemacog.migrate.guards import index_key, renamed_column
from schemacog.migrate.matching import Match
from schemacog.model import NOW, Column, Enum, Schema, Table
from schemacog.render.sql.ddl import (
    DdlPieces,
    column_type,
    create_sequence,
    creation_order,
    ddl_pieces,
    ddl_text,
    dialect_named,
    index_name,
    quote,
)
from schemacog.render.sql.dialects import Comments, Dialect, EnumStyle
from schemacog.render.sql.limits import key_plans
from schemacog.render.sql.literals import string_literal

__all__ = ["REBUILD_COPY", "Kind", "Plan", "Step", "plan"]

# a rebuilt table's rows are copied to "sc-old-N" first: the hyphen keeps it from ever
# being a table of the schema (docs/migrations.md); a MariaDB script that stops leaves it
REBUILD_COPY: Final = "sc-old-"


class Kind(StrEnum):
    IN_PLACE = "in place"
    REBUILD = "table rebuild"
    DATA_CHECK = "data check"
    LOSSY = "lossy"
    DESTRUCTIVE = "destructive"


@dataclass(frozen=True)
class Step:
    kind: Kind
    what: str
    sql: str


@dataclass
class Plan:
    dialect: str
    fingerprints: tuple[str, str] = ("", "")  # of OLD's and NEW's DDL in the dialect
    checks: list[Step] = field(default_factory=list)  # before any change
    outside: list[Step] = field(default_factory=list)  # before the transaction
    steps: list[Step] = field(default_factory=list)  # in the transaction
    rebuilt: list[str] = field(default_factory=list)  # NEW names of the rebuilt tables

    @property
    def all_steps(self) -> list[Step]:
        return [*self.checks, *self.outside, *self.steps]


# --- one dialect -----------------------------------------------------------------------------


def _named(table: Table) -> set[str]:
    """The columns a key, foreign key, index or table check of ``table`` names."""
    return {
        *table.primary_key,
        *(c for key in table.unique for c in key),
        *(c for fk in table.foreign_keys for c in fk.columns),
        *(c for index in table.indexes for c in index.columns),
        *(c for check in table.checks for c in check.columns),
    }


def _addable(migration: MigrationDialect, named: set[str], column: Column) -> bool:
    """Whether ADD COLUMN can make a column, as far as the schema says (``named``: the
    columns its table's constraints name; ``_classify`` then asks whether its DDL holds
    a CHECK the dialect cannot add)."""
    if column.name in named or column.identity or column.unique:
        return False
    if migration.comments_in_statement and (column.description or column.pattern):
        return False
    return column.default is not NOW or migration.add_column_now_default


def _without(schema: Schema, columns: Mapping[str, set[str]]) -> Schema:
    tables = tuple(
        dataclasses.replace(t, columns=tuple(c for c in t.columns if c.name not in columns[t.name]))
        if columns.get(t.name)
        else t
        for t in schema.tables
    )
    return dataclasses.replace(schema, tables=tables)


@dataclass
class _Context:
    dialect: Dialect
    migration: MigrationDialect
    found: Match
    old: DdlPieces
    before: DdlPieces  # OLD as it compares: in NEW's names where renames run in place
    new: DdlPieces
    recreated_enums: set[str] = field(default_factory=set)  # NEW names

    def q(self, name: str) -> str:
        return quote(self.dialect, name)

    @functools.cached_property
    def _old_names(self) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        by_table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for key, name in self.old.names.items():
            by_table.setdefault(key[1], []).append((key, name))
        return by_table

    @functools.cached_property
    def renamed_pieces(self) -> DdlPieces:
        """OLD's DDL in NEW's names (what a data check compares with)."""
        if self.migration.renames_in_place or not self.found.renames:
            return self.before
        return ddl_pieces(self.found.old_renamed, self.dialect.name)

    def old_names_of(self, table: str) -> list[tuple[tuple[str, ...], str]]:
        """OLD's constraint names of one table: (what each constrains, its name)."""
        return self._old_names.get(table, [])


def plan(found: Match, dialect_name: str) -> Plan:
    """The steps that take a database of ``found.old`` to ``found.new`` in a dialect."""
    dialect = dialect_named(dialect_name)
    migration = MIGRATIONS[dialect_name]
    old_pieces = ddl_pieces(found.old, dialect_name)
    renamed = migration.renames_in_place and found.renames
    before = ddl_pieces(found.old_renamed, dialect_name) if renamed else old_pieces
    new_pieces = ddl_pieces(found.new, dialect_name)
    context = _Context(dialect, migration, found, old_pieces, before, new_pieces)
    result = Plan(
        dialect_name,
        fingerprints=(_fingerprint(old_pieces, dialect), _fingerprint(new_pieces, dialect)),
    )
    _enum_steps(context, result)
    added, rebuilt, kept, altered = _classify(context)
    rebuilt = _with_children(context, rebuilt)
    kept = {name: gained for name, gained in kept.items() if name not in rebuilt}
    altered = {name: change for name, change in altered.items() if name not in rebuilt}
    result.rebuilt = [t.name for t in found.new.tables if t.name in rebuilt]
    _data_checks(context, result, rebuilt | altered.keys())
    in_place = {**kept, **{name: set[str]() for name in altered}}
    _renames(context, result, in_place)
    _rebuild(context, result, rebuilt, added, kept=in_place, altered=altered)
    return result


def _enum_steps(context: _Context, result: Plan) -> None:
    """Enum types (where enums are types): renamed and extended in place by PostgreSQL,
    recreated otherwise (the tables that use one are rebuilt)."""
    if context.dialect.enum_style is not EnumStyle.TYPE:
        return
    found = context.found
    for enum in found.new.enums:
        before = found.enums.get(enum.name)
        if before is None:
            continue
        old = found.old.enum(before)
        spelled = found.values[enum.name]  # NEW value -> OLD value
        renamed_values = [(o, n) for n, o in spelled.items() if o != n]
        kept_in_order = [v for v in enum.value_names if v in spelled]
        old_order = [v for v in old.value_names if v in spelled.values()]
        in_order = [spelled[v] for v in kept_in_order] == old_order
        complete = len(old_order) == len(old.value_names)
        if not context.migration.renames_in_place:
            if before != enum.name or list(old.value_names) != list(enum.value_names):
                context.recreated_enums.add(enum.name)
            else:
                _enum_comment(context, result, old, enum)
            continue
        if not (in_order and complete):
            context.recreated_enums.add(enum.name)
            continue
        q = context.q
        if before != enum.name:
            result.outside.append(
                Step(
                    Kind.IN_PLACE,
                    f"rename enum {before} to {enum.name}",
                    f"ALTER TYPE {q(before)} RENAME TO {q(enum.name)};",
                )
            )
        for old_value, new_value in renamed_values:
            result.outside.append(
                Step(
                    Kind.IN_PLACE,
                    f"rename value {old_value!r} of enum {enum.name} to {new_value!r}",
                    f"ALTER TYPE {q(enum.name)} RENAME VALUE {_text(context, old_value)} "
                    f"TO {_text(context, new_value)};",
                )
            )
        values = list(enum.value_names)
        for number, value in enumerate(values):
            if value in spelled:
                continue
            after = next((v for v in reversed(values[:number]) if v in spelled), None)
            place = (
                f" AFTER {_text(context, after)}"
                if after is not None
                else (f" BEFORE {_text(context, kept_in_order[0])}" if kept_in_order else "")
            )
            spelled = {**spelled, value: value}
            result.outside.append(
                Step(
                    Kind.IN_PLACE,
                    f"add value {value!r} to enum {enum.name} (outside the transaction: a new "
                    "value cannot be used in the transaction that adds it)",
                    f"ALTER TYPE {q(enum.name)} ADD VALUE {_text(context, value)}{place};",
                )
            )
            kept_in_order = [v for v in values if v in spelled]
        _enum_comment(context, result, old, enum)


def _enum_comment(context: _Context, result: Plan, old: Enum, enum: Enum) -> None:
    """``COMMENT ON TYPE`` where an enum kept in place has another description."""
    if old.description == enum.description or context.dialect.comments is not Comments.COMMENT_ON:
        return
    text = "NULL" if enum.description is None else _text(context, enum.description)
    result.outside.append(
        Step(
            Kind.IN_PLACE,
            f"set the comment of enum {enum.name}",
            f"COMMENT ON TYPE {context.q(enum.name)} IS {text};",
        )
    )


def _text(context: _Context, value: str) -> str:
    return string_literal(context.dialect, value)


def _fingerprint(pieces: DdlPieces, dialect: Dialect) -> str:
    """The fingerprint of a schema's DDL (``script.fingerprint``), from its pieces."""
    return hashlib.sha256(ddl_text(pieces, dialect).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class _Alter:
    """A kept table changed in place, constraint by constraint and column by column."""

    drop_constraints: tuple[str, ...]
    drop_columns: tuple[str, ...]
    alter_columns: tuple[tuple[str, str], ...]  # (column, ALTER COLUMN clause)
    add_columns: tuple[str, ...]  # column definitions, without their constraints
    add_constraints: tuple[str, ...]  # table-level constraint clauses


def _alteration(context: _Context, name: str) -> _Alter | None:
    """How PostgreSQL changes a kept table in place (None: it is rebuilt): any change of
    columns, nullability, defaults, types that convert, and named constraints, as long
    as its primary key and the unique keys other tables reference stay as they are."""
    pair = context.found.tables[name]
    assert pair.old is not None
    before, after = context.before.tables[name], context.new.tables[name]
    if (before.sequences, before.closing) != (after.sequences, after.closing):
        return None
    old_table = context.found.old_renamed.table(name)
    keys = [old_table.primary_key, pair.new.primary_key]
    referenced = {
        frozenset(fk.ref_columns)
        for schema in (context.found.old_renamed, context.found.new)
        for table in schema.tables
        for fk in table.foreign_keys
        if fk.ref_table == name
    }
    fixed = {  # quoted, as the pieces name constraints
        context.q(constraint)
        for names in (context.before.names, context.new.names)
        for key, constraint in names.items()
        if key[1] == name
        and (key[0] == "pk" or (key[0] == "uq" and frozenset(key[2:]) in referenced))
    }
    changed = {
        n
        for n in before.constraints.keys() | after.constraints.keys()
        if before.constraints.get(n) != after.constraints.get(n)
    }
    if changed & fixed or keys[0] != keys[1]:
        return None
    alters: list[tuple[str, str]] = []
    q = context.q
    for column, shape in after.shapes.items():
        old = before.shapes.get(column)
        if old is None:
            if pair.new.column(column).identity:
                return None
            continue
        new_column = pair.new.column(column)
        old_column = old_table.column(column)
        if old.identity != shape.identity:
            return None
        clauses = []
        if old.type != shape.type:
            if new_column.enum is not None or old_column.enum is not None:
                return None
            if type_change(old_column, new_column) is None:
                return None
            value = q(column)
            scale = rounded_scale(old_column, new_column)
            if scale is not None:
                value = f"round({value}, {scale})"
            if old.default is not None:
                clauses.append("DROP DEFAULT")
            clauses.append(f"TYPE {shape.type} USING CAST({value} AS {shape.type})")
        if old.not_null != shape.not_null:
            clauses.append("SET NOT NULL" if shape.not_null else "DROP NOT NULL")
        if old.default != shape.default or (old.type != shape.type and old.default):
            clauses.append(f"SET DEFAULT {shape.default}" if shape.default else "DROP DEFAULT")
        alters += [(column, clause) for clause in dict.fromkeys(clauses)]
    return _Alter(
        drop_constraints=tuple(n for n in before.constraints if n in changed),
        drop_columns=tuple(c for c in before.shapes if c not in after.shapes),
        alter_columns=tuple(alters),
        add_columns=tuple(s.definition for c, s in after.shapes.items() if c not in before.shapes),
        add_constraints=tuple(after.constraints[n] for n in after.constraints if n in changed),
    )


def _classify(
    context: _Context,
) -> tuple[set[str], set[str], dict[str, set[str]], dict[str, _Alter]]:
    """(new tables, rebuilt tables, kept tables with the columns each gains in place,
    tables altered in place)."""
    found = context.found
    added: set[str] = set()
    rebuilt: set[str] = set()
    candidates: dict[str, set[str]] = {}
    unplaced: set[str] = set()  # neither kept as it is nor gaining columns only
    referenced = {fk.ref_table for t in found.old.tables for fk in t.foreign_keys}
    for name, pair in found.tables.items():
        if pair.old is None:
            added.add(name)
            continue
        uses_recreated = any(c.enum in context.recreated_enums for c in pair.new.columns)
        if uses_recreated or (pair.renamed and not context.migration.renames_in_place):
            rebuilt.add(name)
            continue
        if not context.migration.renames_in_place and any(a != b for a, b in pair.columns.items()):
            rebuilt.add(name)
            continue
        gained = {c.name for c in pair.new.columns if c.name not in pair.columns}
        depended = bool(pair.old.indexes) or pair.old.name in referenced
        blocked = depended and not context.migration.add_column_with_dependents
        named = _named(pair.new) if gained else set()
        if not (gained and blocked) and all(
            _addable(context.migration, named, pair.new.column(c)) for c in gained
        ):
            candidates[name] = gained
        else:
            unplaced.add(name)
    minus = (
        ddl_pieces(_without(found.new, candidates), context.dialect.name)
        if any(candidates.values())
        else context.new
    )
    kept: dict[str, set[str]] = {}
    for name, gained in candidates.items():
        pair = found.tables[name]
        assert pair.old is not None
        compared = context.before.tables[
            name if context.migration.renames_in_place else pair.old.name
        ]
        mine = minus.tables[name]
        # judged without comment lines where the engine keeps none (they are no change)
        text = "statement" if context.migration.comments_in_statement else "bare"
        same = (getattr(compared, text), compared.sequences, compared.closing) == (
            getattr(mine, text),
            mine.sequences,
            mine.closing,
        )
        full = context.new.tables[name]
        shapes = full.shapes
        simple = context.migration.add_column_with_check or not any(
            shapes[c].checks for c in gained
        )
        # the columns it gains change none it has (MariaDB makes a VARCHAR LONGTEXT when
        # the row outgrows its limit; an ADD COLUMN would be refused)
        unchanged = all(full.shapes[c] == shape for c, shape in mine.shapes.items()) and all(
            full.constraints.get(n) == clause for n, clause in mine.constraints.items()
        )
        same = same and unchanged
        if same and simple:
            kept[name] = gained
        else:
            unplaced.add(name)
    altered: dict[str, _Alter] = {}
    for name in sorted(unplaced):
        alteration = _alteration(context, name) if context.migration.alters_in_place else None
        if alteration is None:
            rebuilt.add(name)
        else:
            altered[name] = alteration
    return added, rebuilt, kept, altered


def _with_children(context: _Context, rebuilt: set[str]) -> set[str]:
    """``rebuilt`` with, where a referenced table cannot be dropped, every table that
    references one (in OLD, where the keys are), transitively: one walk of the keys."""
    if not context.migration.rebuild_children:
        return rebuilt
    found = context.found
    to_new = found.table_names
    children: dict[str, list[str]] = {}
    for table in found.old.tables:
        for fk in table.foreign_keys:
            if fk.ref_table != table.name:
                children.setdefault(fk.ref_table, []).append(table.name)
    gone = [found.old_name(n) for n in rebuilt] + [t.name for t in found.dropped_tables]
    seen = {name for name in gone if name is not None}
    waiting = list(seen)
    done = set(rebuilt)
    while waiting:
        for child in children.get(waiting.pop(), ()):
            if child in seen:
                continue
            seen.add(child)
            waiting.append(child)
            if child in to_new:
                done.add(to_new[child])
    return done


def _data_checks(context: _Context, result: Plan, changed: set[str]) -> None:
    """Every data check of the plan: a changed (rebuilt or altered) table's new rules, a
    kept table's new unique indexes."""
    found = context.found
    for table in found.new.tables:
        pair = found.tables[table.name]
        if pair.old is None:
            continue
        if table.name in changed:
            before = context.renamed_pieces.tables[table.name]
            checks = table_checks(
                context.dialect, found, pair, before, context.new.tables[table.name]
            )
        else:  # a kept table: only a new unique index can refuse its rows
            old_keys = {index_key(pair, i) for i in pair.old.indexes}
            checks = [
                unique_check(context.dialect, found, pair, index.columns)
                for index in table.indexes
                if index.unique and (index.columns, True) not in old_keys
            ]
        result.checks += [_check_step(context, check) for check in checks]
    if result.checks and context.migration.check_table_open:
        open_step = Step(
            Kind.DATA_CHECK,
            "a table whose key refuses a failed check's message twice (its error says it)",
            context.migration.check_table_open,
        )
        close = Step(Kind.DATA_CHECK, "drop it", context.migration.check_table_close)
        result.checks = [open_step, *result.checks, close]


def _check_step(context: _Context, check: DataCheck) -> Step:
    """The statement that fails with ``schemacog data check failed: N row(s) break RULE``
    (the count first: MariaDB's error shows 64 characters of it)."""
    migration = context.migration
    count = _count_text(context, migration.count_value)
    message = migration.concat.format(
        a=migration.concat.format(a=_text(context, "schemacog data check failed: "), b=count),
        b=_text(context, f" row(s) break {check.rule}"),
    )
    sql = migration.fail.format(
        count=check.count, message=message, tag=_dollar_tag(check.count, message)
    )
    detail = f" ({check.detail})" if check.detail else ""
    return Step(Kind.DATA_CHECK, f"{check.rule}{detail}: no existing row may break it", sql)


def _dollar_tag(*texts: str) -> str:
    """A PostgreSQL dollar-quote tag that none of ``texts`` holds."""
    number = 0
    while any(f"$sc{number or ''}$" in text for text in texts):
        number += 1
    return f"$sc{number or ''}$"


def _scratch(dialect: Dialect, name: str) -> str:
    """A scratch table's name, quoted: it holds a hyphen, which no schema name may, so it
    never is (nor shadows, as a temporary table would) a table of the schema."""
    return f"{dialect.quote}{name}{dialect.quote}"


def _count_text(context: _Context, value: str) -> str:
    return context.migration.text_cast.format(value=value)


def _renames(context: _Context, result: Plan, kept: Mapping[str, set[str]]) -> None:
    """In-place renames of kept tables, their columns, constraints and indexes."""
    if not context.migration.renames_in_place:
        return
    q = context.q
    found = context.found
    for name in kept:
        pair = found.tables[name]
        assert pair.old is not None
        if pair.renamed:
            result.steps.append(
                Step(
                    Kind.IN_PLACE,
                    f"rename table {pair.old.name} to {name}",
                    f"ALTER TABLE {q(pair.old.name)} RENAME TO {q(name)};",
                )
            )
        for new_column, old_column in pair.columns.items():
            if new_column != old_column:
                result.steps.append(
                    Step(
                        Kind.IN_PLACE,
                        f"rename column {name}.{old_column} to {new_column}",
                        f"ALTER TABLE {q(name)} RENAME COLUMN {q(old_column)} TO {q(new_column)};",
                    )
                )
        by_old = {old: new for new, old in pair.columns.items()}
        renames: list[tuple[str, str]] = []
        for key, old_constraint in context.old_names_of(pair.old.name):
            mapped = (key[0], name, *(by_old.get(part, part) for part in key[2:]))
            # its name in NEW, else in OLD renamed: what the steps after (a DROP of a
            # constraint NEW no longer has) call it
            new_constraint = context.new.names.get(mapped) or context.before.names.get(mapped)
            if new_constraint is not None and new_constraint != old_constraint:
                renames.append((old_constraint, new_constraint))
        _rename_constraints(q, name, renames, result)
        renamed_old = found.old_renamed.table(name)
        for old_index, new_index in zip(pair.old.indexes, renamed_old.indexes, strict=True):
            before, after = index_name(pair.old, old_index), index_name(renamed_old, new_index)
            if before != after and any(index_name(pair.new, i) == after for i in pair.new.indexes):
                result.steps.append(
                    Step(
                        Kind.IN_PLACE,
                        f"rename index {before} to {after}",
                        f"ALTER INDEX {q(before)} RENAME TO {q(after)};",
                    )
                )


def _rename_constraints(
    q: Callable[[str], str], table: str, renames: list[tuple[str, str]], result: Plan
) -> None:
    """``ALTER TABLE ... RENAME CONSTRAINT`` for each (old, new); where a new name is
    another's old one (two names trade places), each goes through a scratch name first
    (with a hyphen: no schema's name)."""
    taken = {old for old, _ in renames}
    steps = [(old, new, q(old), q(new)) for old, new in renames]
    if any(new in taken for _, new in renames):
        scratch = [f"sc-rename-{number}" for number in range(1, len(renames) + 1)]
        steps = [(old, s, q(old), f'"{s}"') for (old, _), s in zip(renames, scratch, strict=True)]
        steps += [(s, new, f'"{s}"', q(new)) for (_, new), s in zip(renames, scratch, strict=True)]
    for old, new, old_sql, new_sql in steps:
        result.steps.append(
            Step(
                Kind.IN_PLACE,
                f"rename constraint {old} to {new}",
                f"ALTER TABLE {q(table)} RENAME CONSTRAINT {old_sql} TO {new_sql};",
            )
        )


def _rebuild(
    context: _Context,
    result: Plan,
    rebuilt: set[str],
    added: set[str],
    *,
    kept: Mapping[str, set[str]],
    altered: Mapping[str, _Alter],
) -> None:
    found, q, dialect, migration = context.found, context.q, context.dialect, context.migration
    steps = result.steps
    old_order, old_deferred = creation_order(found.old, dialect)
    new_order, _ = creation_order(found.new, dialect)
    gone_old = {found.old_name(n) for n in rebuilt} | {t.name for t in found.dropped_tables}
    temps: dict[str, str] = {}  # NEW name -> its temporary copy
    for number, name in enumerate(n for n in (t.name for t in found.new.tables) if n in rebuilt):
        pair = found.tables[name]
        assert pair.old is not None
        temp = _scratch(dialect, f"{REBUILD_COPY}{number + 1}")
        temps[name] = temp
        columns = ", ".join(_copied(context, column) for column in pair.old.columns)
        steps.append(
            Step(
                Kind.REBUILD,
                f"copy the rows of {pair.old.name} aside",
                f"{migration.copy_table} {temp} AS SELECT {columns} FROM {q(pair.old.name)};",
            )
        )
    # indexes of kept tables that go, before their tables change
    for name in kept:
        compared = _compared_after(context, name)
        for key in compared:
            if key[0] == "index" and key not in context.new.tables[name].after:
                drop = migration.drop_index.format(index=q(key[1]), table=q(name))
                steps.append(Step(Kind.DESTRUCTIVE, f"drop index {key[1]}", drop))
    for table in reversed(old_order):  # the cycles' closing keys first, then children first
        if table.name in gone_old and migration.renames_in_place:
            for fk in old_deferred.get(table.name, ()):
                constraint = context.old.names[("fk", table.name, *fk.columns)]
                steps.append(
                    Step(
                        Kind.REBUILD,
                        f"drop foreign key {constraint} (it closes a cycle)",
                        f"ALTER TABLE {q(table.name)} DROP CONSTRAINT {q(constraint)};",
                    )
                )
    for table in reversed(old_order):
        if table.name not in gone_old:
            continue
        new_name = found.table_names.get(table.name)
        if new_name is None:
            kind, what = Kind.DESTRUCTIVE, f"drop table {table.name}"
        else:
            survivors = set(found.tables[new_name].columns.values())
            lost = [c.name for c in table.columns if c.name not in survivors]
            kind = Kind.DESTRUCTIVE if lost else Kind.REBUILD
            what = f"drop table {table.name} (its rows are copied aside"
            what += f"; without {', '.join(lost)})" if lost else ")"
        steps.append(Step(kind, what, f"DROP TABLE {q(table.name)};"))
    _types(context, result)
    for name, gained in kept.items():
        for column in found.new.table(name).columns:
            if column.name in gained:
                definition = context.new.tables[name].columns[column.name]
                steps.append(
                    Step(
                        Kind.IN_PLACE,
                        f"add column {name}.{column.name}",
                        f"ALTER TABLE {q(name)} {definition};",
                    )
                )
    for name, change in altered.items():
        steps += _alter_steps(context, name, change)
    old_sequences = _sequences(context.old)
    for table in new_order:
        if table.name not in rebuilt and table.name not in added:
            continue
        pieces = context.new.tables[table.name]
        # a sequence the old tables had goes on (dropping it would restart the ids)
        made = [
            create_sequence(dialect, sequence)
            for sequence in pieces.sequences.values()
            if sequence not in old_sequences
        ]
        text = "\n".join([*pieces.comments, *made, pieces.statement])
        kind = Kind.REBUILD if table.name in rebuilt else Kind.IN_PLACE
        verb = "create table" if table.name in added else "create the rebuilt table"
        steps.append(Step(kind, f"{verb} {table.name} from the new schema", text))
    for table in new_order:
        if table.name not in rebuilt:
            continue
        steps += _insert(context, table, temps[table.name])
    for table in new_order:
        pieces = context.new.tables[table.name]
        if table.name in rebuilt or table.name in added:
            for key, statement in pieces.after.items():
                steps.append(Step(Kind.IN_PLACE, _after_what(key), statement))
            continue
        if table.name not in kept:
            continue
        compared = _compared_after(context, table.name)
        for key, statement in pieces.after.items():
            if compared.get(key) != statement:
                steps.append(Step(Kind.IN_PLACE, _after_what(key), statement))
        for key in compared:
            gone = len(key) == 3 and key[2] not in pieces.shapes  # with its column
            if key[0] == "comment" and key not in pieces.after and not gone:
                target = q(key[1]) + ("" if len(key) == 2 else "." + q(key[2]))
                what = "TABLE" if len(key) == 2 else "COLUMN"
                steps.append(
                    Step(
                        Kind.IN_PLACE,
                        f"remove the comment of {'.'.join(key[1:])}",
                        f"COMMENT ON {what} {target} IS NULL;",
                    )
                )
    for name, change in altered.items():
        steps += [
            Step(
                Kind.IN_PLACE,
                f"add constraint of {name}",
                f"ALTER TABLE {q(name)} ADD {constraint};",
            )
            for constraint in change.add_constraints
        ]
    for table in new_order:
        if table.name in rebuilt or table.name in added:
            for statement in context.new.tables[table.name].closing:
                if not statement.startswith("--"):
                    steps.append(
                        Step(Kind.IN_PLACE, "add the foreign key that closes a cycle", statement)
                    )
    for table in new_order:  # an altered table too: its ids may lag (rows with their own)
        if table.name in rebuilt or table.name in altered:
            steps += _continue_identity(context, table)
    for name, temp in temps.items():
        steps.append(
            Step(Kind.REBUILD, f"drop the copy of {name}'s old rows", f"DROP TABLE {temp};")
        )
    new_sequences = _sequences(context.new)
    for sequence in sorted(old_sequences - new_sequences):
        steps.append(
            Step(Kind.REBUILD, f"drop sequence {sequence}", f"DROP SEQUENCE {q(sequence)};")
        )


def _alter_steps(context: _Context, name: str, change: _Alter) -> list[Step]:
    """The first part of an in-place change: constraints and columns that go, columns that
    change and come (the constraints come after the tables they may reference)."""
    q, table = context.q, context.q(name)
    steps = [
        Step(
            Kind.IN_PLACE,
            f"drop constraint {constraint} of {name} (changed or gone)",
            f"ALTER TABLE {table} DROP CONSTRAINT {constraint};",
        )
        for constraint in change.drop_constraints
    ]
    steps += [
        Step(
            Kind.DESTRUCTIVE,
            f"drop column {name}.{column}",
            f"ALTER TABLE {table} DROP COLUMN {q(column)};",
        )
        for column in change.drop_columns
    ]
    steps += [
        Step(
            Kind.IN_PLACE,
            f"change column {name}.{column}: {clause.split(' ', 1)[0].lower()}",
            f"ALTER TABLE {table} ALTER COLUMN {q(column)} {clause};",
        )
        for column, clause in change.alter_columns
    ]
    steps += [
        Step(Kind.IN_PLACE, f"add a column to {name}", f"ALTER TABLE {table} ADD COLUMN {column};")
        for column in change.add_columns
    ]
    return steps


def _after_what(key: tuple[str, ...]) -> str:
    """What a statement after a CREATE TABLE makes, by its key (``TablePieces.after``)."""
    if key[0] == "comment":
        return f"set the comment of {'.'.join(key[1:])}"
    return f"create index {key[1]}"


def _compared_after(context: _Context, name: str) -> Mapping[tuple[str, ...], str]:
    pair = context.found.tables[name]
    assert pair.old is not None
    key = name if context.migration.renames_in_place else pair.old.name
    return context.before.tables[key].after


def _sequences(pieces: DdlPieces) -> set[str]:
    """The sequences of a DDL's identity columns (DuckDB)."""
    return {name for table in pieces.tables.values() for name in table.sequences.values()}


def _copied(context: _Context, column: Column) -> str:
    name = context.q(column.name)
    if column.enum is not None and context.dialect.enum_style is EnumStyle.TYPE:
        return f"{context.migration.text_cast.format(value=name)} AS {name}"
    return name


def _insert(context: _Context, table: Table, temp: str) -> list[Step]:
    found, q, dialect = context.found, context.q, context.dialect
    pair = found.tables[table.name]
    assert pair.old is not None
    new_plan = key_plans(dialect, found.new)[table.name]
    old_plan = key_plans(dialect, found.old)[pair.old.name]
    names, values, lossy = [], [], []
    for column in table.columns:
        before = pair.columns.get(column.name)
        if before is None:
            continue
        old = pair.old.column(before)
        effect = type_change(renamed_column(found, table.name, column.name), column)
        if effect is not None and effect[0] is Effect.LOSSY:
            lossy.append(f"{column.name}: {effect[1]}")
        value = "o." + q(before)
        if column.enum is not None and old.enum is not None:
            value = _respelled(context, column, value)
        scale = rounded_scale(old, column)
        if scale is not None:
            value = f"round({value}, {scale})"  # lossy, allowed: rounded alike everywhere
        new_type = column_type(dialect, found.new, table, column, new_plan)
        old_type = column_type(dialect, found.old, pair.old, old, old_plan)
        typed = column.enum is not None and dialect.enum_style is EnumStyle.TYPE
        if context.migration.casts_on_insert and (typed or new_type != old_type):
            value = f"CAST({value} AS {new_type})"
        names.append(q(column.name))
        values.append(value)
    head = f"INSERT INTO {q(table.name)} ({', '.join(names)})\nSELECT {', '.join(values)}"
    what = f"put the rows of {table.name} back, converted"
    kind = Kind.LOSSY if lossy else Kind.REBUILD
    if lossy:
        what += f" ({'; '.join(lossy)})"
    selves = [
        fk for fk in table.foreign_keys if fk.ref_table == table.name and fk not in new_plan.unbuilt
    ]
    passes = context.migration.self_reference_passes
    if not selves or not passes or not all(c in pair.columns for fk in selves for c in fk.columns):
        return [Step(kind, what, f"{head} FROM {temp} AS o;")]
    # the engine checks a row's key before the rows of its own statement are stored:
    # rows that name rows of their table go in passes, each after the rows it names
    key = selves[0].ref_columns
    stored = " AND ".join(f"n.{q(c)} = o.{q(pair.columns[c])}" for c in key)
    ready = " AND ".join(
        "("
        + " OR ".join(f"o.{q(pair.columns[c])} IS NULL" for c in fk.columns)
        + f" OR EXISTS (SELECT 1 FROM {q(table.name)} AS n WHERE "
        + " AND ".join(
            f"n.{q(r)} = o.{q(pair.columns[c])}"
            for c, r in zip(fk.columns, fk.ref_columns, strict=True)
        )
        + "))"
        for fk in selves
    )
    sql = (
        f"{head} FROM {temp} AS o\nWHERE NOT EXISTS (SELECT 1 FROM {q(table.name)} AS n "
        f"WHERE {stored}) AND {ready};"
    )
    steps = [
        Step(kind, f"{what}: pass {number} of {passes}, the rows whose rows are in", sql)
        for number in range(1, passes + 1)
    ]
    message = _text(
        context,
        f"schemacog: rows of {table.name} name each other more than {passes} deep; "
        f"{dialect.title} cannot put them back in one migration",
    )
    left = f"SELECT (SELECT count(*) FROM {temp}) - (SELECT count(*) FROM {q(table.name)}) AS n"
    steps.append(
        Step(
            Kind.DATA_CHECK,
            f"every row of {table.name} is back",
            context.migration.fail.format(
                count=left, message=message, tag=_dollar_tag(left, message)
            ),
        )
    )
    return steps


def _respelled(context: _Context, column: Column, value: str) -> str:
    """An enum value under its NEW spelling, where the engine did not rename it."""
    assert column.enum is not None
    renames_done = context.migration.renames_in_place and column.enum not in context.recreated_enums
    pairs = [
        (old, new)
        for new, old in context.found.values.get(column.enum, {}).items()
        if old != new and not renames_done
    ]
    if not pairs:
        return value
    cases = " ".join(f"WHEN {_text(context, o)} THEN {_text(context, n)}" for o, n in pairs)
    return f"CASE {value} {cases} ELSE {value} END"


def _continue_identity(context: _Context, table: Table) -> list[Step]:
    """Identities go on after the highest id, where the engine does not see to it."""
    template = context.migration.continue_identity
    if template is None:
        return []
    q = context.q
    sequences = context.new.tables[table.name].sequences
    steps = []
    for column in table.columns:
        if not column.identity:
            continue
        sequence = sequences.get(column.name, "")
        sql = template.format(
            table=q(table.name),
            table_text=_text(context, q(table.name)),
            column=q(column.name),
            column_text=_text(context, column.name),
            sequence_text=_text(context, sequence),
        )
        steps.append(
            Step(Kind.REBUILD, f"continue {table.name}.{column.name} after the highest id", sql)
        )
    return steps


def _types(context: _Context, result: Plan) -> None:
    """Enum types dropped, recreated and created, between the tables' drops and creates."""
    if context.dialect.enum_style is not EnumStyle.TYPE:
        return
    found, q = context.found, context.q
    for enum in found.dropped_enums:
        result.steps.append(
            Step(Kind.DESTRUCTIVE, f"drop enum {enum.name}", f"DROP TYPE {q(enum.name)};")
        )
    for name in sorted(context.recreated_enums):
        before = found.enums[name]
        result.steps.append(
            Step(Kind.REBUILD, f"drop enum {before} to create it anew", f"DROP TYPE {q(before)};")
        )
    for enum in found.new.enums:
        if enum.name in found.enums and enum.name not in context.recreated_enums:
            continue
        text = context.new.enums[enum.name].rstrip("\n")
        result.steps.append(Step(Kind.IN_PLACE, f"create enum {enum.name}", text))
