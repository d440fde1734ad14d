"""The one registry of the marker API: every ``sc.*`` call, what it takes and what it renders.

Each ``MarkerSpec`` says, in one place: the dotted name; the signature (parameter names,
kinds and literal types), against which safe mode binds every call before anything runs;
the renderer; what the call needs at the top of its file (``sc.python.imports()``);
which parts of the schema it reads; which parameter chooses its dialect; and which
verify layer it feeds. Safe mode, the engine, ``imports()``, the ``sc`` namespaces of
``schemacog.markers``, verify and the call table of docs/renderers.md are derived from it.

To add a marker call: write its renderer (``render/``), add one ``MarkerSpec`` below,
and describe it in ``summary``; the docs test then asks for the regenerated call table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from schemacog import paths
from schemacog.engine.marker_context import (
    MarkerContext,
    dialect_named,
    emitted,
    enum_named,
    fail,
    file_calls,
    table_named,
)
from schemacog.engine.scan import MarkerCall
from schemacog.errors import Pos, Problem, SchemacogError
from schemacog.model import Enum, Schema, Table
from schemacog.naming import dataclass_class, enum_class
from schemacog.render import cleaning as _cleaning
from schemacog.render import cleaning_docs as _cleaning_docs
from schemacog.render import docs as _docs
from schemacog.render import python as _python
from schemacog.render import python_imports as _python_imports
from schemacog.render import python_needs as _python_needs
from schemacog.render.sql import ddl as _sql
from schemacog.schema.fields import did_you_mean

__all__ = [
    "MARKERS",
    "RESERVED_LITERALS",
    "Arguments",
    "BindError",
    "Layer",
    "MarkerSpec",
    "NeedsOf",
    "Param",
    "Reads",
    "Render",
    "Role",
    "argument_places",
    "bind",
    "bound",
    "call_table",
    "depends_on",
    "dialect_of",
    "out_of_order",
    "render",
    "spec_of",
    "subject_of",
]

RESERVED_LITERALS: Final = ("schema", "self")  # what a template sees besides the literals
Arguments = Mapping[str, object]  # a call's arguments, bound to its parameter names
Render = Callable[[MarkerContext, Arguments], str]
NeedsOf = Callable[[MarkerContext, Arguments], _python_needs.Needs]


class Role(StrEnum):
    """What a parameter names; it decides the literal types the parameter takes."""

    TABLE = "table"  # a table of the schema (a string)
    ENUM = "enum"  # an enum of the schema (a string)
    DIALECT = "dialect"  # a dialect name, or None for the config's ``dialect``
    PATH = "path"  # a file below the configured ``templates`` folder (a string)
    LITERALS = "literals"  # ``**literals``: any further keyword arguments, any literal


class Reads(StrEnum):
    """The part of the schema a call's text depends on (``depends_on``; a cache keys on it)."""

    TABLE = "table"  # the table, the enums it uses and the tables it references
    ENUM = "enum"  # the enum
    SCHEMA = "schema"  # everything


class Layer(StrEnum):
    """The verify layer whose generated code a call provides."""

    VALIDATOR = "validator"
    MODEL = "pydantic"
    CLEANER = "cleaner"


@dataclass(frozen=True)
class Param:
    name: str
    role: Role
    required: bool = True

    @property
    def shown(self) -> str:
        if self.role is Role.LITERALS:
            return f"**{self.name}"
        return self.name if self.required else f"{self.name}=None"

    def accepts(self, value: object) -> bool:
        if self.role is Role.LITERALS:
            return True  # safe mode has already limited it to literals
        if self.role is Role.DIALECT:
            return value is None or isinstance(value, str)
        return isinstance(value, str)


@dataclass(frozen=True)
class MarkerSpec:
    namespace: str  # "python", "sql", "docs", or "" for ``sc.template``
    name: str
    params: tuple[Param, ...]
    render: Render
    summary: str  # one line of Markdown for the call table of docs/renderers.md
    reads: Reads
    needs: NeedsOf | None = None  # what ``sc.python.imports()`` emits for it
    file_bound: bool = False  # its text or its errors depend on the file's other calls
    layer: Layer | None = None

    @property
    def sql(self) -> bool:
        """Does its region hold SQL (verify runs it): an ``sc.sql`` call or a template."""
        return self.namespace in ("sql", "")

    @property
    def user_text(self) -> bool:
        """Is its region's text written by the project (a user template), not schemacog?"""
        return self.namespace == ""

    @property
    def dotted(self) -> str:
        return ".".join(part for part in ("sc", self.namespace, self.name) if part)

    @property
    def signature(self) -> str:
        return f"{self.dotted}({', '.join(param.shown for param in self.params)})"

    def param(self, role: Role) -> Param | None:
        return next((param for param in self.params if param.role is role), None)


class BindError(Exception):
    """A call that does not fit its signature; ``index``/``keyword`` name the argument."""

    def __init__(self, message: str, index: int | None = None, keyword: str | None = None):
        super().__init__(message)
        self.index = index
        self.keyword = keyword


def bind(spec: MarkerSpec, args: Sequence[object], kwargs: Mapping[str, object]) -> Arguments:
    """``args`` and ``kwargs`` by parameter name, or BindError naming the argument at fault."""
    positional = [param for param in spec.params if param.role is not Role.LITERALS]
    literals = spec.param(Role.LITERALS)
    if len(args) > len(positional):
        most = len(positional)
        message = (
            f"{spec.dotted}() takes {most} argument{'' if most == 1 else 's'} "
            f"by position, got {len(args)}"
        )
        raise BindError(message, index=most)
    values: dict[str, object] = {}
    for index, (param, value) in enumerate(zip(positional, args, strict=False)):
        _check_type(spec, param, value, index=index)
        values[param.name] = value
    names = {param.name: param for param in positional}
    for keyword, value in kwargs.items():
        named = names.get(keyword)
        if named is None and literals is None:
            hint = did_you_mean(keyword, list(names))
            raise BindError(f"{spec.dotted}() has no argument {keyword!r}{hint}", keyword=keyword)
        if keyword in values:
            raise BindError(f"{spec.dotted}() got {keyword!r} twice", keyword=keyword)
        if named is None and keyword in RESERVED_LITERALS:
            message = (
                f"{spec.dotted}(): {keyword!r} is a name templates already have "
                f"({', '.join(RESERVED_LITERALS)}); pass the literal under another name"
            )
            raise BindError(message, keyword=keyword)
        if named is not None:
            _check_type(spec, named, value, keyword=keyword)
        values[keyword] = value
    missing = [param.name for param in positional if param.required and param.name not in values]
    if missing:
        raise BindError(f"{spec.dotted}() needs the argument {missing[0]!r}")
    return values


def _check_type(
    spec: MarkerSpec,
    param: Param,
    value: object,
    index: int | None = None,
    keyword: str | None = None,
) -> None:
    if not param.accepts(value):
        wanted = "a string or None" if param.role is Role.DIALECT else "a string"
        message = f"{spec.dotted}(): {param.name!r} must be {wanted}, got {value!r}"
        raise BindError(message, index=index, keyword=keyword)


def argument_places(spec: MarkerSpec, call: MarkerCall) -> dict[str, tuple[int, int]]:
    """Where each argument of ``call`` is written, by parameter name."""
    positional = [param for param in spec.params if param.role is not Role.LITERALS]
    places = {
        param.name: call.place_of(index=index)
        for index, param in enumerate(positional[: len(call.args)])
    }
    return places | {keyword: call.place_of(keyword=keyword) for keyword in call.kwargs}


def render(spec: MarkerSpec, context: MarkerContext, arguments: Arguments) -> str:
    """The text of a bound call, checked for cog's markers (and emitted under stock cog)."""
    return emitted(context, spec.render(context, arguments))


# a file without one of these has no region order to check: an enum's class is defined by
# sc.python.enum alone (its needs' ``defines``), and a dataclass is used by sc.python.cleaner
# alone (``_classes``)
_ORDER_MATTERS_WITH: Final = frozenset({"sc.python.enum", "sc.python.cleaner"})


def _classes(context: MarkerContext, call: MarkerCall) -> tuple[dict[str, str], set[str]]:
    """The classes a call's region defines (key -> class name) and those its code uses
    as the module is imported: enum classes, and a cleaner's dataclass."""
    found = bound(call)
    if found is None:
        return {}, set()
    spec, arguments = found
    if spec.needs is None:
        return {}, set()
    try:
        needs = spec.needs(context, arguments)
    except SchemacogError:
        return {}, set()  # the call's own region says what is wrong with it
    defined = {f"enum {enum}": enum_class(enum) for enum in needs.defines}
    used = {f"enum {enum}" for enum in needs.enums - needs.defines}
    table = str(arguments.get("table"))
    if spec.name == "dataclass":
        defined[f"dataclass {table}"] = dataclass_class(table)
    elif spec.name == "cleaner":
        used.add(f"dataclass {table}")
    return defined, used


def out_of_order(context: MarkerContext, calls: Sequence[MarkerCall]) -> list[Problem]:
    """Each call whose code uses a class that a later region of the same file defines
    (Python runs a module top to bottom: the import would fail with a NameError)."""
    if not {call.dotted for call in calls} & _ORDER_MATTERS_WITH:
        return []  # no class here that another region could use before it is defined
    classes = [_classes(context, call) for call in calls]
    problems = []
    above: set[str] = set()  # classes defined by the calls so far
    for index, (call, (defines, uses)) in enumerate(zip(calls, classes, strict=True)):
        used = uses - above  # a class a region above defines already is there
        above |= defines.keys()
        below: dict[str, tuple[str, MarkerCall]] = {}  # key -> (class, the call defining it)
        for later, (defined, _) in zip(calls[index + 1 :], classes[index + 1 :], strict=True):
            for key in sorted(used & defined.keys()):
                if later.line > call.line:
                    below.setdefault(key, (defined[key], later))
        if not below:
            continue
        names = " and ".join(name for name, _ in below.values())
        definers: list[MarkerCall] = []
        for _, later in below.values():
            if all(later is not other for other in definers):
                definers.append(later)
        if len(definers) == 1:
            where = f"{definers[0].source} defines further down (line {definers[0].line})"
            move = "that one"
        else:
            where = " and ".join(f"{c.source} (line {c.line})" for c in definers)
            where += " define further down"
            move = "them"
        message = f"{call.source} uses {names}, which {where}: move this region below {move}"
        problems.append(Problem(Pos(context.in_file, call.line, call.col), message))
    return problems


# --- the renderers, adapted to (context, arguments) -------------------------------------


def _on_table(render_table: Callable[[Schema, Table], str]) -> Render:
    def run(context: MarkerContext, arguments: Arguments) -> str:
        return render_table(context.schema, table_named(context, arguments["table"]))

    return run


def _on_enum(render_enum: Callable[[Schema, Enum], str]) -> Render:
    def run(context: MarkerContext, arguments: Arguments) -> str:
        return render_enum(context.schema, enum_named(context, arguments["enum"]))

    return run


def _on_schema(render_schema: Callable[[Schema], str]) -> Render:
    def run(context: MarkerContext, arguments: Arguments) -> str:
        return render_schema(context.schema)

    return run


def _dialect(context: MarkerContext, arguments: Arguments) -> str:
    return dialect_named(context, arguments.get("dialect"))


def _create_table(context: MarkerContext, arguments: Arguments) -> str:
    table = table_named(context, arguments["table"])
    return _sql.render_create_table(context.schema, table, _dialect(context, arguments))


def _create_enum(context: MarkerContext, arguments: Arguments) -> str:
    enum = enum_named(context, arguments["enum"])
    return _sql.render_create_enum(context.schema, enum, _dialect(context, arguments))


def _ddl(context: MarkerContext, arguments: Arguments) -> str:
    return _sql.render_ddl(context.schema, _dialect(context, arguments))


def _table_needs(needs: Callable[[Schema, Table], _python_needs.Needs]) -> NeedsOf:
    def run(context: MarkerContext, arguments: Arguments) -> _python_needs.Needs:
        return needs(context.schema, table_named(context, arguments["table"]))

    return run


def _enum_needs(needs: Callable[[Schema, Enum], _python_needs.Needs]) -> NeedsOf:
    def run(context: MarkerContext, arguments: Arguments) -> _python_needs.Needs:
        return needs(context.schema, enum_named(context, arguments["enum"]))

    return run


def _imports(context: MarkerContext, arguments: Arguments) -> str:
    needs = _python_needs.Needs()
    failed_enum = False  # an sc.python.enum call that cannot render (a renamed enum)
    for call in file_calls(context):
        found = bound(call)
        if found is not None and found[0].needs is not None:
            try:
                needs.add(found[0].needs(context, found[1]))
            except SchemacogError:
                failed_enum |= found[0].reads is Reads.ENUM
                continue  # the call's own region says what is wrong with it, at its line
    enums_module = context.config.python_enums_module if context.config else None
    text, missing = _python_imports.import_block(needs, enums_module, context.schema)
    if missing and not failed_enum and not context.partial:  # else that error is the one
        raise fail(
            context,
            f"enum {missing[0]!r} is used here but not generated in this file; "
            "generate it with sc.python.enum() or set python_enums_module",
        )
    return text


def _cleaner(context: MarkerContext, arguments: Arguments) -> str:
    table = table_named(context, arguments["table"])
    present = {(call.dotted, subject_of(call)) for call in file_calls(context)}
    for name, subject in (("imports", None), ("dataclass", table.name)):
        # a block safe mode refused may be the one: its own error is said
        if (f"sc.python.{name}", subject) not in present and not context.partial:
            shown = f"sc.python.{name}({'' if subject is None else repr(subject)})"
            raise fail(context, f"sc.python.cleaner({table.name!r}) needs {shown} in this file")
    return _cleaning.render_cleaner(context.schema, table)


def _template(context: MarkerContext, arguments: Arguments) -> str:
    from schemacog.sandbox import user_templates

    if context.config is None or context.config.templates is None:
        raise fail(context, "sc.template needs 'templates' in [tool.schemacog]")
    root = context.config.root.resolve()
    templates = context.config.templates
    why = paths.refusal(root, templates, folder=True, hidden=False, must_exist=True)
    if why is not None:  # the config said so too; this holds for a Config built in code
        raise fail(context, f"templates folder {templates[:200]!r} {why}")
    folder = (root / templates).resolve()
    literals = {name: value for name, value in arguments.items() if name != "path"}
    try:
        path = str(arguments["path"])
        config = context.config
        return user_templates.render_bounded(
            folder, path, config.schema_path, context.schema.path, literals
        )
    except user_templates.TemplateError as exc:
        raise fail(context, str(exc)) from None


# --- the registry ----------------------------------------------------------------------

_TABLE: Final = (Param("table", Role.TABLE),)
_ENUM: Final = (Param("enum", Role.ENUM),)
_DIALECT: Final = Param("dialect", Role.DIALECT, required=False)

MARKERS: Final[tuple[MarkerSpec, ...]] = (
    MarkerSpec(
        "python",
        "imports",
        (),
        _imports,
        "sorted import block (and the shared `JsonValue` alias and cleaner helpers) for every "
        "`sc.python.*` call in the same file, found by reading the file's marker code with `ast`",
        Reads.SCHEMA,
        file_bound=True,
    ),
    MarkerSpec(
        "python",
        "dataclass",
        _TABLE,
        _on_table(_python.render_dataclass),
        "`@dataclass(frozen=True, slots=True, kw_only=True)` class",
        Reads.TABLE,
        needs=_table_needs(_python.dataclass_needs),
    ),
    MarkerSpec(
        "python",
        "pydantic",
        _TABLE,
        _on_table(_python.render_pydantic),
        "pydantic v2 model `<Table>Model` with `Field(ge=, le=, min_length=, max_length=, "
        "pattern=, max_digits=, decimal_places=)`",
        Reads.TABLE,
        needs=_table_needs(_python.pydantic_needs),
        layer=Layer.MODEL,
    ),
    MarkerSpec(
        "python",
        "enum",
        _ENUM,
        _on_enum(_python.render_enum),
        "`enum.StrEnum`, members UPPER_SNAKE, value descriptions as comments",
        Reads.ENUM,
        needs=_enum_needs(_python.enum_needs),
    ),
    MarkerSpec(
        "python",
        "validator",
        _TABLE,
        _on_table(_python.render_validator),
        "`validate_<table>(row: Mapping[str, object]) -> list[str]`",
        Reads.TABLE,
        needs=_table_needs(_python.validator_needs),
        layer=Layer.VALIDATOR,
    ),
    MarkerSpec(
        "python",
        "columns",
        _TABLE,
        _on_table(_python.render_columns),
        "`<TABLE>_COLUMNS: tuple[str, ...]`",
        Reads.TABLE,
        needs=_table_needs(_python.columns_needs),
    ),
    MarkerSpec(
        "python",
        "cleaner",
        _TABLE,
        _cleaner,
        "`clean_<table>(raw)` and `clean_<table>_rows(rows)`: raw rows to typed records with a "
        "message per fix or rejection ([docs/cleaning.md](cleaning.md)); needs "
        "`sc.python.imports()` and the table's `sc.python.dataclass` in the same file",
        Reads.TABLE,
        needs=_table_needs(_cleaning.cleaner_needs),
        file_bound=True,
        layer=Layer.CLEANER,
    ),
    MarkerSpec(
        "python",
        "pandas_dtypes",
        _TABLE,
        _on_table(_cleaning.render_pandas_dtypes),
        "`<TABLE>_PANDAS_DTYPES: dict[str, str]`, pandas' nullable dtypes per column",
        Reads.TABLE,
        needs=_table_needs(_cleaning.pandas_dtypes_needs),
    ),
    MarkerSpec(
        "sql",
        "create_table",
        (*_TABLE, _DIALECT),
        _create_table,
        "`CREATE TABLE` plus its comments and indexes (and a `CREATE SEQUENCE` in DuckDB)",
        Reads.TABLE,
    ),
    MarkerSpec(
        "sql",
        "create_enum",
        (*_ENUM, _DIALECT),
        _create_enum,
        "`CREATE TYPE ... AS ENUM` (PostgreSQL, DuckDB); empty where enums are a `CHECK` "
        "(SQLite, MariaDB)",
        Reads.ENUM,
    ),
    MarkerSpec(
        "sql",
        "ddl",
        (_DIALECT,),
        _ddl,
        "the whole schema: enums, tables in foreign-key order (file order breaks ties), cycles "
        "closed with `ALTER TABLE ... ADD CONSTRAINT`",
        Reads.SCHEMA,
    ),
    MarkerSpec(
        "docs",
        "table",
        _TABLE,
        _on_table(_docs.render_table),
        "Markdown: the table's description and a table of its columns",
        Reads.TABLE,
    ),
    MarkerSpec(
        "docs",
        "enum",
        _ENUM,
        _on_enum(_docs.render_enum),
        "Markdown: the enum's description and a table of its values",
        Reads.ENUM,
    ),
    MarkerSpec(
        "docs",
        "dictionary",
        (),
        _on_schema(_docs.render_dictionary),
        "Markdown data dictionary of the whole schema",
        Reads.SCHEMA,
    ),
    MarkerSpec(
        "docs",
        "erd",
        (),
        _on_schema(_docs.render_erd),
        "a ```` ```mermaid ```` `erDiagram` block",
        Reads.SCHEMA,
    ),
    MarkerSpec(
        "docs",
        "cleaning",
        _TABLE,
        _on_table(_cleaning_docs.render_cleaning_docs),
        "Markdown: how a cleaner reads each column (missing tokens, default, type, aliases, "
        "constraints, soft bounds)",
        Reads.TABLE,
    ),
    MarkerSpec(
        "",
        "template",
        (Param("path", Role.PATH), Param("literals", Role.LITERALS, required=False)),
        _template,
        "a user Jinja template from the configured `templates` folder",
        Reads.SCHEMA,
    ),
)

_BY_NAME: Final[dict[tuple[str, str], MarkerSpec]] = {
    (spec.namespace, spec.name): spec for spec in MARKERS
}


def spec_of(call: MarkerCall) -> MarkerSpec | None:
    """The registry entry of a call, or None for a name that is not a marker call."""
    return _BY_NAME.get((call.namespace, call.name))


def bound(call: MarkerCall) -> tuple[MarkerSpec, Arguments] | None:
    """A call's entry and arguments, or None when it names no call or does not bind."""
    spec = spec_of(call)
    if spec is None:
        return None
    try:
        return spec, bind(spec, call.args, call.kwargs)
    except BindError:
        return None


def subject_of(call: MarkerCall) -> object:
    """The table or enum a call is about (by position or keyword alike), or None."""
    found = bound(call)
    if found is None:
        return None
    spec, arguments = found
    param = spec.param(Role.TABLE) or spec.param(Role.ENUM)
    return None if param is None else arguments.get(param.name)


def dialect_of(call: MarkerCall, default: str) -> object:
    """The dialect a call renders for (by position or keyword alike); None if it has none.

    A user template given a ``dialect=`` literal is taken to render for that dialect.
    """
    found = bound(call)
    if found is None:
        return None
    spec, arguments = found
    if spec.param(Role.DIALECT) is None and "dialect" not in arguments:
        return None
    chosen = arguments.get("dialect")
    return default if chosen is None else chosen


def depends_on(spec: MarkerSpec, arguments: Arguments, schema: Schema) -> frozenset[str] | None:
    """The tables and enums a bound call's text depends on (``table:x``, ``enum:y``).

    None: the whole schema. Besides these, every call depends on the schema's own settings
    (name, description, ``missing_values``) and on the configuration. A name the schema
    does not hold depends on nothing more (the call's error names it).
    """
    if spec.reads is Reads.SCHEMA:
        return None
    subject = arguments.get("enum" if spec.reads is Reads.ENUM else "table")
    names = {t.name for t in schema.tables} if spec.reads is Reads.TABLE else set()
    if spec.reads is Reads.ENUM or subject not in names:
        return frozenset({f"{spec.reads}:{subject}"})
    table = schema.table(str(subject))
    enums = {f"enum:{column.enum}" for column in table.columns if column.enum is not None}
    parents = {f"table:{fk.ref_table}" for fk in table.foreign_keys}
    return frozenset({f"table:{table.name}", *enums, *parents})


def call_table() -> str:
    """The Markdown call table of docs/renderers.md, from the registry."""
    rows = [f"| `{spec.signature}` | {spec.summary} |" for spec in MARKERS]
    return "\n".join(["| call | output |", "|---|---|", *rows]) + "\n"
