"""Reading marker code out of a file without running it.

``cog_blocks`` finds each cog block and extracts its code with cogapp's own
``CogGenerator`` (so prefixes are handled exactly as cog does); ``marker_calls``
finds the literal ``sc.<namespace>.<function>(...)`` calls in that code with ``ast``.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from cogapp.cogapp import CogGenerator  # type: ignore[import-untyped]

BEGIN = "[[[cog"
END_SPEC = "]]]"
END_OUTPUT = "[[[end]]]"


@dataclass(frozen=True)
class Block:
    line: int  # 1-based line of the [[[cog marker
    code: str
    code_line: int  # 1-based line where the code starts


@dataclass(frozen=True)
class MarkerCall:
    line: int  # 1-based line in the file
    col: int  # 1-based column in the marker code
    namespace: str  # "python", "sql", "docs" or "" for sc.template
    name: str
    args: tuple[object, ...] = ()
    kwargs: dict[str, object] = field(default_factory=dict)

    @property
    def dotted(self) -> str:
        return ".".join(part for part in ("sc", self.namespace, self.name) if part)


def cog_blocks(text: str) -> list[Block]:
    """The code of every cog block in ``text``, with its line number."""
    blocks = []
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        if BEGIN not in line:
            index += 1
            continue
        generator = CogGenerator()
        generator.parse_marker(line)
        start = index + 1
        code_line = start
        if END_SPEC in line[line.find(BEGIN) + len(BEGIN) :]:
            begin = line.find(BEGIN) + len(BEGIN)
            generator.parse_line(line[begin : line.find(END_SPEC, begin)].strip())
        else:
            index += 1
            code_line = start + 1
            while index < len(lines) and END_SPEC not in lines[index]:
                generator.parse_line(lines[index])
                index += 1
            if index < len(lines):
                generator.parse_marker(lines[index])
        blocks.append(Block(start, generator.get_code(), code_line))
        index += 1
    return blocks


def literal_calls(block: Block) -> list[MarkerCall]:
    """The ``sc.*`` calls with literal arguments anywhere in a block's code."""
    try:
        tree = ast.parse(block.code)
    except SyntaxError:
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
    parts = _dotted(node.func)
    if parts is None or parts[0] != "sc" or len(parts) not in (2, 3):
        return None
    try:
        args = tuple(ast.literal_eval(arg) for arg in node.args)
        kwargs = {kw.arg: ast.literal_eval(kw.value) for kw in node.keywords if kw.arg}
    except ValueError:
        return None
    namespace, name = (parts[1], parts[2]) if len(parts) == 3 else ("", parts[1])
    line = first_line + node.lineno - 1
    return MarkerCall(line, node.col_offset + 1, namespace, name, args, kwargs)


def _dotted(node: ast.AST) -> list[str] | None:
    if isinstance(node, ast.Name):
        return [node.id]
    if isinstance(node, ast.Attribute):
        inner = _dotted(node.value)
        return None if inner is None else [*inner, node.attr]
    return None
