"""The portable regex subset: what is accepted, what is refused, and PostgreSQL semantics."""

from __future__ import annotations

import pytest

from schemacog.schema.patterns import PatternError, check_portable, matches, python_pattern


@pytest.mark.parametrize(
    "pattern",
    [
        "^[^@ ]+@[^@ ]+$",
        "^[A-Z]{2}[0-9]{9}[A-Z]{2}$",
        r"^\d{3}-\d{4}$",
        r"^(?:ab|cd)?\.x*$",
        r"[]a]",
        r"[^]a-z]",
        r"\x41\t\n\.\$\[",
        "a{0,255}",
        "^$",
        "[$^.]",
        r"^(\d{3}-)+\d{4}$",
        "^(ab)+(c+)?$",
        "(a+)?",
    ],
)
def test_portable_patterns_are_accepted(pattern: str) -> None:
    check_portable(pattern)


@pytest.mark.parametrize(
    ("pattern", "message", "offset"),
    [
        ("", "pattern is empty", 0),
        ("a(?=b)", "only (?: ) groups are portable", 1),
        ("(?<!a)b", "only (?: ) groups are portable", 0),
        ("(?P<n>a)", "only (?: ) groups are portable", 0),
        ("(?i)abc", "only (?: ) groups are portable", 0),
        ("(?>a)", "only (?: ) groups are portable", 0),
        (r"(a)\1", "backreference or octal escape", 3),
        (r"\bword", "escape \\b is not portable", 0),
        (r"\Aa", "escape \\A is not portable", 0),
        (r"a\Z", "escape \\Z is not portable", 1),
        (r"\p{L}", "escape \\p is not portable", 0),
        ("a*+", "possessive quantifiers are not portable", 2),
        ("a{2}+", "possessive quantifiers are not portable", 4),
        ("[[:alpha:]]", "'[' inside a character class is not portable", 1),
        ("[a--b]", "in a character class is not portable", 2),
        ("a{256}", "repeat counts above 255 are not portable", 1),
        ("a{3,2}", "repeat {n,m} needs n <= m", 1),
        ("a{x}", "'{' must start a repeat", 1),
        ("[a-z", "character class is not closed", 0),
        ("a\\", "pattern ends with a lone backslash", 1),
        (r"\x41B", "\\x41B is not portable; write \\x41[B]", 0),
        ("(ab", "invalid pattern: missing ), unterminated subpattern", 0),
        ("*a", "invalid pattern: nothing to repeat", 0),
        ("^(a+)+$", "can take exponential time", 5),
        ("((a)+)*", "can take exponential time", 6),
        ("^(?:a{1,2})+$", "can take exponential time", 11),  # bounded, still ambiguous
        ("^(a|aa)+$", "can take exponential time", 7),
        ("^(?:a|b|ab)*c$", "can take exponential time", 11),  # options that start alike
        ("^(a|a)+$", "can take exponential time", 6),
        ("(a?){10}", "can take exponential time", 4),  # an iteration may be empty
        ("^" + "a?" * 31 + "a" * 31 + "$", "can try more than 100000000 ways", 0),
        ("^" + "a?" * 24 + "a" * 24 + "$", "can try more than 100000000 ways", 0),
        ("^a*a*a*a*a*a*a*a*a*a*$", "can try more than 100000000 ways", 0),
        ("^a*a*a*$", "can try more than 100000000 ways", 0),  # 1000 choices each, one decides
        (r"(?:\d+)?\d*\d*\d*\d*\d*\d*\d*x", "can try more than 100000000 ways", 0),
        (".*.*.*.*.*.*=", "can try more than 100000000 ways", 0),
        (".*.*=", "can try more than 100000000 ways", 0),  # unanchored: the search is a factor too
        ("a*b*a*b*a*b*a*", "can try more than 100000000 ways", 0),  # trading across empty b*
        # unanchored, a repeated group: every start times every iteration, and an iteration
        # of a group costs Python about ten times a character's (anchored, they pass)
        ("(?:x*y){2,}", "can try more than 100000000 ways", 0),
        ("((ab)?c)+", "can try more than 100000000 ways", 0),
        (r"(\d{3}-)+", "can try more than 100000000 ways", 0),
        ("(?:aa|b)*$", "can try more than 100000000 ways", 0),
        # a bounded ambiguous part before an unbounded repeat that gives back each place
        ("^(a|a){16}.*x$", "can try more than 100000000 ways", 0),
        ("^(?:a|a){12}(?:b|b){4}.*x$", "can try more than 100000000 ways", 0),
        # parts that can match nothing end the pattern, but a late '^' can still fail
        ("(?:a*a*b)?^", "can try more than 100000000 ways", 0),
        ("(?:a*a*b)?$", "can try more than 100000000 ways", 0),
        # a quantified group after a repeat runs Python's group machinery at every try
        ("a*(?:a{0})?$", "can try more than 100000000 ways", 0),
        ("^(.*),(.*)(?:xy)?$", "can try more than 100000000 ways", 0),
        (r"^(?:\d\d\d\d\d\d\d\d){250}$|^x$", "compiles to about 67508 bytes", 0),
        (r"^a\—b$", "escape \\— is not portable (DuckDB's RE2", 2),
        # ways times the work of each try (Python took 1 s, MariaDB: match limit exceeded)
        (
            r"^(?:ab|[ab]b){16}y(?:dz|ez|fz|gz|hz|iz|jz|kz|lz|mz|nz|oz|pz|qz|rz|sz|tz|c)*x",
            "can try more than 100000000 ways",  # 2**16 ways times the ends of the last *
            0,
        ),
        ("^c{0,45}c{0,45}c{0,45}(?:c|d){200}$", "more than 5000000 steps: 97336 ways", 0),
        # bounded repeats count too, and an unanchored search tries every start
        ("a{0,99}a{0,99}a{0,99}[ab]{50}[bc]", "can try more than 100000000 ways", 0),
        ("^a{0,99}a{0,99}a{0,99}(?:[ab]{2}){120}[bc]", "more than 5000000 steps", 0),
        # PCRE2 lists each member beyond the first 256 characters; 😀 takes 5 bytes
        ("^(?:[" + "".join(chr(0x100 + i) for i in range(100)) + "]){250}$", "compiles to", 0),
        ("^" + "[aéĀ-ſ一-龥]" * 1810 + "$", "compiles to about 81450 bytes", 0),
        ("^" + "\U0001f600" * 14990 + "$", "compiles to about 74950 bytes", 0),
        # PostgreSQL: 1,400 classes over 1,000 distinct characters
        (
            "^" + "".join(chr(0x100 + i) for i in range(1000)) + "[^a]{250}" * 5 + "[^a]{150}$",
            "which PostgreSQL finds too complex",
            0,
        ),
        ("(a{200}){6}", "nested repeat counts multiply to 1200, more than 1000", 8),
        ("((a{10}){10}){11}", "multiply to 1100", 13),
        ("a{255}" * 79, "expands to more than 20000 characters and classes", 0),
        ("ab" * 10_001, "expands to more than 20000", 0),
    ],
)
def test_unportable_patterns_are_refused(pattern: str, message: str, offset: int) -> None:
    with pytest.raises(PatternError) as caught:
        check_portable(pattern)
    assert message in str(caught.value)
    assert caught.value.offset == offset


@pytest.mark.parametrize(
    "pattern",
    [
        r"^([0-9]{1,3}\.){3}[0-9]{1,3}$",  # each part ends at a dot its digits are not
        r"^[a-z0-9]+(?:-[a-z0-9]+)*$",  # each iteration starts with a '-'
        r"^[a-z]+(?:_[a-z]+)*$",
        r"^[A-Z][a-z]+(?: [A-Z][a-z]+)*$",
        r"^[^,]+(?:,[^,]+)*$",
        r"^\w+(?:\.\w+)*@\w+(?:\.\w+)+$",
        r"^[a-z]{1,63}(?:\.[a-z]{1,63}){0,3}$",
        r"^([a-z]+\.)*[a-z]+$",  # each iteration ends with a dot
        "^(?:x*y){2,}",
        "^(?:ab|cd)+$",  # options that start differently, all of one length
        "^((ab)?c)+",
        "^" + "a?" * 16 + "a" * 16 + "$",  # 65,536 ways
        "^a*a*$",
        "^(.*),(.*)$",
        "^a*b*c*d*e*$",  # none can take what the next starts with
        r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$",  # 65,536 ways of 10 steps
        "^[^,]*,[^,]*,[^,]*,[^,]*$",  # a delimiter ends a run
        "^" + "(?:ab|cd){0,250}e" * 4 + "$",
        "^(?:%[0-9A-F]{2}|[a-z])+$",  # options told apart by their first character
        "((a|b)(c|d)){6}",
        "(a{200}){5}",
        "a{255}" * 78,
        r"^(\d{3}-)+",
        "[a-z0-9]+(?:-[a-z0-9]+)*",
    ],
)
def test_patterns_near_the_limits_are_portable(pattern: str) -> None:
    check_portable(pattern)


def test_dollar_anchors_the_very_end_like_postgres() -> None:
    assert python_pattern("^a$") == r"^a\Z"
    assert python_pattern(r"[$]\$$") == r"[$]\$\Z"
    assert matches("^a$", "a")
    assert not matches("^a$", "a\n")


def test_dot_matches_a_newline_like_postgres() -> None:
    assert matches("^a.b$", "a\nb")


def test_match_is_a_search_like_postgres() -> None:
    assert matches("b", "abc")
    assert not matches("^b", "abc")
