"""Python renderers: dataclass, pydantic model, StrEnum, validator, column tuple.

Pure functions: model in, text out. Regions carry no imports; each renderer declares
what it needs (``*_needs``, a ``python_needs.Needs``) and ``python_imports.import_block``
emits the sorted block for a whole file.
Library names are used through underscore aliases (``_dt``, ``_decimal``, ``_uuid``,
``_pd``, ``_dc``) so that no column name can shadow them inside a class body.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass

from schemacog.model import NOW, Column, Enum, LogicalType, Schema, Table, value_bounds
from schemacog.naming import (
    JSON_VALUE,
    columns_constant,
    dataclass_class,
    enum_class,
    enum_member,
    field_name,
    model_class,
    pattern_constant,
    validator_function,
)
from schemacog.render import pyliterals, templating
from schemacog.render.layout import Call, Expr, bracketed, lay_out, prefixed
from schemacog.render.python_checks import checks_assignment, checks_needs, value_imports
from schemacog.render.python_imports import PYDANTIC_TYPES_SHARED
from schemacog.render.python_needs import Needs, SharedBlock
from schemacog.runtime import cleaning as cleaning_runtime
from schemacog.schema.patterns import python_pattern

__all__ = [
    "CHECKED_TYPES",
    "DATACLASS_SAFE_CALLS",
    "FIELD_DEFAULT_TYPES",
    "NOW_FACTORIES",
    "PYDANTIC_TYPES",
    "TYPES",
    "CheckView",
    "FieldView",
    "columns_needs",
    "dataclass_needs",
    "enum_needs",
    "pydantic_needs",
    "render_columns",
    "render_dataclass",
    "render_enum",
    "render_pydantic",
    "render_validator",
    "validator_needs",
]

# logical type -> (annotation, import line it needs or "")
TYPES: dict[LogicalType, tuple[str, str]] = {
    LogicalType.STRING: ("str", ""),
    LogicalType.TEXT: ("str", ""),
    LogicalType.SMALLINT: ("int", ""),
    LogicalType.INTEGER: ("int", ""),
    LogicalType.BIGINT: ("int", ""),
    LogicalType.FLOAT: ("float", ""),
    LogicalType.DECIMAL: ("_decimal.Decimal", "import decimal as _decimal"),
    LogicalType.BOOLEAN: ("bool", ""),
    LogicalType.DATE: ("_dt.date", "import datetime as _dt"),
    LogicalType.TIME: ("_dt.time", "import datetime as _dt"),
    LogicalType.TIMESTAMP: ("_dt.datetime", "import datetime as _dt"),
    LogicalType.TIMESTAMPTZ: ("_dt.datetime", "import datetime as _dt"),
    LogicalType.UUID: ("_uuid.UUID", "import uuid as _uuid"),
    LogicalType.JSON: (JSON_VALUE, ""),
    LogicalType.BINARY: ("bytes", ""),
}

# The isinstance() test the validator makes per type: (types, also-refused, type name).
CHECKED_TYPES: dict[LogicalType, tuple[str, str, str]] = {
    LogicalType.STRING: ("str", "", "a str"),
    LogicalType.TEXT: ("str", "", "a str"),
    LogicalType.SMALLINT: ("int", "bool", "an int"),
    LogicalType.INTEGER: ("int", "bool", "an int"),
    LogicalType.BIGINT: ("int", "bool", "an int"),
    LogicalType.FLOAT: ("(int, float)", "bool", "a float"),
    LogicalType.DECIMAL: ("(int, _decimal.Decimal)", "bool", "a Decimal"),
    LogicalType.BOOLEAN: ("bool", "", "a bool"),
    LogicalType.DATE: ("_dt.date", "_dt.datetime", "a date"),
    LogicalType.TIME: ("_dt.time", "", "a time"),
    LogicalType.TIMESTAMP: ("_dt.datetime", "", "a datetime"),
    LogicalType.TIMESTAMPTZ: ("_dt.datetime", "", "a datetime"),
    LogicalType.UUID: ("_uuid.UUID", "", "a UUID"),
    LogicalType.JSON: ("(dict, list, str, int, float, bool)", "", "a JSON value"),
    LogicalType.BINARY: ("bytes", "", "bytes"),
    LogicalType.ENUM: ("str", "", "a str"),
}

# `default: now` -> a default factory per type
NOW_FACTORIES: dict[LogicalType, Expr] = {
    LogicalType.DATE: "_dt.date.today",
    LogicalType.TIME: "lambda: _dt.datetime.now().time()",
    LogicalType.TIMESTAMP: "_dt.datetime.now",
    LogicalType.TIMESTAMPTZ: "lambda: _dt.datetime.now(_dt.UTC)",
}

# Calls ruff accepts as dataclass defaults (RUF009); any other goes in field(default=...).
DATACLASS_SAFE_CALLS = ("_decimal.Decimal(", "_dt.date(", "_dt.time(", "_dt.datetime(")

# Types whose static defaults need dataclasses.field (a factory, or a call ruff refuses).
FIELD_DEFAULT_TYPES = frozenset({LogicalType.JSON, LogicalType.UUID})


def _docstring_body(text: str, indent: str) -> str:
    """The inside of a triple-quoted docstring: escaped, dedented, formatter-stable."""
    escaped = text.expandtabs(4).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    lines = [line.rstrip() for line in escaped.split("\n")]
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    while len(lines) > 1 and not lines[0]:
        lines.pop(0)
    rest = textwrap.dedent("\n".join(lines[1:])).split("\n") if len(lines) > 1 else []
    lines = [lines[0].strip(), *rest]
    last = lines[-1]
    backslashes = len(last[:-1]) - len(last[:-1].rstrip("\\"))
    if last.endswith('"') and backslashes % 2 == 0:  # an unescaped quote would end it
        lines[-1] = last[:-1] + '\\"'
    if len(lines) == 1:
        return lines[0]
    body = "\n".join(indent + line if line else "" for line in lines[1:]).rstrip()
    return f"{lines[0]}\n{body}\n{indent}"


def _comment_lines(text: str | None) -> list[str]:
    """A description as ``#`` comment lines (one per line of text)."""
    if not text:
        return []
    return ["# " + line.rstrip() if line.strip() else "#" for line in text.strip("\n").split("\n")]


@dataclass(frozen=True)
class FieldView:
    name: str
    column: str
    comments: list[str]
    dataclass_line: str
    pydantic_line: str


# The pydantic model's type where it says more than the dataclass's: numbers and booleans
# strict (JSON carries them as themselves: no "5", no True for 1); text and JSON with the
# value rules every engine needs; what JSON carries as text read by the cleaner's readers.
PYDANTIC_TYPES: dict[LogicalType, str | SharedBlock] = {
    LogicalType.SMALLINT: "_pd.StrictInt",
    LogicalType.INTEGER: "_pd.StrictInt",
    LogicalType.BIGINT: "_pd.StrictInt",
    LogicalType.FLOAT: "_pd.StrictFloat",
    LogicalType.BOOLEAN: "_pd.StrictBool",
    LogicalType.STRING: SharedBlock.PYDANTIC_TEXT,
    LogicalType.TEXT: SharedBlock.PYDANTIC_TEXT,
    LogicalType.JSON: SharedBlock.PYDANTIC_JSON,
    LogicalType.DATE: SharedBlock.PYDANTIC_DATE,
    LogicalType.TIME: SharedBlock.PYDANTIC_TIME,
    LogicalType.TIMESTAMP: SharedBlock.PYDANTIC_TIMESTAMP,
    LogicalType.TIMESTAMPTZ: SharedBlock.PYDANTIC_TIMESTAMPTZ,
    LogicalType.UUID: SharedBlock.PYDANTIC_UUID,
    LogicalType.BINARY: SharedBlock.BASE64_BYTES,
}


def _annotation(schema: Schema, column: Column, *, pydantic: bool = False) -> str:
    base = enum_class(column.enum) if column.enum else TYPES[column.type][0]
    if pydantic and column.enum is None:
        chosen = PYDANTIC_TYPES.get(column.type, base)
        base = chosen if isinstance(chosen, str) else PYDANTIC_TYPES_SHARED[chosen].name
    return f"{base} | None" if column.nullable else base


def _type_needs(columns: Iterable[Column], *, pydantic: bool = False) -> Needs:
    needs = Needs()
    for column in columns:
        if column.enum:
            needs.enums.add(column.enum)
        elif pydantic and column.type in PYDANTIC_TYPES:
            chosen = PYDANTIC_TYPES[column.type]
            if isinstance(chosen, SharedBlock):  # the definition brings its imports
                needs.shared.add(chosen)
        elif TYPES[column.type][1]:
            needs.imports.add(TYPES[column.type][1])
        if column.type is LogicalType.JSON:
            needs.shared.add(SharedBlock.JSON_VALUE_ALIAS)
        if column.default is NOW:
            needs.imports.add("import datetime as _dt")
        if column.has_default and column.type is LogicalType.JSON:
            needs.imports.add("import json as _json")
    return needs


def _default(column: Column) -> tuple[Expr | None, Expr | None]:
    """(default expression, default factory expression) of a field."""
    if column.default is NOW:
        return None, NOW_FACTORIES[column.type]
    if column.has_default and column.type is LogicalType.JSON:
        return None, prefixed("lambda: ", pyliterals.json_expr(column.default))  # type: ignore[arg-type]
    if column.has_default and column.enum is not None:
        return f"{enum_class(column.enum)}.{enum_member(str(column.default))}", None
    if column.has_default:
        return pyliterals.expr(column.default), None  # type: ignore[arg-type]
    if column.nullable:
        return "None", None
    return None, None


def _pydantic_constraints(column: Column) -> list[Expr]:
    args: list[Expr] = []
    low, high = value_bounds(column)
    if low is not None:
        args.append(prefixed("ge=", pyliterals.expr(low)))
    if high is not None:
        args.append(prefixed("le=", pyliterals.expr(high)))
    if column.min_length is not None:
        args.append(f"min_length={column.min_length}")
    if column.max_length is not None:
        args.append(f"max_length={column.max_length}")
    if column.pattern is not None:
        args.append(f"pattern={pyliterals.raw_or_string('(?s)' + python_pattern(column.pattern))}")
    if column.type is LogicalType.DECIMAL and column.precision is not None:
        # the digits before the point as a bound: pydantic's max_digits counts the "0" of
        # 0 in decimal(1, 1), which every other layer accepts
        top = 10 ** (column.precision - (column.scale or 0))
        args += [f"gt={-top}", f"lt={top}", f"decimal_places={column.scale or 0}"]
    if column.type is LogicalType.FLOAT:
        args.append("allow_inf_nan=False")
    return args


def _fields(schema: Schema, table: Table) -> list[FieldView]:
    views = []
    for column in table.columns:
        name = field_name(column.name)
        default, factory = _default(column)
        args: list[Expr] = []
        if factory is not None:
            args.append(prefixed("default_factory=", factory))
        elif default is not None:
            args.append(prefixed("default=", default))
        if name != column.name:
            args.append(f"alias={pyliterals.string(column.name)}")
        args += _pydantic_constraints(column)
        head = f"{name}: {_annotation(schema, column)}"
        if factory is not None:
            field_call = Call(f"{head} = _dc.field(", [prefixed("default_factory=", factory)], ")")
            dataclass_line = lay_out(field_call, 4)
        elif isinstance(default, Call) and not default.head.startswith(DATACLASS_SAFE_CALLS):
            field_call = Call(f"{head} = _dc.field(", [prefixed("default=", default)], ")")
            dataclass_line = lay_out(field_call, 4)
        else:
            dataclass_line = lay_out(
                head if default is None else prefixed(f"{head} = ", default), 4
            )
        typed = f"{name}: {_annotation(schema, column, pydantic=True)}"
        pydantic_line = bracketed(4, f"{typed} = _pd.Field(", args, ")") if args else f"    {typed}"
        views.append(
            FieldView(
                name=name,
                column=column.name,
                comments=_comment_lines(column.description),
                dataclass_line=dataclass_line,
                pydantic_line=pydantic_line,
            )
        )
    return views


def _docstring(table: Table) -> str:
    return _docstring_body(table.description or f"A row of table ``{table.name}``.", "    ")


def dataclass_needs(schema: Schema, table: Table) -> Needs:
    needs = _type_needs(table.columns)
    needs.imports.add("from dataclasses import dataclass")
    if any(
        c.default is NOW or (c.has_default and c.type in FIELD_DEFAULT_TYPES) for c in table.columns
    ):
        needs.imports.add("import dataclasses as _dc")
    return needs


def render_dataclass(schema: Schema, table: Table) -> str:
    return templating.render(
        "python/dataclass.py.j2",
        name=dataclass_class(table.name),
        doc=_docstring(table),
        fields=_fields(schema, table),
    )


def pydantic_needs(schema: Schema, table: Table) -> Needs:
    needs = _type_needs(table.columns, pydantic=True)
    needs.imports.add("import pydantic as _pd")
    if table.checks:
        needs.add(checks_needs(table))
        needs.imports.add("from typing import Self")
    return needs


def _model_value(column: Column) -> Expr:
    """How pydantic reads a column for a table's checks: the model's field."""
    return f"self.{field_name(column.name)}"


def render_pydantic(schema: Schema, table: Table) -> str:
    fields = _fields(schema, table)
    # an unknown key is an error, as in the validator and every engine
    config = ["frozen=True", 'extra="forbid"']
    if any(c.pattern for c in table.columns):
        config.append('regex_engine="python-re"')
    if any(f.name != f.column for f in fields):
        config.append("populate_by_name=True")
    if any(f.name.startswith("model_") for f in fields):
        config.append("protected_namespaces=()")
    return templating.render(
        "python/pydantic.py.j2",
        name=model_class(table.name),
        doc=_docstring(table),
        config=bracketed(4, "model_config = _pd.ConfigDict(", config, ")"),
        fields=fields,
        row_checks=checks_assignment(table, _model_value, 8) if table.checks else "",
    )


def enum_needs(schema: Schema, enum: Enum) -> Needs:
    return Needs(imports={"import enum"}, defines={enum.name})


def render_enum(schema: Schema, enum: Enum) -> str:
    members = [
        (enum_member(v.value), pyliterals.string(v.value), _comment_lines(v.description))
        for v in enum.values
    ]
    return templating.render(
        "python/enum.py.j2",
        name=enum_class(enum.name),
        doc=_docstring_body(enum.description or f"Values of enum ``{enum.name}``.", "    "),
        members=members,
    )


def columns_needs(schema: Schema, table: Table) -> Needs:
    return Needs()


def render_columns(schema: Schema, table: Table) -> str:
    names = [pyliterals.string(c.name) for c in table.columns]
    head = columns_constant(table.name) + ": tuple[str, ...] = ("
    return bracketed(0, head, names, ")", ",") + "\n"


# A test the validator makes once a value has its type: (the refusing condition, message).
_FLOAT_MAX = repr(sys.float_info.max).replace("e+", "e")  # as ruff format writes it
# Aware means what Python (and pydantic, and the cleaner) mean: utcoffset() is not None.
# A finite float: neither NaN (which no comparison holds) nor beyond the largest double
# (infinities, and integers no float can hold).
_REFINEMENTS: dict[LogicalType, tuple[str, str]] = {
    LogicalType.TIMESTAMP: ("value.utcoffset() is not None", "must not have a time zone"),
    LogicalType.TIME: ("value.utcoffset() is not None", "must not have a time zone"),
    LogicalType.FLOAT: (f"not abs(value) <= {_FLOAT_MAX}", "must be a finite number"),
    LogicalType.DECIMAL: ("not _decimal.Decimal(value).is_finite()", "must be a finite number"),
}
# The shared value rules (runtime/cleaning.py) a value of the right type must keep: its
# problem, when it has one, is the message, as the cleaner and pydantic report it.
_VALUE_RULES: dict[LogicalType, tuple[str, SharedBlock]] = {
    LogicalType.STRING: ("_text_problem", SharedBlock.TEXT_RULE),
    LogicalType.TEXT: ("_text_problem", SharedBlock.TEXT_RULE),
    LogicalType.JSON: ("_json_problem", SharedBlock.JSON_RULE),
    LogicalType.TIMESTAMPTZ: ("_instant_problem", SharedBlock.INSTANT_RULE),
}


@dataclass(frozen=True)
class CheckView:
    """One column's checks, as laid-out lines (the template only places them)."""

    column: str  # python string literal of the column name
    required: str  # "always" | "when_given" | "never": when None is an error
    null_line: str  # problems.append(...) for a null value
    type_test: str  # the isinstance() condition of a wrong type
    type_line: str
    refinement: str  # a further test of a value of the right type ("" for none)
    refinement_line: str
    conditions: list[tuple[str, str]]  # (laid-out if line, laid-out append line)


def _digit_conditions(key: str, precision: int, scale: int) -> list[tuple[str, str]]:
    """The cleaner's (and the engines') digit rules for a decimal, on exact arithmetic.

    Counted on the value itself, trailing zeros aside: ``2.990`` has two places.
    """
    whole = precision - scale
    return [
        (
            f"_decimal.Decimal(value).copy_abs() >= {10**whole}",  # abs() would round
            f"{key}: has more than {whole} digits before the point",
        ),
        (
            f"_decimal_places(_decimal.Decimal(value)) > {scale}",
            f"{key}: has more than {scale} decimal places",
        ),
    ]


def _append(indent: int, message: str) -> str:
    return bracketed(indent, "problems.append(", [pyliterals.string(message)], ")")


def _checks(schema: Schema, table: Table) -> tuple[list[CheckView], list[str]]:
    views = []
    patterns = []
    for column in table.columns:
        key = column.name
        if column.nullable:
            required = "never"
        elif column.identity or column.has_default:
            required = "when_given"
        else:
            required = "always"
        conditions = []
        low, high = value_bounds(column)
        if low is not None:
            bound = pyliterals.literal(low)
            conditions.append((f"value < {bound}", f"{key}: must be >= {low}"))
        if high is not None:
            bound = pyliterals.literal(high)
            conditions.append((f"value > {bound}", f"{key}: must be <= {high}"))
        if column.type is LogicalType.DECIMAL and column.precision is not None:
            conditions += _digit_conditions(key, column.precision, column.scale or 0)
        if column.min_length is not None:
            message = f"{key}: must be at least {cleaning_runtime._characters(column.min_length)}"
            conditions.append((f"len(value) < {column.min_length}", message))
        if column.max_length is not None:
            message = f"{key}: must be at most {cleaning_runtime._characters(column.max_length)}"
            conditions.append((f"len(value) > {column.max_length}", message))
        laid_out = [(f"        if {cond}:", _append(12, msg)) for cond, msg in conditions]
        if column.pattern is not None:
            constant = pattern_constant(table.name, column.name)
            source = pyliterals.raw_or_string(python_pattern(column.pattern))
            patterns.append(bracketed(0, f"{constant} = re.compile(", [source, "re.DOTALL"], ")"))
            message = f"{key}: must match {column.pattern}"
            # an overlong value is not matched: the length bounds the pattern's time
            test = f"{constant}.search(value) is None"
            if column.max_length is not None:
                test = f"len(value) <= {column.max_length} and {test}"
            laid_out.append((f"        if {test}:", _append(12, message)))
        if column.enum is not None:
            values = schema.enum(column.enum).value_names
            literals = [pyliterals.string(v) for v in values]
            test = bracketed(8, "if value not in (", literals, "):", ",")
            laid_out.append((test, _append(12, f"{key}: must be one of {', '.join(values)}")))
        isinstance_of, refused, type_name = CHECKED_TYPES[column.type]
        type_test = f"not isinstance(value, {isinstance_of})"
        if refused:
            type_test += f" or isinstance(value, {refused})"
        refinement, refined = _REFINEMENTS.get(column.type, ("", ""))
        refinement_line = _append(8, f"{key}: {refined}")
        if column.type in _VALUE_RULES:
            rule = _VALUE_RULES[column.type][0]
            refinement = f"(problem := {rule}(value)) is not None"
            message = f"{pyliterals.string(key + ': ')} + problem"
            refinement_line = bracketed(8, "problems.append(", [message], ")")
        null_message = f"{key}: is required" if required == "always" else f"{key}: must not be null"
        views.append(
            CheckView(
                column=pyliterals.string(key),
                required=required,
                null_line=_append(12 if required == "when_given" else 8, null_message),
                type_test=type_test,
                type_line=_append(8, f"{key}: must be {type_name}"),
                refinement=refinement,
                refinement_line=refinement_line,
                conditions=laid_out,
            )
        )
    return views, patterns


def validator_needs(schema: Schema, table: Table) -> Needs:
    needs = Needs(imports={"from collections.abc import Mapping"})
    for column in table.columns:
        isinstance_of = CHECKED_TYPES[column.type][0] + CHECKED_TYPES[column.type][1]
        for alias, line in (
            ("_dt.", "import datetime as _dt"),
            ("_decimal.", "import decimal as _decimal"),
            ("_uuid.", "import uuid as _uuid"),
        ):
            if alias in isinstance_of + _REFINEMENTS.get(column.type, ("", ""))[0]:
                needs.imports.add(line)
        if column.pattern is not None:
            needs.imports.add("import re")
        if column.type in _VALUE_RULES:
            needs.shared.add(_VALUE_RULES[column.type][1])
        if column.type is LogicalType.DECIMAL and column.precision is not None:
            needs.shared.add(SharedBlock.DECIMAL_RULE)
    needs.add(checks_needs(table))
    needs.imports |= _row_value_imports(table)
    return needs


def _row_value(column: Column) -> Expr:
    """How the validator reads a column for a table's checks: the row's value, or the
    default the database would fill in (unknown, None, for ``now`` and identity)."""
    key = pyliterals.string(column.name)
    if not column.has_default or column.default is NOW:
        return f"row.get({key})"
    if column.type is LogicalType.JSON:
        default = pyliterals.json_expr(column.default)  # type: ignore[arg-type]
    else:
        default = pyliterals.expr(column.default)  # type: ignore[arg-type]
    return Call("row.get(", [key, default], ")")


def _row_value_imports(table: Table) -> set[str]:
    read = {name for check in table.checks for name in check.columns}
    defaults = [
        c for c in table.columns if c.name in read and c.has_default and c.default is not NOW
    ]
    imports = value_imports(c.default for c in defaults if c.type is not LogicalType.JSON)  # type: ignore[misc]
    if any(c.type is LogicalType.JSON for c in defaults):
        imports.add("import json as _json")
    return imports


def render_validator(schema: Schema, table: Table) -> str:
    checks, patterns = _checks(schema, table)
    known = [pyliterals.string(c.name) for c in table.columns]
    return templating.render(
        "python/validator.py.j2",
        function=validator_function(table.name),
        table=table.name,
        known=bracketed(4, "known = (", known, ")", ","),
        checks=checks,
        patterns=patterns,
        row_checks=checks_assignment(table, _row_value, 4) if table.checks else "",
    )
