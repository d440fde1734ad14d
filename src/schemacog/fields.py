"""Reading typed fields out of loader nodes while collecting every problem.

``Reader`` is the small toolkit the validator is written with: each method checks one
node, records a positioned problem when it is wrong and returns None, so that one run
reports every mistake of a file.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable

from schemacog.errors import Pos, Problem
from schemacog.loader import MapNode, Node, ScalarNode, SeqNode, kind_of
from schemacog.naming import IDENTIFIER


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` when a close option exists, else ``""``."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


class Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def error(self, where: Node | Pos, message: str) -> None:
        pos = where if isinstance(where, Pos) else where.pos
        self.problems.append(Problem(pos, message))

    def mapping(self, node: Node, what: str) -> MapNode | None:
        if isinstance(node, MapNode):
            return node
        self.error(node, f"{what} must be a mapping, found {kind_of(node)}")
        return None

    def sequence(self, node: Node, what: str) -> SeqNode | None:
        if isinstance(node, SeqNode):
            return node
        self.error(node, f"{what} must be a list, found {kind_of(node)}")
        return None

    def keys(
        self,
        node: MapNode,
        allowed: Collection[str],
        what: str,
        required: Collection[str] = (),
    ) -> bool:
        """Report unknown keys (with a suggestion) and missing required keys."""
        ok = True
        for key, key_node in node.keys.items():
            if key not in allowed:
                hint = did_you_mean(key, allowed)
                self.error(key_node, f"unknown key {key!r} in {what}{hint}")
                ok = False
        for key in required:
            if key not in node.items:
                self.error(node, f"{what} is missing required key {key!r}")
                ok = False
        return ok

    def string(self, node: Node, what: str) -> str | None:
        if isinstance(node, ScalarNode) and isinstance(node.value, str):
            return node.value
        self.error(node, f"{what} must be a string, found {kind_of(node)}")
        return None

    def optional_string(self, node: Node | None, what: str) -> str | None:
        if node is None or (isinstance(node, ScalarNode) and node.value is None):
            return None
        return self.string(node, what)

    def boolean(self, node: Node, what: str) -> bool | None:
        if isinstance(node, ScalarNode) and isinstance(node.value, bool):
            return node.value
        self.error(node, f"{what} must be true or false, found {kind_of(node)}")
        return None

    def integer(self, node: Node, what: str, low: int, high: int) -> int | None:
        value = node.value if isinstance(node, ScalarNode) else None
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(node, f"{what} must be an integer, found {kind_of(node)}")
            return None
        if not low <= value <= high:
            self.error(node, f"{what} must be between {low} and {high}, found {value}")
            return None
        return value

    def identifier(self, node: Node, what: str) -> str | None:
        text = self.string(node, what)
        if text is None:
            return None
        return self.check_identifier(node, text, what)

    def check_identifier(self, where: Node | Pos, text: str, what: str) -> str | None:
        if IDENTIFIER.match(text):
            return text
        self.error(
            where,
            f"{what} {text!r} is not an identifier "
            "(a letter or '_', then letters, digits, '_'; at most 63 characters)",
        )
        return None

    def name_list(
        self, node: Node, what: str, known: Collection[str] | None = None, owner: str = ""
    ) -> tuple[str, ...] | None:
        """A non-empty list of distinct names, each in ``known`` when given."""
        seq = self.sequence(node, what)
        if seq is None:
            return None
        if not seq.items:
            self.error(node, f"{what} must not be empty")
            return None
        names: list[str] = []
        ok = True
        for item in seq.items:
            name = self.string(item, f"an entry of {what}")
            if name is None:
                ok = False
            elif name in names:
                self.error(item, f"{name!r} appears twice in {what}")
                ok = False
            elif known is not None and name not in known:
                hint = did_you_mean(name, known)
                self.error(item, f"unknown column {name!r} in {owner or what}{hint}")
                ok = False
            else:
                names.append(name)
        return tuple(names) if ok else None
