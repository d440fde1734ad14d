"""Is the live database at a snapshot? diff-db's comparison (``schemacog.drift``): the
live catalog against the catalog the snapshot's DDL makes in a throwaway database of the
same engine, with constraint and index names counting (a script names what it drops
and renames; a database migrated by schemacog has the snapshot's names), the order of
columns not (a migration adds a column last), what import reads alike (names and all)
forgiven. A table or enum only the database has counts where the migrations name it (a
snapshot has it: a migration would make it, or one left it) or it is a rebuild's copy
(``sc-old-N``, left by a MariaDB script that stopped); others (another application's)
and the history table do not."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from schemacog.db.catalog import Catalog
from schemacog.deploy.targets import Target
from schemacog.drift.command import Live, compare_live
from schemacog.migrate.plan import REBUILD_COPY
from schemacog.migrate.sources import EMPTY
from schemacog.model import Schema

__all__ = ["Checked", "LiveChecks"]

# what a migration's script makes for itself and drops (docs/migrations.md): left where a
# MariaDB script stopped (its check table, "sc-check", is a temporary one, counted too)
_LEFTOVERS = (REBUILD_COPY, "sc-check")


@dataclass(frozen=True)
class Checked:
    differs: bool
    lines: list[str]  # each difference, as diff-db says it
    shown: str  # the snapshot's file, or "nothing" for a new database
    what: str  # what the snapshot is to the run ("0002_add_rating starts from")


class LiveChecks:
    """The live catalog read once per run, compared with each snapshot asked about."""

    def __init__(self, target: Target, url: str, managed: frozenset[str]) -> None:
        self.target, self.url, self.managed = target, url, managed
        self._catalog: Catalog | None = None
        self._done: dict[str, tuple[bool, list[str]]] = {}

    def check(self, schema: Schema, what: str, *, fresh: bool = False) -> Checked:
        if fresh or self._catalog is None:
            self._catalog = self._counted(self.target.catalog())
            self._done.clear()
        if schema.path not in self._done:
            live = Live(self.target.dialect, self._catalog, "live", self.url)
            found = compare_live(live, schema, exact=False, strict=True, names=True)
            lines = found.drift.differences + found.drift.extra
            self._done[schema.path] = (found.failing, lines)
        differs, lines = self._done[schema.path]
        shown = "nothing (a new database)" if schema.path == EMPTY else schema.path
        return Checked(differs, lines, shown, what)

    def _counted(self, catalog: Catalog) -> Catalog:
        """``catalog`` without the tables and enums the migrations never name."""

        def counted(name: str) -> bool:
            return name.lower() in self.managed or name.startswith(_LEFTOVERS)

        return dataclasses.replace(
            catalog,
            tables={n: t for n, t in catalog.tables.items() if counted(n)},
            enums={n: v for n, v in catalog.enums.items() if counted(n)},
            enum_comments={n: c for n, c in catalog.enum_comments.items() if counted(n)},
        )
