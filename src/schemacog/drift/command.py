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
from schemacog.importing.build import Imported, ImportError_, import_catalog
from schemacog.importing.connect import ConnectError, read_database, without_history
from schemacog.migrate.guards import refusals
from schemacog.migrate.matching import match
from schemacog.migrate.plan import plan
from schemacog.migrate.script import sql_script
from schemacog.model import Schema, Table
from schemacog.render.sql.ddl import render_ddl

__all__ = ["Compared", "DiffFailed", "DiffOptions", "Live", "compare_live", "run_diff_db"]

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
    live = without_history(opened.catalog)  # migrate apply's, not the schema's
    found = compare_live(
        Live(opened.dialect, live, opened.name, url),
        schema,
        exact=options.exact,
        strict=options.strict,
    )
    sql = ""
    if found.read is not None and found.failing:
        sql = _bringing_sql(found.read, schema, found.drift, strict=options.strict)
    _write(out, options, opened.shown, found, sql)
    return 1 if found.failing else 0


@dataclass(frozen=True)
class Live:
    """A live database as compared: its catalog (read by the caller, on its own
    connection), its name, and the URL a throwaway database is made beside."""

    dialect: str
    catalog: Catalog
    name: str
    url: str


@dataclass
class Compared:
    drift: Drift
    equivalent: list[str]  # lines of tables import reads alike, taken out of ``drift``
    failing: bool
    read: Imported | None  # the live database as import reads it, where it differs


def compare_live(
    live: Live, schema: Schema, *, exact: bool, strict: bool, names: bool = False
) -> Compared:
    """The live catalog against what ``schema``'s DDL makes in a throwaway database of
    the same engine (DiffFailed on an error); ``names``: constraint and index names
    count (``exact``: and the order of columns, and no equivalence)."""
    if schema.tables or schema.enums:
        wanted = scratch_catalog(live.dialect, render_ddl(schema, live.dialect), live.url)
    else:  # nothing to make (a first migration starts from nothing)
        wanted = Catalog(tables={})
    names = names or exact
    drift = compare_catalogs(live.catalog, wanted, names=names, order=exact)
    equivalent: list[str] = []
    read = None
    if drift.failing(strict=strict):  # the database read back, as import reads it
        read = import_catalog(live.dialect, live.catalog, live.name)
        if drift.tables and not exact:
            equivalent = _equivalent(read, wanted, drift, names=names)
    return Compared(drift, equivalent, drift.failing(strict=strict), read)


def _losses_of(imported: Imported, table: str) -> list[str]:
    """What import could not read back of ``table`` (its ``table:`` and ``table.column:``
    lines)."""
    return [loss for loss in imported.losses if loss.startswith((f"{table}:", f"{table}."))]


def _equivalent(read: Imported, wanted: Catalog, drift: Drift, *, names: bool) -> list[str]:
    """The tables whose catalogs differ only as import reads alike, with nothing lost
    (the equivalences of docs/databases.md: names, ``now()`` and ``CURRENT_TIMESTAMP``): their
    lines taken out of ``drift`` and returned, to be said as equivalences. Both sides
    are read whole, so a foreign key to any table counts."""
    theirs = import_catalog(read.dialect, wanted, "wanted").schema
    mine = read.schema
    both = {t.name for t in mine.tables} & {t.name for t in theirs.tables}
    said = []
    for table in sorted(drift.tables):
        if (
            table in both
            and not _losses_of(read, table)
            and _read_alike(mine, theirs, table, names=names)
        ):
            said += drift.forgive(table)
    return said


def _read_alike(mine: Schema, theirs: Schema, table: str, *, names: bool) -> bool:
    """Does ``table`` read as one table of the schema on both sides, names aside (a
    constraint's and an index's unless ``names``; an enum's, which an engine may keep
    none of)?"""
    return _plain(mine, mine.table(table), names=names) == _plain(
        theirs, theirs.table(table), names=names
    )


def _plain(schema: Schema, table: Table, *, names: bool) -> Table:
    values = {enum.name: ",".join(enum.value_names) for enum in schema.enums}
    columns = tuple(
        dataclasses.replace(column, enum=values.get(column.enum, column.enum))
        if column.enum is not None
        else column
        for column in table.columns
    )
    table = dataclasses.replace(table, columns=columns)
    if names:
        return table
    return dataclasses.replace(
        table,
        constraint_names=(),
        indexes=tuple(dataclasses.replace(index, name=None) for index in table.indexes),
        checks=tuple(dataclasses.replace(check, name="") for check in table.checks),
    )


def _bringing_sql(read: Imported, schema: Schema, drift: Drift, *, strict: bool) -> str:
    """The planner's SQL from the database to the schema, or why it cannot say. It plans
    from the database as import reads it, so only where that reading is whole for the
    tables that differ (else it would drop a CHECK the database does not have, or miss
    what it has); a table that does not differ is the schema's own (the catalogs are
    equal), so that no spelling of import's rebuilds it."""
    own = {table.name: table for table in schema.tables}
    extra = {t.name for t in read.schema.tables} - own.keys() if strict else set()
    differing = set(drift.tables) | extra
    # (a table only the database has is dropped: what import cannot read of it is moot)
    lost = [loss for table in sorted(drift.tables) for loss in _losses_of(read, table)]
    if strict:
        lost += [loss for loss in read.losses if loss.startswith("database: table ")]
    if lost:
        lines = "".join(f"-- {printable(loss)}\n" for loss in lost)
        return (
            "-- no SQL: what differs holds what schemacog cannot read back, so a plan "
            "from it would not apply:\n" + lines
        )
    imported = _enum_names_of(schema, read.schema)
    tables = tuple(
        table if table.name in differing or table.name not in own else own[table.name]
        for table in imported.tables
        if strict or table.name in own
    )
    named = {enum.name for enum in imported.enums}
    enums = imported.enums + tuple(e for e in schema.enums if e.name not in named)
    old = dataclasses.replace(imported, tables=tables, enums=enums)
    found = match(old, schema)
    refused = refusals(found)
    if refused:
        lines = "".join(f"-- {printable(problem.message)}\n" for problem in refused)
        return "-- the planner cannot bring the database to the schema:\n" + lines
    return sql_script(plan(found, read.dialect), old, schema)


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


def _write(out: TextIO, options: DiffOptions, shown: str, found: Compared, sql: str) -> None:
    drift, equivalent, failing = found.drift, found.equivalent, found.failing
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
