"""``schemacog migrate status URL [--format text|json]``: each migration of the URL's
dialect as the database's history has it (applied, baseline, resolved, failed), or
pending, changed (its file differs from what ran), missing (in the history, its file
gone); and whether the live catalog is at the last applied snapshot. Read only: no lock
is taken, nothing is written. Exit 0: up to date; 1: pending, failed, changed, missing
or drifted; 2: an error."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import TextIO

from schemacog.deploy.apply import history_refusals
from schemacog.deploy.folder import Migration, Migrations, read_migrations
from schemacog.deploy.ledger import APPLIED_STATES, Record
from schemacog.deploy.live import Checked, LiveChecks
from schemacog.deploy.targets import dialect_of, open_target
from schemacog.migrate.command import Project

__all__ = ["run_status"]


@dataclass(frozen=True)
class _Entry:
    migration: str  # its stem
    state: str
    applied_at: str | None = None
    detail: str | None = None


def run_status(url: str, project: Project, fmt: str, out: TextIO) -> int:
    dialect = dialect_of(url)
    migrations = read_migrations(
        project.root, project.migrations, project.migrations_shown, dialect
    )
    target = open_target(url, lock_seconds=None)
    try:
        entries, last = _entries(migrations, target.history())
        at = last.after if last is not None else migrations.start
        checked = LiveChecks(target, url, migrations.managed).check(
            at, "the last applied migration ends at"
        )
    finally:
        target.close()
    up_to_date = all(e.state in APPLIED_STATES for e in entries) and not checked.differs
    if fmt == "json":
        report = {
            "database": target.shown,
            "up_to_date": up_to_date,
            "migrations": [dataclasses.asdict(e) for e in entries],
            "at": last.stem if last is not None else None,
            "snapshot": checked.shown,
            "matches": not checked.differs,
            "differences": checked.lines,
        }
        out.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    else:
        out.writelines(_text(entries, checked, up_to_date, target.shown))
    return 0 if up_to_date else 1


def _entries(
    migrations: Migrations, records: list[Record]
) -> tuple[list[_Entry], Migration | None]:
    """Each migration's entry, by number, and the last one applied."""
    history = {record.number: record for record in records}
    troubled = {p.pos.path: p.message for p in history_refusals(migrations, records)}
    entries: list[_Entry] = []
    highest = max((n for n, r in history.items() if r.applied), default=0)
    last = None
    for migration in migrations.items:
        record = history.get(migration.number)
        if record is None:
            late = "out of order: a later one is applied" if migration.number < highest else None
            entries.append(_Entry(migration.stem, "pending", detail=late))
        elif migration.shown in troubled:
            said = troubled[migration.shown]
            entries.append(_Entry(migration.stem, "changed", record.applied_at, said))
        else:
            detail = record.error if record.state == "failed" else None
            entries.append(_Entry(migration.stem, record.state, record.applied_at, detail))
            last = migration if record.applied else last
    for number, gap in migrations.gaps.items():
        if number not in history:
            stem = gap.pos.path.rsplit("/", 1)[-1].removesuffix(".schema.json")
            entries.append(_Entry(stem, "missing", None, gap.message))
    for number, record in history.items():
        if migrations.numbered(number) is None:
            gone = troubled.get(f"{migrations.shown}/{record.stem}.sql")
            entries.append(_Entry(record.stem, "missing", record.applied_at, gone))
    entries.sort(key=lambda entry: int(entry.migration.partition("_")[0]))  # 10000 last
    return entries, last


def _text(entries: list[_Entry], checked: Checked, up_to_date: bool, shown: str) -> list[str]:
    width = max(len(e.migration) for e in entries)
    lines = []
    for entry in entries:
        line = f"{entry.migration:<{width}}  {entry.state:<8}"
        if entry.applied_at:
            line += f"  {entry.applied_at}"
        if entry.detail:
            line += f"  ({entry.detail})"
        lines.append(line.rstrip() + "\n")
    if checked.differs:
        lines.append(f"the database differs from {checked.shown}, where it should be:\n")
        lines += [f"  {line}\n" for line in checked.lines]
    else:
        lines.append(f"the database matches {checked.shown}\n")
    counts: dict[str, int] = {}
    for entry in entries:
        counts[entry.state] = counts.get(entry.state, 0) + 1
    said = ", ".join(f"{n} {state}" for state, n in counts.items())
    verdict = "up to date" if up_to_date else "not up to date"
    lines.append(f"schemacog migrate status: {shown}: {said}; {verdict}\n")
    return lines
