"""Safe mode: marker code is checked with ``ast`` and never run.

Allowed: one or more statements, each a call of a known ``sc.*`` function with literal
arguments (str, int, bool, None, and lists/dicts of them). Anything else, imports,
names, attributes outside ``sc``, dunders, comprehensions, assignments, f-strings, is
refused with its position before any code of the run executes.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from schemacog.engine.registry import MARKERS, BindError, bind
from schemacog.engine.registry import spec_of as _spec_of
from schemacog.engine.scan import Block, MarkerCall, dotted_name
from schemacog.errors import LONE_SURROGATE
from schemacog.schema.fields import did_you_mean

__all__ = [
    "MAX_CODE",
    "MAX_DEPTH",
    "MAX_INT",
    "MAX_NODES",
    "MAX_STRING",
    "MarkerCodeError",
    "safe_calls",
]

MAX_CODE = 100_000
MAX_NODES = 2_000
MAX_STRING = 10_000
MAX_INT = 10**40
MAX_DEPTH = 64  # nesting of a literal argument (lists, dicts, unary minus)


class MarkerCodeError(Exception):
    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.col = col


@dataclass(frozen=True)
class _Where:
    block: Block

    def position(self, node: ast.AST) -> tuple[int, int]:
        lineno = getattr(node, "lineno", 1)
        offset = getattr(node, "col_offset", 0)
        code_lines = self.block.code.split("\n")
        line = self.block.code_line + lineno - 1
        source = self.block.lines[lineno - 1] if lineno - 1 < len(self.block.lines) else ""
        code = code_lines[lineno - 1] if lineno - 1 < len(code_lines) else ""
        start = source.find(code.strip()) - (len(code) - len(code.lstrip()))
        return line, max(start, 0) + offset + 1

    def fail(self, node: ast.AST, message: str) -> MarkerCodeError:
        return self.error(node, f"marker code not allowed: {message}")

    def error(self, node: ast.AST, message: str) -> MarkerCodeError:
        line, col = self.position(node)
        return MarkerCodeError(line, col, message)


# what a user whose marker code is refused needs to know
_HOW_CODE_RUNS = (
    " (safe mode; other code runs only with allow_code = true in the config and "
    "--allow-code or SCHEMACOG_ALLOW_CODE=1)"
)


def safe_calls(block: Block) -> list[MarkerCall]:
    """The ``sc.*`` calls of a block, or MarkerCodeError for anything else in it."""
    where = _Where(block)
    if len(block.code) > MAX_CODE:
        raise MarkerCodeError(block.line, 1, f"marker code longer than {MAX_CODE} characters")
    try:
        tree = ast.parse(block.code, mode="exec")
    except SyntaxError as exc:
        node = ast.Pass(lineno=exc.lineno or 1, col_offset=max((exc.offset or 1) - 1, 0))
        raise where.fail(node, f"syntax error: {exc.msg}") from None
    except (RecursionError, MemoryError, ValueError):
        raise MarkerCodeError(block.line, 1, "marker code not allowed: too deeply nested") from None
    if len(block.code) > MAX_NODES and sum(1 for _ in ast.walk(tree)) > MAX_NODES:
        raise MarkerCodeError(block.line, 1, "marker code not allowed: too large")
    if not tree.body:
        raise MarkerCodeError(block.line, 1, "marker code not allowed: empty marker")
    return [_call(where, statement) for statement in tree.body]


def _call(where: _Where, statement: ast.stmt) -> MarkerCall:
    if not isinstance(statement, ast.Expr) or not isinstance(statement.value, ast.Call):
        kind = f"only sc.* calls are allowed, found {_kind(statement)}"
        raise where.fail(statement, kind + _HOW_CODE_RUNS)
    call = statement.value
    parts = dotted_name(call.func)
    if parts is None or parts[0] != "sc":
        raise where.fail(call.func, f"only sc.* functions can be called, found {_kind(call.func)}")
    namespace, name = (parts[1], parts[2]) if len(parts) == 3 else ("", parts[-1])
    found = MarkerCall(0, 0, namespace, name)
    spec = _spec_of(found) if len(parts) in (2, 3) else None
    if spec is None:
        written = ".".join(parts)
        elsewhere = [spec.dotted for spec in MARKERS if spec.name == parts[-1]]  # sc.sql.erd
        hint = did_you_mean(written, elsewhere or [spec.dotted for spec in MARKERS])
        raise where.fail(call.func, f"unknown marker function {written}{hint}")
    args = tuple(_literal(where, arg) for arg in call.args)
    kwargs = {}
    for keyword in call.keywords:
        if keyword.arg is None:
            raise where.fail(keyword.value, "**arguments are not allowed")
        if keyword.arg in kwargs:  # Python's compiler refuses it; ast.parse does not
            raise where.error(keyword, f"{spec.dotted}() got {keyword.arg!r} twice")
        kwargs[keyword.arg] = _literal(where, keyword.value)
    try:
        bind(spec, args, kwargs)
    except BindError as exc:
        raise where.error(_argument_node(call, exc), str(exc)) from None
    line, col = where.position(call)
    places = tuple(where.position(arg) for arg in call.args)
    keyword_places = {kw.arg: where.position(kw) for kw in call.keywords if kw.arg}
    return MarkerCall(line, col, namespace, name, args, kwargs, places, keyword_places)


def _argument_node(call: ast.Call, error: BindError) -> ast.AST:
    """The argument a BindError is about (the call itself when it is about none)."""
    if error.index is not None and error.index < len(call.args):
        return call.args[error.index]
    named = [keyword for keyword in call.keywords if keyword.arg == error.keyword]
    return named[-1] if named else call


def _literal(where: _Where, node: ast.expr, depth: int = 0) -> object:
    if depth > MAX_DEPTH:
        raise where.fail(node, f"argument nested deeper than {MAX_DEPTH} levels")
    if isinstance(node, ast.Constant):
        constant = node.value
        if isinstance(constant, str) and len(constant) > MAX_STRING:
            raise where.fail(node, f"string argument longer than {MAX_STRING} characters")
        surrogate = LONE_SURROGATE.search(constant) if isinstance(constant, str) else None
        if surrogate is not None:  # no UTF-8 file, and so no output, can hold one
            code = ord(surrogate.group())
            raise where.fail(node, f"string argument holds a lone surrogate U+{code:04X}")
        if isinstance(constant, int) and not isinstance(constant, bool) and abs(constant) > MAX_INT:
            raise where.fail(node, "integer argument too large")
        if constant is None or isinstance(constant, str | int | bool):
            return constant
        raise where.fail(node, f"{type(constant).__name__} arguments are not allowed")
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _literal(where, node.operand, depth + 1)
        if isinstance(inner, int) and not isinstance(inner, bool):
            return -inner
    if isinstance(node, ast.List):
        return [_literal(where, item, depth + 1) for item in node.elts]
    if isinstance(node, ast.Dict):
        result = {}
        for key, item in zip(node.keys, node.values, strict=True):
            if key is None:
                raise where.fail(item, "**unpacking is not allowed")
            literal_key = _literal(where, key, depth + 1)
            if not isinstance(literal_key, str):
                raise where.fail(key, "dictionary keys must be strings")
            result[literal_key] = _literal(where, item, depth + 1)
        return result
    raise where.fail(node, f"arguments must be literals, found {_kind(node)}")


def _kind(node: ast.AST) -> str:
    names = {
        ast.Import: "an import",
        ast.ImportFrom: "an import",
        ast.Assign: "an assignment",
        ast.AugAssign: "an assignment",
        ast.AnnAssign: "an assignment",
        ast.NamedExpr: "an assignment expression",
        ast.Lambda: "a lambda",
        ast.JoinedStr: "an f-string",
        ast.ListComp: "a comprehension",
        ast.SetComp: "a comprehension",
        ast.DictComp: "a comprehension",
        ast.GeneratorExp: "a comprehension",
        ast.FunctionDef: "a function definition",
        ast.ClassDef: "a class definition",
        ast.Name: "a name",
        ast.Attribute: "an attribute",
        ast.Subscript: "a subscript",
        ast.Call: "a call",
        ast.BinOp: "an operation",
    }
    for kind, label in names.items():
        if isinstance(node, kind):
            if isinstance(node, ast.Name):
                return f"name {node.id!r}"
            if isinstance(node, ast.Attribute):
                return f"attribute {node.attr!r}"
            return label
    if isinstance(node, ast.Expr):
        return _kind(node.value)
    return type(node).__name__.lower()
