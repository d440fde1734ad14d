"""Is the live database at a snapshot? diff-db's comparison (``schemacog.drift``): the
live catalog against the catalog the snapshot's DDL makes in a throwaway database of the
same engine, names aside and with what import reads alike forgiven; tables only the
database has (and the history table) do not count."""

from __future__ import annotations

from dataclasses import dataclass

from schemacog.db.catalog import Catalog
from schemacog.deploy.targets import Target
from schemacog.drift.command import Live, compare_live
from schemacog.migrate.sources import EMPTY
from schemacog.model import Schema

__all__ = ["Checked", "LiveChecks"]


@dataclass(frozen=True)
class Checked:
    differs: bool
    lines: list[str]  # each difference, as diff-db says it
    shown: str  # the snapshot's file, or "nothing" for a new database
    what: str  # what the snapshot is to the run ("0002_add_rating starts from")


class LiveChecks:
    """The live catalog read once per run, compared with each snapshot asked about."""

    def __init__(self, target: Target, url: str) -> None:
        self.target, self.url = target, url
        self._catalog: Catalog | None = None
        self._done: dict[str, tuple[bool, list[str]]] = {}

    def check(self, schema: Schema, what: str, *, fresh: bool = False) -> Checked:
        if fresh or self._catalog is None:
            self._catalog = self.target.catalog()
            self._done.clear()
        if schema.path not in self._done:
            live = Live(self.target.dialect, self._catalog, "live", self.url)
            found = compare_live(live, schema, exact=False, strict=False)
            self._done[schema.path] = (found.failing, found.drift.differences)
        differs, lines = self._done[schema.path]
        shown = "nothing (a new database)" if schema.path == EMPTY else schema.path
        return Checked(differs, lines, shown, what)
