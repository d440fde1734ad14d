"""What a schema change is, whatever the dialect: the destructive changes (they need
``--allow-destructive``) and the changes with no plan, each at the schema place that
causes it."""

from __future__ import annotations

from schemacog.errors import Problem
from schemacog.migrate.changes import Effect, type_change
from schemacog.migrate.matching import Match, TableMatch
from schemacog.model import Column, Index

__all__ = ["guards", "index_key", "refusals", "renamed_column"]


def guards(found: Match) -> list[Problem]:
    """The destructive changes, each at the schema place that causes it."""
    problems = [
        Problem(t.pos, f"table {t.name} is dropped, with its rows") for t in found.dropped_tables
    ]
    problems += [Problem(e.pos, f"enum {e.name} is dropped") for e in found.dropped_enums]
    for name, enum in found.enums.items():
        new = found.new.enum(name)
        kept = set(found.values.get(name, {}).values())
        problems += [
            Problem(new.pos, f"value {value!r} of enum {name} is dropped")
            for value in found.old.enum(enum).value_names
            if value not in kept
        ]
    for pair in found.tables.values():
        if pair.old is None:
            continue
        table, old = pair.new, pair.old
        kept = set(pair.columns.values())
        problems += [
            Problem(table.pos, f"column {c.name} of table {table.name} is dropped, with its values")
            for c in old.columns
            if c.name not in kept
        ]
        for column in table.columns:
            if column.name not in pair.columns:
                continue
            effect = type_change(renamed_column(found, table.name, column.name), column)
            if effect is not None and effect[0] is Effect.LOSSY:
                problems.append(
                    Problem(column.pos, f"{table.name}.{column.name} changes type: {effect[1]}")
                )
        names = {c.name for c in table.checks}
        problems += [
            Problem(table.pos, f"check {c.name} of table {table.name} is dropped")
            for c in old.checks
            if c.name not in names
        ]
        old_indexes = {index_key(pair, i) for i in old.indexes}
        new_indexes = {(i.columns, i.unique) for i in table.indexes}
        problems += [
            Problem(table.pos, f"index on ({', '.join(cols)}) of table {table.name} is dropped")
            for cols, unique in sorted(old_indexes - new_indexes)
        ]
    return sorted(problems)


def index_key(pair: TableMatch, index: Index) -> tuple[tuple[str, ...], bool]:
    """An OLD index as NEW would name its columns: (columns, unique)."""
    by_old = {old: new for new, old in pair.columns.items()}
    return tuple(by_old.get(c, c) for c in index.columns), index.unique


def refusals(found: Match) -> list[Problem]:
    """The changes with no plan, each with the way to make it."""
    problems = list(found.problems)
    for pair in found.tables.values():
        if pair.old is None:
            continue
        for column in pair.new.columns:
            before = pair.columns.get(column.name)
            where = f"{pair.new.name}.{column.name}"
            if before is None:
                if not column.nullable and not column.has_default and not column.identity:
                    problems.append(
                        Problem(
                            column.pos,
                            f"{where} is added NOT NULL without a default, to a table that "
                            "may hold rows: give it a default, or add it with nullable: true, "
                            "fill it, and make it NOT NULL in a later migration",
                        )
                    )
                continue
            old = renamed_column(found, pair.new.name, column.name)
            if type_change(old, column) is None:
                problems.append(
                    Problem(
                        column.pos,
                        f"{where} changes type from {_kind(old)} to {_kind(column)}, which has "
                        "no migration: add a new column, copy the values, then drop the old one",
                    )
                )
    return sorted(problems)


def renamed_column(found: Match, table: str, column: str) -> Column:
    """A kept column as OLD has it, in NEW's names (its enum's too)."""
    return found.old_renamed.table(table).column(column)


def _kind(column: Column) -> str:
    return f"enum {column.enum}" if column.enum is not None else str(column.type)
