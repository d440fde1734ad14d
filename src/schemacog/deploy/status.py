"""``schemacog migrate status URL [--format text|json]``: each migration of the URL's
dialect as the database's history has it (applied, baseline, resolved, failed), or
pending, changed (its file differs from what ran), missing (in the history, its file
gone); and whether the live catalog is at the last applied snapshot. Read only: no lock
is taken, nothing is written. Exit 0: up to date; 1: pending, failed, changed, missing
or drifted; 2: an error."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TextIO

from schemacog.deploy.apply import history_refusals
from schemacog.deploy.folder import read_migrations
from schemacog.deploy.ledger import APPLIED_STATES
from schemacog.deploy.live import LiveChecks
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
        history = {record.number: record for record in target.history()}
        troubled = {
            problem.pos.path: problem.message
            for problem in history_refusals(migrations, list(history.values()))
        }
        entries: list[_Entry] = []
        highest = max((n for n, r in history.items() if r.applied), default=0)
        last = None
        for migration in migrations.items:
            record = history.get(migration.number)
            if record is None:
                late = migration.number < highest
                entries.append(
                    _Entry(
                        migration.stem,
                        "pending",
                        detail="out of order: a later one is applied" if late else None,
                    )
                )
            elif migration.shown in troubled:
                entries.append(
                    _Entry(migration.stem, "changed", record.applied_at, troubled[migration.shown])
                )
            else:
                detail = record.error if record.state == "failed" else None
                entries.append(_Entry(migration.stem, record.state, record.applied_at, detail))
                if record.applied:
                    last = migration
        for number, gap in sorted(migrations.gaps.items()):
            if number not in history:
                entries.append(
                    _Entry(
                        gap.pos.path.rsplit("/", 1)[-1][: -len(".schema.json")],
                        "missing",
                        None,
                        gap.message,
                    )
                )
        for number, record in sorted(history.items()):
            if migrations.numbered(number) is None:
                entries.append(
                    _Entry(
                        record.stem,
                        "missing",
                        record.applied_at,
                        troubled.get(f"{migrations.shown}/{record.stem}.sql"),
                    )
                )
        entries.sort(key=lambda entry: int(entry.migration.partition("_")[0]))  # 10000 last
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
            "migrations": [e.__dict__ for e in entries],
            "at": last.stem if last is not None else None,
            "snapshot": checked.shown,
            "matches": not checked.differs,
            "differences": checked.lines,
        }
        out.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        return 0 if up_to_date else 1
    width = max(len(e.migration) for e in entries)
    for entry in entries:
        line = f"{entry.migration:<{width}}  {entry.state:<8}"
        if entry.applied_at:
            line += f"  {entry.applied_at}"
        if entry.detail:
            line += f"  ({entry.detail})"
        out.write(line.rstrip() + "\n")
    if checked.differs:
        out.write(f"the database differs from {checked.shown}, where it should be:\n")
        out.writelines(f"  {line}\n" for line in checked.lines)
    else:
        out.write(f"the database matches {checked.shown}\n")
    counts: dict[str, int] = {}
    for entry in entries:
        counts[entry.state] = counts.get(entry.state, 0) + 1
    said = ", ".join(f"{n} {state}" for state, n in counts.items())
    verdict = "up to date" if up_to_date else "not up to date"
    out.write(f"schemacog migrate status: {target.shown}: {said}; {verdict}\n")
    return 0 if up_to_date else 1
