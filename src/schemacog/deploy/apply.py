"""``schemacog migrate apply URL [--dry-run] [--baseline NAME] [--resolve NAME]``: the
pending migrations of ``<migrations>/<dialect>/`` run in order, once each, under a lock,
each recorded in ``schemacog_migrations``.

Everything that can refuse is decided before anything changes: the history against the
files (a changed, missing or out-of-order migration; one that failed), the pending
scripts against what schemacog plans, and the live catalog against the snapshot the
first pending migration starts from. Exit 0: done, or nothing to do; 1: refused
(nothing run); 2: an error (a migration that failed: recorded as failed).
"""

from __future__ import annotations

import contextlib
import datetime
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, TextIO

import schemacog
from schemacog.deploy.folder import Migration, Migrations, read_migrations
from schemacog.deploy.ledger import Record
from schemacog.deploy.live import Checked, LiveChecks
from schemacog.deploy.statements import ClientCommand, Statement, split_statements
from schemacog.deploy.targets import StatementFailed, Target, dialect_of, open_target
from schemacog.errors import Pos, Problem, printable
from schemacog.migrate.command import Project
from schemacog.model import Schema

__all__ = ["ApplyOptions", "history_refusals", "run_apply"]

_EXIT_REFUSED = 1
_EXIT_ERROR = 2
# what a failure leaves, where the database is not as before the migration
_PARTLY: Final = {
    "mariadb": "MariaDB commits each DDL statement, so the steps before the failing one are done"
}
# the record written before a script runs, in place until its end is recorded
_UNFINISHED: Final = "did not finish: the run was stopped, or its end could not be recorded"
# the comments a script's steps start with (docs/migrations.md, The script)
_STEP: Final = re.compile(r"^-- (?:in place|table rebuild|data check|destructive)\b.*$", re.M)


@dataclass(frozen=True)
class ApplyOptions:
    dry_run: bool = False
    baseline: str | None = None  # record up to this migration as applied, run nothing of it
    resolve: str | None = None  # the failed migration the database was made whole after
    lock_seconds: float = 60.0


def run_apply(url: str, project: Project, options: ApplyOptions, out: TextIO, err: TextIO) -> int:
    dialect = dialect_of(url)
    migrations = read_migrations(
        project.root, project.migrations, project.migrations_shown, dialect
    )
    lock = None if options.dry_run else options.lock_seconds
    target = open_target(url, lock_seconds=lock)
    try:
        return _Applier(target, url, migrations, options, out=out, err=err).run()
    finally:
        target.close()


def _record_of(records: Sequence[Record], text: str) -> Record | None:
    """The record ``text`` names: its stem (0002_add_rating), name or number."""
    for record in records:
        if text in (record.stem, record.name, f"{record.stem}.sql"):
            return record
        if text.isdigit() and int(text) == record.number:
            return record
    return None


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _record(migration: Migration, state: str, error: str | None = None) -> Record:
    version = schemacog.__version__
    return Record(
        migration.number, migration.name, migration.checksum, state, _now(), version, error
    )


def _intact(migrations: Migrations, record: Record) -> Migration | None:
    """The migration whose file is the one ``record`` ran (None: gone, another, changed)."""
    migration = migrations.numbered(record.number)
    if migration is None or (migration.name, migration.checksum) != (record.name, record.checksum):
        return None
    return migration


def history_refusals(migrations: Migrations, history: Sequence[Record]) -> list[Problem]:
    """What the history says against the files: an applied or failed migration whose
    file is gone, is another's now, or has changed since."""
    found = []
    for record in history:
        migration = migrations.numbered(record.number)
        shown = f"{migrations.shown}/{record.stem}.sql"
        where = Pos(migration.shown if migration else shown, 1)
        if migration is None:
            folder = migrations.dialect
            message = (
                f"{record.stem} is in the history ({record.state} {record.applied_at}) but "
                f"its file is gone from the {folder} migrations: a migration that ran stays"
            )
        elif migration.name != record.name:
            message = (
                f"migration {record.number:04d} is in the history as {record.stem} "
                f"({record.state}), but its file now is {migration.stem}"
            )
        elif migration.checksum != record.checksum:
            message = (
                f"changed since it was {record.state} {record.applied_at} (checksum "
                f"{record.checksum[:12]} then, {migration.checksum[:12]} now): a migration "
                "that ran is history; change the schema and write a new one"
            )
        else:
            continue
        if record.state == "failed":
            message += f" (a failed one given up: --resolve {record.stem} takes it out)"
        found.append(Problem(where, message))
    return found


@dataclass(frozen=True)
class _Step:
    kind: str  # resolved, forget, baseline
    number: int
    stem: str
    migration: Migration | None  # None: a failed one whose file is gone or another now


class _Applier:
    def __init__(
        self,
        target: Target,
        url: str,
        migrations: Migrations,
        options: ApplyOptions,
        *,
        out: TextIO,
        err: TextIO,
    ) -> None:
        self.target, self.migrations, self.options = target, migrations, options
        self.out, self.err, self.url = out, err, url
        self.live = LiveChecks(target, url, migrations.managed)
        self.refused: list[str] = []

    def say(self, line: str) -> None:
        print(line, file=self.out, flush=True)

    def refuse(self, problem: Problem | str) -> None:
        self.refused.append(str(problem))

    def run(self) -> int:
        history = {record.number: record for record in self.target.history()}
        failed = [r for r in history.values() if r.state == "failed"]
        resolving = self._resolving(failed)
        # a failed migration whose file is gone, changed or another's: --resolve may
        # take it out (the database checked below to be where the files say)
        replaced = resolving is not None and _intact(self.migrations, resolving) is None
        kept = [r for r in history.values() if not (replaced and r is resolving)]
        for problem in history_refusals(self.migrations, kept):
            self.refuse(problem)
        for number, gap in sorted(self.migrations.gaps.items()):
            if number not in history:  # else said above: its file is gone
                self.refuse(gap)
        for record in failed:
            if record is not resolving:
                self.refuse(
                    f"{record.stem} failed {record.applied_at}: {record.error or ''}; make "
                    "the database whole by hand (finish it or undo it), then run migrate "
                    f"apply --resolve {record.stem}"
                )
        baseline = self._baseline(history)
        if self.refused:
            return self._refused()
        steps: list[_Step] = []
        if resolving is not None:
            migration = _intact(self.migrations, resolving)
            kind = "forget" if migration is None else self._resolution(migration)
            if kind is None:
                return self._refused()
            steps.append(_Step(kind, resolving.number, resolving.stem, migration))
        if baseline is not None:
            checked = self.live.check(baseline.after, f"{baseline.stem} ends at")
            if checked.differs:
                why = f"--baseline {baseline.stem}: the database is not at it"
                self._refuse_drift(checked, why)
                return self._refused()
            steps += [
                _Step("baseline", m.number, m.stem, m)
                for m in self.migrations.items
                if m.number <= baseline.number and m.number not in history
            ]
        done = {n for n, r in history.items() if r.applied} | {
            step.number for step in steps if step.kind in ("resolved", "baseline")
        }
        pending = [m for m in self.migrations.items if m.number not in done]
        highest = max(done, default=0)
        for migration in pending:
            if migration.number < highest:
                self.refuse(
                    Problem(
                        Pos(migration.shown, 1),
                        f"{migration.stem} is pending but a later migration (up to "
                        f"{highest:04d}) is applied: it came out of order (a branch merged "
                        "after?); write it again after the newest",
                    )
                )
        for problem in self.migrations.not_planned(pending):
            self.refuse(problem)
        if self.refused:
            return self._refused()
        scripts = self._split(pending)  # only what schemacog plans: no hostile text
        if self.refused:
            return self._refused()
        if pending or replaced:  # where the database must be for what comes next
            if pending:
                at, what = pending[0].before, f"{pending[0].stem} starts from"
                why = f"{pending[0].stem} cannot start"
            else:
                at, what = self._last_applied(done), "the last applied one ends at"
                why = f"--resolve {resolving.stem if resolving else ''}"
            checked = self.live.check(at, what)
            if checked.differs:
                self._refuse_drift(checked, why)
                return self._refused()
        return self._carry_out(steps, pending, scripts, done)

    def _last_applied(self, done: set[int]) -> Schema:
        applied = [m for m in self.migrations.items if m.number in done]
        return applied[-1].after if applied else self.migrations.start

    def _resolving(self, failed: list[Record]) -> Record | None:
        if self.options.resolve is None:
            return None
        record = _record_of(failed, self.options.resolve)
        if record is None:
            name = printable(self.options.resolve)
            known = ", ".join(r.stem for r in failed)
            said = f"the failed one is {known}" if known else "no migration failed"
            self.refuse(f"--resolve {name}: only a migration that failed is resolved ({said})")
        return record

    def _baseline(self, history: dict[int, Record]) -> Migration | None:
        if self.options.baseline is None:
            return None
        migration = self.migrations.named(self.options.baseline)
        if migration is None:
            name = printable(self.options.baseline)
            self.refuse(
                f"--baseline {name}: no such migration in the {self.migrations.dialect} ones"
            )
            return None
        later = sorted(n for n in history if n > migration.number)
        if later:
            self.refuse(
                f"--baseline {migration.stem}: the history already holds later migrations "
                f"({', '.join(history[n].stem for n in later)})"
            )
        return migration

    def _resolution(self, migration: Migration) -> str | None:
        """``resolved`` where the database is as after ``migration``, ``forget`` where it
        is as before it (pending again), None (refused) where it is neither."""
        after = self.live.check(migration.after, f"{migration.stem} ends at")
        if not after.differs:
            return "resolved"
        before = self.live.check(migration.before, f"{migration.stem} starts from")
        if not before.differs:
            return "forget"
        self._refuse_drift(
            after,
            f"--resolve {migration.stem}: the database is neither as before it nor as after it",
        )
        return None

    def _split(self, pending: Sequence[Migration]) -> dict[int, list[Statement]]:
        scripts = {}
        for migration in pending:
            try:
                scripts[migration.number] = split_statements(
                    migration.text, self.migrations.dialect
                )
            except ClientCommand as exc:
                self.refuse(Problem(Pos(migration.shown, exc.line, exc.column), str(exc)))
        return scripts

    def _refuse_drift(self, checked: Checked, why: str) -> None:
        self.refuse(f"{why}: the database differs from {checked.shown} ({checked.what}):")
        for line in checked.lines:
            self.refuse(f"  {line}")

    def _refused(self) -> int:
        for line in self.refused:
            self.say(line)
        self.say(f"schemacog migrate apply: {self.target.shown}: refused; nothing was changed")
        return _EXIT_REFUSED

    def _carry_out(
        self,
        steps: list[_Step],
        pending: list[Migration],
        scripts: dict[int, list[Statement]],
        done: set[int],
    ) -> int:
        dry = self.options.dry_run
        if not dry and self.target.missing and (steps or pending):
            # made and locked now: another applier may have made it first and run, so
            # everything is read and decided again, under the lock
            self.target.materialize(self.options.lock_seconds)
            self.say(f"{self.target.shown} did not exist: made it, a new database")
            self.live = LiveChecks(self.target, self.url, self.migrations.managed)
            self.refused = []
            return self.run()
        for step in steps:
            said = {
                "resolved": f"{'would record' if dry else 'recorded'} {step.stem} as "
                "resolved (the database has it whole)",
                "forget": f"{'would take' if dry else 'took'} the failed {step.stem} out of "
                "the history (the database is where it started)"
                + (": it runs again" if step.migration is not None else ""),
                "baseline": f"{'would record' if dry else 'recorded'} {step.stem} as "
                "applied by --baseline (not run)",
            }[step.kind]
            if not dry:
                if step.kind == "forget":
                    self.target.forget(step.number)
                else:
                    assert step.migration is not None
                    self.target.write(_record(step.migration, step.kind))
            self.say(said)
        for migration in pending:
            statements = scripts[migration.number]
            if dry:
                self.say(f"would apply {migration.shown} ({len(statements)} statement(s))")
                for line in _STEP.findall(migration.text):
                    self.say(f"  {line[3:]}")
                continue
            code = self._apply_one(migration, statements)
            if code:
                return code
        self._summary(steps, pending, done)
        return 0

    def _apply_one(self, migration: Migration, statements: list[Statement]) -> int:
        started = time.monotonic()
        # recorded before it runs: a run stopped, or an end that cannot be written,
        # leaves it failed (the next run refuses until --resolve), never pending
        self.target.write(_record(migration, "failed", _UNFINISHED))
        try:
            self.target.run(statements)
        except StatementFailed as exc:
            where = Pos(migration.shown, exc.statement.line, exc.statement.column)
            error = f"{where}: {printable(str(exc))}"
            self.target.write(_record(migration, "failed", error))
            print(error, file=self.err, flush=True)
            self.say(
                f"{migration.stem} failed; recorded as failed. {self._after_failure(migration)}"
            )
            return _EXIT_ERROR
        except BaseException:  # interrupted (SIGTERM, Ctrl-C): where it stopped is unknown
            with contextlib.suppress(Exception):
                self.target.write(_record(migration, "failed", "interrupted"))
            raise
        self.target.write(_record(migration, "applied"))
        self.say(f"applied {migration.shown} ({time.monotonic() - started:.1f} s)")
        return 0

    def _after_failure(self, migration: Migration) -> str:
        then = f"then run migrate apply --resolve {migration.stem}"
        try:
            checked = self.live.check(migration.before, "", fresh=True)
        except Exception:  # the database cannot be read back: say the general way
            return f"Make the database whole by hand, {then}."
        if not checked.differs:
            return f"Nothing of it stayed (the database is as before it): fix the cause, {then}."
        partly = _PARTLY.get(self.migrations.dialect)
        return (
            "The database is not as before it"
            + (f" ({partly})" if partly else "")
            + f": finish or undo the rest by hand, {then}."
        )

    def _summary(self, steps: list[_Step], pending: list[Migration], done: set[int]) -> None:
        would = " would be" if self.options.dry_run else ""
        applied = [m.stem for m in self.migrations.items if m.number in done]
        newest = pending[-1].stem if pending else applied[-1] if applied else "nothing"
        if not steps and not pending:
            self.say(
                f"schemacog migrate apply: {self.target.shown} is at {newest}: nothing to apply"
            )
            return
        tail = "; nothing was run" if self.options.dry_run else ""
        at = "" if self.options.dry_run else f"; at {newest}"
        self.say(
            f"schemacog migrate apply: {self.target.shown}: {len(pending)} migration(s)"
            f"{would} applied{at}{tail}"
        )
