"""SQL text read as tokens: quoted texts and names whole, comments left out (or kept,
for SQLite's stored ``CREATE TABLE``, whose comments are its only record of descriptions)."""

from __future__ import annotations

__all__ = ["tokens", "unquoted"]


def tokens(sql: str, *, brackets: bool = True, comments: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each token of ``sql``: quoted texts and names whole, comments out;
    ``brackets``: ``[name]`` is a quoted name (SQLite), else ``[`` is a token (arrays);
    ``comments``: a ``--`` comment is a token too (to its line's end)."""
    tokens = []
    at = 0
    while at < len(sql):
        char = sql[at]
        if char.isspace():
            at += 1
        elif sql.startswith("--", at):
            end = sql.find("\n", at)
            end = len(sql) if end < 0 else end
            if comments:
                tokens.append((at, end))
            at = end
        elif sql.startswith("/*", at):
            end = sql.find("*/", at + 2)
            at = len(sql) if end < 0 else end + 2
        elif char in "'\"`" or (brackets and char == "["):
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


def unquoted(name: str) -> str:
    if name[:1] in "\"'`":
        return name[1:-1].replace(name[0] * 2, name[0])
    if name[:1] == "[":
        return name[1:-1]
    return name
