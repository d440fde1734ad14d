"""OLD and NEW paired by name and by declared renames; OLD renamed into NEW's names.

A NEW member matches the OLD member of its own name, else the newest of its
``renamed_from`` names that OLD has: a hint applies only when the old name exists in OLD
and the new one does not. ``renamed`` gives OLD with every matched name replaced by
NEW's, so that one rendering compares with the other and only real changes differ.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from schemacog.errors import Pos, Problem
from schemacog.model import (
    And,
    CheckExpr,
    Column,
    ColumnRef,
    Compare,
    Enum,
    ForeignKey,
    Index,
    IsNull,
    Not,
    Operand,
    Or,
    Schema,
    Table,
    TableCheck,
)

__all__ = ["Match", "TableMatch", "match", "renamed"]

_Member = TypeVar("_Member", Table, Column)


def _pairs(old: Sequence[str], new: Iterable[tuple[str, tuple[str, ...]]]) -> dict[str, str]:
    """NEW name -> the OLD name it matches, for the NEW members that match one."""
    present = set(old)
    found = {}
    for name, history in new:
        if name in present:
            found[name] = name
            continue
        for earlier in reversed(history):
            if earlier in present:
                found[name] = earlier
                break
    return found


@dataclass(frozen=True)
class TableMatch:
    new: Table
    old: Table | None  # None: a new table
    columns: Mapping[str, str]  # NEW column -> OLD column, for the columns that match

    @property
    def renamed(self) -> bool:
        return self.old is not None and self.old.name != self.new.name


@dataclass(frozen=True)
class Match:
    old: Schema
    new: Schema
    tables: Mapping[str, TableMatch]  # by NEW name
    dropped_tables: tuple[Table, ...]
    enums: Mapping[str, str]  # NEW enum -> OLD enum
    values: Mapping[str, Mapping[str, str]]  # NEW enum -> NEW value -> OLD value
    dropped_enums: tuple[Enum, ...]
    problems: list[Problem] = field(default_factory=list)

    def old_name(self, new_table: str) -> str | None:
        found = self.tables.get(new_table)
        return None if found is None or found.old is None else found.old.name

    @functools.cached_property
    def old_renamed(self) -> Schema:
        """OLD in NEW's names (``renamed``), made once."""
        return renamed(self)

    @functools.cached_property
    def renames(self) -> bool:
        """Whether any name changes: a table, column, enum, value, index or constraint."""
        return (
            any(
                m.renamed or any(new != old for new, old in m.columns.items())
                for m in self.tables.values()
            )
            or any(new != old for new, old in self.enums.items())
            or any(n != o for pairs in self.values.values() for n, o in pairs.items())
            or any(i.renamed_from for t in self.new.tables for i in t.indexes)
            or any(
                m.old is not None and m.old.constraint_names != m.new.constraint_names
                for m in self.tables.values()
            )
        )

    @property
    def table_names(self) -> dict[str, str]:
        """OLD table -> NEW table."""
        return {m.old.name: name for name, m in self.tables.items() if m.old is not None}


def match(old: Schema, new: Schema) -> Match:
    """OLD and NEW paired; ``problems`` holds each drop + add that looks like a rename."""
    problems: list[Problem] = []
    table_pairs = _pairs(
        [t.name for t in old.tables], ((t.name, t.renamed_from) for t in new.tables)
    )
    tables = {}
    for table in new.tables:
        before = old.table(table_pairs[table.name]) if table.name in table_pairs else None
        columns: dict[str, str] = {}
        if before is not None:
            columns = _pairs(
                [c.name for c in before.columns],
                ((c.name, c.renamed_from) for c in table.columns),
            )
            _look_alikes(
                problems,
                [c for c in before.columns if c.name not in columns.values()],
                [c for c in table.columns if c.name not in columns],
                "column",
                _column_definition,
            )
        tables[table.name] = TableMatch(table, before, columns)
    matched = set(table_pairs.values())
    dropped = tuple(t for t in old.tables if t.name not in matched)
    added = [t for t in new.tables if t.name not in table_pairs]
    _look_alikes(problems, list(dropped), added, "table", _table_definition)
    enum_pairs = _pairs([e.name for e in old.enums], ((e.name, e.renamed_from) for e in new.enums))
    values = {
        enum.name: _pairs(
            old.enum(enum_pairs[enum.name]).value_names,
            ((v.value, v.renamed_from) for v in enum.values),
        )
        for enum in new.enums
        if enum.name in enum_pairs
    }
    kept = set(enum_pairs.values())
    dropped_enums = tuple(e for e in old.enums if e.name not in kept)
    return Match(old, new, tables, dropped, enum_pairs, values, dropped_enums, problems)


def _column_key(column: Column, *, named: bool) -> str:
    """A column's definition as text, without its place, description, history (and name)."""
    plain = dataclasses.replace(
        column,
        name=column.name if named else "",
        description=None,
        renamed_from=(),
        pos=Pos("", 0),
    )
    return repr(plain)


def _column_definition(column: Column) -> str:
    return _column_key(column, named=False)


def _table_definition(table: Table) -> str:
    return repr(tuple(_column_key(c, named=True) for c in table.columns))


def _look_alikes(
    problems: list[Problem],
    dropped: Sequence[_Member],
    added: Sequence[_Member],
    what: str,
    definition: Callable[[_Member], str],
) -> None:
    """A drop plus an add of one definition without a hint: refused, as a rename guess
    (the definitions hashed: thousands of each cost no more than reading them)."""
    if not dropped or not added:
        return
    by_definition: dict[str, _Member] = {}
    for gone in dropped:
        by_definition.setdefault(definition(gone), gone)
    for new in added:
        old = by_definition.get(definition(new))
        if old is not None:
            problems.append(
                Problem(
                    new.pos,
                    f"{what} {new.name} is added and {what} {old.name} of the same "
                    f"definition is dropped: did you mean renamed_from: {old.name}? "
                    f"(or drop and add in two migrations)",
                )
            )


# --- OLD in NEW's names ----------------------------------------------------------------


def renamed(found: Match) -> Schema:
    """OLD with each matched table, column, enum and enum value under its NEW name."""
    old = found.old
    table_names = found.table_names
    column_names = {
        m.old.name: {before: after for after, before in m.columns.items()}
        for m in found.tables.values()
        if m.old is not None
    }
    enum_names = {before: after for after, before in found.enums.items()}
    value_names = {
        found.enums[enum]: {before: after for after, before in pairs.items()}
        for enum, pairs in found.values.items()
    }

    def column_of(table: str, name: str) -> str:
        return column_names.get(table, {}).get(name, name)

    def columns_of(table: str, names: Iterable[str]) -> tuple[str, ...]:
        return tuple(column_of(table, n) for n in names)

    def column(table: str, item: Column) -> Column:
        changes: dict[str, object] = {"name": column_of(table, item.name)}
        if item.enum is not None:
            spelled = value_names.get(item.enum, {})
            changes["enum"] = enum_names.get(item.enum, item.enum)
            if isinstance(item.default, str):
                changes["default"] = spelled.get(item.default, item.default)
        return dataclasses.replace(item, **changes)  # type: ignore[arg-type]

    def foreign_key(table: str, fk: ForeignKey) -> ForeignKey:
        return dataclasses.replace(
            fk,
            columns=columns_of(table, fk.columns),
            ref_table=table_names.get(fk.ref_table, fk.ref_table),
            ref_columns=columns_of(fk.ref_table, fk.ref_columns),
        )

    def index(table: Table, item: Index) -> Index:
        name = item.name
        new = found.tables.get(table_names.get(table.name, ""))
        if name is not None and new is not None:
            for candidate in new.new.indexes:
                if candidate.name is not None and name in (candidate.name, *candidate.renamed_from):
                    name = candidate.name
        return dataclasses.replace(item, columns=columns_of(table.name, item.columns), name=name)

    def table(item: Table) -> Table:
        name = item.name
        new = found.tables.get(table_names.get(name, ""))
        return dataclasses.replace(
            item,
            name=table_names.get(name, name),
            # NEW's names of its constraints: a name that changes is renamed in place
            constraint_names=item.constraint_names if new is None else new.new.constraint_names,
            columns=tuple(column(name, c) for c in item.columns),
            primary_key=columns_of(name, item.primary_key),
            unique=tuple(columns_of(name, key) for key in item.unique),
            foreign_keys=tuple(foreign_key(name, fk) for fk in item.foreign_keys),
            indexes=tuple(index(item, i) for i in item.indexes),
            checks=tuple(_check(c, lambda n: column_of(name, n)) for c in item.checks),
            examples=(),
            invalid_examples=(),
        )

    def enum(item: Enum) -> Enum:
        spelled = value_names.get(item.name, {})
        values = tuple(
            dataclasses.replace(v, value=spelled.get(v.value, v.value)) for v in item.values
        )
        return dataclasses.replace(item, name=enum_names.get(item.name, item.name), values=values)

    return dataclasses.replace(
        old,
        enums=tuple(enum(e) for e in old.enums),
        tables=tuple(table(t) for t in old.tables),
    )


def _check(check: TableCheck, name_of: Callable[[str], str]) -> TableCheck:
    def operand(item: Operand) -> Operand:
        if isinstance(item, ColumnRef):
            return ColumnRef(name_of(item.name), item.column)
        return item

    def tree(node: CheckExpr) -> CheckExpr:
        match node:
            case Compare(op, left, right):
                return Compare(op, operand(left), operand(right))
            case IsNull(target, negated):
                reference = operand(target)
                assert isinstance(reference, ColumnRef)
                return IsNull(reference, negated)
            case Not(inner):
                return Not(tree(inner))
            case And(parts):
                return And(tuple(tree(p) for p in parts))
            case Or(parts):
                return Or(tuple(tree(p) for p in parts))
        raise AssertionError(node)

    return dataclasses.replace(
        check,
        tree=tree(check.tree),
        columns=tuple(name_of(c) for c in check.columns),
    )
