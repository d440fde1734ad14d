"""A migration script cut into statements, as each engine's own client cuts it before it
sends them one at a time: ``psql``, ``mysql``, ``sqlite3``, DuckDB's parser. What the
clients read as quoted (texts, names, PostgreSQL's and DuckDB's dollar quotes) and as
comments is a table of data per dialect; each statement keeps the line and column it
starts at, for the error that names it. A client's own command (psql's ``\\``, sqlite3's
``.``, mysql's ``DELIMITER``) is refused: schemacog sends SQL only, and a script
``migrate new`` wrote holds none."""

from __future__ import annotations

import bisect
import re
import sqlite3
from dataclasses import dataclass
from typing import Final

__all__ = ["ClientCommand", "Statement", "split_statements"]


class ClientCommand(ValueError):
    """A client's own command in a script (line, column, what)."""

    def __init__(self, line: int, column: int, what: str) -> None:
        super().__init__(what)
        self.line, self.column = line, column


@dataclass(frozen=True)
class Statement:
    text: str  # without its ``;`` and the comments before it
    line: int  # 1-based, where its first word is
    column: int


@dataclass(frozen=True)
class _Lexicon:
    quotes: str  # characters that open a quoted text or name (closed by the same one)
    backslash_escapes: bool  # a backslash escapes the next character inside quotes
    dollar_quotes: bool  # $tag$ ... $tag$
    nested_comments: bool  # /* /* */ */ is one comment
    dash_comment_needs_space: bool  # "--" starts a comment only before a space
    hash_comments: bool  # "#" to the line's end
    brackets: bool  # [name]
    # what starts a client's own command: anywhere outside quotes, or as a statement's
    # first word
    command_anywhere: str
    command_words: tuple[str, ...]
    client: str


_LEXICONS: Final = {
    "postgres": _Lexicon(
        quotes="'\"",
        backslash_escapes=False,  # standard_conforming_strings (E'' is read below)
        dollar_quotes=True,
        nested_comments=True,
        dash_comment_needs_space=False,
        hash_comments=False,
        brackets=False,
        command_anywhere="\\",
        command_words=(),
        client="psql",
    ),
    "duckdb": _Lexicon(
        quotes="'\"",
        backslash_escapes=False,
        dollar_quotes=True,
        nested_comments=False,
        dash_comment_needs_space=False,
        hash_comments=False,
        brackets=False,
        command_anywhere="",
        command_words=(),
        client="duckdb",
    ),
    "sqlite": _Lexicon(
        quotes="'\"`",
        backslash_escapes=False,
        dollar_quotes=False,
        nested_comments=False,
        dash_comment_needs_space=False,
        hash_comments=False,
        brackets=True,
        command_anywhere="",
        command_words=(".",),
        client="sqlite3",
    ),
    "mariadb": _Lexicon(
        quotes="'\"`",
        backslash_escapes=True,
        dollar_quotes=False,
        nested_comments=False,
        dash_comment_needs_space=True,
        hash_comments=True,
        brackets=False,
        command_anywhere="\\",
        command_words=("delimiter", "source", "use", "connect", "system"),
        client="mysql",
    ),
}


def split_statements(text: str, dialect: str) -> list[Statement]:
    """The statements of ``text`` in order (ClientCommand for a client's command)."""
    lexicon = _LEXICONS[dialect]
    spans: list[tuple[int, int]] = []
    start: int | None = None  # where the statement being read starts
    at = 0
    while at < len(text):
        char = text[at]
        if char.isspace():
            at += 1
        elif _comment_start(text, at, lexicon):
            at = _comment_end(text, at, lexicon)
        elif char == ";":
            if start is not None:
                spans.append((start, at))
                start = None
            at += 1
        else:
            if start is None:
                start = at
                _refuse_command_word(text, at, lexicon)
            at = _token_end(text, at, lexicon)
    if start is not None:
        spans.append((start, len(text)))
    if dialect == "sqlite":
        spans = _whole_sqlite(text, spans)
    breaks = [at for at, char in enumerate(text) if char == "\n"]  # once: linear time
    return [_statement(text, breaks, start, end) for start, end in spans]


def _statement(text: str, breaks: list[int], start: int, end: int) -> Statement:
    line = bisect.bisect_left(breaks, start) + 1
    column = start - (breaks[line - 2] + 1 if line > 1 else 0) + 1
    return Statement(text[start:end].rstrip(), line, column)


def _comment_start(text: str, at: int, lexicon: _Lexicon) -> bool:
    if text.startswith("--", at):
        after = text[at + 2 : at + 3]
        return not lexicon.dash_comment_needs_space or after == "" or after.isspace()
    if text.startswith("/*", at):
        return not text.startswith("/*!", at) or not lexicon.hash_comments  # MariaDB runs /*! */
    return lexicon.hash_comments and text[at] == "#"


def _comment_end(text: str, at: int, lexicon: _Lexicon) -> int:
    if text[at] != "/":  # a line comment
        end = text.find("\n", at)
        return len(text) if end < 0 else end
    depth, at = 1, at + 2
    while at < len(text) and depth:
        if lexicon.nested_comments and text.startswith("/*", at):
            depth, at = depth + 1, at + 2
        elif text.startswith("*/", at):
            depth, at = depth - 1, at + 2
        else:
            at += 1
    return at


def _token_end(text: str, at: int, lexicon: _Lexicon) -> int:
    """Where the token at ``at`` ends: a quoted text or name whole, else one character
    (a word's characters are read one by one: none of them opens anything)."""
    char = text[at]
    if char in lexicon.command_anywhere:
        raise _command(text, at, lexicon, f"{lexicon.client}'s own command ({char!r})")
    escaped = lexicon.backslash_escapes or (
        lexicon.dollar_quotes
        and char in "eE"
        and text[at + 1 : at + 2] == "'"
        and not (at and (text[at - 1].isalnum() or text[at - 1] == "_"))
    )
    if char in "eE" and escaped and not lexicon.backslash_escapes:
        return _quoted_end(text, at + 1, "'", backslashes=True)
    if char in lexicon.quotes:
        return _quoted_end(text, at, char, backslashes=lexicon.backslash_escapes and char != "`")
    if lexicon.brackets and char == "[":
        end = text.find("]", at + 1)
        return len(text) if end < 0 else end + 1
    if lexicon.dollar_quotes and char == "$":
        tag_end = at + 1
        while tag_end < len(text) and (text[tag_end].isalnum() or text[tag_end] == "_"):
            tag_end += 1
        starts_tag = not text[at + 1 : at + 2].isdigit()  # $1 is a parameter
        if tag_end < len(text) and text[tag_end] == "$" and starts_tag:
            tag = text[at : tag_end + 1]
            end = text.find(tag, tag_end + 1)
            return len(text) if end < 0 else end + len(tag)
    if char.isalnum() or char == "_":  # a whole word: "e" of a name opens no E'' text
        end = at
        while end < len(text) and (text[end].isalnum() or text[end] in "_$"):
            end += 1
        return end
    return at + 1


def _quoted_end(text: str, at: int, quote: str, *, backslashes: bool) -> int:
    end = at + 1
    while end < len(text):
        doubled = text[end] == quote and text[end + 1 : end + 2] == quote
        if doubled or (backslashes and text[end] == "\\"):
            end += 2
        elif text[end] == quote:
            return end + 1
        else:
            end += 1
    return len(text)


def _refuse_command_word(text: str, at: int, lexicon: _Lexicon) -> None:
    for word in lexicon.command_words:
        if word == ".":
            if text[at] == ".":
                raise _command(text, at, lexicon, "sqlite3's own command (a dot command)")
            continue
        end = at + len(word)
        if text[at:end].lower() == word and (end == len(text) or text[end].isspace()):
            raise _command(text, at, lexicon, f"mysql's own command ({word.upper()})")


def _command(text: str, at: int, lexicon: _Lexicon, what: str) -> ClientCommand:
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    return ClientCommand(
        line, column, f"{what}: schemacog sends SQL only, not {lexicon.client}'s commands"
    )


def _whole_sqlite(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """SQLite's statements as sqlite3 reads them: a ``;`` inside ``CREATE TRIGGER ...
    BEGIN ... END`` ends no statement (``sqlite3.complete_statement`` decides, asked only
    where a trigger's part ends in ``END``: linear time)."""
    joined: list[tuple[int, int]] = []
    first: int | None = None
    trigger = False
    for start, end in spans:
        if first is None:
            first, trigger = start, _TRIGGER.match(text, start) is not None
        if not trigger or (
            _ends_in_end(text, first, end) and sqlite3.complete_statement(text[first:end] + ";")
        ):
            joined.append((first, end))
            first = None
    if first is not None:
        joined.append((first, spans[-1][1]))
    return joined


_TRIGGER: Final = re.compile(r"CREATE\s+(?:TEMP\s+|TEMPORARY\s+)?TRIGGER\b", re.IGNORECASE)


def _ends_in_end(text: str, first: int, end: int) -> bool:
    while end > first and text[end - 1].isspace():
        end -= 1
    return text[max(first, end - 3) : end].upper() == "END"
