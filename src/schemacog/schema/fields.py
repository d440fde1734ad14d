"""Reading typed fields out of loader nodes while collecting every problem.

Each reader takes the ``Problems`` it reports into, checks one node and returns its
value; when the node is wrong it adds a positioned problem and returns None, so that
one run reports every mistake of a file.
"""

from __future__ import annotations

import difflib
import functools
from collections import Counter
from collections.abc import Collection, Iterable

from schemacog.errors import Pos, Problem
from schemacog.naming import IDENTIFIER
from schemacog.schema.loader import MapNode, Node, ScalarNode, SeqNode, kind_of, scalar_kind

__all__ = [
    "MAX_COMPARED",
    "Problems",
    "boolean",
    "check_identifier",
    "check_keys",
    "did_you_mean",
    "identifier",
    "integer",
    "mapping",
    "name_list",
    "optional_string",
    "sequence",
    "string",
    "tokens",
]


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` when a close option exists, else ``""``.

    difflib compares the word with every option (each comparison quadratic in the
    lengths), so over thousands of similar names each lookup, and a schema full of wrong
    names, would cost names x lookups. Only ``MAX_COMPARED`` options are compared: those
    sharing the most rare trigrams with the word (an index built once per set of
    options), then those nearest in length.
    """
    names = options if isinstance(options, tuple) else tuple(options)
    candidates = names if len(names) <= MAX_COMPARED else _NameIndex.of(names).nearest(word)
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


MAX_COMPARED = 64  # options difflib compares in one lookup
_MAX_POSTINGS = 256  # a trigram in more options than this says little: not counted
_MAX_WORD_GRAMS = 32  # trigrams of the word looked up, at most


def _trigrams(text: str) -> set[str]:
    padded = f"\x00{text}\x00"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class _NameIndex:
    """Options by trigram and by length, to pick a few candidates without reading all."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names
        self.postings: dict[str, list[int]] = {}
        self.by_length: dict[int, list[int]] = {}
        for number, name in enumerate(names):
            for gram in _trigrams(name[:256]):
                self.postings.setdefault(gram, []).append(number)
            self.by_length.setdefault(len(name), []).append(number)
        self.lengths = sorted(self.by_length)

    @staticmethod
    @functools.lru_cache(maxsize=8)
    def of(names: tuple[str, ...]) -> _NameIndex:
        return _NameIndex(names)

    def nearest(self, word: str) -> list[str]:
        """At most MAX_COMPARED options: most shared rare trigrams, then nearest length."""
        shared: Counter[int] = Counter()
        for gram in sorted(_trigrams(word[:256]))[:_MAX_WORD_GRAMS]:
            posting = self.postings.get(gram, ())
            if len(posting) <= _MAX_POSTINGS:
                shared.update(posting)
        chosen = dict.fromkeys(number for number, _ in shared.most_common(MAX_COMPARED))
        for length in sorted(self.lengths, key=lambda n: (abs(n - len(word)), n)):
            if len(chosen) >= MAX_COMPARED:
                break
            for number in self.by_length[length][: MAX_COMPARED - len(chosen)]:
                chosen.setdefault(number)
        return [self.names[number] for number in chosen]


class Problems(list[Problem]):
    """The positioned problems found so far, in the order they were found."""

    def add(self, where: Node | Pos, message: str) -> None:
        self.append(Problem(where if isinstance(where, Pos) else where.pos, message))


def mapping(problems: Problems, node: Node, what: str, *, show: bool = True) -> MapNode | None:
    """``node`` as a mapping, else a problem; ``show=False``: the problem names only the
    kind of what was found, not its value (a whole file that is no schema: maybe a
    secret, as a symbolic link to .env makes it)."""
    if isinstance(node, MapNode):
        return node
    found = kind_of(node)
    if not show and isinstance(node, ScalarNode):
        kind = scalar_kind(node.value).split(" ")[0]
        found = "null" if node.value is None else f"a {kind}"
    problems.add(node, f"{what} must be a mapping, found {found}")
    return None


def sequence(problems: Problems, node: Node, what: str) -> SeqNode | None:
    if isinstance(node, SeqNode):
        return node
    problems.add(node, f"{what} must be a list, found {kind_of(node)}")
    return None


def check_keys(
    problems: Problems,
    node: MapNode,
    allowed: Collection[str],
    what: str,
    required: Collection[str] = (),
) -> bool:
    """Report unknown keys (with a suggestion) and missing required keys; True if none."""
    ok = True
    meant: set[str] = set()  # required keys an unknown key was probably meant to be
    for key, key_node in node.keys.items():
        if key not in allowed:
            hint = did_you_mean(key, allowed)
            problems.add(key_node, f"unknown key {key!r} in {what}{hint}")
            meant |= {k for k in required if hint == f"; did you mean {k!r}?"}
            ok = False
    for key in required:
        if key not in node.items:
            if key not in meant:  # one mistake, one error: the misspelt key is said
                problems.add(node, f"{what} is missing required key {key!r}")
            ok = False
    return ok


def string(problems: Problems, node: Node, what: str) -> str | None:
    if isinstance(node, ScalarNode) and isinstance(node.value, str):
        return node.value
    problems.add(node, f"{what} must be a string, found {kind_of(node)}")
    return None


def optional_string(problems: Problems, node: Node | None, what: str) -> str | None:
    if node is None or (isinstance(node, ScalarNode) and node.value is None):
        return None
    return string(problems, node, what)


def boolean(problems: Problems, node: Node, what: str) -> bool | None:
    if isinstance(node, ScalarNode) and isinstance(node.value, bool):
        return node.value
    problems.add(node, f"{what} must be true or false, found {kind_of(node)}")
    return None


def integer(problems: Problems, node: Node, what: str, low: int, high: int) -> int | None:
    value = node.value if isinstance(node, ScalarNode) else None
    if isinstance(value, bool) or not isinstance(value, int):
        problems.add(node, f"{what} must be an integer, found {kind_of(node)}")
        return None
    if not low <= value <= high:
        problems.add(node, f"{what} must be between {low} and {high}, found {value}")
        return None
    return value


def identifier(problems: Problems, node: Node, what: str) -> str | None:
    text = string(problems, node, what)
    if text is None:
        return None
    return check_identifier(problems, node, text, what)


def check_identifier(problems: Problems, where: Node | Pos, text: str, what: str) -> str | None:
    if IDENTIFIER.match(text):
        return text
    problems.add(
        where,
        f"{what} {text!r} is not an identifier "
        "(a letter or '_', then letters, digits, '_'; at most 63 characters)",
    )
    return None


def name_list(
    problems: Problems,
    node: Node,
    what: str,
    known: Collection[str] | None = None,
    owner: str = "",
) -> tuple[str, ...] | None:
    """A non-empty list of distinct names, each in ``known`` when given."""
    seq = sequence(problems, node, what)
    if seq is None:
        return None
    if not seq.items:
        problems.add(node, f"{what} must not be empty")
        return None
    names: list[str] = []
    ok = True
    for item in seq.items:
        name = string(problems, item, f"an entry of {what}")
        if name is None:
            ok = False
        elif name in names:
            problems.add(item, f"{name!r} appears twice in {what}")
            ok = False
        elif known is not None and name not in known:
            hint = did_you_mean(name, known)
            problems.add(item, f"unknown column {name!r} in {owner or what}{hint}")
            ok = False
        else:
            names.append(name)
    return tuple(names) if ok else None


def tokens(problems: Problems, node: Node, what: str) -> tuple[str, ...] | None:
    """A list of distinct strings (an empty string is a valid token)."""
    seq = sequence(problems, node, what)
    if seq is None:
        return None
    found: list[str] = []
    for item in seq.items:
        token = string(problems, item, f"an entry of {what}")
        if token is not None and token in found:
            problems.add(item, f"{token!r} appears twice in {what}")
        elif token is not None:
            found.append(token)
    return tuple(found)
