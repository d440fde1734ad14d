"""Safe YAML loading into nodes that remember where they came from.

The loader consumes the parser's event stream (libyaml's C parser when present) and
builds the tree itself, iteratively, so that it can refuse what a schema never needs
before any of it is expanded: anchors and aliases, explicit tags, duplicate keys,
non-string keys, more than one document, nesting deeper than ``MAX_DEPTH``. Plain
scalars resolve by the YAML 1.2 core schema only (``no``, ``on`` and ``2024-01-01``
stay strings).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from schemacog import paths
from schemacog.errors import Pos, Problem, SchemaError

__all__ = [
    "FORBIDDEN_CHARS",
    "MAX_DEPTH",
    "MAX_ENTRIES",
    "MAX_FILE_BYTES",
    "MAX_INT_DIGITS",
    "MAX_SHOWN",
    "Loaded",
    "MapNode",
    "Node",
    "Scalar",
    "ScalarNode",
    "SeqNode",
    "decode",
    "kind_of",
    "load_file",
    "load_text",
    "pos_in",
    "scalar_kind",
    "shown_value",
    "string_problem",
    "to_python",
]

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_SHOWN = 80  # characters of a value a message shows
MAX_DEPTH = 64
MAX_INT_DIGITS = 40
MAX_ENTRIES = 10_000  # per mapping or list: stops wide hostile files early

try:
    _Parser: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Parser = yaml.SafeLoader

Scalar = str | int | float | bool | None


@dataclass(slots=True)
class Node:
    pos: Pos


@dataclass(slots=True)
class ScalarNode(Node):
    value: Scalar
    plain: bool = True
    # a string value's source: the file's text, and where the scalar starts and ends in it
    source: tuple[str, int, int] | None = None


def pos_in(node: ScalarNode, offset: int) -> Pos:
    """Where the character at ``offset`` of a string scalar's value is in its file (past
    the end: after its last character).

    A double-quoted scalar is read by YAML's escapes and folding; any other style by
    finding the value's characters in order in the source, skipping what YAML adds or
    folds (quotes, a block's header and indentation, line breaks). Where neither reads,
    the scalar's own position.
    """
    if node.source is None or not isinstance(node.value, str) or not node.value:
        return node.pos
    text, start, end = node.source
    source = text[start:end]
    last = min(offset, len(node.value) - 1)
    spots = _double_quoted_spots(source) if source[:1] == '"' else None
    if spots is not None and "".join(char for char, _ in spots) == node.value:
        at = spots[last][1]
    else:
        at = source.find("\n") + 1 if source[:1] in "|>" else int(source[:1] in "'\"")
        for index, char in enumerate(node.value[: last + 1]):
            if not char.isspace():
                found = source.find(char, at)
                if found < 0:
                    return node.pos
                at = found
            if index < last:
                at += 1
    absolute = start + at + (offset - last)
    line = text.count("\n", 0, absolute) + 1
    return Pos(node.pos.path, line, absolute - text.rfind("\n", 0, absolute))


@dataclass(slots=True)
class SeqNode(Node):
    items: list[Node] = field(default_factory=list)


@dataclass(slots=True)
class MapNode(Node):
    """A mapping with string keys, in file order; ``keys`` holds each key's node."""

    items: dict[str, Node] = field(default_factory=dict)
    keys: dict[str, ScalarNode] = field(default_factory=dict)


def to_python(node: Node) -> object:
    """The plain Python value of a node (dicts, lists, scalars)."""
    if isinstance(node, ScalarNode):
        return node.value
    if isinstance(node, SeqNode):
        return [to_python(item) for item in node.items]
    assert isinstance(node, MapNode)
    return {key: to_python(value) for key, value in node.items.items()}


def kind_of(node: Node) -> str:
    """A short human name of what a node holds, for messages."""
    if isinstance(node, MapNode):
        return "a mapping"
    if isinstance(node, SeqNode):
        return "a list"
    assert isinstance(node, ScalarNode)
    return scalar_kind(node.value)


def scalar_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, int):
        return f"integer {value}"
    if isinstance(value, float):
        return f"float {value!r}"
    return f"string {shown_value(value)}"


def shown_value(value: object) -> str:
    """``repr(value)``, cut to ``MAX_SHOWN`` characters: a message names a value, it never
    echoes a whole file."""
    shown = repr(value)
    if len(shown) > MAX_SHOWN:
        shown = shown[: MAX_SHOWN - 5] + "...'" + f" ({len(str(value))} characters)"
    return shown


# --- YAML 1.2 core schema -------------------------------------------------------------

_NULL = re.compile(r"(?:~|null|Null|NULL|)\Z")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT10 = re.compile(r"[-+]?[0-9]+\Z")
_INT8 = re.compile(r"0o[0-7]+\Z")
_INT16 = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)\Z")


def _resolve_plain(text: str) -> Scalar:
    """Resolve a plain scalar by the YAML 1.2 core schema; raise ValueError if too large."""
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    for pattern, base, skip in ((_INT10, 10, 0), (_INT8, 8, 2), (_INT16, 16, 2)):
        if pattern.match(text):
            if len(text) > MAX_INT_DIGITS:
                raise ValueError(f"integer {text[:20]}... is too large")
            return int(text[skip:], base)
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NAN.match(text):
        return float("nan")
    return text


# --- characters a schema string may not hold ------------------------------------------

FORBIDDEN_CHARS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_COG_MARKERS = ("[[[cog", "[[[end]]]", "]]]")


def string_problem(text: str, *, multiline: bool) -> str | None:
    """Why ``text`` cannot appear in a schema, or None if it can.

    Schema strings end up inside generated Python, SQL, Markdown and Mermaid, and inside
    cog regions: control characters, line separators, bidi controls and cog's own markers
    are refused so that no string can change the structure of generated output.
    """
    bad = FORBIDDEN_CHARS.search(text)
    if bad is None and not multiline:
        bad = re.search("[\n\t]", text)
    if bad is not None:
        return f"character U+{ord(bad.group()):04X} is not allowed in schema strings"
    for marker in _COG_MARKERS:
        if marker in text:
            return f"{marker!r} is cog's marker syntax and is not allowed in schema strings"
    return None


# --- the event-driven builder ---------------------------------------------------------


_SIMPLE_ESCAPES = dict(
    zip('0abtnvfre "/\\N_LP\t', '\0\a\b\t\n\v\f\r\x1b "/\\\x85\xa0\u2028\u2029\t', strict=True)
)
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


def _double_quoted_spots(source: str) -> list[tuple[str, int]] | None:
    """(character, where it is in ``source``) of a double-quoted scalar's value, by YAML's
    escapes and line folding; None where the source does not read so."""
    spots: list[tuple[str, int]] = []
    at, end = 1, len(source) - 1
    while at < end:
        char = source[at]
        if char == "\\":
            escape = source[at + 1 : at + 2]
            if escape in ("\n", "\r"):  # an escaped line break: it and the indentation go
                at += 2 + (source[at + 1 : at + 3] == "\r\n")
                while at < end and source[at] in " \t":
                    at += 1
                continue
            digits = _HEX_ESCAPES.get(escape)
            if digits is not None:
                try:
                    spots.append((chr(int(source[at + 2 : at + 2 + digits], 16)), at))
                except ValueError:
                    return None
                at += 2 + digits
            elif escape in _SIMPLE_ESCAPES:
                spots.append((_SIMPLE_ESCAPES[escape], at))
                at += 2
            else:
                return None
        elif char in "\r\n":  # folding: spaces around the break go, one break is a space
            while spots and spots[-1][0] in " \t" and source[spots[-1][1]] != "\\":
                spots.pop()
            breaks, first = 0, at
            while at < end and source[at] in " \t\r\n":
                breaks += source[at] == "\n" or (
                    source[at] == "\r" and source[at + 1 : at + 2] != "\n"
                )
                at += 1
            spots += [(" ", first)] if breaks == 1 else [("\n", first)] * (breaks - 1)
        else:
            spots.append((char, at))
            at += 1
    return spots


class _Builder:
    def __init__(self, path: str, text: str = "") -> None:
        self.path = path
        self.text = text
        self.problems: list[Problem] = []
        self.stack: list[SeqNode | MapNode] = []
        self.pending_key: list[Node | None] = []
        self.root: Node | None = None
        self.documents = 0
        self.fatal = False
        self.alias_positions: set[Pos] = set()

    def pos(self, event: yaml.Event) -> Pos:
        mark = event.start_mark
        assert mark is not None  # the parser marks every event
        return Pos(self.path, mark.line + 1, mark.column + 1)

    def error(self, pos: Pos, message: str) -> None:
        self.problems.append(Problem(pos, message))

    def feed(self, events: Iterator[yaml.Event]) -> None:
        for event in events:
            if isinstance(event, yaml.ScalarEvent):
                self.on_scalar(event)
            elif isinstance(event, yaml.CollectionStartEvent):
                self.on_start(event)
            elif isinstance(event, yaml.CollectionEndEvent):
                self.on_end()
            elif isinstance(event, yaml.AliasEvent):
                self.on_alias(event)
            elif isinstance(event, yaml.DocumentStartEvent):
                self.on_document(event)

    def on_document(self, event: yaml.Event) -> None:
        self.documents += 1
        if self.documents > 1:
            self.error(self.pos(event), "a schema file holds one YAML document, found another")
            self.fatal = True
            raise _Stop

    def check_node_event(self, event: yaml.NodeEvent) -> None:
        if event.anchor is not None:
            self.error(self.pos(event), f"YAML anchors are not allowed (&{event.anchor})")
        tag = getattr(event, "tag", None)
        if tag is not None:
            self.error(self.pos(event), f"YAML tags are not allowed ({tag})")

    def on_alias(self, event: yaml.AliasEvent) -> None:
        pos = self.pos(event)
        self.error(pos, f"YAML aliases are not allowed (*{event.anchor})")
        self.alias_positions.add(pos)
        self.add(ScalarNode(pos, None))

    def on_scalar(self, event: yaml.ScalarEvent) -> None:
        self.check_node_event(event)
        pos = self.pos(event)
        plain = bool(event.implicit[0]) and event.tag is None
        value: Scalar = event.value
        if plain:
            try:
                value = _resolve_plain(event.value)
            except ValueError as exc:
                self.error(pos, str(exc))
                value = None
        source = None
        if isinstance(value, str):
            is_key = bool(self.stack) and isinstance(self.stack[-1], MapNode)
            is_key = is_key and self.pending_key[-1] is None
            reason = string_problem(value, multiline=not is_key)
            if reason is not None:
                self.error(pos, reason)
            if not is_key and event.start_mark is not None and event.end_mark is not None:
                source = (self.text, event.start_mark.index, event.end_mark.index)
        self.add(ScalarNode(pos, value, plain, source))

    def on_start(self, event: yaml.CollectionStartEvent) -> None:
        self.check_node_event(event)
        pos = self.pos(event)
        if len(self.stack) >= MAX_DEPTH:
            self.error(pos, f"nesting is deeper than {MAX_DEPTH} levels")
            self.fatal = True
            raise _Stop
        node: SeqNode | MapNode
        node = MapNode(pos) if isinstance(event, yaml.MappingStartEvent) else SeqNode(pos)
        self.stack.append(node)
        self.pending_key.append(None)

    def on_end(self) -> None:
        node = self.stack.pop()
        self.pending_key.pop()
        self.add(node)

    def add(self, node: Node) -> None:
        if not self.stack:
            self.root = node
            return
        parent = self.stack[-1]
        if len(parent.items) >= MAX_ENTRIES:
            kind = "list" if isinstance(parent, SeqNode) else "mapping"
            message = f"a {kind} with more than {MAX_ENTRIES} entries (the schema's limits: "
            self.error(parent.pos, message + "10,000 tables, 1,017 columns per table)")
            self.fatal = True
            raise _Stop
        if isinstance(parent, SeqNode):
            parent.items.append(node)
            return
        key = self.pending_key[-1]
        if key is None:
            self.pending_key[-1] = node
            return
        self.pending_key[-1] = None
        if not (isinstance(key, ScalarNode) and isinstance(key.value, str)):
            self.error(key.pos, f"mapping keys must be strings, found {kind_of(key)}")
            return
        name = key.value
        if name in parent.keys:
            first = parent.keys[name].pos
            self.error(key.pos, f"duplicate key {name!r} (first defined at line {first.line})")
            return
        parent.keys[name] = key
        parent.items[name] = node


class _Stop(Exception):
    """Raised inside the builder to stop reading at an error that makes the rest moot."""


def decode(data: bytes, path: str) -> str:
    """Decode UTF-8 (with or without BOM); an invalid byte is a positioned error."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise SchemaError(
            [Problem(Pos(path, line, col), f"invalid UTF-8 byte 0x{data[exc.start]:02x}")]
        ) from None


@dataclass(frozen=True, slots=True)
class Loaded:
    """A parsed file: its root (None when empty) and the problems that did not stop parsing.

    Anchors, tags, duplicate and non-string keys are reported without stopping, so the
    validator can report the rest of the file in the same run; ``placeholders`` are the
    positions of refused aliases, whose stand-in null nodes the validator must not report.
    """

    root: Node | None
    problems: tuple[Problem, ...] = ()
    placeholders: frozenset[Pos] = frozenset()


def load_text(text: str, path: str) -> Loaded:
    """Parse YAML text into nodes; raise SchemaError when the text cannot be read at all."""
    builder = _Builder(path, text)
    try:
        builder.feed(yaml.parse(text, Loader=_Parser))
    except _Stop:
        pass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Pos(path, mark.line + 1, mark.column + 1) if mark is not None else Pos(path, 1, 1)
        what = ": ".join(part for part in (exc.context, exc.problem) if part)
        builder.error(where, f"invalid YAML: {what}")
        builder.fatal = True
    except yaml.YAMLError as exc:
        builder.error(Pos(path, 1, 1), f"invalid YAML: {exc}")
        builder.fatal = True
    if builder.fatal:
        raise SchemaError(builder.problems)
    return Loaded(builder.root, tuple(builder.problems), frozenset(builder.alias_positions))


def load_file(path: Path, display: str | None = None) -> Loaded:
    """Read and parse a schema file, enforcing the size limit before parsing anything."""
    shown = display if display is not None else str(path)
    try:  # a FIFO or a folder is refused, never waited on (schemacog.paths)
        data = paths.read_regular(path, MAX_FILE_BYTES + 1, follow=True)
    except paths.PathRefused as exc:
        raise SchemaError([Problem(Pos(shown, 1, 0), str(exc))]) from None
    if len(data) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        message = f"schema file is larger than the {limit} MB limit"
        raise SchemaError([Problem(Pos(shown, 1, 1), message)])
    return load_text(decode(data, shown), shown)
