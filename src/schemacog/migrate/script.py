"""A plan as a script (each statement after a comment saying what it does and its kind)
or as JSON (every step, with its kind)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from schemacog.errors import Problem
from schemacog.migrate.dialects import MIGRATIONS
from schemacog.migrate.plan import Plan, Step
from schemacog.model import Schema
from schemacog.render.sql.ddl import render_ddl
from schemacog.render.sql.literals import comment

__all__ = ["fingerprint", "json_plan", "sql_script"]


def fingerprint(schema: Schema, dialect: str) -> str:
    """The fingerprint of what a schema's DDL renders in a dialect."""
    return hashlib.sha256(render_ddl(schema, dialect).encode()).hexdigest()[:16]


def _block(step: Step) -> str:
    what = " ".join(step.what.split("\n"))
    return f"{comment(f'{step.kind}: {what}')}\n{step.sql.rstrip()}\n"


def sql_script(plan: Plan, old: Schema, new: Schema) -> str:
    migration = MIGRATIONS[plan.dialect]
    header = [
        comment(f"schemacog migration for {plan.dialect}"),
        comment(f"from: {old.path or old.name} (fingerprint {plan.fingerprints[0]})"),
        comment(f"to: {new.path or new.name} (fingerprint {plan.fingerprints[1]})"),
    ]
    if not plan.all_steps:
        return "\n".join([*header, comment("no changes")]) + "\n"
    blocks = ["\n".join(header) + "\n"]
    if migration.before:
        blocks.append("\n".join(migration.before) + "\n")
    blocks += [_block(step) for step in plan.checks]
    blocks += [_block(step) for step in plan.outside]
    if plan.steps:
        blocks.append(migration.begin + "\n")
        blocks += [_block(step) for step in plan.steps]
        blocks.append(migration.commit + "\n")
    if migration.after:
        blocks.append("\n".join(migration.after) + "\n")
    return "\n".join(blocks)


def json_plan(
    plan: Plan, old: Schema, new: Schema, destructive: Sequence[Problem], allowed: bool
) -> str:
    steps = [
        {"phase": phase, "kind": str(step.kind), "what": step.what, "sql": step.sql}
        for phase, part in (("check", plan.checks), ("outside", plan.outside), ("main", plan.steps))
        for step in part
    ]
    document = {
        "dialect": plan.dialect,
        "from": {"path": old.path, "fingerprint": plan.fingerprints[0]},
        "to": {"path": new.path, "fingerprint": plan.fingerprints[1]},
        "destructive": [
            {"path": p.pos.path, "line": p.pos.line, "col": p.pos.col, "message": p.message}
            for p in destructive
        ],
        "allowed": allowed or not destructive,
        "rebuilt": plan.rebuilt,
        "steps": steps,
        "script": sql_script(plan, old, new),
    }
    return json.dumps(document, indent=2) + "\n"
