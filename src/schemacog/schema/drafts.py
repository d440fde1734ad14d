"""The validator's intermediate model: a table read on its own, before its foreign keys.

``validate_tables.read_tables`` builds one ``TableDraft`` per readable table: its columns
and its own keys (primary key, unique constraints, indexes) are final. The foreign keys
(``validate_foreign_keys``) need every draft; the example rows (``validate_rows``) need
the ``Table`` that ``TableDraft.table`` builds once the foreign keys are known.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from schemacog.errors import Pos
from schemacog.model import Column, ForeignKey, Index, Table, TableCheck
from schemacog.schema.loader import MapNode

__all__ = ["TableDraft"]


@dataclasses.dataclass(frozen=True, slots=True)
class TableDraft:
    name: str
    pos: Pos
    node: MapNode
    description: str | None
    columns: Mapping[str, Column]
    column_nodes: Mapping[str, MapNode]
    primary_key: tuple[str, ...] = ()
    unique: tuple[tuple[str, ...], ...] = ()
    indexes: tuple[Index, ...] = ()
    checks: tuple[TableCheck, ...] = ()
    rows_readable: bool = True
    """False when a problem in the table would only be repeated by its example rows."""
    checks_read: bool = True
    """False when a check had a problem of its own: a row may break it, unseen."""
    renamed_from: tuple[str, ...] = ()

    @property
    def owner(self) -> str:
        """How messages name the table: ``table 'x'``."""
        return f"table {self.name!r}"

    def table(self, foreign_keys: tuple[ForeignKey, ...] = ()) -> Table:
        return Table(
            name=self.name,
            description=self.description,
            columns=tuple(self.columns.values()),
            primary_key=self.primary_key,
            unique=self.unique,
            foreign_keys=foreign_keys,
            indexes=self.indexes,
            pos=self.pos,
            checks=self.checks,
            renamed_from=self.renamed_from,
        )
