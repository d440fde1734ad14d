"""A table between the validator's phases."""

from __future__ import annotations

import dataclasses

from schemacog.errors import Pos
from schemacog.loader import MapNode, Node
from schemacog.model import Column, ForeignKey, Index, Table


@dataclasses.dataclass
class TableDraft:
    """A table between phases: its columns are final, its keys and rows are not yet."""

    name: str
    pos: Pos
    node: MapNode
    description: str | None
    columns: dict[str, Column]
    column_nodes: dict[str, MapNode]
    primary_key: tuple[str, ...] = ()
    unique: tuple[tuple[str, ...], ...] = ()
    indexes: tuple[Index, ...] = ()
    foreign_keys: list[tuple[ForeignKey, Node]] = dataclasses.field(default_factory=list)
    ok: bool = True

    def table(self) -> Table:
        return Table(
            name=self.name,
            description=self.description,
            columns=tuple(self.columns.values()),
            primary_key=self.primary_key,
            unique=self.unique,
            foreign_keys=tuple(fk for fk, _ in self.foreign_keys),
            indexes=self.indexes,
            pos=self.pos,
        )
