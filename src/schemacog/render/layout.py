"""Line layout the way ``ruff format`` keeps it (line length 88, magic trailing commas).

Generated Python is built from small expression trees: an atom (``str``) or a bracketed
``Call``. An expression that fits on its line stays on it; one that does not is exploded
at its outer bracket, one item per line with a trailing comma (which ruff then keeps as
it is), and each item is laid out again at its own indentation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["LINE_LENGTH", "Call", "Expr", "bracketed", "flat", "lay_out", "prefixed"]

LINE_LENGTH = 88


@dataclass(frozen=True)
class Call:
    """``head item, item tail``: head ends with an opening bracket, tail starts with the closing.

    ``single`` is what a one-item list needs after its item on one line (``","`` for a
    one-element tuple).
    """

    head: str
    items: Sequence[Expr]
    tail: str
    single: str = ""


Expr = str | Call


def flat(expr: Expr) -> str:
    if isinstance(expr, str):
        return expr
    joined = ", ".join(flat(item) for item in expr.items)
    return expr.head + joined + (expr.single if len(expr.items) == 1 else "") + expr.tail


def prefixed(prefix: str, expr: Expr) -> Expr:
    """``prefix`` put in front of an expression (``default=`` before a call, say)."""
    if isinstance(expr, str):
        return prefix + expr
    return Call(prefix + expr.head, expr.items, expr.tail, expr.single)


def lay_out(expr: Expr, indent: int, suffix: str = "") -> str:
    """The lines of ``expr`` at ``indent`` spaces, followed by ``suffix``."""
    pad = " " * indent
    one_line = pad + flat(expr) + suffix
    if isinstance(expr, str) or len(one_line) <= LINE_LENGTH or not expr.items:
        return one_line
    body = "\n".join(lay_out(item, indent + 4, ",") for item in expr.items)
    return f"{pad}{expr.head}\n{body}\n{pad}{expr.tail}{suffix}"


def bracketed(indent: int, head: str, items: Sequence[Expr], tail: str, single: str = "") -> str:
    """Shorthand for laying out ``Call(head, items, tail, single)``."""
    return lay_out(Call(head, items, tail, single), indent)
