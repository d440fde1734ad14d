"""The marker API, imported as ``sc`` inside cog markers: ``sc.python.dataclass("customer")``.

Every call renders text from the schema and, when run by stock cog, writes it with
``cog.out``; under the schemacog engine the engine takes the returned text itself. The
schema and configuration are found by one rule: the nearest pyproject.toml above the
processed file that has a ``[tool.schemacog]`` table.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from schemacog import cleaning as _cleaning
from schemacog import cleaning_docs as _cleaning_docs
from schemacog import docs as _docs
from schemacog import python as _python
from schemacog import python_imports as _python_imports
from schemacog import python_needs as _python_needs
from schemacog.config import Config, find_pyproject, load_config
from schemacog.errors import Pos, Problem, SchemacogError
from schemacog.fields import did_you_mean
from schemacog.model import Enum, Schema, Table
from schemacog.scan import BEGIN, END_OUTPUT, END_SPEC, MarkerCall, cog_blocks, literal_calls
from schemacog.sql import render as _sql
from schemacog.sql.dialects import DIALECTS


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


_active: MarkerContext | None = None


@contextlib.contextmanager
def activated(context: MarkerContext) -> Iterator[None]:
    """Run marker calls against ``context`` (the engine's way in)."""
    global _active  # noqa: PLW0603 - one process-wide context, like cog's own module
    previous, _active = _active, context
    try:
        yield
    finally:
        _active = previous


_LOADED: dict[tuple[str, int, int], tuple[Config, Schema]] = {}


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
    stat = pyproject.stat()
    key = (str(pyproject), stat.st_mtime_ns, stat.st_size)
    if key not in _LOADED:
        from schemacog.validate import load_schema

        config = load_config(pyproject)
        _LOADED[key] = (config, load_schema(config.schema_path))
    config, schema = _LOADED[key]
    return MarkerContext(schema, config, in_file, line)


def _context() -> MarkerContext:
    return _active if _active is not None else _from_cog()


def _fail(context: MarkerContext, message: str) -> SchemacogError:
    """The error to raise; under stock cog, cog's own error (a message, no traceback)."""
    where = Pos(context.in_file, context.line)
    cog_error = getattr(sys.modules.get("cog"), "error", None)
    if _active is None and callable(cog_error):
        cog_error(f"{where}: {message}")  # raises CogGeneratedError
    return MarkerError([Problem(where, message)])


def _emit(context: MarkerContext, text: str) -> str:
    for number, line in enumerate(text.split("\n"), start=1):
        for marker in (BEGIN, END_OUTPUT, END_SPEC):
            if marker in line:
                raise _fail(
                    context,
                    f"rendered line {number} contains cog's marker {marker!r}: {line.strip()!r}",
                )
    if context.emit:
        cog = sys.modules.get("cog")
        out = getattr(cog, "out", None)
        if callable(out):
            out(text)
    return text


def _table(context: MarkerContext, name: object) -> Table:
    names = [t.name for t in context.schema.tables]
    if isinstance(name, str) and name in names:
        return context.schema.table(name)
    raise _fail(context, f"unknown table {name!r}{did_you_mean(str(name), names)}")


def _enum(context: MarkerContext, name: object) -> Enum:
    names = [e.name for e in context.schema.enums]
    if isinstance(name, str) and name in names:
        return context.schema.enum(name)
    raise _fail(context, f"unknown enum {name!r}{did_you_mean(str(name), names)}")


def _dialect(context: MarkerContext, dialect: object) -> str:
    chosen = (
        dialect
        if dialect is not None
        else (context.config.dialect if context.config else "postgres")
    )
    if isinstance(chosen, str) and chosen in DIALECTS:
        return chosen
    raise _fail(context, f"unknown dialect {chosen!r}{did_you_mean(str(chosen), DIALECTS)}")


def _render_table(render: Callable[[Schema, Table], str]) -> Callable[[str], str]:
    def call(table: str) -> str:
        context = _context()
        return _emit(context, render(context.schema, _table(context, table)))

    return call


# What each sc.python.* call needs at the top of its file.
_PYTHON_NEEDS: dict[str, Callable[[Schema, Any], _python_needs.Needs]] = {
    "dataclass": _python.dataclass_needs,
    "pydantic": _python.pydantic_needs,
    "validator": _python.validator_needs,
    "columns": _python.columns_needs,
    "enum": _python.enum_needs,
    "cleaner": _cleaning.cleaner_needs,
    "pandas_dtypes": _cleaning.pandas_dtypes_needs,
}


def _file_calls(context: MarkerContext) -> tuple[MarkerCall, ...]:
    if context.calls is not None:
        return context.calls
    text = Path(context.in_file).read_text(encoding="utf-8-sig")
    return tuple(call for block in cog_blocks(text) for call in literal_calls(block))


class _Python:
    """``sc.python.*``: Python source for a table or enum."""

    dataclass = staticmethod(_render_table(_python.render_dataclass))
    pydantic = staticmethod(_render_table(_python.render_pydantic))
    validator = staticmethod(_render_table(_python.render_validator))
    columns = staticmethod(_render_table(_python.render_columns))
    pandas_dtypes = staticmethod(_render_table(_cleaning.render_pandas_dtypes))

    @staticmethod
    def cleaner(table: str) -> str:
        """``clean_<table>`` and ``clean_<table>_rows``; helpers come from ``imports()``."""
        context = _context()
        found = _table(context, table)
        calls = {(c.namespace, c.name, c.subject) for c in _file_calls(context)}
        for name, subject in (("imports", None), ("dataclass", found.name)):
            if ("python", name, subject) not in calls:
                shown = f"sc.python.{name}({'' if subject is None else repr(subject)})"
                message = f"sc.python.cleaner({found.name!r}) needs {shown} in this file"
                raise _fail(context, message)
        return _emit(context, _cleaning.render_cleaner(context.schema, found))

    @staticmethod
    def enum(enum: str) -> str:
        context = _context()
        return _emit(context, _python.render_enum(context.schema, _enum(context, enum)))

    @staticmethod
    def imports() -> str:
        """The import block (and shared definitions) this file's sc.python.* regions need."""
        context = _context()
        needs = _python_needs.Needs()
        for call in _file_calls(context):
            subject = call.subject
            if call.namespace != "python" or call.name not in _PYTHON_NEEDS or subject is None:
                continue
            lookup = _enum if call.name == "enum" else _table
            needs.add(_PYTHON_NEEDS[call.name](context.schema, lookup(context, subject)))
        enums_module = context.config.python_enums_module if context.config else None
        text, missing = _python_imports.import_block(needs, enums_module, context.schema)
        if missing:
            raise _fail(
                context,
                f"enum {missing[0]!r} is used here but not generated in this file; "
                "generate it with sc.python.enum() or set python_enums_module",
            )
        return _emit(context, text)


class _Sql:
    """``sc.sql.*``: DDL for one dialect (default: the config's ``dialect``)."""

    @staticmethod
    def create_table(table: str, dialect: str | None = None) -> str:
        context = _context()
        name = _dialect(context, dialect)
        return _emit(
            context, _sql.render_create_table(context.schema, _table(context, table), name)
        )

    @staticmethod
    def create_enum(enum: str, dialect: str | None = None) -> str:
        context = _context()
        name = _dialect(context, dialect)
        return _emit(context, _sql.render_create_enum(context.schema, _enum(context, enum), name))

    @staticmethod
    def ddl(dialect: str | None = None) -> str:
        context = _context()
        return _emit(context, _sql.render_ddl(context.schema, _dialect(context, dialect)))


class _Docs:
    """``sc.docs.*``: Markdown and Mermaid."""

    table = staticmethod(_render_table(_docs.render_table))
    cleaning = staticmethod(_render_table(_cleaning_docs.render_cleaning_docs))

    @staticmethod
    def enum(enum: str) -> str:
        context = _context()
        return _emit(context, _docs.render_enum(context.schema, _enum(context, enum)))

    @staticmethod
    def dictionary() -> str:
        context = _context()
        return _emit(context, _docs.render_dictionary(context.schema))

    @staticmethod
    def erd() -> str:
        context = _context()
        return _emit(context, _docs.render_erd(context.schema))


python = _Python()
sql = _Sql()
docs = _Docs()


def template(path: str, **literals: object) -> str:
    """Render a user template from the configured ``templates`` folder, ``schema`` in context."""
    from schemacog import user_templates

    context = _context()
    if context.config is None or context.config.templates is None:
        raise _fail(context, "sc.template needs 'templates' in [tool.schemacog]")
    root = context.config.root.resolve()
    folder = (root / context.config.templates).resolve()
    if not folder.is_relative_to(root):
        raise _fail(
            context, f"templates folder {context.config.templates!r} is outside the project"
        )
    try:
        text = user_templates.render_bounded(
            folder, path, context.config.schema_path, context.schema.path, literals
        )
    except user_templates.TemplateError as exc:
        raise _fail(context, str(exc)) from None
    return _emit(context, text)
