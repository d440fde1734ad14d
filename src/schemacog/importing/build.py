"""A catalog read as a schema document, every loss at its place.

Tables and columns come in the catalog's order (``tables``). The document is then loaded
as a hand-written schema is and rendered by schemacog's own DDL, and the CHECKs it
renders are compared with the database's (``table_checks``): so the report is made by
the same oracle for every engine, not by a reading of each rule.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from schemacog.db.catalog.model import Catalog
from schemacog.errors import SchemaError, printable
from schemacog.importing.columns import enum_problem
from schemacog.importing.document import Document, yaml_lines, yaml_text
from schemacog.importing.names import compare_names, given_names, kept_names
from schemacog.importing.report import IDENTIFIER, Report, valid_text
from schemacog.importing.samples import Samples
from schemacog.importing.table_checks import compare_checks, read_table_checks
from schemacog.importing.tables import TableImport
from schemacog.model import Schema
from schemacog.schema.validate import load_schema_text

__all__ = ["ImportError_", "Imported", "import_catalog"]

# engines that keep no DEFERRABLE: they check every statement (and schemacog's DDL
# loads a cycle with the checks off), so the flag of a NOT NULL cycle is not recorded
_NO_DEFERRABLE = frozenset({"duckdb", "mariadb"})


# the table an object of the catalog's ``others`` belongs to (a trigger, a rule, a
# policy, a partition or inheritance, a partitioning), as the readers word them
_OTHER_TABLE: Final = re.compile(r"^(?:table|partitioning of) (\S+?):? | (?:on|of) (\S+)$")


def _owner(other: str) -> str | None:
    found = _OTHER_TABLE.search(other)
    return None if found is None else found.group(1) or found.group(2)


# engines whose table names compare ignoring case (a table is named in any case)
_FOLDED_NAMES = frozenset({"sqlite"})


class ImportError_(Exception):
    """A user mistake (an unknown table): one line, exit 2."""


@dataclass
class Imported:
    text: str  # the schema's YAML, loss comments at their places
    schema: Schema
    losses: list[str]  # "table.column: what" lines
    dialect: str
    left_out: tuple[str, ...] = ()  # tables schemacog keeps of its own (its history)


def import_catalog(
    dialect: str,
    catalog: Catalog,
    name: str,
    tables: Sequence[str] | None = None,
    samples: Samples | None = None,
) -> Imported:
    """The schema of ``catalog``: only ``tables`` where given (each must exist);
    ``samples`` (``--infer``): the first rows of each table, to guess from."""
    if tables is not None and dialect in _FOLDED_NAMES:  # ``album`` names ``Album``
        folded = {name.lower(): name for name in catalog.tables}
        tables = [t if t in catalog.tables else folded.get(t.lower(), t) for t in tables]
    if tables is not None:
        unknown = [t for t in tables if t not in catalog.tables]
        if unknown:
            more = f" (and {len(unknown) - 1} more)" if len(unknown) > 1 else ""
            raise ImportError_(f"no table '{printable(unknown[0])}' in the database{more}")
    report = Report()
    for other in catalog.others:  # what a schema does not describe, said once each
        if tables is not None and _owner(other) not in tables:
            continue  # not of a table asked for (a view, a function, another's trigger)
        what = f"{printable(other)} left out: a schema describes tables, keys and enums only"
        report.lose((), "database", what)
    kept = []
    for table in catalog.tables:
        if tables is not None and table not in tables:
            continue
        if IDENTIFIER.fullmatch(table):
            kept.append(table)
        else:
            report.lose(
                (),
                "database",
                f"table '{printable(table)}' left out: its name is not an identifier",
            )
    enums: dict[str, tuple[str, ...]] = {}  # name -> values, shared by every table
    for enum, values in catalog.enums.items():
        refused = enum_problem(enum, values)
        if refused is None:
            enums[enum] = values
        else:
            report.lose(
                (),
                "database",
                f"enum '{printable(enum)}' left out: {refused}; its columns are text",
            )
    keyed = frozenset(
        pair
        for source in catalog.tables.values()
        for fk in source.foreign_keys
        for pair in (
            *((source.name, c) for c in fk.columns),
            *((fk.ref_table, c) for c in fk.ref_columns),
        )
    )
    bodies: dict[str, dict[str, Any]] = {}
    for table in kept:
        reader = TableImport(
            dialect, catalog, catalog.tables[table], frozenset(kept), enums, report
        )
        if samples is not None:
            reader.samples, reader.keyed = samples.get(table, {}), keyed
        body = reader.read()
        read_table_checks(dialect, catalog.tables[table], body, enums)
        bodies[table] = body
    _defer_cycles(bodies, report, dialect in _NO_DEFERRABLE)
    document: Document = {"schemacog": 1, "name": name}
    if enums:
        listed: dict[str, object] = {}
        for enum, values in enums.items():
            entry: dict[str, object] = {}
            note = catalog.enum_comments.get(enum)
            if note and valid_text(note):
                entry["description"] = note
            entry["values"] = list(values)
            listed[enum] = entry
        document["enums"] = listed
    for table, body in list(bodies.items()):
        if not body["columns"]:
            _drop(document, bodies, ("tables", table), report, "none of its columns is kept")
    document["tables"] = bodies
    schema = _validated(document, bodies, report)
    schema, reasons = _named(
        document, bodies, report, kept_names(given_names(dialect, catalog, schema))
    )
    compare_checks(dialect, catalog, schema, report)
    compare_names(dialect, catalog, schema, report, reasons)
    text = yaml_text(document, report.comments)
    return Imported(text, load_schema_text(text, "imported.yaml"), report.losses, dialect)


def _validated(document: Document, bodies: dict[str, dict[str, Any]], report: Report) -> Schema:
    """The document loaded as a hand-written schema is. What the validator refuses in
    it (two names alike in case, an enum value with no Python name, ...) is left out,
    reported with the validator's own message, and the rest loaded again: the column
    where nothing else names it, else its table or its enum."""
    for _ in range(len(bodies) + len(document.get("enums", {})) + 1):  # type: ignore[arg-type]
        text, where = yaml_lines(document, report.comments)
        try:
            return load_schema_text(text, "imported.yaml")
        except SchemaError as exc:
            problem = exc.problems[0]
        owner = max(
            (
                path
                for path, line in where.items()
                if line <= problem.pos.line and len(path) in (2, 4)
            ),
            key=lambda path: (where[path], len(path)),
            default=None,
        )
        if owner is None or owner[0] not in ("tables", "enums"):
            break
        message = problem.message
        about_table = message.startswith(f"table '{owner[1]}' ")  # its columns as a whole
        if (
            len(owner) == 4
            and owner[2] == "columns"
            and not about_table
            and _unnamed(bodies, owner[1], owner[3])
        ):
            columns = bodies[owner[1]]["columns"]
            del columns[owner[3]]
            report.lose(("tables", owner[1]), owner[1], f"column {owner[3]} left out: {message}")
            continue
        _drop(document, bodies, owner[:2], report, message)
    raise ImportError_("the imported schema does not validate, and leaving parts out did not help")


def _named(
    document: Document,
    bodies: dict[str, dict[str, Any]],
    report: Report,
    given: dict[str, dict[str, str]],
) -> tuple[Schema, dict[tuple[str, str], str]]:
    """The schema with the database's constraint names (``constraint_names``), and why
    each the validator refuses (alike to another name) is left out, by table and
    schemacog's name."""
    refused: dict[tuple[str, str], str] = {}
    for table, names in given.items():
        bodies[table]["constraint_names"] = names
    while True:
        text, where = yaml_lines(document, report.comments)
        try:
            return load_schema_text(text, "imported.yaml"), refused
        except SchemaError as exc:
            lines = {line: path for path, line in where.items() if len(path) == 4}
            paths = [lines.get(problem.pos.line) for problem in exc.problems]
            named = [
                (path, problem.message)
                for path, problem in zip(paths, exc.problems, strict=True)
                if path is not None and path[2] == "constraint_names"
            ]
            if not named:  # nothing else changed since the document loaded
                raise ImportError_(
                    f"the imported schema does not validate: {exc.problems[0]}"
                ) from None
            for (_, table, _, mine), message in named:
                names = bodies[table].get("constraint_names", {})
                names.pop(mine, None)
                refused[(table, mine)] = message
                if not names:
                    bodies[table].pop("constraint_names", None)


def _unnamed(bodies: dict[str, dict[str, Any]], table: str, column: str) -> bool:
    """Does nothing but the column itself name it (a key, an index, a check, a foreign
    key either way)?"""
    body = bodies[table]
    assert isinstance(body, dict)
    mentioned = [
        body.get(part) for part in ("primary_key", "unique", "indexes", "foreign_keys", "checks")
    ]
    if column in str(mentioned):
        return False
    target = f"{table}.{column}"
    return not any(target in str(other) for name, other in bodies.items() if name != table)


def _drop(
    document: Document,
    bodies: dict[str, dict[str, Any]],
    owner: tuple[str, ...],
    report: Report,
    why: str,
) -> None:
    """Leave a table or an enum out, and what names it: foreign keys into the table, the
    enum's columns as text."""
    kind, name = owner
    if kind == "enums":
        enums = document["enums"]
        assert isinstance(enums, dict)
        del enums[name]
        if not enums:
            del document["enums"]
        report.lose((), "database", f"enum {name} left out: {why}; its columns are text")
        for body in bodies.values():
            for keys in body["columns"].values():
                if keys.get("enum") == name:
                    keys.pop("enum")
                    keys["type"] = "text"
                    keys.pop("default", None)
        return
    del bodies[name]
    report.lose((), "database", f"table {name} left out: {why}")
    for other, body in bodies.items():
        assert isinstance(body, dict)
        for column, keys in body["columns"].items():
            if str(keys.get("references", "")).partition(".")[0] == name:
                for key in ("references", "on_delete", "on_update", "deferrable"):
                    keys.pop(key, None)
                report.lose(
                    ("tables", other),
                    other,
                    f"foreign key ({column}) -> {name} left out: its table is left out",
                )
        kept = [fk for fk in body.get("foreign_keys", []) if fk["references"]["table"] != name]
        if len(kept) != len(body.get("foreign_keys", [])):
            report.lose(
                ("tables", other), other, f"a foreign key -> {name} left out: its table is left out"
            )
            body["foreign_keys"] = kept
            if not kept:
                del body["foreign_keys"]


def _defer_cycles(bodies: dict[str, dict[str, Any]], report: Report, unrecorded: bool) -> None:
    """Mark one foreign key of each cycle of NOT NULL columns ``deferrable`` (the first
    found in table order), reported: without it no row of the cycle could be inserted
    first, and the format refuses such a cycle; ``unrecorded``: the engine keeps no
    such flag (its DDL is the same either way)."""
    edges: dict[str, list[tuple[str, dict[str, object]]]] = {}
    for table, body in bodies.items():
        assert isinstance(body, dict)
        columns = body["columns"]
        for keys in columns.values():
            if "references" in keys and not keys.get("nullable") and not keys.get("deferrable"):
                edges.setdefault(table, []).append(
                    (str(keys["references"]).partition(".")[0], keys)
                )
        for fk in body.get("foreign_keys", []):
            nullable = any(columns[c].get("nullable") for c in fk["columns"])
            if not nullable and not fk.get("deferrable"):
                edges.setdefault(table, []).append((fk["references"]["table"], fk))
    while True:
        cycle = _first_cycle(edges, list(bodies))
        if cycle is None:
            return
        table, (target, keys) = cycle
        keys["deferrable"] = True
        edges[table] = [edge for edge in edges[table] if edge[1] is not keys]
        why = (
            "the engine does not record it, and a cycle of NOT NULL columns needs one"
            if unrecorded
            else "the database's cycle of NOT NULL columns takes no first row (the format "
            "refuses one)"
        )
        report.lose(
            ("tables", table), table, f"foreign key to {target} marked deferrable: true: {why}"
        )


def _first_cycle(
    edges: dict[str, list[tuple[str, dict[str, object]]]], order: list[str]
) -> tuple[str, tuple[str, dict[str, object]]] | None:
    """An edge that closes a cycle (depth first, tables in ``order``), or None; with a
    stack of its own, so that a long chain of tables cannot exhaust Python's."""
    state: dict[str, int] = {}  # 1: on the path, 2: done
    for start in order:
        if start in state:
            continue
        state[start] = 1
        stack = [(start, iter(edges.get(start, [])))]
        while stack:
            table, pending = stack[-1]
            edge = next(pending, None)
            if edge is None:
                state[table] = 2
                stack.pop()
            elif state.get(edge[0]) == 1:
                return table, edge
            elif edge[0] not in state:
                state[edge[0]] = 1
                stack.append((edge[0], iter(edges.get(edge[0], []))))
    return None
