"""Names that must stay distinct once rendered: in SQL (case-folded) and in Python."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from schemacog.errors import Pos
from schemacog.model import Enum, Table
from schemacog.naming import (
    HISTORY_TABLE,
    JSON_VALUE,
    dataclass_class,
    enum_class,
    field_name,
    model_class,
)
from schemacog.schema.fields import Problems
from schemacog.schema.loader import MapNode

__all__ = ["check_column_names", "check_type_names"]


def check_column_names(problems: Problems, names: Iterable[str], columns: MapNode) -> None:
    """The read column ``names`` (keys of ``columns``) stay distinct in SQL and as fields."""
    folded: dict[str, str] = {}
    python_fields: dict[str, str] = {}
    for name in names:
        key = columns.keys[name]
        other = folded.setdefault(name.lower(), name)
        if other != name:
            problems.add(key, f"columns {other!r} and {name!r} differ only in case")
        python = field_name(name)
        if python.strip("_") == "":
            problems.add(key, f"column name {name!r} has no letters or digits")
        other = python_fields.setdefault(python, name)
        if other != name:
            problems.add(key, f"columns {other!r} and {name!r} both become Python field {python}")


def check_type_names(problems: Problems, enums: Iterable[Enum], tables: Sequence[Table]) -> None:
    """Table, enum and index names stay distinct in SQL and as Python classes."""
    sql: dict[str, str] = {}
    python: dict[str, str] = {}
    for label, name, pos, classes in _named_types(enums, tables):
        if name.lower() == HISTORY_TABLE:
            problems.add(pos, f"{label}: the name is migrate apply's, for its history table")
            continue
        other = sql.setdefault(name.lower(), label)
        if other != label:
            problems.add(pos, f"{label} has the same SQL name as {other} (SQL ignores case)")
            continue
        for cls in classes:
            other = python.setdefault(cls, label)
            if other != label:
                problems.add(pos, f"{label} and {other} both become Python class {cls}")
                break
    # A field named like a generated class would shadow it inside the class body.
    for table in tables:
        for column in table.columns:
            name = field_name(column.name)
            if name in python or name == JSON_VALUE:
                problems.add(
                    column.pos,
                    f"column {column.name!r} would shadow the generated Python name {name}",
                )


def _named_types(
    enums: Iterable[Enum], tables: Sequence[Table]
) -> list[tuple[str, str, Pos, list[str]]]:
    """(label, SQL name, position, Python classes) of every enum, table and named index."""
    entries = [(f"enum {e.name!r}", e.name, e.pos, [enum_class(e.name)]) for e in enums]
    for table in tables:
        classes = [dataclass_class(table.name), model_class(table.name)]
        entries.append((f"table {table.name!r}", table.name, table.pos, classes))
        entries += [
            (f"index {index.name!r}", index.name, index.pos, [])
            for index in table.indexes
            if index.name is not None
        ]
    return entries
