"""A table's ``checks``: rules across the columns of a row, each parsed once.

Each entry is ``{expr, name, description}``; ``expr`` is read by ``check_expr`` over the
table's columns, and a fault in it is reported at its own line and column of the file.
A check without a ``name`` is named after the columns it reads (``shipped_ordered``),
with ``_2``, ``_3``... where that name is taken, or is the name of a column's own CHECK
(``<column>_<rule>``, which a given name may not be).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence

from schemacog.model import NOW, Column, TableCheck
from schemacog.schema import fields
from schemacog.schema.check_expr import CheckError, columns_of, parse_check
from schemacog.schema.fields import Problems
from schemacog.schema.keys import CHECK_KEYS, MAX_CHECK_CHARACTERS, MAX_CHECKS
from schemacog.schema.loader import Node, ScalarNode, pos_in
from schemacog.schema.rules import COLUMN_CHECKS

__all__ = ["read_checks"]


def read_checks(
    problems: Problems,
    node: Node,
    owner: str,
    columns: Mapping[str, Column],
    enums: Mapping[str, Sequence[str]],
) -> tuple[TableCheck, ...]:
    """The checks of ``owner`` that read; each fault is a positioned problem."""
    seq = fields.sequence(problems, node, f"checks of {owner}")
    if seq is None:
        return ()
    if len(seq.items) > MAX_CHECKS:
        count = len(seq.items)
        problems.add(
            seq.items[MAX_CHECKS], f"{owner} has {count} checks; the limit is {MAX_CHECKS}"
        )
        return ()
    read: list[tuple[TableCheck, Node | None]] = []  # (check, its name's node)
    characters = 0
    for item in seq.items:
        body = fields.mapping(problems, item, f"a check of {owner}")
        if body is None:
            continue
        fields.check_keys(problems, body, CHECK_KEYS, f"a check of {owner}", required=("expr",))
        name_node = body.items.get("name")
        name = fields.identifier(problems, name_node, "check name") if name_node else None
        description = fields.optional_string(problems, body.items.get("description"), "description")
        expr_node = body.items.get("expr")
        text = fields.string(problems, expr_node, "expr") if expr_node is not None else None
        if expr_node is None or text is None or (name_node is not None and name is None):
            continue
        characters += len(text)
        try:
            tree = parse_check(text, columns, enums)
        except CheckError as error:
            where = pos_in(expr_node, error.offset) if isinstance(expr_node, ScalarNode) else None
            problems.add(where or expr_node, f"check of {owner}: {error}")
            continue
        read_columns = columns_of(tree)
        problem = _unknowable([columns[name] for name in read_columns])
        if problem is not None:
            problems.add(expr_node, f"check of {owner}: {problem}")
            continue
        check = TableCheck(
            name or "_".join(read_columns), text, tree, read_columns, description, item.pos
        )
        read.append((check, name_node))
    if characters > MAX_CHECK_CHARACTERS:
        problems.add(
            seq,
            f"the checks of {owner} hold {characters} characters; the limit is "
            f"{MAX_CHECK_CHARACTERS} (MariaDB keeps about 64 KiB of CHECKs a table)",
        )
        return ()
    return _named(problems, read, owner, columns)


def _unknowable(read: Sequence[Column]) -> str | None:
    """Why the Python layers cannot know what the database tests (None: they can): the
    database numbers an identity column, and fills ``default: now`` by its own clock,
    after they check the row."""
    for column in read:
        if column.identity:
            return f"a check cannot read identity column {column.name!r} (the database numbers it)"
        if column.default is NOW:
            return (
                f"a check cannot read {column.name!r}, which has default now (the database "
                "fills it by its own clock, after the Python layers check the row)"
            )
    return None


def _column_rule(name: str, columns: Collection[str]) -> tuple[str, str] | None:
    """(column, rule) when ``name`` is ``<column>_<rule>``, a column CHECK's name."""
    for rule in COLUMN_CHECKS:
        column = name.removesuffix(f"_{rule}")
        if column != name and column in columns:
            return column, rule
    return None


def _named(
    problems: Problems,
    read: Sequence[tuple[TableCheck, Node | None]],
    owner: str,
    columns: Collection[str],
) -> tuple[TableCheck, ...]:
    """The checks with distinct names: a name given twice is a problem, a derived name
    that is taken gets a number."""
    given: dict[str, TableCheck] = {}
    for check, name_node in read:
        if name_node is None:
            continue
        clash = _column_rule(check.name, columns)
        if clash is not None:
            column, rule = clash
            problems.add(
                name_node,
                f"check name {check.name!r} is the name of the {rule} rule of column "
                f"{column!r} (ck_<table>_{check.name}); choose another",
            )
        if check.name in given:
            first = given[check.name].pos.line
            message = f"check name {check.name!r} appears twice in {owner} (first at line {first})"
            problems.add(name_node, message)
        given.setdefault(check.name, check)
    taken = set(given)
    finished = []
    for check, name_node in read:
        name, number = check.name, 1
        while name_node is None and (name in taken or _column_rule(name, columns)):
            number += 1
            name = f"{check.name}_{number}"
        taken.add(name)
        finished.append(dataclasses.replace(check, name=name))
    return tuple(finished)
