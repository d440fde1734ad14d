"""SQLite's catalog: ``PRAGMA table_info``, ``foreign_key_list``, ``index_list``, and the
named CHECKs read from the table's stored ``CREATE TABLE`` (SQLite keeps no other record
of them). SQLite keeps no comments and no constraint names but the CHECKs'."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Final

from schemacog.db.catalog.model import Catalog, CatalogTable, Check, Column, ForeignKey, Index, Key
from schemacog.db.catalog.sql_tokens import tokens, unquoted

__all__ = ["read_sqlite", "sql_checks"]


def read_sqlite(connection: Any, namespace: str = "") -> Catalog:
    del namespace  # the main database
    rows = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
    ).fetchall()
    others = [
        f"{kind} {name}" + (f" on {table}" if kind == "trigger" else "")
        for kind, name, table in connection.execute(
            "SELECT type, name, tbl_name FROM sqlite_master WHERE type IN ('view', 'trigger') "
            "ORDER BY name"
        ).fetchall()
    ]
    # a virtual table (rtree, fts5 ...) is a module's, and so are its shadow tables
    kinds = _table_kinds(connection)
    virtual = {
        name
        for name, sql in rows
        if kinds.get(name) in ("virtual", "shadow")
        or (sql or "").lstrip().upper().startswith("CREATE VIRTUAL")
    }
    others += [
        f"virtual table {name}"
        for name, _ in rows
        if kinds.get(name, "virtual") == "virtual" and name in virtual
    ]
    tables = {
        name: _table(connection, name, sql or "") for name, sql in rows if name not in virtual
    }
    return Catalog(tables, others=tuple(sorted(others)))


def _table_kinds(connection: Any) -> dict[str, str]:
    """Each table's kind (``table``, ``virtual``, ``shadow``) where SQLite says (3.37+)."""
    try:
        listed = connection.execute("PRAGMA table_list").fetchall()
    except Exception:  # an older SQLite: a virtual table is known by its statement
        return {}
    return {row[1]: row[2] for row in listed if row[0] == "main"}


def _table(connection: Any, name: str, sql: str) -> CatalogTable:
    quoted = '"' + name.replace('"', '""') + '"'
    # table_xinfo: generated columns too (hidden 2 virtual, 3 stored); a virtual table's
    # hidden columns (1) are none of the table's
    extended = connection.execute(f"PRAGMA table_xinfo({quoted})").fetchall()
    info = [row[:6] for row in extended if row[6] != 1]
    generated = {row[1] for row in extended if row[6] in (2, 3)}
    collations = _collations(sql, [r[1] for r in info])
    key = [row[1] for row in sorted((r for r in info if r[5]), key=lambda r: r[5])]
    # a rowid alias: one INTEGER column, and no index of its own for the key (a DESC
    # key, or a WITHOUT ROWID table, has one)
    listed = connection.execute(f"PRAGMA index_list({quoted})").fetchall()
    rowid = (
        len(key) == 1
        and any(r[1] == key[0] and r[2].upper() == "INTEGER" for r in info)
        and not any(row[3] == "pk" for row in listed)
    )
    described = _column_comments(sql, [r[1] for r in info])
    columns = frozenset(
        Column(
            r[1],
            r[2],
            not r[3],
            r[4],
            identity=rowid and r[1] == key[0],
            comment=described.get(r[1]),
            computed="GENERATED ALWAYS AS (...)" if r[1] in generated else None,
            collation=collations.get(r[1]),
            position=position,
        )
        for position, r in enumerate(info)
    )
    unique: set[Key] = set()
    indexes: set[Index] = set()
    for _, index_name, is_unique, origin, partial in connection.execute(
        f"PRAGMA index_list({quoted})"
    ).fetchall():
        quoted_index = '"' + index_name.replace('"', '""') + '"'
        keys = [r for r in connection.execute(f"PRAGMA index_xinfo({quoted_index})") if r[5]]
        names = tuple(r[2] for r in sorted(keys))
        # a column DESC or of another collation than its own is more than columns
        plain = all(not r[3] and str(r[4]).upper() == collations.get(r[2], "BINARY") for r in keys)
        if origin == "u":
            unique.add(Key("", names))
        elif origin == "c" and (partial or None in names or not plain):  # WHERE, expression
            (definition,) = connection.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", [index_name]
            ).fetchone()
            indexes.add(Index(index_name, (), bool(is_unique), definition))
        elif origin == "c":
            indexes.add(Index(index_name, names, bool(is_unique)))
    groups: dict[int, list[Any]] = {}
    for row in connection.execute(f"PRAGMA foreign_key_list({quoted})").fetchall():
        groups.setdefault(row[0], []).append(row)
    named = _constraint_names(sql)
    foreign_keys = set()
    for group in groups.values():
        ordered = sorted(group, key=lambda r: r[1])
        columns_of = tuple(r[3] for r in ordered)
        fk_name, deferrable = named.get(("fk", *columns_of), ("", False))
        foreign_keys.add(
            ForeignKey(
                fk_name,
                columns_of,
                group[0][2],
                tuple(r[4] for r in ordered),
                on_delete=group[0][6],
                on_update=group[0][5],
                deferrable=deferrable,
            )
        )
    description, notes = _table_comments(sql)
    return CatalogTable(
        name,
        columns,
        primary_key=Key(named.get(("pk", *key), ("", False))[0], tuple(key)) if key else None,
        unique=frozenset(
            Key(named.get(("uq", *k.columns), ("", False))[0], k.columns) for k in unique
        ),
        foreign_keys=frozenset(foreign_keys),
        checks=frozenset(Check(n, e) for n, e in sql_checks(sql)),
        indexes=frozenset(indexes),
        comment=description,
        source=sql,
        notes=notes,
        extras=(*_alias_extras(info, key, rowid, sql), *_clause_extras(sql)),
    )


def _alias_extras(info: list[Any], key: list[str], rowid: bool, sql: str) -> tuple[str, ...]:
    """An integer primary key that is not the rowid (``INT PRIMARY KEY``, ``INTEGER
    PRIMARY KEY DESC``): schemacog's ``INTEGER PRIMARY KEY`` is, and so takes integers
    only and numbers a row given none."""
    if rowid or len(key) != 1 or "WITHOUT ROWID" in " ".join(sql.upper().split()):
        return ()
    declared = next(r[2] for r in info if r[1] == key[0])
    if "INT" not in declared.upper():
        return ()
    return (
        f"column {key[0]}: {declared} PRIMARY KEY is not the rowid (schemacog's INTEGER "
        "PRIMARY KEY is: integers only, a row given none numbered)",
    )


_NOTE = "Not enforced by SQLite: "
# the escapes schemacog's comment lines write for what would end a line
_LINE_END_ESCAPES = re.compile(r"\\u(000a|000d|000b|000c|001c|001d|001e|0085|2028|2029)")


def _table_comments(sql: str) -> tuple[str | None, tuple[str, ...]]:
    """The description and the notes of a ``CREATE TABLE``: the ``--`` lines between its
    name and its ``(`` (where schemacog writes them for SQLite)."""
    description: list[str] = []
    notes: list[str] = []
    for start, end in tokens(sql, comments=True):
        text = sql[start:end]
        if text == "(":
            break
        if not text.startswith("--"):
            continue
        line = _LINE_END_ESCAPES.sub(lambda m: chr(int(m.group(1), 16)), _comment_text(text))
        if line.startswith(_NOTE):
            notes.append(line[len(_NOTE) :])
        else:
            description.append(line)
    return ("\n".join(description) or None), tuple(notes)


def _comment_text(token: str) -> str:
    return token[2:].removeprefix(" ").rstrip()


@dataclass(frozen=True)
class _Token:
    number: int  # its place among the tokens
    text: str
    depth: int  # parentheses around it: 1 is the table's definitions
    column: str | None  # the column whose definition it is in (None: a table constraint)
    begins: bool  # it begins a definition (a column's name, a constraint's first word)
    line: int


def _definitions(sql: str, *, comments: bool = False) -> Iterator[_Token]:
    """The tokens of a ``CREATE TABLE``, each with where it stands: inside which
    definition, at what depth; ``comments``: ``--`` comments are tokens too."""
    depth, starts = 0, False
    column: str | None = None
    line, counted = 0, 0  # the line of ``counted``, counted on as the tokens go
    for number, (start, end) in enumerate(tokens(sql, comments=comments)):
        text = sql[start:end]
        line, counted = line + sql.count("\n", counted, start), start
        begins = False
        if text.startswith("--"):
            pass
        elif text == "(":
            depth += 1
            starts = depth == 1
        elif text == ")":
            depth -= 1
        elif depth == 1 and text == ",":
            starts = True
        elif depth == 1 and starts:
            starts, begins = False, True
            column = None if text.upper() in _TABLE_CONSTRAINTS else unquoted(text)
        yield _Token(number, text, depth, column, begins, line)


def _collations(sql: str, names: list[str]) -> dict[str, str]:
    """The ``COLLATE x`` of each column's definition (BINARY, SQLite's own, left out)."""
    words = [sql[s:e] for s, e in tokens(sql)]
    wanted = {name.lower(): name for name in names}
    found: dict[str, str] = {}
    for token in _definitions(sql):
        column = wanted.get((token.column or "").lower())
        if token.depth == 1 and column and token.text.upper() == "COLLATE":
            collation = (
                unquoted(words[token.number + 1]).upper() if token.number + 1 < len(words) else ""
            )
            if collation not in ("", "BINARY"):
                found[column] = collation
    return found


def _column_comments(sql: str, names: list[str]) -> dict[str, str]:
    """A column's description in the stored ``CREATE TABLE``: the ``--`` lines right
    above its definition (how schemacog writes one for SQLite), joined by line breaks,
    else a ``--`` comment on the line its definition ends."""
    wanted = {name.lower(): name for name in names}
    found: dict[str, str] = {}
    pending: list[str] = []
    last_line = -1  # the line of the last token that is no comment
    column: str | None = None  # the column whose definition was read last
    for token in _definitions(sql, comments=True):
        if token.depth != 1:
            if not token.text.startswith("--"):
                last_line = token.line
            continue
        if token.text.startswith("--"):
            if token.line == last_line:  # at a line's end: of the column ending there
                if column is not None and not pending and _comment_text(token.text):
                    found.setdefault(column, _comment_text(token.text))
            else:
                pending.append(_comment_text(token.text))
            continue
        last_line = token.line
        if token.begins:
            column = wanted.get((token.column or "").lower())
            described = "\n".join(pending).strip("\n")
            if column is not None and described.strip():  # an empty "--" says nothing
                found[column] = described
            pending = []
    return found


def _constraint_names(sql: str) -> dict[tuple[str, ...], tuple[str, bool]]:
    """The names of a ``CREATE TABLE``'s keys, by ``(kind, *columns)`` with kind ``fk``,
    ``pk`` or ``uq``: ``CONSTRAINT n FOREIGN KEY (a, b)``, ``CONSTRAINT n PRIMARY KEY
    (a)``, ``CONSTRAINT n UNIQUE (a)`` of the table, ``CONSTRAINT n REFERENCES`` (or
    ``PRIMARY KEY``, ``UNIQUE``) of a column; and whether a foreign key is
    ``DEFERRABLE`` (the PRAGMAs say neither)."""
    words = [sql[s:e] for s, e in tokens(sql)]
    found: dict[tuple[str, ...], tuple[str, bool]] = {}
    current: tuple[str, ...] | None = None  # the key whose clauses are being read
    for token in _definitions(sql):
        number, word, column = token.number, token.text.upper(), token.column
        if token.depth == 1 and (word == "," or token.begins):
            current = None
        # deferred only as INITIALLY DEFERRED: DEFERRABLE alone, or INITIALLY IMMEDIATE,
        # checks each statement in SQLite (it has no SET CONSTRAINTS)
        later = [w.upper() for w in words[number + 1 : number + 3]]
        deferred = words[number - 1].upper() != "NOT" and later == ["INITIALLY", "DEFERRED"]
        if current is not None and word == "DEFERRABLE" and deferred:
            found[current] = (found[current][0], True)
        if current is not None and word == "CONSTRAINT":
            current = None
        if token.depth != 1:
            continue
        unnamed = number < 2 or words[number - 2].upper() != "CONSTRAINT"
        if unnamed and word == "REFERENCES" and column is not None:
            current = ("fk", column)  # a column's foreign key without a name
            found.setdefault(current, ("", False))
        elif unnamed and word == "FOREIGN" and words[number + 2 : number + 3] == ["("]:
            end = words.index(")", number + 3) if ")" in words[number + 3 :] else number + 3
            current = ("fk", *(unquoted(w) for w in words[number + 3 : end] if w != ","))
            found.setdefault(current, ("", False))
        if word != "CONSTRAINT" or number + 2 >= len(words):
            continue
        name, kind = unquoted(words[number + 1]), words[number + 2].upper()
        prefix = {"REFERENCES": "fk", "FOREIGN": "fk", "PRIMARY": "pk", "UNIQUE": "uq"}.get(kind)
        if prefix is None:
            continue
        listed = number + (4 if kind in ("FOREIGN", "PRIMARY") else 3)
        if column is not None and kind != "FOREIGN":  # a column's own
            key: tuple[str, ...] = (prefix, column)
        elif words[listed : listed + 1] == ["("] and ")" in words[listed:]:
            end = words.index(")", listed)
            key = (prefix, *(unquoted(w) for w in words[listed + 1 : end] if w != ","))
        else:
            continue
        found[key] = (name, False)
        current = key if prefix == "fk" else None
    return found


def _clause_extras(sql: str) -> list[str]:
    """What a ``CREATE TABLE``'s clauses hold that schemacog's DDL never writes: an ``ON
    CONFLICT`` resolution (a NOT NULL that stores the default, a key that replaces the
    row), a collation inside a key's columns (``UNIQUE (c COLLATE NOCASE)``),
    ``AUTOINCREMENT``."""
    words = [sql[s:e] for s, e in tokens(sql)]
    found = []
    clause = ""  # the table constraint being read: PRIMARY, UNIQUE, CHECK, FOREIGN
    for token in _definitions(sql):
        number, word = token.number, token.text.upper()
        if token.depth == 1 and (word == "," or token.begins):
            clause = ""
        if token.depth == 1 and word in ("PRIMARY", "UNIQUE", "CHECK", "FOREIGN"):
            clause = word
        after = words[number + 1 : number + 3]
        if word == "ON" and after[:1] and after[0].upper() == "CONFLICT":
            action = after[1].upper() if len(after) > 1 else ""
            where = f"column {token.column}" if token.column else "a key"
            found.append(f"{where}: ON CONFLICT {action}")
        if word == "COLLATE" and token.depth == 2 and clause in ("PRIMARY", "UNIQUE"):
            collation = after[0] if after else ""
            found.append(f"a {clause.lower()} key's column: COLLATE {collation}")
        if word == "AUTOINCREMENT":
            found.append(
                "AUTOINCREMENT (an id is never used twice; schemacog's rowid may use the "
                "highest id again once its row is deleted)"
            )
    closing = len(words) - words[::-1].index(")") if ")" in words else len(words)
    options = f" {' '.join(words[closing:]).upper()} "
    found += [what for said, what in _TABLE_OPTIONS if f" {said} " in options]
    return found


# options after a CREATE TABLE's ")" that schemacog's DDL never writes, and what they mean
_TABLE_OPTIONS: Final = (
    ("STRICT", "STRICT (values of the declared type only)"),
    ("WITHOUT ROWID", "WITHOUT ROWID (the table stored by its primary key)"),
)


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
