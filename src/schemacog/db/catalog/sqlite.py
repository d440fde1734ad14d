"""SQLite's catalog: ``PRAGMA table_info``, ``foreign_key_list``, ``index_list``, and the
named CHECKs read from the table's stored ``CREATE TABLE`` (SQLite keeps no other record
of them). SQLite keeps no comments and no constraint names but the CHECKs'."""

from __future__ import annotations

import re
from typing import Any

from schemacog.db.catalog.model import Catalog, CatalogTable, Check, Column, ForeignKey, Index, Key
from schemacog.db.catalog.sql_tokens import tokens, unquoted

__all__ = ["read_sqlite", "sql_checks"]


def read_sqlite(connection: Any, namespace: str = "") -> Catalog:
    del namespace  # the main database
    rows = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
    ).fetchall()
    return Catalog({name: _table(connection, name, sql or "") for name, sql in rows})


def _table(connection: Any, name: str, sql: str) -> CatalogTable:
    quoted = '"' + name.replace('"', '""') + '"'
    info = connection.execute(f"PRAGMA table_info({quoted})").fetchall()
    key = [row[1] for row in sorted((r for r in info if r[5]), key=lambda r: r[5])]
    rowid = len(key) == 1 and any(r[1] == key[0] and r[2].upper() == "INTEGER" for r in info)
    described = _column_comments(sql, [r[1] for r in info])
    columns = frozenset(
        Column(
            r[1],
            r[2],
            not r[3],
            r[4],
            identity=rowid and r[1] == key[0],
            comment=described.get(r[1]),
            position=r[0],
        )
        for r in info
    )
    unique: set[Key] = set()
    indexes: set[Index] = set()
    for _, index_name, is_unique, origin, _partial in connection.execute(
        f"PRAGMA index_list({quoted})"
    ).fetchall():
        quoted_index = '"' + index_name.replace('"', '""') + '"'
        names = tuple(
            r[2]
            for r in sorted(connection.execute(f"PRAGMA index_info({quoted_index})").fetchall())
        )
        if origin == "u":
            unique.add(Key("", names))
        elif origin == "c":
            indexes.add(Index(index_name, names, bool(is_unique)))
    groups: dict[int, list[Any]] = {}
    for row in connection.execute(f"PRAGMA foreign_key_list({quoted})").fetchall():
        groups.setdefault(row[0], []).append(row)
    named = _foreign_key_names(sql)
    foreign_keys = frozenset(
        ForeignKey(
            named.get(tuple(r[3] for r in sorted(group, key=lambda r: r[1])), ("", False))[0],
            tuple(r[3] for r in sorted(group, key=lambda r: r[1])),
            group[0][2],
            tuple(r[4] for r in sorted(group, key=lambda r: r[1])),
            on_delete=group[0][6],
            on_update=group[0][5],
            deferrable=named.get(
                tuple(r[3] for r in sorted(group, key=lambda r: r[1])), ("", False)
            )[1],
        )
        for group in groups.values()
    )
    description, notes = _table_comments(sql)
    return CatalogTable(
        name,
        columns,
        primary_key=Key("", tuple(key)) if key else None,
        unique=frozenset(unique),
        foreign_keys=foreign_keys,
        checks=frozenset(Check(n, e) for n, e in sql_checks(sql)),
        indexes=frozenset(indexes),
        comment=description,
        source=sql,
        notes=notes,
    )


_NOTE = "Not enforced by SQLite: "
# the escapes schemacog's comment lines write for what would end a line
_LINE_END_ESCAPES = re.compile(r"\\u(000a|000d|000b|000c|001c|001d|001e|0085|2028|2029)")


def _table_comments(sql: str) -> tuple[str | None, tuple[str, ...]]:
    """The description and the notes of a ``CREATE TABLE``: the ``--`` lines between its
    name and its ``(`` (where schemacog writes them for SQLite)."""
    opening = next((start for start, end in tokens(sql) if sql[start:end] == "("), 0)
    head = sql[:opening]
    description: list[str] = []
    notes: list[str] = []
    for line in head.split("\n")[1:]:
        text = line.strip()
        if not text.startswith("--"):
            continue
        text = _LINE_END_ESCAPES.sub(lambda m: chr(int(m.group(1), 16)), text[2:].removeprefix(" "))
        if text.startswith(_NOTE):
            notes.append(text[len(_NOTE) :])
        else:
            description.append(text)
    return ("\n".join(description) or None), tuple(notes)


def _column_comments(sql: str, names: list[str]) -> dict[str, str]:
    """The ``--`` lines that stand alone right above a column's definition in the stored
    ``CREATE TABLE`` (how schemacog writes a column's description for SQLite), joined by
    line breaks."""
    wanted = {name.lower(): name for name in names}
    found: dict[str, str] = {}
    pending: list[str] = []
    for line in sql.split("\n")[1:]:
        text = line.strip()
        if text.startswith("--"):
            pending.append(text[2:].removeprefix(" "))
            continue
        first = text.split(" ", 1)[0]
        name = wanted.get(unquoted(first).lower()) if first else None
        if name is not None and pending:
            found[name] = "\n".join(pending)
        pending = []
    return found


def _foreign_key_names(sql: str) -> dict[tuple[str, ...], tuple[str, bool]]:
    """The names of a ``CREATE TABLE``'s foreign keys, by their columns: ``CONSTRAINT n
    FOREIGN KEY (a, b)`` of the table, ``CONSTRAINT n REFERENCES`` of a column; and
    whether each is ``DEFERRABLE`` (PRAGMA foreign_key_list says neither)."""
    words = [sql[s:e] for s, e in tokens(sql)]
    found: dict[tuple[str, ...], tuple[str, bool]] = {}
    current: tuple[str, ...] | None = None  # the key whose clauses are being read
    depth = 0
    column: str | None = None  # the column whose definition is being read
    starts = True
    for number, word in enumerate(words):
        if word == "(":
            depth += 1
            starts = depth == 1
            continue
        if word == ")":
            depth -= 1
            continue
        if depth == 1 and word == ",":
            starts, current = True, None
            continue
        if (
            current is not None
            and word.upper() == "DEFERRABLE"
            and words[number - 1].upper() != "NOT"
        ):
            found[current] = (found[current][0], True)
        if current is not None and word.upper() == "CONSTRAINT":
            current = None
        if depth == 1 and starts:
            column = None if word.upper() in _TABLE_CONSTRAINTS else unquoted(word)
            starts = False
        if depth != 1 or word.upper() != "CONSTRAINT" or number + 2 >= len(words):
            continue
        name, kind = unquoted(words[number + 1]), words[number + 2].upper()
        if kind == "REFERENCES" and column is not None:
            current = (column,)
        elif kind == "FOREIGN" and words[number + 4 : number + 5] == ["("]:
            end = words.index(")", number + 5)
            current = tuple(unquoted(w) for w in words[number + 5 : end] if w != ",")
        else:
            continue
        found[current] = (name, False)
    return found


_TABLE_CONSTRAINTS = frozenset({"CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"})


def sql_checks(sql: str) -> list[tuple[str, str]]:
    """The (name, expression) of each CHECK in a ``CREATE TABLE`` (name empty if none)."""
    spans = tokens(sql)
    words = [sql[s:e] for s, e in spans]
    found = []
    for number, word in enumerate(words):
        if word.upper() != "CHECK" or number + 1 >= len(words) or words[number + 1] != "(":
            continue
        named = number >= 2 and words[number - 2].upper() == "CONSTRAINT"
        name = unquoted(words[number - 1]) if named else ""
        depth = 0
        for end in range(number + 1, len(words)):
            depth += {"(": 1, ")": -1}.get(words[end], 0)
            if depth == 0:
                # as written (its tokens' text, comments and line breaks aside)
                expression = " ".join(sql[spans[number + 2][0] : spans[end][0]].split())
                found.append((name, expression))
                break
    return found
