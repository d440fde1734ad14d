"""What a marker call renders from, and how it reports a problem.

Under the schemacog engine the context is set for each call (``activated``); under stock
cog it is found from ``cog.inFile`` by the one configuration rule: the nearest
pyproject.toml above the processed file that has a ``[tool.schemacog]`` table.
"""

from __future__ import annotations

import contextlib
import contextvars
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from schemacog.engine.config import Config, find_pyproject, load_config
from schemacog.engine.files import FileProblem, decode_marked
from schemacog.engine.scan import BEGIN, END_OUTPUT, END_SPEC, MarkerCall, cog_blocks, literal_calls
from schemacog.errors import LONE_SURROGATE, Pos, Problem, SchemacogError
from schemacog.model import Enum, Schema, Table
from schemacog.render.sql.dialects import DIALECTS, unknown_dialect
from schemacog.schema.fields import did_you_mean
from schemacog.schema.loader import FORBIDDEN_CHARS

__all__ = [
    "MarkerContext",
    "MarkerError",
    "activated",
    "current",
    "dialect_named",
    "emitted",
    "enum_named",
    "fail",
    "file_calls",
    "table_named",
]


class MarkerError(SchemacogError):
    """A marker call that cannot be rendered (unknown table, dialect, ...)."""


@dataclass(frozen=True)
class MarkerContext:
    """What a marker call renders from: set by the engine, or found from ``cog.inFile``."""

    schema: Schema
    config: Config | None
    in_file: str  # the processed file, as shown in messages
    line: int = 0  # the line of the marker being run
    calls: tuple[MarkerCall, ...] | None = None  # the file's marker calls, if known
    emit: bool = True  # write through cog.out
    col: int = 0  # the column of its call (0: not known)
    # where each argument of the call is written, by parameter name
    places: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    partial: bool = False  # ``calls`` leaves out blocks of the file that safe mode refused


# per thread (a context variable): concurrent runs each see their own context
_active: contextvars.ContextVar[MarkerContext | None] = contextvars.ContextVar(
    "schemacog_marker_context", default=None
)


@contextlib.contextmanager
def activated(context: MarkerContext) -> Iterator[None]:
    """Run marker calls against ``context`` (the engine's way in)."""
    token = _active.set(context)
    try:
        yield
    finally:
        _active.reset(token)


@dataclass(frozen=True)
class _Loaded:
    """A project's config and schema as stock cog last read them, with the files' stats."""

    config_stats: tuple[int, ...]
    config: Config
    schema_stats: tuple[int, ...]
    schema: Schema


_LOADED: dict[str, _Loaded] = {}  # pyproject.toml -> what was read from it


def _stats(path: Path) -> tuple[int, ...]:
    if not path.exists():
        return ()
    stat = path.stat()
    return (stat.st_mtime_ns, stat.st_size)


def _loaded(pyproject: Path) -> _Loaded:
    """The config and schema of ``pyproject``, read again when either file changed."""
    known = _LOADED.get(str(pyproject))
    config_stats = _stats(pyproject)
    if known is None or known.config_stats != config_stats:
        config = load_config(pyproject)
    else:
        config = known.config
    schema_stats = _stats(config.schema_path)
    if known is not None and known.config is config and known.schema_stats == schema_stats:
        return known
    from schemacog.schema.validate import load_schema

    fresh = _Loaded(config_stats, config, schema_stats, load_schema(config.schema_path))
    _LOADED[str(pyproject)] = fresh
    return fresh


def _from_cog() -> MarkerContext:
    cog = sys.modules.get("cog")
    in_file = getattr(cog, "inFile", None)
    if not isinstance(in_file, str):
        raise MarkerError([Problem(Pos("<markers>", 1), "sc.* calls run inside cog or schemacog")])
    line = int(getattr(cog, "firstLineNum", 0) or 0)
    pyproject = find_pyproject(Path(in_file).resolve().parent)
    if pyproject is None:
        message = "no pyproject.toml with [tool.schemacog] above this file"
        raise MarkerError([Problem(Pos(in_file, line), message)])
    loaded = _loaded(pyproject)  # keyed on both files: an edit of either is seen
    return MarkerContext(loaded.schema, loaded.config, in_file, line)


def current() -> MarkerContext:
    """The context of the call being run: the engine's, or stock cog's file."""
    active = _active.get()
    return active if active is not None else _from_cog()


def fail(context: MarkerContext, message: str, at: str | None = None) -> SchemacogError:
    """The error to raise, at the argument ``at`` names if it is written, else at the call;
    under stock cog, cog's own error (a message, no traceback)."""
    line, col = context.places.get(at or "", (context.line, context.col))
    where = Pos(context.in_file, line, col)
    cog_error = getattr(sys.modules.get("cog"), "error", None)
    if _active.get() is None and callable(cog_error):
        cog_error(f"{where}: {message}")  # raises CogGeneratedError
    return MarkerError([Problem(where, message)])


def emitted(context: MarkerContext, text: str) -> str:
    """``text``, checked for cog's markers and written through ``cog.out`` under stock cog.

    Also refused: the characters no schema string may hold (control characters but tab
    and newline, line separators, bidi controls). A user template can emit them from its
    literals (``a="\\r"``), and a lone CR or a NUL byte makes a file the next run refuses;
    a lone surrogate cannot be written as UTF-8 at all. Then the marked-file reader's own
    check (``files.decode_marked``), so that nothing it refuses is ever written.
    """
    bad = FORBIDDEN_CHARS.search(text) or LONE_SURROGATE.search(text)
    if bad is not None:
        number = text.count("\n", 0, bad.start()) + 1
        raise fail(
            context,
            f"rendered line {number} holds character U+{ord(bad.group()):04X} "
            "(control characters, line separators, bidi controls and lone surrogates are "
            "not allowed)",
        )
    try:  # what the reader refuses, refused here too: they cannot diverge
        decode_marked(text.encode("utf-8", "surrogatepass"), context.in_file)
    except FileProblem as exc:
        where = exc.problem.pos
        message = (
            f"rendered line {where.line} would make a file no run reads: {exc.problem.message}"
        )
        raise fail(context, message) from None
    for number, line in enumerate(text.split("\n"), start=1):
        for marker in (BEGIN, END_OUTPUT, END_SPEC):
            if marker in line:
                raise fail(
                    context,
                    f"rendered line {number} contains cog's marker {marker!r}: {line.strip()!r}",
                )
    if context.emit:
        cog = sys.modules.get("cog")
        out = getattr(cog, "out", None)
        if callable(out):
            out(text)
    return text


def _gone(name: str, names: list[str]) -> str:
    """A did-you-mean, and the other way out: the name left the schema."""
    hint = did_you_mean(name, names)
    if hint:
        return f"{hint} (or remove this region, if {name!r} left the schema)"
    return f"; if {name!r} left the schema, remove this region"


def table_named(context: MarkerContext, name: object) -> Table:
    names = [t.name for t in context.schema.tables]
    if isinstance(name, str) and name in names:
        return context.schema.table(name)
    raise fail(context, f"unknown table {name!r}{_gone(str(name), names)}", at="table")


def enum_named(context: MarkerContext, name: object) -> Enum:
    names = [e.name for e in context.schema.enums]
    if isinstance(name, str) and name in names:
        return context.schema.enum(name)
    raise fail(context, f"unknown enum {name!r}{_gone(str(name), names)}", at="enum")


def dialect_named(context: MarkerContext, dialect: object) -> str:
    """The dialect given, or the config's when ``None``; an unknown one is an error."""
    chosen = (
        dialect
        if dialect is not None
        else (context.config.dialect if context.config else "postgres")
    )
    if isinstance(chosen, str) and chosen in DIALECTS:
        return chosen
    raise fail(context, unknown_dialect(chosen), at="dialect")


def file_calls(context: MarkerContext) -> tuple[MarkerCall, ...]:
    """Every literal ``sc.*`` call in the processed file (the engine passes them in)."""
    if context.calls is not None:
        return context.calls
    text = Path(context.in_file).read_text(encoding="utf-8-sig")
    return tuple(call for block in cog_blocks(text) for call in literal_calls(block))
