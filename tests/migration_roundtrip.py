"""One migration on one real engine, checked the way the issue asks: DDL(OLD) and OLD's
examples, the script run by the engine's client, then the catalog equals a fresh
DDL(NEW)'s, the kept and renamed columns hold the same values, and NEW → NEW plans
nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from migration_engines import Database, ScriptFailed, database, example_inserts

from schemacog.migrate.matching import Match, match
from schemacog.migrate.plan import Plan, plan
from schemacog.migrate.script import sql_script
from schemacog.model import Schema
from schemacog.render.sql.ddl import render_ddl


@dataclass
class Outcome:
    plan: Plan
    script: str
    error: str | None  # the client's error, when the script failed
    before: dict[str, Any]  # catalog and rows before the script
    after: dict[str, Any]


def _rows(db: Database, schema: Schema) -> dict[str, list[tuple[Any, ...]]]:
    return {t.name: db.rows(t.name, [c.name for c in t.columns]) for t in schema.tables}


def _kept_rows(found: Match, db: Database, *, after: bool) -> dict[str, list[tuple[Any, ...]]]:
    """The values of every column that NEW keeps, by NEW table, read under OLD's or NEW's
    names; enum values in NEW's spelling."""
    rows = {}
    for name, pair in found.tables.items():
        if pair.old is None:
            continue
        kept = [
            (new, old)
            for new, old in pair.columns.items()
            if _same_values(pair.old.column(old), pair.new.column(new))
        ]
        if not kept:
            continue
        columns = [new if after else old for new, old in kept]
        table = name if after else pair.old.name
        read = db.rows(table, columns)
        if not after:
            spelled = [
                {o: n for n, o in found.values.get(pair.new.column(new).enum or "", {}).items()}
                for new, _ in kept
            ]
            read = sorted(
                (
                    tuple(
                        s.get(v, v) if isinstance(v, str) else v
                        for s, v in zip(spelled, row, strict=True)
                    )
                    for row in read
                ),
                key=repr,
            )
        rows[name] = read
    return rows


def _same_values(old: Any, new: Any) -> bool:
    """The column keeps its values exactly (its type, or only its name or enum, changed)."""
    return (old.type, old.precision, old.scale) == (new.type, new.precision, new.scale)


def migrate(engine: str, folder: Path, old: Schema, new: Schema, rows_sql: str = "") -> Outcome:
    """``rows_sql``: statements run after OLD's examples (rows the examples cannot hold:
    ones OLD's engine let in but its schema would refuse)."""
    found = match(old, new)
    planned = plan(found, engine)
    script = sql_script(planned, old, new)
    with database(engine, folder) as db:
        if old.tables:
            db.run(render_ddl(old, engine))
            db.run(example_inserts(old, engine))
            if rows_sql:
                db.run(rows_sql)
        before = {"catalog": db.catalog(), "rows": _rows(db, old)}
        kept_before = _kept_rows(found, db, after=False)
        error = None
        try:
            db.run(script)
        except ScriptFailed as exc:
            error = str(exc)
        if error is not None:
            after = {"catalog": db.catalog(), "rows": _rows(db, old)}
            return Outcome(planned, script, error, before, after)
        after = {
            "catalog": db.catalog(),
            "rows": _rows(db, new),
            "kept": _kept_rows(found, db, after=True),
        }
        before["kept"] = kept_before
    with database(engine, folder) as fresh:
        fresh.run(render_ddl(new, engine))
        after["fresh"] = fresh.catalog()
    return Outcome(planned, script, None, before, after)


def assert_migrated(outcome: Outcome) -> None:
    assert outcome.error is None, f"{outcome.error}\n{outcome.script}"
    differences = outcome.after["catalog"].differences(outcome.after["fresh"])
    assert not differences, "\n".join(differences) + "\n\n" + outcome.script
    assert outcome.after["kept"] == outcome.before["kept"], outcome.script
