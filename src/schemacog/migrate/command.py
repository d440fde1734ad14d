"""``schemacog migrate plan`` and ``migrate new``: read OLD and NEW, refuse what has no
plan (exit 2), hold back what is destructive (exit 3), print or write the scripts."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from schemacog.errors import Pos, Problem, SchemacogError
from schemacog.migrate.guards import guards, refusals
from schemacog.migrate.history import (
    check_name,
    load_snapshot,
    newest_snapshot,
    next_number,
    schema_root,
    snapshot_text,
    write_migration,
)
from schemacog.migrate.matching import Match, match
from schemacog.migrate.plan import plan
from schemacog.migrate.script import json_plan, sql_script
from schemacog.migrate.sources import EMPTY, load_source, schema_file, source_root
from schemacog.model import Schema
from schemacog.render.sql.dialects import DIALECTS, unknown_dialect
from schemacog.schema.validate import load_schema

__all__ = ["EXIT_DESTRUCTIVE", "Project", "ProjectLoader", "run"]

EXIT_DESTRUCTIVE = 3  # destructive steps and no --allow-destructive (cli.py: 0, 1, 2)


@dataclass(frozen=True)
class Project:
    """What a migrate command reads of the configuration (the command line finds it)."""

    root: Path
    schema_path: Path | None
    schema_shown: str
    dialect: str | None
    migrations: Path
    migrations_shown: str
    migration_dialects: tuple[str, ...]


# the project of the working folder; ``required``: fail when there is no config
ProjectLoader = Callable[[bool], Project]


def _dialect(name: str, where: str) -> str:
    if name not in DIALECTS:
        raise SchemacogError([Problem(Pos(where, 1), unknown_dialect(name))])
    return name


def _old(source: str | None, project: Project, new_path: Path) -> Schema:
    if source is None:
        newest = newest_snapshot(project.migrations, project.migrations_shown)
        if newest is None:
            message = (
                f"no --from given and no snapshot in {project.migrations_shown}/ yet: "
                f"say --from {EMPTY} (a new database) or --from git:REV"
            )
            raise SchemacogError([Problem(Pos("--from", 1), message)])
        return load_snapshot(newest, project.root)
    return load_source(source, new_path, project.root, project.schema_shown)


def _planned(old: Schema, new: Schema) -> tuple[Match, list[Problem]]:
    found = match(old, new)
    refused = refusals(found)
    if refused:
        raise SchemacogError(refused)
    return found, guards(found)


def _say_destructive(destructive: list[Problem], err: TextIO) -> None:
    for problem in destructive:
        print(f"{problem} (destructive: --allow-destructive plans it)", file=err)


def run(args: argparse.Namespace, project: ProjectLoader, out: TextIO, err: TextIO) -> int:
    if args.migrate_command is None:
        raise SchemacogError([Problem(Pos("migrate", 1), "say which step: plan or new")])
    if args.migrate_command == "plan":
        return _plan(args, project, out, err)
    return _new(args, project, out, err)


def _plan(args: argparse.Namespace, loader: ProjectLoader, out: TextIO, err: TextIO) -> int:
    needs_config = args.to is None or args.source is None or str(args.source).startswith("git:")
    project = loader(needs_config)
    dialect = _dialect(args.dialect or project.dialect or "postgres", "--dialect")
    if args.to is not None:
        new_path = schema_file(args.to, "--to")
        new = load_schema(new_path, args.to)
    else:
        assert project.schema_path is not None
        new_path, new = project.schema_path, load_schema(project.schema_path, project.schema_shown)
    old = _old(args.source, project, new_path)
    found, destructive = _planned(old, new)
    planned = plan(found, dialect)
    if args.format == "json":
        out.write(json_plan(planned, old, new, destructive, args.allow_destructive))
    if destructive and not args.allow_destructive:
        _say_destructive(destructive, err)
        return EXIT_DESTRUCTIVE
    if args.format == "sql":
        out.write(sql_script(planned, old, new))
    return 0


def _new(args: argparse.Namespace, loader: ProjectLoader, out: TextIO, err: TextIO) -> int:
    check_name(args.name)
    project = loader(True)
    given = args.dialect or list(project.migration_dialects) or [project.dialect or "postgres"]
    dialects = list(dict.fromkeys(_dialect(d, "--dialect") for d in given))
    assert project.schema_path is not None
    new = load_schema(project.schema_path, project.schema_shown)
    old = _old(args.source, project, project.schema_path)
    found, destructive = _planned(old, new)
    if destructive and not args.allow_destructive:
        _say_destructive(destructive, err)
        return EXIT_DESTRUCTIVE
    plans = {d: plan(found, d) for d in dialects}
    if old.tables and all(p.fingerprints[0] == p.fingerprints[1] for p in plans.values()):
        where = Pos(project.schema_shown, 1)
        message = f"no changes since {old.path}: nothing to write"
        raise SchemacogError([Problem(where, message)])
    scripts = {d: sql_script(p, old, new) for d, p in plans.items()}
    snapshot = snapshot_text(schema_root(project.schema_path, project.schema_shown))
    number = next_number(project.migrations, dialects)
    start = None
    first = newest_snapshot(project.migrations, project.migrations_shown) is None
    if first and args.source not in (None, EMPTY):  # kept, so that check can re-plan it
        node = source_root(args.source, project.schema_path, project.root, project.schema_shown)
        start = None if node is None else snapshot_text(node)
    stem = f"{number:04d}_{args.name}"
    written = write_migration(
        project.root,
        project.migrations,
        project.migrations_shown,
        stem=stem,
        scripts=scripts,
        snapshot=snapshot,
        start=start,
    )
    for path in written:
        print(f"wrote {path}", file=out)
    return 0
