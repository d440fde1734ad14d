"""The portable regex subset of ``pattern`` and its Python form.

A pattern must mean the same to Python ``re``, PostgreSQL (ARE), DuckDB (RE2) and
MariaDB (PCRE2). What the four read alike: literals, escaped punctuation, ``.``, ``^``,
``$``, character classes (no POSIX ``[:name:]`` classes, no nested sets), ``\\d \\D \\w \\W
\\s \\S \\n \\t \\r \\f \\v \\xHH``, groups ``( )`` and ``(?: )``, alternation, the quantifiers
``* + ? {n} {n,} {n,m}`` (m at most 255, PostgreSQL's limit) and their lazy forms.
Refused: lookaround, backreferences, named groups, inline flags, possessive
quantifiers, atomic groups, anchors other than ``^``/``$`` and word boundaries.
``check_portable`` also refuses what would be slow or too big in some engine
(``pattern_cost``): many ways to match one text, nested repeat counts past 1,000, too
much written out.

Semantics are PostgreSQL's ``~``: a search; ``^``/``$`` anchor the whole string; ``.``
matches a newline too; ``\\d \\w \\s`` are ASCII (``ascii_classes`` spells them out for
every layer), and ``\\D \\W \\S`` are refused inside a set. ``python_pattern`` gives
the equivalent Python ``re`` source, compiled with ``PYTHON_FLAGS``.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator

from schemacog.schema import pattern_cost

__all__ = [
    "ALLOWED_ESCAPES",
    "MAX_REPEAT",
    "PYTHON_FLAGS",
    "PatternError",
    "ascii_classes",
    "check_portable",
    "matches",
    "python_pattern",
    "replace_dollar",
]

ALLOWED_ESCAPES = frozenset("dDwWsSntrfv")
MAX_REPEAT = 255
PYTHON_FLAGS = re.DOTALL
_REPEAT = re.compile(r"\{([0-9]+)(,([0-9]*))?\}")
_HEX2 = re.compile(r"[0-9a-fA-F]{2}")
_HEX_DIGITS = "0123456789abcdefABCDEF"


class PatternError(ValueError):
    """A pattern outside the portable subset; ``offset`` is the 0-based index in it."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


def _escape_length(pattern: str, at: int, *, in_set: bool = False) -> int:
    """Length of the escape sequence starting with the backslash at ``at``."""
    if at + 1 >= len(pattern):
        raise PatternError("pattern ends with a lone backslash", at)
    char = pattern[at + 1]
    if not char.isascii():
        raise PatternError(
            f"escape \\{char} is not portable (DuckDB's RE2 refuses an escaped non-ASCII "
            "character); write the character itself",
            at,
        )
    if char in ALLOWED_ESCAPES or not char.isalnum():
        return 2
    if char == "x" and _HEX2.match(pattern, at + 2):
        following = pattern[at + 4 : at + 5]
        if following and following in _HEX_DIGITS:  # PostgreSQL reads every hex digit
            digits = pattern[at + 2 : at + 4]
            fix = f"put {following!r} before it" if in_set else f"write \\x{digits}[{following}]"
            message = f"\\x{digits}{following} is not portable; {fix}"
            raise PatternError(message, at)
        return 4
    if char.isdigit():
        raise PatternError(f"backreference or octal escape \\{char} is not portable", at)
    raise PatternError(f"escape \\{char} is not portable (PostgreSQL, RE2 and PCRE differ)", at)


def _class_end(pattern: str, start: int) -> int:
    """Index just after the character class opening at ``start``."""
    at = start + 1
    if pattern.startswith("^", at):
        at += 1
    if pattern.startswith("]", at):
        at += 1
    while at < len(pattern):
        char = pattern[at]
        if char == "\\":
            if pattern[at + 1 : at + 2] == "v" and pattern[at + 2 : at + 3] in tuple(_HEX_DIGITS):
                raise PatternError(
                    f"\\v followed by {pattern[at + 2]!r} in a character class is not portable; "
                    "put the hex digit before it",
                    at,
                )
            if pattern[at + 1 : at + 2] in ("D", "W", "S"):
                raise PatternError(
                    f"\\{pattern[at + 1]} inside a character class is not portable "
                    "(PostgreSQL refuses it); write the set it leaves out, negated",
                    at,
                )
            at += _escape_length(pattern, at, in_set=True)
            continue
        if char == "]":
            return at + 1
        if char == "[":
            raise PatternError("'[' inside a character class is not portable; escape it", at)
        if pattern.startswith(("--", "&&", "~~", "||"), at):
            raise PatternError(f"{pattern[at : at + 2]!r} in a character class is not portable", at)
        at += 1
    raise PatternError("character class is not closed", start)


def check_portable(pattern: str, length: int = pattern_cost.IMPLIED_MAX_LENGTH) -> None:
    """Raise PatternError if ``pattern`` is outside the portable subset, invalid, or too
    slow or too big for an engine (``pattern_cost``) on texts of at most ``length``."""
    if not pattern:
        raise PatternError("pattern is empty", 0)
    at = 0
    previous_quantifier = False
    depth = 0
    while at < len(pattern):
        char = pattern[at]
        quantifier = False
        if char == "\\":
            at += _escape_length(pattern, at)
        elif char == "[":
            at = _class_end(pattern, at)
        elif char == "(":
            if pattern.startswith("(?", at) and not pattern.startswith("(?:", at):
                raise PatternError(
                    "only (?: ) groups are portable: no lookaround, named groups or flags", at
                )
            at += 3 if pattern.startswith("(?:", at) else 1
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            at += 1
        elif char == "{":
            match = _REPEAT.match(pattern, at)
            if match is None:
                raise PatternError("'{' must start a repeat {n}, {n,} or {n,m}; escape it", at)
            numbers = [int(n) for n in (match.group(1), match.group(3)) if n]
            if max(numbers) > MAX_REPEAT:
                raise PatternError(f"repeat counts above {MAX_REPEAT} are not portable", at)
            if len(numbers) == 2 and numbers[0] > numbers[1]:
                raise PatternError("repeat {n,m} needs n <= m", at)
            quantifier = True
            at = match.end()
        elif char in "*+?":
            if char == "+" and previous_quantifier:
                raise PatternError("possessive quantifiers are not portable", at)
            quantifier = char != "?" or not previous_quantifier  # else: the lazy form
            at += 1
        else:
            at += 1
        previous_quantifier = quantifier
    _compile_check(pattern)
    for problem in pattern_cost.costs(pattern, length):
        raise PatternError(problem.message, problem.offset)


def _compile_check(pattern: str) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            # as written (Python refuses a shorthand class as a range end, "[\\d-z]"),
            # then with the ASCII sets every layer gets
            re.compile(replace_dollar(pattern, r"\Z"), PYTHON_FLAGS)
            re.compile(python_pattern(pattern), PYTHON_FLAGS)
    except (re.error, FutureWarning) as exc:
        offset = getattr(exc, "pos", None) or 0
        raise PatternError(f"invalid pattern: {getattr(exc, 'msg', exc)}", offset) from None


def python_pattern(pattern: str) -> str:
    """The Python ``re`` source with PostgreSQL's meaning: ``$`` becomes ``\\Z``."""
    return replace_dollar(ascii_classes(pattern), r"\Z")


# One meaning for the shorthand classes, in every layer: ASCII. Each engine reads \d, \w
# and \s its own way on other characters (Arabic-Indic and fullwidth digits, letters such
# as "ß", U+00A0 and U+2003 split Python, PostgreSQL, RE2 and PCRE2 several ways), so
# every layer gets these explicit sets instead; \v is U+000B alone (PCRE2 reads any
# vertical space), bracketed outside a set so that a hex digit after it cannot join it.
_IN_SET = {"\\d": "0-9", "\\w": "0-9A-Za-z_", "\\s": "\\t\\n\\x0b\\f\\r ", "\\v": "\\x0b"}
_OUTSIDE = {escape: f"[{spelt}]" for escape, spelt in _IN_SET.items()}
_OUTSIDE |= {escape.upper(): f"[^{_IN_SET[escape]}]" for escape in ("\\d", "\\w", "\\s")}


def _tokens(text: str, *, in_set: bool = False) -> Iterator[str]:
    """``text`` as escapes, whole character classes (outside a set) and single characters."""
    at = 0
    while at < len(text):
        if text[at] == "\\":
            step = _escape_length(text, at, in_set=in_set)
        elif text[at] == "[" and not in_set:
            step = _class_end(text, at) - at
        else:
            step = 1
        yield text[at : at + step]
        at += step


def ascii_classes(pattern: str) -> str:
    """``pattern`` with ``\\d \\w \\s \\v`` (``\\D \\W \\S`` outside sets) as explicit ASCII."""
    return "".join(
        "".join(_IN_SET.get(part, part) for part in _tokens(token, in_set=True))
        if token.startswith("[")  # a whole class: "[" alone is never a token outside one
        else _OUTSIDE.get(token, token)
        for token in _tokens(pattern)
    )


def replace_dollar(pattern: str, anchor: str) -> str:
    """``pattern`` with each ``$`` anchor (not escaped, not in a class) replaced."""
    return "".join(anchor if token == "$" else token for token in _tokens(pattern))


_COMPILED: dict[str, re.Pattern[str]] = {}


def matches(pattern: str, text: str) -> bool:
    """Does ``text`` match ``pattern`` with PostgreSQL ``~`` semantics?"""
    compiled = _COMPILED.get(pattern)
    if compiled is None:
        compiled = _COMPILED[pattern] = re.compile(python_pattern(pattern), PYTHON_FLAGS)
    return compiled.search(text) is not None
