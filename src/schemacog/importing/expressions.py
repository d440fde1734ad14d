"""SQL expressions as the catalogs store them, brought to one comparable form.

Each engine stores a CHECK or a default in its own words: PostgreSQL adds casts
(``'-1.5'::numeric``) and parentheses and writes ``NOT IN`` as ``<> ALL (ARRAY[...])``,
MariaDB quotes names with backticks and lowercases, SQLite keeps the text as written.
``normalized`` reads any of them as tokens and writes them back one way, so that what
schemacog would render and what the database holds compare as equal text. Import never
trusts a reading on its own: it renders its guess and compares the two normalized texts.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from schemacog.db.catalog.sql_tokens import tokens, unquoted

__all__ = ["normalized", "words"]

_TIMESTAMP: Final = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}.*")
_TIME: Final = re.compile(r"\d{2}:\d{2}(:\d{2}(\.\d+)?)?")

_NUMBER: Final = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
# words that continue a type name after its first (``double precision``,
# ``timestamp with time zone``, ``character varying``)
_TYPE_WORDS: Final = frozenset({"precision", "varying", "with", "without", "time", "zone"})
_OPERATORS: Final = frozenset({"<", ">", "=", "!", "~", "+", "-", "*", "/", "%", "|", "&"})


def words(text: str, *, brackets: bool = False) -> list[str]:
    """The tokens of ``text``, a number whole (``-999.99``, ``9e999``; the sign only
    where it cannot be an operator), ``<=``, ``>=``, ``<>`` and ``!=`` whole."""
    raw = [text[start:end] for start, end in tokens(text, brackets=brackets)]
    numbers: list[str] = []
    for word in raw:  # 999 . 99 -> 999.99
        after_point = len(numbers) >= 2 and numbers[-1] == "." and numbers[-2].isdigit()
        if after_point and re.fullmatch(r"\d+([eE]\d+)?", word):
            numbers[-2:] = [f"{numbers[-2]}.{word}"]
            continue
        numbers.append(word)
    merged: list[str] = []
    for word in numbers:
        if merged and merged[-1] + word in _PAIRS:
            merged[-1] += word
        elif merged and merged[-1] == "-" and word[:1].isdigit() and _operand_starts(merged[:-1]):
            merged[-1] = "-" + word
        else:
            merged.append(word)
    return merged


_PAIRS: Final = frozenset({"<=", ">=", "<>", "!="})


def _operand_starts(before: list[str]) -> bool:
    """Does an operand start after ``before`` (so a ``-`` there is a sign)?"""
    if not before:
        return True
    last = before[-1]
    return (
        last in {"(", ",", "["}
        or all(c in _OPERATORS for c in last)
        or last.upper()
        in {
            "AND",
            "OR",
            "NOT",
            "IN",
            "CHECK",
        }
    )


# casts that do not change what a column's value compares as: PostgreSQL's own, of a
# varchar column to text (``char_length((b)::text)``)
_PLAIN_CASTS: Final = frozenset({"text", "character varying", "varchar"})


# types a literal cast to may come out another value: a length (``'^ab$'::char(2)`` is
# ``'^a'``), fewer digits (``0.1::real``), an integer (``'1.5'::integer`` is 2)
_LOSSY_TARGETS: Final = frozenset(
    {"real", "float4", "character", "char", "bpchar", '"char"', "name"}
)
_INTEGER_TARGETS: Final = frozenset({"smallint", "integer", "bigint", "int2", "int4", "int8"})


def _keeps(literal: str, target: str) -> bool:
    """Does casting ``literal`` to ``target`` keep its value (the engine's own casts)?"""
    if "(" in target or target in _LOSSY_TARGETS:
        return False
    text = literal[1:-1] if literal[:1] == "'" else literal
    return target not in _INTEGER_TARGETS or re.fullmatch(r"[+-]?\d+", text) is not None


def _literal(word: str) -> bool:
    return word[:1] == "'" or _NUMBER.fullmatch(word) is not None


_NOT_NAMES: Final = frozenset({"AND", "OR", "NOT", "NULL", "TRUE", "FALSE"})


def _name(word: str) -> bool:
    if word[:1] in '"`':
        return True
    return (word[:1].isalpha() or word[:1] == "_") and word.upper() not in _NOT_NAMES


def _operand(kept: list[str]) -> list[str]:
    """The operand a cast applies to, at the end of ``kept``: one word, or the words of
    the parentheses that close there."""
    if kept[-1:] != [")"]:
        return kept[-1:]
    depth = 0
    for start in range(len(kept) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(kept[start], 0)
        if depth == 0:
            if start and _name(kept[start - 1]):  # a call's value: ``length(b)::text``
                return kept[start - 1 :]
            return kept[start + 1 : -1]
    return kept


def _without_casts(items: list[str]) -> list[str]:
    """Casts left out where they change no value: the engine's own of a literal
    (``'-1.5'::numeric``, ``(0)::numeric``) and of a name to text; any other cast of a
    column or an expression (``(n)::integer``, ``(b)::bytea``) changes what it compares
    as, and is kept (written ``::type``)."""
    kept: list[str] = []
    at = 0
    while at < len(items):
        if items[at] == ":" and items[at + 1 : at + 2] == [":"] and at + 2 < len(items):
            start = at
            at += 3  # the type's first word
            while at < len(items) and items[at].lower() in _TYPE_WORDS:
                at += 1
            if items[at : at + 1] == ["("]:  # a modifier, numeric(5,2)
                end = items.index(")", at) if ")" in items[at:] else at
                at = end + 1
            while items[at : at + 2] == ["[", "]"]:
                at += 2
            operand = _operand(kept)
            target = " ".join(w.lower() for w in items[start + 2 : at])
            plain = len(operand) == 1 and (
                (_literal(operand[0]) and _keeps(operand[0], target))
                or (_name(operand[0]) and target in _PLAIN_CASTS)
            )
            if not plain:
                kept += items[start:at]
            continue
        kept.append(items[at])
        at += 1
    return kept


def _arrays_as_lists(items: list[str]) -> list[str]:
    """``<> ALL (ARRAY[a, b])`` as ``NOT IN (a, b)``, ``= ANY (ARRAY[...])`` as ``IN``."""
    out: list[str] = []
    at = 0
    while at < len(items):
        window = [w.upper() for w in items[at : at + 5]]
        if window[1:4] == ["(", "ARRAY", "["] and window[0] in {"ALL", "ANY"} and out:
            operator = out.pop()
            out.extend(["NOT", "IN"] if operator in {"<>", "!="} else ["IN"])
            out.append("(")
            depth, at = 0, at + 4
            while at < len(items):
                if items[at] == "]" and depth == 0:
                    break
                depth += {"[": 1, "]": -1}.get(items[at], 0)
                out.append(items[at])
                at += 1
            out.append(")")
            at += 2  # "]" and ")"
            continue
        out.append(items[at])
        at += 1
    return out


def _without_grouping(items: list[str]) -> list[str]:
    """Parentheses that only group left out (a call's and a list's kept): the engines
    add them freely. Two texts compare equal only after the same is done to both, and
    import compares only what it parsed with its parentheses (so no grouping is lost)."""
    drop: set[int] = set()
    stack: list[tuple[int, bool]] = []
    for number, word in enumerate(items):
        if word == "(":
            before = items[number - 1] if number else ""
            call = (
                bool(before)
                and (before[0].isalpha() or before[0] in '_"`')
                and before.upper() not in {"AND", "OR", "NOT", "CHECK"}
            )
            stack.append((number, call))
        elif word == ")" and stack:
            start, call = stack.pop()
            if not call:
                drop.update((start, number))
    return [word for number, word in enumerate(items) if number not in drop]


def normalized(text: str, *, brackets: bool = False, quoted_numbers: bool = True) -> str:
    """``text`` in one form: no casts that change no value, no grouping parentheses,
    names unquoted and in lower case, keywords in lower case, a quoted number as the
    number (``quoted_numbers``: not in SQLite, where an integer never equals the text
    ``'1'``), a quoted timestamp or time as ISO 8601 writes it; ``brackets``: ``[name]``
    quotes a name."""
    items = words(text.strip(), brackets=brackets)
    if items[:1] and items[0].upper() == "CHECK":
        items = items[1:]
    if items[-2:] and [w.upper() for w in items[-2:]] == ["NOT", "VALID"]:
        items = items[:-2]
    items = _arrays_as_lists(_without_casts(items))
    shown: list[str] = []
    for word in _without_grouping(items):
        if word[:1] == "'" and shown and shown[-1] in {"e", "x"}:
            prefix = shown.pop()  # E'\\x..' as the text it means; X'AB' as lower-case hex
            body = unquoted(word)
            if prefix == "e":
                body = re.sub(r"\\(.)", r"\1", body)
                shown.append("'" + body.replace("'", "''") + "'")
            else:
                shown.append(f"x'{body.lower()}'")
        elif word[:1] in '"`[':
            shown.append(unquoted(word).lower())
        elif word[:1] == "'":
            body = unquoted(word)
            if quoted_numbers and _NUMBER.fullmatch(body):
                shown.append(_number(body))
            else:
                shown.append("'" + _temporal(body).replace("'", "''") + "'")
        elif _NUMBER.fullmatch(word):
            shown.append(_number(word))
        elif word == "!=":
            shown.append("<>")
        else:
            shown.append(word.lower())
    return " ".join(shown)


def _number(text: str) -> str:
    """A decimal number without the zeros that end its fraction (``-0.50``, ``1000.0``)."""
    if "." in text and "e" not in text.lower():
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def _temporal(body: str) -> str:
    """A timestamp or a time as ISO 8601 writes it (``+00`` as ``+00:00``), else as is."""
    try:
        if _TIMESTAMP.fullmatch(body):
            return dt.datetime.fromisoformat(body).isoformat(sep=" ")
        if _TIME.fullmatch(body):
            return dt.time.fromisoformat(body).isoformat()
    except ValueError:
        pass
    return body
