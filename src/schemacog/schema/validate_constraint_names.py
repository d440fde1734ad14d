"""A table's ``constraint_names``: the name the DDL gives a constraint instead of the one
it derives (``pk_film: film_pkey``), as a database made by other tools names them.

Each key is a name the DDL of some engine derives for the table (``naming``), each value
an identifier. The names must stay apart where the engines keep them: every constraint
name of a table from the others (PostgreSQL, MariaDB), and a primary key's, a unique
constraint's or a foreign key's from every table, index, identity sequence and such key
of the schema (PostgreSQL names a key's index by it; InnoDB's foreign keys share one
namespace); none is ``PRIMARY``, MariaDB's name of every primary key.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from schemacog.model import Table
from schemacog.naming import index_name, short_name, table_constraints
from schemacog.schema import fields
from schemacog.schema.drafts import TableDraft
from schemacog.schema.fields import Problems, did_you_mean
from schemacog.schema.loader import Node

__all__ = ["with_constraint_names"]

# kinds whose names share the schema's namespace of relations and keys
_SCHEMA_WIDE = frozenset({"primary key", "unique", "foreign key"})


def with_constraint_names(
    problems: Problems, drafts: Sequence[TableDraft], tables: Sequence[Table]
) -> tuple[Table, ...]:
    """``tables`` with the ``constraint_names`` their drafts' nodes give."""
    nodes = {d.name: d.node.items.get("constraint_names") for d in drafts}
    read: dict[str, list[tuple[str, str, Node]]] = {}
    kinds: dict[str, dict[str, str]] = {}
    for table in tables:
        node = nodes.get(table.name)
        kinds[table.name] = table_constraints(table)
        if node is not None:
            read[table.name] = _read(problems, node, table, kinds[table.name])
    if not read:
        return tuple(tables)
    _check_apart(problems, tables, kinds, read)
    return tuple(
        dataclasses.replace(t, constraint_names=tuple((k, v) for k, v, _ in read[t.name]))
        if read.get(t.name)
        else t
        for t in tables
    )


def _read(
    problems: Problems, node: Node, table: Table, kinds: dict[str, str]
) -> list[tuple[str, str, Node]]:
    what = f"constraint_names of table {table.name!r}"
    found = fields.mapping(problems, node, what)
    if found is None:
        return []
    pairs = []
    for derived, value_node in found.items.items():
        if derived not in kinds:
            hint = did_you_mean(derived, tuple(kinds)) or (
                f"; its constraints are {', '.join(sorted(kinds))}" if kinds else ""
            )
            problems.add(
                found.keys[derived],
                f"table {table.name!r} has no constraint {derived!r} in any engine's DDL{hint}",
            )
            continue
        name = fields.identifier(problems, value_node, f"the name given to constraint {derived}")
        if name is not None:
            pairs.append((derived, name, value_node))
    return pairs


def _check_apart(
    problems: Problems,
    tables: Sequence[Table],
    kinds: dict[str, dict[str, str]],
    read: dict[str, list[tuple[str, str, Node]]],
) -> None:
    """Each name given stays apart from its table's constraint names and, for a key, from
    the schema's tables, indexes and keys (compared ignoring case, as SQL folds it)."""
    wide: dict[str, str] = {"primary": "the name MariaDB gives every primary key"}
    for table in tables:
        wide.setdefault(table.name.lower(), f"table {table.name!r}")
        for column in table.columns:  # the sequence PostgreSQL and DuckDB make for it
            if column.identity:
                sequence = short_name(f"{table.name}_{column.name}_seq")
                wide.setdefault(sequence.lower(), f"the sequence of {table.name}.{column.name}")
        for index in table.indexes:
            wide.setdefault(index_name(table, index).lower(), f"an index of {table.name!r}")
    for table in tables:
        given = {derived for derived, _, _ in read.get(table.name, [])}
        for derived, kind in kinds[table.name].items():
            if kind in _SCHEMA_WIDE and derived not in given:
                wide.setdefault(derived.lower(), f"constraint {derived} of {table.name!r}")
    for table in tables:
        given_here = read.get(table.name, [])
        renamed = {derived for derived, _, _ in given_here}
        own = {d.lower(): f"constraint {d}" for d in kinds[table.name] if d not in renamed}
        for derived, name, node in given_here:
            folded = name.lower()
            if folded == "primary":  # InnoDB refuses it for any key's index
                problems.add(node, f"constraint name {name!r} is MariaDB's for every primary key")
                continue
            other = own.setdefault(folded, f"the name given to {derived}")
            if other != f"the name given to {derived}":
                problems.add(node, f"constraint name {name!r} is also {other} of {table.name!r}")
                continue
            if kinds[table.name][derived] not in _SCHEMA_WIDE:
                continue
            label = f"the name given to {derived} of {table.name!r}"
            other = wide.setdefault(folded, label)
            if other != label:
                problems.add(
                    node,
                    f"constraint name {name!r} is also {other} (PostgreSQL names a key's "
                    "index by it, and MariaDB's foreign keys share one namespace)",
                )
