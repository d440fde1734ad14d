"""The migrations of one dialect as ``migrate apply`` runs them: each script's bytes read
once (what is checked, summed and run is the same text), with the snapshots its
migration starts from and ends at."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from schemacog import paths
from schemacog.errors import Pos, Problem, SchemacogError, printable
from schemacog.migrate.history import (
    Snapshot,
    chain,
    dialect_scripts,
    not_planned,
    project_file_refusal,
    same_script,
)
from schemacog.migrate.matching import match
from schemacog.migrate.plan import plan
from schemacog.migrate.script import sql_script
from schemacog.model import Schema
from schemacog.schema.loader import MAX_FILE_BYTES

__all__ = ["Migration", "Migrations", "read_migrations"]


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    shown: str  # migrations/postgres/0002_add_rating.sql
    text: str
    checksum: str  # sha256 of the file's bytes
    snapshot: Snapshot
    before: Schema  # the schema its migration starts from
    after: Schema  # its snapshot's

    @property
    def stem(self) -> str:
        return f"{self.number:04d}_{self.name}"


@dataclass(frozen=True)
class Migrations:
    dialect: str
    shown: str  # the dialect's folder: migrations/postgres
    items: tuple[Migration, ...]  # never empty
    # the snapshots without a script of this dialect (a gap in its chain), by number
    gaps: dict[int, Problem] = dataclasses.field(default_factory=dict)

    @property
    def managed(self) -> frozenset[str]:
        """The names (lower case) of every table and enum a snapshot has."""
        schemas = [self.start, *(m.after for m in self.items)]
        return frozenset(
            name.lower()
            for schema in schemas
            for name in [*(t.name for t in schema.tables), *(e.name for e in schema.enums)]
        )

    @property
    def start(self) -> Schema:
        """Where the first starts: nothing, or the OLD it was planned from."""
        return self.items[0].before

    def numbered(self, number: int) -> Migration | None:
        return next((m for m in self.items if m.number == number), None)

    def named(self, text: str) -> Migration | None:
        """The migration ``text`` names: its stem (0002_add_rating), name or number."""
        for migration in self.items:
            if text in (migration.stem, migration.name, f"{migration.stem}.sql"):
                return migration
            if text.isdigit() and int(text) == migration.number:
                return migration
        return None

    def not_planned(self, pending: Sequence[Migration]) -> list[Problem]:
        """The pending scripts that are not what this schemacog plans from the snapshot
        before each to its own: only what ``migrate new`` wrote runs, never a statement
        added by hand or by a pull request."""
        found = []
        for migration in pending:
            derived = sql_script(
                plan(match(migration.before, migration.after), self.dialect),
                migration.before,
                migration.after,
            )
            if not same_script(migration.text, derived):
                reason = not_planned(migration.snapshot, migration.before)
                found.append(Problem(Pos(migration.shown, 1), reason))
        return found


def read_migrations(root: Path, folder: Path, shown: str, dialect: str) -> Migrations:
    """The scripts of ``<folder>/<dialect>/`` by number, each with its snapshots
    (SchemacogError, every problem at once: a script without a snapshot, two of one
    number, one that is not a plain UTF-8 file of the project)."""
    problems: list[Problem] = []
    schemas: dict[int, tuple[Snapshot, Schema, Schema]] = {}
    try:
        for snapshot, before, after in chain(root, folder, shown):
            if snapshot.number in schemas:
                other = schemas[snapshot.number][0].shown
                message = (
                    f"migration {snapshot.number:04d} is also {other}: two migrations "
                    "share a number"
                )
                problems.append(Problem(Pos(snapshot.shown, 1), message))
            schemas.setdefault(snapshot.number, (snapshot, before, after))
    except SchemacogError as exc:
        problems += exc.problems
    items: list[Migration] = []
    seen: dict[int, str] = {}
    for number, name, path in dialect_scripts(folder, dialect):
        where = f"{shown}/{dialect}/{path.name}"
        if number in seen:
            message = (
                f"migration {number:04d} is also {seen[number]}: two migrations share a number"
            )
            problems.append(Problem(Pos(where, 1), message))
            continue
        seen[number] = printable(where)
        try:
            refused = project_file_refusal(root, path)
            if refused is not None:
                raise paths.PathRefused(refused)
            data = paths.read_regular(path, MAX_FILE_BYTES + 1)
            if len(data) > MAX_FILE_BYTES:
                raise paths.PathRefused(f"is larger than {MAX_FILE_BYTES // 2**20} MB")
            text = data.decode("utf-8")
        except (OSError, paths.PathRefused, UnicodeDecodeError) as exc:
            problems.append(Problem(Pos(where, 1), f"{printable(where)} cannot be read: {exc}"))
            continue
        known = schemas.get(number)
        if known is None or known[0].name != name:
            message = (
                f"migration {number:04d} has no snapshot ({shown}/{number:04d}_{name}.schema.json)"
            )
            problems.append(Problem(Pos(where, 1), message))
            continue
        snapshot, before, after = known
        checksum = hashlib.sha256(data).hexdigest()
        items.append(
            Migration(number, name, printable(where), text, checksum, snapshot, before, after)
        )
    gaps = {}
    for number, (snapshot, _, _) in sorted(schemas.items()) if seen else ():
        if number not in seen:  # the chain of this dialect has a gap there
            message = (
                f"migration {number:04d} has no {dialect} script ({shown}/{dialect}/ lacks "
                f"it): each {dialect} migration starts where the one before it ends"
            )
            gaps[number] = Problem(Pos(snapshot.shown, 1), message)
    if not seen and not problems:
        message = (
            f"no {dialect} migrations in {shown}/{dialect}/: write them with schemacog "
            f"migrate new NAME --dialect {dialect}"
        )
        problems.append(Problem(Pos(f"{shown}/{dialect}", 1), message))
    if problems:
        raise SchemacogError(problems)
    return Migrations(dialect, f"{shown}/{dialect}", tuple(items), gaps)
