"""SQLite's catalog: ``PRAGMA table_info``, ``foreign_key_list``, ``index_list``, and the
named CHECKs read from the table's stored ``CREATE TABLE`` (SQLite keeps no other record
of them). SQLite keeps no comments and no constraint names but the CHECKs'."""

from __future__ import annotations

from typing import Any

from schemacog.db.catalog.model import Catalog, CatalogTable, Check, Column, ForeignKey, Index, Key

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
    columns = frozenset(
        Column(r[1], r[2], not r[3], r[4], identity=rowid and r[1] == key[0]) for r in info
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
    foreign_keys = frozenset(
        ForeignKey(
            "",
            tuple(r[3] for r in sorted(group, key=lambda r: r[1])),
            group[0][2],
            tuple(r[4] for r in sorted(group, key=lambda r: r[1])),
            on_delete=group[0][6],
            on_update=group[0][5],
        )
        for group in groups.values()
    )
    return CatalogTable(
        name,
        columns,
        primary_key=Key("", tuple(key)) if key else None,
        unique=frozenset(unique),
        foreign_keys=foreign_keys,
        checks=frozenset(Check(n, e) for n, e in sql_checks(sql)),
        indexes=frozenset(indexes),
    )


def _tokens(sql: str) -> list[tuple[int, int]]:
    """(start, end) of each token of ``sql``: quoted texts and names whole, comments out."""
    tokens = []
    at = 0
    while at < len(sql):
        char = sql[at]
        if char.isspace():
            at += 1
        elif sql.startswith("--", at):
            end = sql.find("\n", at)
            at = len(sql) if end < 0 else end
        elif sql.startswith("/*", at):
            end = sql.find("*/", at + 2)
            at = len(sql) if end < 0 else end + 2
        elif char in "'\"`[":
            close = "]" if char == "[" else char
            end = at + 1
            while end < len(sql):
                if sql[end] == close and sql.startswith(close * 2, end) and close != "]":
                    end += 2
                elif sql[end] == close:
                    break
                else:
                    end += 1
            tokens.append((at, end + 1))
            at = end + 1
        elif char.isalnum() or char == "_":
            end = at
            while end < len(sql) and (sql[end].isalnum() or sql[end] in "_$"):
                end += 1
            tokens.append((at, end))
            at = end
        else:
            tokens.append((at, at + 1))
            at += 1
    return tokens


def _unquoted(name: str) -> str:
    if name[:1] in "\"'`":
        return name[1:-1].replace(name[0] * 2, name[0])
    if name[:1] == "[":
        return name[1:-1]
    return name


def sql_checks(sql: str) -> list[tuple[str, str]]:
    """The (name, expression) of each CHECK in a ``CREATE TABLE`` (name empty if none)."""
    tokens = _tokens(sql)
    words = [sql[s:e] for s, e in tokens]
    found = []
    for number, word in enumerate(words):
        if word.upper() != "CHECK" or number + 1 >= len(words) or words[number + 1] != "(":
            continue
        named = number >= 2 and words[number - 2].upper() == "CONSTRAINT"
        name = _unquoted(words[number - 1]) if named else ""
        depth = 0
        for end in range(number + 1, len(words)):
            depth += {"(": 1, ")": -1}.get(words[end], 0)
            if depth == 0:
                expression = " ".join(words[number + 2 : end])
                found.append((name, expression))
                break
    return found
