"""``schemacog diff-db URL [--dialect D] [--strict] [--exact] [--format F]``: does the
live database match what the configured schema's DDL creates?

Exit 0: it does (tables only the database has are said, and fail with ``--strict``);
1: drift, each difference a line, then the SQL the migration planner writes to bring
the database to the schema (planned from the database as ``import`` reads it); 2: an
error (one line).
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import TextIO

from schemacog.db.catalog.model import Catalog
from schemacog.drift.compare import Drift, compare_catalogs
from schemacog.drift.scratch import scratch_catalog
from schemacog.engine.report import annotation
from schemacog.errors import printable
from schemacog.importing.build import ImportError_, import_catalog
from schemacog.importing.connect import ConnectError, read_database
from schemacog.migrate.guards import refusals
from schemacog.migrate.matching import match
from schemacog.migrate.plan import plan
from schemacog.migrate.script import sql_script
from schemacog.model import Schema, Table
from schemacog.render.sql.ddl import render_ddl

__all__ = ["DiffFailed", "DiffOptions", "run_diff_db"]

DiffFailed = (ConnectError, ImportError_)  # one line, exit 2


@dataclass(frozen=True)
class DiffOptions:
    dialect: str | None = None  # the one the URL must name
    strict: bool = False  # tables only the database has fail too
    exact: bool = False  # constraint and index names, column order count
    fmt: str = "text"  # text, json, github


def run_diff_db(url: str, schema: Schema, options: DiffOptions, out: TextIO) -> int:
    """Compare; write the report to ``out``; the exit code (DiffFailed on an error)."""
    opened = read_database(url)
    if options.dialect is not None and options.dialect != opened.dialect:
        raise ConnectError(f"the URL names a {opened.dialect} database, not {options.dialect}")
    wanted = scratch_catalog(opened.dialect, render_ddl(schema, opened.dialect), url)
    drift = compare_catalogs(opened.catalog, wanted, exact=options.exact)
    equivalent: list[str] = []
    if drift.tables and not options.exact:
        equivalent = _equivalent(opened.dialect, opened.catalog, wanted, drift)
    failing = bool(drift.differences or (options.strict and drift.extra))
    sql = ""
    if failing:
        sql = _bringing_sql(opened.dialect, opened.catalog, opened.name, schema, options.strict)
    _write(out, options, opened.shown, drift, sql, equivalent=equivalent, failing=failing)
    return 1 if failing else 0


def _equivalent(dialect: str, live: Catalog, wanted: Catalog, drift: Drift) -> list[str]:
    """The tables whose catalogs differ but which import reads as one schema (the
    equivalence table of docs/databases.md: what import maps, ``varchar(20)`` and a
    text with a length CHECK both a string of ``max_length: 20``; names): their lines
    taken out of ``drift``, and returned, to be said as equivalences."""
    names = set(drift.tables)
    mine = import_catalog(dialect, live, "live", sorted(names & live.tables.keys())).schema
    theirs = import_catalog(dialect, wanted, "live", sorted(names)).schema
    said = []
    for table in sorted(names):
        if table in {t.name for t in mine.tables} and _read_alike(mine, theirs, table):
            said += drift.forgive(table)
    return said


def _read_alike(mine: Schema, theirs: Schema, table: str) -> bool:
    """Does ``table`` read as one table of the schema on both sides, names aside (a
    constraint's and an index's, an enum's an engine keeps none of)?"""
    return _plain(mine, mine.table(table)) == _plain(theirs, theirs.table(table))


def _plain(schema: Schema, table: Table) -> Table:
    values = {enum.name: ",".join(enum.value_names) for enum in schema.enums}
    columns = tuple(
        dataclasses.replace(column, enum=values.get(column.enum, column.enum))
        if column.enum is not None
        else column
        for column in table.columns
    )
    return dataclasses.replace(
        table,
        columns=columns,
        constraint_names=(),
        indexes=tuple(dataclasses.replace(index, name=None) for index in table.indexes),
        checks=tuple(dataclasses.replace(check, name="") for check in table.checks),
    )


def _bringing_sql(dialect: str, catalog: Catalog, name: str, schema: Schema, strict: bool) -> str:
    """The planner's SQL from the database (as import reads it) to the schema, or why
    it cannot say; the tables only the database has stay unless ``strict``."""
    imported = _enum_names_of(schema, import_catalog(dialect, catalog, name).schema)
    if not strict:
        wanted = {table.name for table in schema.tables}
        kept = tuple(table for table in imported.tables if table.name in wanted)
        imported = dataclasses.replace(imported, tables=kept)
    found = match(imported, schema)
    refused = refusals(found)
    if refused:
        lines = "".join(f"-- {printable(problem.message)}\n" for problem in refused)
        return "-- the planner cannot bring the database to the schema:\n" + lines
    return sql_script(plan(found, dialect), imported, schema)


def _enum_names_of(schema: Schema, imported: Schema) -> Schema:
    """``imported`` with its enums named as ``schema``'s of the same values: an engine
    that keeps no enum names (SQLite's and MariaDB's CHECK lists) made up its own."""
    names: dict[str, str] = {}
    by_values = {enum.value_names: enum.name for enum in schema.enums}
    for enum in imported.enums:
        wanted = by_values.get(enum.value_names)
        if wanted is not None and wanted not in names.values():
            names[enum.name] = wanted
    if not names:
        return imported
    tables = tuple(
        dataclasses.replace(
            table,
            columns=tuple(
                dataclasses.replace(column, enum=names.get(column.enum, column.enum))
                if column.enum is not None
                else column
                for column in table.columns
            ),
        )
        for table in imported.tables
    )
    enums = tuple(dataclasses.replace(e, name=names.get(e.name, e.name)) for e in imported.enums)
    return dataclasses.replace(imported, enums=enums, tables=tables)


def _write(
    out: TextIO,
    options: DiffOptions,
    shown: str,
    drift: Drift,
    sql: str,
    *,
    equivalent: list[str],
    failing: bool,
) -> None:
    if options.fmt == "json":
        report = {
            "database": shown,
            "drift": failing,
            "differences": drift.differences,
            "extra": drift.extra,
            "equivalent": equivalent,
            "sql": sql,
        }
        out.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        return
    if options.fmt == "github":
        for line in drift.differences + (drift.extra if options.strict else []):
            out.write(annotation({"title": "schemacog diff-db"}, line))
    for line in drift.differences:
        out.write(line + "\n")
    for line in drift.extra:
        out.write(line + ("\n" if options.strict else " (not failing: --strict fails on it)\n"))
    for line in equivalent:
        out.write(f"{line} (equivalent: import reads both as one schema; --exact fails on it)\n")
    if failing:
        out.write(
            f"schemacog diff-db: {shown} differs from the schema; SQL that brings it there:\n"
        )
        out.write(sql)
    else:
        out.write(f"schemacog diff-db: {shown} matches the schema\n")
