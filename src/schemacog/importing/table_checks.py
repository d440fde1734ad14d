"""A table's CHECKs that no column rule renders, read as checks of the table, and the
one comparison that reports what is left: every CHECK of the database against every
CHECK schemacog renders for the imported table.

A stored CHECK is taken as a check of the table only where the check language, loaded
as a hand-written schema is and rendered by schemacog, gives back the same normalized
text; so a reading is never a guess. What remains is a loss, kept as a comment."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from schemacog.db.catalog.model import Catalog, CatalogTable
from schemacog.errors import printable
from schemacog.importing.columns import rendered_checks, stored_form
from schemacog.importing.document import Document
from schemacog.importing.report import IDENTIFIER, Report, probe
from schemacog.importing.tables import without_foreign_keys
from schemacog.model import Schema
from schemacog.render.sql.ddl import ddl_pieces

__all__ = ["check_texts", "compare_checks", "read_table_checks"]

_TYPE_WORDS = "(?: (?:precision|varying|without|with|time|zone))*"
_CAST: Final = re.compile(rf'::(?:"(?:[^"]|"")*"|[a-z_]+{_TYPE_WORDS})(?:\(\d+(?:,\d+)?\))?')
_COLLATE: Final = re.compile(r'\s*COLLATE\s+(?:"C"|utf8mb4_nopad_bin)', re.IGNORECASE)
_ONE_TOKEN: Final = re.compile(r"(?<![\w$])\(\s*([^()\s]+)\s*\)")


def check_texts(dialect: str, expression: str) -> list[str]:
    """What a stored CHECK may have been written as in the check language: casts,
    collations and the engine's quoting off; a comparison with 0 or 1 also as one with
    false or true (MariaDB's booleans); SQLite's julianday() of a time undone."""
    text = expression.strip()
    if text.upper().startswith("CHECK"):
        text = text[5:].strip()
    text = _COLLATE.sub("", _CAST.sub("", text))
    if dialect == "mariadb":
        text = re.sub(r"`((?:[^`]|``)*)`", lambda m: '"' + m.group(1) + '"', text)
    if dialect == "sqlite":
        text = re.sub(r"julianday\(((?:[^()']|'(?:[^']|'')*')*)\)", r"\1", text)
    while _ONE_TOKEN.search(text):  # (code), (0.1): the engine's parentheses round one token
        text = _ONE_TOKEN.sub(r"\1", text)
    text = _outside_quotes(text, "!=", "<>")
    while text.startswith("(") and _closing(text, 0) == len(text) - 1:
        text = text[1:-1].strip()  # the engine's parentheses round the whole
    texts = [text]
    booleans = re.sub(r"(=|<>)\s*1\b", r"\1 true", re.sub(r"(=|<>)\s*0\b", r"\1 false", text))
    if booleans != text:
        texts.append(booleans)
    return texts


def _outside_quotes(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` as ``new`` where it stands outside quotes (one pass)."""
    parts = text.split("'")  # the even parts are outside quotes ('' splits in two)
    return "'".join(p.replace(old, new) if i % 2 == 0 else p for i, p in enumerate(parts))


def _closing(text: str, start: int) -> int:
    """Where the parenthesis opened at ``start`` closes (quotes skipped); -1: never."""
    depth, quoted = 0, False
    for at in range(start, len(text)):
        char = text[at]
        if char == "'":
            quoted = not quoted
        elif not quoted and char == "(":
            depth += 1
        elif not quoted and char == ")":
            depth -= 1
            if depth == 0:
                return at
    return -1


def _probe_table(
    table: str,
    body: Mapping[str, object],
    enums: Mapping[str, tuple[str, ...]],
    checks: list[dict[str, object]],
) -> Schema | None:
    """The table alone (no foreign keys) with ``checks``, loaded as a hand-written schema."""
    columns = body["columns"]
    assert isinstance(columns, Mapping)
    shown: dict[str, object] = {"columns": without_foreign_keys(columns)}
    if "primary_key" in body:
        shown["primary_key"] = body["primary_key"]
    if checks:
        shown["checks"] = checks
    document: Document = {"schemacog": 1, "name": "probe"}
    if enums:
        document["enums"] = {name: {"values": list(values)} for name, values in enums.items()}
    document["tables"] = {table: shown}
    found = probe(document)
    return found if isinstance(found, Schema) else None


def read_table_checks(
    dialect: str,
    source: CatalogTable,
    body: dict[str, object],
    enums: Mapping[str, tuple[str, ...]],
) -> None:
    """The table's CHECKs that no column rule renders, as ``checks`` of ``body`` where
    the check language says the same (``compare_checks`` reports the others)."""
    probe = _probe_table(source.name, body, enums, [])
    if probe is None:
        return
    explained = set(rendered_checks(dialect, probe, source.name))
    found: list[dict[str, object]] = []
    for check in sorted(source.checks):
        stored = stored_form(dialect, check.expression)
        if stored in explained:
            continue
        name = _check_name(source.name, check.name, {str(e.get("name")) for e in found})
        for text in check_texts(dialect, check.expression):
            named: dict[str, object] = {"name": name} if IDENTIFIER.fullmatch(name) else {}
            # without its name where the validator refuses the name alone (alike to a
            # column's rule, too long once prefixed): the check is kept, not its table
            tries: tuple[dict[str, object], ...] = ({**named, "expr": text}, {"expr": text})
            for entry in tries:
                trial = _probe_table(source.name, body, enums, [*found, entry])
                if trial is not None and stored in rendered_checks(dialect, trial, source.name):
                    found.append(entry)
                    break
            else:
                continue
            break
    if found:
        body["checks"] = found


def _check_name(table: str, name: str, taken: set[str]) -> str:
    """A check's name in the schema: the database's without the table's prefix
    (schemacog's ``ck_<table>_``, PostgreSQL's ``<table>_``) where what is left is a name
    of its own (``constraint_names`` gives the constraint the database's name)."""
    for prefix in (f"ck_{table}_", f"{table}_"):
        short = name.removeprefix(prefix)
        if short != name and IDENTIFIER.fullmatch(short) and short not in taken:
            return short
    return name


def compare_checks(dialect: str, catalog: Catalog, schema: Schema, report: Report) -> None:
    """Each table's CHECKs as schemacog renders them against the database's: one only
    the database has is a loss, one only schemacog renders a rule it adds."""
    pieces = ddl_pieces(schema, dialect)
    for table in schema.tables:
        source = catalog.tables[table.name]
        rendered = rendered_checks(dialect, schema, table.name, pieces)
        stored_all = set()
        where = ("tables", table.name)
        for check in sorted(source.checks):
            stored = stored_form(dialect, check.expression)
            stored_all.add(stored)
            if stored not in rendered:  # one named otherwise: ``names``
                text = check.expression
                shown = text if text.upper().startswith("CHECK") else f"CHECK ({text})"
                report.lose(
                    where, table.name, f"{printable(shown)} kept as a comment: not expressible"
                )
        implied = report.implied.get(table.name, set())
        for text, name in rendered.items():
            if text not in stored_all and text not in implied:
                report.lose(
                    where, table.name, f"schemacog adds CHECK {name}: the database has no such rule"
                )
