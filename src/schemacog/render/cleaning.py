"""Cleaner renderers: ``clean_<table>`` for raw rows, and pandas dtypes.

A cleaner region holds one table's rules as data (a tuple of ``_Cleaning``) and two
short functions; the code that applies the rules is shared by every cleaner of a file
and emitted once by ``sc.python.imports()``: sections of the real module
``runtime.cleaning``, chosen by ``cleaning_shared``. The rules come from the same model
as the validator, the pydantic model and the DDL.
"""

from __future__ import annotations

import decimal
import json
from dataclasses import dataclass

from schemacog.model import INTEGER_RANGES, NOW, Column, LogicalType, Schema, Table, Value
from schemacog.naming import (
    cleaner_function,
    cleaning_keys_constant,
    cleaning_rules_constant,
    dataclass_class,
    dtypes_constant,
    enum_class,
    field_name,
    row_checks_function,
    rows_cleaner_function,
    spellings_constant,
    validator_function,
)
from schemacog.render import pyliterals, templating
from schemacog.render.cleaning_shared import SECTION_IMPORTS, missing_tokens
from schemacog.render.layout import LINE_LENGTH, Call, Expr, bracketed, lay_out, prefixed
from schemacog.render.python_checks import checks_assignment, checks_needs
from schemacog.render.python_needs import EnumSpellings, Needs, RuntimeParser, SharedBlock
from schemacog.runtime import cleaning as cleaning_runtime
from schemacog.schema.patterns import python_pattern

__all__ = [
    "CORE_IMPORTS",
    "PANDAS_DTYPES",
    "PARSERS",
    "Parser",
    "cleaner_needs",
    "duplicate_keys",
    "filled",
    "pandas_dtypes_needs",
    "render_cleaner",
    "render_pandas_dtypes",
    "shown_default",
]

_RE = "import re"
_DECIMAL = "import decimal as _decimal"

CORE_IMPORTS = frozenset(
    {
        _RE,
        "from collections.abc import Callable, Iterable, Mapping",
        "from dataclasses import dataclass",
        "from typing import Any, TypeVar",
        "import math",
    }
)


@dataclass(frozen=True)
class Parser:
    """How a logical type is read: runtime section, the call a rule makes, docs (the
    section's imports are ``cleaning_shared.SECTION_IMPORTS``)."""

    section: RuntimeParser  # the section of runtime/cleaning.py that defines it
    call: str  # filled with low, high, type, precision, scale, spellings
    reads: str  # docs: what is accepted (filled like ``call``)
    rule: SharedBlock | None = None  # the value rule it applies, shared with other layers


_INTEGER = Parser(
    RuntimeParser.INTEGER,
    '_integer({low}, {high}, "{type}")',
    "integer, {low} to {high}; `12.0` reads as 12",
)
_TEXT = Parser(RuntimeParser.TEXT, "_text", "text", SharedBlock.TEXT_RULE)

PARSERS: dict[LogicalType, Parser] = {
    LogicalType.STRING: _TEXT,
    LogicalType.TEXT: _TEXT,
    LogicalType.SMALLINT: _INTEGER,
    LogicalType.INTEGER: _INTEGER,
    LogicalType.BIGINT: _INTEGER,
    LogicalType.FLOAT: Parser(RuntimeParser.FLOAT, "_float", "finite number; `1.5e3` too"),
    LogicalType.DECIMAL: Parser(
        RuntimeParser.DECIMAL,
        "_decimal_number({precision}, {scale})",
        "exact decimal{digits}, never rounded",
        SharedBlock.DECIMAL_RULE,
    ),
    LogicalType.BOOLEAN: Parser(
        RuntimeParser.BOOLEAN,
        "_boolean",
        "true/false, yes/no, y/n, t/f, 1/0, any case",
    ),
    LogicalType.DATE: Parser(RuntimeParser.DATE, "_date", "date `YYYY-MM-DD`"),
    LogicalType.TIME: Parser(RuntimeParser.TIME, "_time", "time `HH:MM[:SS[.ffffff]]`"),
    LogicalType.TIMESTAMP: Parser(
        RuntimeParser.TIMESTAMP,
        "_timestamp(with_offset=False)",
        "ISO 8601 timestamp without UTC offset",
        SharedBlock.INSTANT_RULE,  # the section calls it for the other kind
    ),
    LogicalType.TIMESTAMPTZ: Parser(
        RuntimeParser.TIMESTAMP,
        "_timestamp(with_offset=True)",
        "ISO 8601 timestamp with UTC offset (`Z`, `+01:00`)",
        SharedBlock.INSTANT_RULE,
    ),
    LogicalType.UUID: Parser(RuntimeParser.UUID, "_uuid_value", "UUID"),
    LogicalType.JSON: Parser(
        RuntimeParser.JSON,
        "_json_value",
        "JSON text",
        SharedBlock.JSON_RULE,
    ),
    LogicalType.BINARY: Parser(RuntimeParser.BINARY, "_binary", "base64 text"),
    LogicalType.ENUM: Parser(
        RuntimeParser.ENUM,
        "_enum({cls}, {spellings})",
        "`{enum}`, any case, spaces and hyphens as `_`",
    ),
}


def filled(template: str, column: Column) -> str:
    """A parser's ``call`` or ``reads`` for a column (enum names are identifiers)."""
    low, high = INTEGER_RANGES.get(column.type, (0, 0))
    digits = ""
    if column.precision is not None:
        digits = f" ({column.precision} digits, {column.scale or 0} after the point)"
    return template.format(
        low=low,
        high=high,
        type=column.type.value,
        precision=column.precision,
        scale=column.scale or 0,
        digits=digits,
        enum=column.enum,
        spellings=spellings_constant(column.enum or ""),
        cls=enum_class(column.enum or ""),
    )


# pandas' nullable dtype per logical type; "object" keeps the cleaner's exact Python value.
PANDAS_DTYPES: dict[LogicalType, str] = {
    LogicalType.STRING: "string",
    LogicalType.TEXT: "string",
    LogicalType.SMALLINT: "Int16",
    LogicalType.INTEGER: "Int32",
    LogicalType.BIGINT: "Int64",
    LogicalType.FLOAT: "Float64",
    LogicalType.DECIMAL: "object",
    LogicalType.BOOLEAN: "boolean",
    LogicalType.DATE: "object",
    LogicalType.TIME: "object",
    LogicalType.TIMESTAMP: "object",
    LogicalType.TIMESTAMPTZ: "object",
    LogicalType.UUID: "object",
    LogicalType.JSON: "object",
    LogicalType.BINARY: "object",
    LogicalType.ENUM: "category",
}


def shown_default(column: Column) -> str:
    """The default as a cleaner's message shows it (``'placed'``, ``0``, ``now``)."""
    if column.default is NOW:
        return "now"
    if isinstance(column.default, dict | list):
        return json.dumps(column.default, ensure_ascii=False)
    return cleaning_runtime._shown(column.default)  # as the runtime shows a cleaned value


def _rule(column: Column) -> Call:
    args: list[Expr] = [f"column={pyliterals.string(column.name)}"]
    name = field_name(column.name)
    if name != column.name:
        args.append(f"field={pyliterals.string(name)}")
    args.append(f"parse={filled(PARSERS[column.type].call, column)}")
    if column.missing_values is not None:
        args.append(prefixed("missing=", missing_tokens(column.missing_values)))
    if column.has_default or column.default is NOW:
        args.append(f"default={pyliterals.string(shown_default(column))}")
    if column.nullable:
        args.append("nullable=True")
    bounds: list[tuple[str, Value]] = [
        ("low", column.min),
        ("high", column.max),
        ("min_length", column.min_length),
        ("max_length", column.max_length),
    ]
    for key, bound in bounds:
        if bound is not None:
            args.append(prefixed(f"{key}=", pyliterals.expr(bound)))
    if column.pattern is not None:
        source = pyliterals.raw_or_string(python_pattern(column.pattern))
        args.append(Call("pattern=re.compile(", [source, "re.DOTALL"], ")"))
        args.append(f"pattern_text={pyliterals.string(column.pattern)}")
    for key, bound in (("warn_low", column.warn_min), ("warn_high", column.warn_max)):
        if bound is not None:
            args.append(prefixed(f"{key}=", pyliterals.expr(bound)))
    return Call("_Cleaning(", args, ")")


def duplicate_keys(table: Table) -> list[tuple[str, ...]]:
    """Primary key and unique keys a later row may not repeat (JSON keys are not compared)."""
    keys: list[tuple[str, ...]] = []
    for key in (table.primary_key, *table.unique_keys):
        comparable = all(table.column(c).type is not LogicalType.JSON for c in key)
        if key and key not in keys and comparable:
            keys.append(key)
    return keys


def cleaner_needs(schema: Schema, table: Table) -> Needs:
    needs = Needs(imports=set(CORE_IMPORTS), shared={SharedBlock.CLEANING_RUNTIME})
    needs.add(checks_needs(table))
    for column in table.columns:
        parser = PARSERS[column.type]
        needs.imports |= SECTION_IMPORTS[parser.section]
        needs.shared.add(parser.section)
        if parser.rule is not None:
            needs.shared.add(parser.rule)
        if column.enum is not None:
            needs.enums.add(column.enum)
            needs.shared.add(EnumSpellings(column.enum))
        for bound in (column.min, column.max, column.warn_min, column.warn_max):
            if isinstance(bound, decimal.Decimal):  # written as _decimal.Decimal(...)
                needs.imports.add(_DECIMAL)
    return needs


def _signature(function: str, parameter: str, returns: str) -> str:
    """A ``def`` line as ruff formats it, however long the names."""
    line = f"def {function}({parameter}) -> {returns}:"
    if len(line) <= LINE_LENGTH:
        return line
    head = f"def {function}(\n    {parameter},\n)"
    if len(f") -> {returns}:") <= LINE_LENGTH:
        return f"{head} -> {returns}:"
    outer, inner = returns.split("[", 1)
    inner = inner[:-1]
    if len(inner) + 4 <= LINE_LENGTH:
        return f"{head} -> {outer}[\n    {inner}\n]:"
    items = _split_top_level(inner)
    return f"{head} -> {outer}[\n" + "".join(f"    {item},\n" for item in items) + "]:"


def _split_top_level(text: str) -> list[str]:
    items, depth, start = [], 0, 0
    for at, char in enumerate(text):
        depth += {"[": 1, "]": -1}.get(char, 0)
        if char == "," and depth == 0:
            items.append(text[start:at].strip())
            start = at + 1
    items.append(text[start:].strip())
    return items


def _record_value(column: Column) -> Expr:
    """How the cleaner reads a column for a table's checks: the typed record's field."""
    return f"record.{field_name(column.name)}"


def render_cleaner(schema: Schema, table: Table) -> str:
    record = dataclass_class(table.name)
    cleaner = cleaner_function(table.name)
    rules = [_rule(column) for column in table.columns]
    keys = [
        Call("(", [pyliterals.string(c) for c in key], ")", ",") for key in duplicate_keys(table)
    ]
    rules_name = cleaning_rules_constant(table.name)
    keys_name = cleaning_keys_constant(table.name)
    keys_head = f"{keys_name} = ("
    check = row_checks_function(table.name)
    arguments = [record, rules_name, "raw", *([check] if table.checks else [])]
    return templating.render(
        "python/cleaner.py.j2",
        validator=validator_function(table.name),
        cleaner=cleaner,
        record=record,
        check_def=_signature(check, f"record: {record}", "list[str]") if table.checks else "",
        row_checks=checks_assignment(table, _record_value, 4) if table.checks else "",
        clean_call=bracketed(4, "return _clean_row(", arguments, ")"),
        rows_call=bracketed(
            4, "return _clean_rows(", [cleaner, rules_name, keys_name, "rows"], ")"
        ),
        rules=lay_out(Call(f"{rules_name} = (", rules, ")", ","), 0),
        keys=lay_out(Call(keys_head, keys, ")", ","), 0) if keys else keys_head + ")",
        clean_def=_signature(
            cleaner,
            "raw: Mapping[str, object]",
            f"tuple[{record} | None, list[str]]",
        ),
        rows_def=_signature(
            rows_cleaner_function(table.name),
            "rows: Iterable[Mapping[str, object]]",
            f"tuple[list[{record}], list[_Rejection]]",
        ),
    )


def pandas_dtypes_needs(schema: Schema, table: Table) -> Needs:
    return Needs()


def render_pandas_dtypes(schema: Schema, table: Table) -> str:
    items = [
        f"{pyliterals.string(c.name)}: {pyliterals.string(PANDAS_DTYPES[c.type])}"
        for c in table.columns
    ]
    head = f"{dtypes_constant(table.name)}: dict[str, str] = {{"
    return lay_out(Call(head, items, "}"), 0) + "\n"
