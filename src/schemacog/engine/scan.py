"""Reading marker code out of a file without running it.

``cog_blocks`` finds each cog block and extracts its code with cogapp's own
``CogGenerator`` (so prefixes are handled exactly as cog does); ``marker_calls``
finds the literal ``sc.<namespace>.<function>(...)`` calls in that code with ``ast``.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from cogapp.cogapp import CogGenerator  # type: ignore[import-untyped]

__all__ = [
    "BEGIN",
    "END_OUTPUT",
    "END_SPEC",
    "Block",
    "MarkerCall",
    "MarkerSyntaxError",
    "cog_blocks",
    "dotted_name",
    "literal_calls",
]

BEGIN = "[[[cog"
END_SPEC = "]]]"
END_OUTPUT = "[[[end]]]"


@dataclass(frozen=True)
class Block:
    """One cog block: its code, where it is, and the output region after it."""

    line: int  # 1-based line of the [[[cog marker
    code: str
    code_line: int  # 1-based line where the code starts
    lines: tuple[str, ...] = ()  # the file lines the code came from
    output: tuple[str, ...] = ()  # the lines of the current output region
    end_line: int = 0  # 1-based line of the [[[end]]] marker (0: none)
    end_text: str = ""


@dataclass(frozen=True)
class MarkerCall:
    line: int  # 1-based line in the file
    col: int  # 1-based column
    namespace: str  # "python", "sql", "docs" or "" for sc.template
    name: str
    args: tuple[object, ...] = ()
    kwargs: dict[str, object] = field(default_factory=dict)
    # (line, col) of each argument: by position, and by keyword
    places: tuple[tuple[int, int], ...] = field(default=(), compare=False)
    keyword_places: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False)

    def place_of(self, index: int | None = None, keyword: str | None = None) -> tuple[int, int]:
        """Where an argument is (the call's own place when it is not written)."""
        if keyword is not None and keyword in self.keyword_places:
            return self.keyword_places[keyword]
        if index is not None and index < len(self.places):
            return self.places[index]
        return (self.line, self.col)

    @property
    def dotted(self) -> str:
        return ".".join(part for part in ("sc", self.namespace, self.name) if part)

    @property
    def source(self) -> str:
        """The call as it could be written in a marker."""
        args = [repr(a) for a in self.args] + [f"{k}={v!r}" for k, v in self.kwargs.items()]
        return f"{self.dotted}({', '.join(args)})"


class MarkerSyntaxError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def _is_end_spec(line: str) -> bool:
    return END_SPEC in line and END_OUTPUT not in line


def cog_blocks(text: str, *, strict: bool = False) -> list[Block]:
    """Every cog block of ``text``: code (extracted by cogapp) and its output region.

    With ``strict``, unbalanced markers are a MarkerSyntaxError naming the line, as cog
    would report them; otherwise scanning stops quietly at the first inconsistency.
    """
    lines = text.split("\n")
    blocks: list[Block] = []
    index = 0
    source: tuple[str, ...]

    def fail(at: int, message: str) -> list[Block]:
        if strict:
            raise MarkerSyntaxError(at + 1, message)
        return blocks

    while index < len(lines):
        line = lines[index]
        if BEGIN not in line:
            if strict and (END_OUTPUT in line or _is_end_spec(line)):
                marker = END_OUTPUT if END_OUTPUT in line else END_SPEC
                return fail(index, f"unexpected {marker!r} outside a cog block")
            index += 1
            continue
        generator = CogGenerator()
        generator.parse_marker(line)
        start = index + 1
        after = line[line.find(BEGIN) + len(BEGIN) :]
        if _is_end_spec(after):
            begin = line.find(BEGIN) + len(BEGIN)
            generator.parse_line(line[begin : line.find(END_SPEC, begin)].strip())
            code_line, source = start, (line,)
        else:
            index += 1
            code_line, first = start + 1, index
            while index < len(lines) and not _is_end_spec(lines[index]):
                if BEGIN in lines[index] or END_OUTPUT in lines[index]:
                    return fail(index, "unexpected marker inside a cog block")
                generator.parse_line(lines[index])
                index += 1
            if index >= len(lines):
                return fail(start - 1, "cog block begun but never ended")
            generator.parse_marker(lines[index])
            source = tuple(lines[first:index])
        output_start = index + 1
        index += 1
        while index < len(lines) and END_OUTPUT not in lines[index]:
            if BEGIN in lines[index] or _is_end_spec(lines[index]):
                return fail(index, "unexpected marker inside an output region")
            index += 1
        if index >= len(lines):
            return fail(start - 1, f"missing {END_OUTPUT!r} before the end of the file")
        output = tuple(lines[output_start:index])
        blocks.append(
            Block(start, generator.get_code(), code_line, source, output, index + 1, lines[index])
        )
        index += 1
    return blocks


def literal_calls(block: Block) -> list[MarkerCall]:
    """The ``sc.*`` calls with literal arguments anywhere in a block's code."""
    try:
        tree = ast.parse(block.code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    calls = []
    for node in ast.walk(tree):
        call = _marker_call(node, block.code_line)
        if call is not None:
            calls.append(call)
    return sorted(calls, key=lambda c: (c.line, c.col))


def _marker_call(node: ast.AST, first_line: int) -> MarkerCall | None:
    if not isinstance(node, ast.Call):
        return None
    parts = dotted_name(node.func)
    if parts is None or parts[0] != "sc" or len(parts) not in (2, 3):
        return None
    try:
        args = tuple(ast.literal_eval(arg) for arg in node.args)
        kwargs = {kw.arg: ast.literal_eval(kw.value) for kw in node.keywords if kw.arg}
    except (ValueError, TypeError, SyntaxError, RecursionError, MemoryError):
        return None  # not literals, or literals Python cannot build ({[1]: 2}, -----...1)
    namespace, name = (parts[1], parts[2]) if len(parts) == 3 else ("", parts[1])
    line = first_line + node.lineno - 1

    def place(part: ast.AST) -> tuple[int, int]:
        return (first_line + getattr(part, "lineno", 1) - 1, getattr(part, "col_offset", 0) + 1)

    places = tuple(place(arg) for arg in node.args)
    keyword_places = {kw.arg: place(kw) for kw in node.keywords if kw.arg}
    return MarkerCall(
        line, node.col_offset + 1, namespace, name, args, kwargs, places, keyword_places
    )


def dotted_name(node: ast.AST) -> list[str] | None:
    if isinstance(node, ast.Name):
        return [node.id]
    if isinstance(node, ast.Attribute):
        inner = dotted_name(node.value)
        return None if inner is None else [*inner, node.attr]
    return None
