"""A catalog read as a schema document, every loss at its place.

Tables and columns come in the catalog's order (``tables``). The document is then loaded
as a hand-written schema is and rendered by schemacog's own DDL, and the CHECKs it
renders are compared with the database's (``table_checks``): so the report is made by
the same oracle for every engine, not by a reading of each rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from schemacog.db.catalog.model import Catalog
from schemacog.errors import SchemaError, printable
from schemacog.importing.document import Document, yaml_text
from schemacog.importing.names import compare_key_names
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


class ImportError_(Exception):
    """A user mistake (an unknown table): one line, exit 2."""


@dataclass
class Imported:
    text: str  # the schema's YAML, loss comments at their places
    schema: Schema
    losses: list[str]  # "table.column: what" lines
    dialect: str


def import_catalog(
    dialect: str,
    catalog: Catalog,
    name: str,
    tables: Sequence[str] | None = None,
    samples: Samples | None = None,
) -> Imported:
    """The schema of ``catalog``: only ``tables`` where given (each must exist);
    ``samples`` (``--infer``): the first rows of each table, to guess from."""
    if tables is not None:
        unknown = [t for t in tables if t not in catalog.tables]
        if unknown:
            more = f" (and {len(unknown) - 1} more)" if len(unknown) > 1 else ""
            raise ImportError_(f"no table {printable(unknown[0])!r} in the database{more}")
    report = Report()
    for other in catalog.others:  # what a schema does not describe, said once each
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
                printable(table),
                f"table {printable(table)!r} left out: its name is not an identifier",
            )
    enums: dict[tuple[str, ...], str] = {}  # values -> name, shared by every table
    for enum, values in catalog.enums.items():
        if IDENTIFIER.fullmatch(enum):
            enums.setdefault(values, enum)
        else:
            report.lose(
                (),
                printable(enum),
                f"enum {printable(enum)!r} left out: its name is not an identifier",
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
    bodies: dict[str, object] = {}
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
        for values, enum in enums.items():
            entry: dict[str, object] = {}
            note = catalog.enum_comments.get(enum)
            if note and valid_text(note):
                entry["description"] = note
            entry["values"] = list(values)
            listed[enum] = entry
        document["enums"] = listed
    document["tables"] = bodies
    try:
        schema = load_schema_text(yaml_text(document, report.comments), "imported.yaml")
    except SchemaError as exc:  # a reading this package should have refused: say which
        raise ImportError_(f"the imported schema does not validate: {exc.problems[0]}") from None
    compare_checks(dialect, catalog, schema, report)
    compare_key_names(dialect, catalog, schema, report)
    text = yaml_text(document, report.comments)
    return Imported(text, load_schema_text(text, "imported.yaml"), report.losses, dialect)


def _defer_cycles(bodies: dict[str, object], report: Report, unrecorded: bool) -> None:
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
