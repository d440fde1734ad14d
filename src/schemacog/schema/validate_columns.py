"""One column: its type, type parameters, bounds, lengths, pattern, flags and default."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Collection, Mapping

from schemacog.model import NOW, NUMERIC_TYPES, TEMPORAL_TYPES, Column, Enum, LogicalType, Value
from schemacog.schema import fields, pattern_cost, rules
from schemacog.schema.fields import Problems, did_you_mean
from schemacog.schema.keys import (
    APPLIES_TO,
    COLUMN_KEYS,
    MAX_DECIMAL_PRECISION,
    MAX_STRING_LENGTH,
    REQUIRED_FOR,
)
from schemacog.schema.loader import MapNode, Node, ScalarNode
from schemacog.schema.pattern_cost import IMPLIED_MAX_LENGTH
from schemacog.schema.patterns import PatternError, check_portable
from schemacog.schema.validate_renames import read_history
from schemacog.schema.values import TypeSpec, read_value

__all__ = ["read_column"]

# (lower, upper) bounds: upper must not be below lower
_BOUND_ORDER = (
    ("min", "max"),
    ("warn_min", "warn_max"),
    ("min", "warn_min"),
    ("warn_max", "max"),
    ("min", "warn_max"),
    ("warn_min", "max"),
)


def read_column(
    problems: Problems,
    name: str,
    key: ScalarNode,
    node: Node,
    *,
    owner: str,
    enums: Mapping[str, Enum],
    unread_enums: Collection[str] = (),
) -> Column | None:
    """The column ``name`` of ``owner`` (``table 'x'``); None if its attributes are wrong,
    or it names an enum of ``unread_enums`` (whose own problem is said)."""
    what = f"column {name!r} of {owner}"
    body = fields.mapping(problems, node, what)
    if body is None:
        return None
    before = len(problems)
    enum_node = body.items.get("enum")
    if isinstance(enum_node, ScalarNode) and enum_node.value in unread_enums:
        return None
    attributes = _attributes(
        problems, name, key, body, what=what, enums=[*enums, *unread_enums], read=enums
    )
    if attributes is None or len(problems) > before:
        return None
    column = Column(**attributes)  # type: ignore[arg-type]
    _check_flags(problems, column, body)
    if "default" in body.items:  # an unreadable default: rows would seem to lack a value
        return _with_default(problems, column, body.items["default"], enums)
    return column


def _attributes(
    problems: Problems,
    name: str,
    key: ScalarNode,
    body: MapNode,
    *,
    what: str,
    enums: Collection[str],
    read: Mapping[str, Enum],
) -> dict[str, object] | None:
    """The ``Column`` fields written in ``body`` (None where a value was wrong); ``enums``
    names every enum declared, ``read`` those read."""
    type_node = body.items.get("type")
    split = _split_size(body)
    if split is not None:  # {type: numeric(10,2)}: YAML cut the type at its comma
        kept = {k: v for k, v in body.items.items() if k != split}
        body = dataclasses.replace(body, items=kept, keys={k: body.keys[k] for k in kept})
    fields.check_keys(problems, body, COLUMN_KEYS, what, required=("type",))
    type_ = _logical_type(problems, type_node, enums, rest=split) if type_node is not None else None
    if type_ is None:
        return None
    for attribute, types in APPLIES_TO.items():
        if attribute in body.items and type_ not in types:
            problems.add(
                body.keys[attribute],
                f"{attribute!r} does not apply to type {type_} (only to {_type_names(types)})",
            )
    for attribute in REQUIRED_FOR.get(type_, ()):
        if attribute not in body.items:
            problems.add(body, f"{what} of type {type_} needs {attribute!r}")
    found: dict[str, object] = {"name": name, "type": type_, "pos": key.pos}
    found["description"] = fields.optional_string(
        problems, body.items.get("description"), "description"
    )
    for flag in ("nullable", "primary_key", "identity", "unique"):
        if flag in body.items:
            found[flag] = fields.boolean(problems, body.items[flag], flag)
    found |= _type_parameters(problems, body, type_, read)
    found |= _bounds(problems, body, _spec(type_, found))
    if "missing_values" in body.items:
        found["missing_values"] = fields.tokens(
            problems, body.items["missing_values"], "missing_values"
        )
    found |= _lengths(problems, body)
    found["renamed_from"] = read_history(problems, body, name, what)
    if "pattern" in body.items:
        found["pattern"] = _pattern(problems, body.items["pattern"])
    if found.get("pattern") is not None:
        _pattern_length(problems, body, found)
    return found


def _type_names(types: frozenset[LogicalType]) -> str:
    return ", ".join(t.value for t in LogicalType if t in types)


def _split_size(body: MapNode) -> str | None:
    """The key ``2)`` that YAML made of ``{type: numeric(10,2)}``'s second size, if any."""
    type_node = body.items.get("type")
    if not (isinstance(type_node, ScalarNode) and isinstance(type_node.value, str)):
        return None
    if not re.search(r"\(\s*\d+\s*$", type_node.value):
        return None
    return next((key for key in body.items if re.fullmatch(r"\s*\d+\s*\)", key)), None)


def _logical_type(
    problems: Problems, node: Node, enums: Collection[str], rest: str | None = None
) -> LogicalType | None:
    """The type of ``node``; ``rest``: the part of it a flow mapping cut off (``2)``)."""
    text = fields.string(problems, node, "type")
    if text is None:
        return None
    try:
        return LogicalType(text)
    except ValueError:
        pass
    if rest is not None:
        text = f"{text},{rest}"
        meant = _sql_spelling_hint(text)
        problems.add(node, f"unknown type {text!r}{meant}")
        return None
    if text in enums:
        hint = f"; {text!r} is an enum: write type: enum, enum: {text}"
    else:
        names = [t.value for t in LogicalType]
        hint = _sql_spelling_hint(text) or did_you_mean(text, names)
    shown = text if len(text) <= 80 else text[:77] + "..."
    problems.add(node, f"unknown type {shown!r}{hint}")
    return None


def _sql_spelling_hint(text: str) -> str:
    """``; did you mean 'string' (with max_length: 20)?`` for ``VARCHAR(20)``, else ``""``;
    sizes are suggested only when they are valid ones."""
    words = " ".join(text.lower().split())
    sizes_text = re.search(r"\(([^()]*)\)", words)
    name = " ".join(re.sub(r"\([^()]*\)", " ", words).split())  # timestamp(6) with time zone
    meant = _SQL_SPELLINGS.get(name) or next((t for t in LogicalType if t.value == name), None)
    if meant is None:
        return ""
    sizes = [part.strip() for part in sizes_text[1].split(",")] if sizes_text else []
    given = _valid_sizes(meant, sizes)
    if name in _SERIAL:
        given.append("identity: true")
    said = f" (with {', '.join(given)})" if given else ""
    if not sizes_text and name == meant.value:  # only the case differs
        said = " (types are lower case)"
    return f"; did you mean {meant.value!r}{said}?"


def _valid_sizes(meant: LogicalType, sizes: list[str]) -> list[str]:
    """The sizes of ``VARCHAR(20)`` or ``NUMERIC(10, 2)`` as schema keys, if they are valid."""
    if not all(size.isascii() and size.isdigit() and len(size) <= 4 for size in sizes):
        return []
    numbers = [int(size) for size in sizes]
    if meant is LogicalType.STRING and len(numbers) == 1 and numbers[0] >= 1:
        return [f"max_length: {numbers[0]}"]
    if meant is LogicalType.DECIMAL and len(numbers) in (1, 2):
        precision, scale = numbers[0], (numbers[1] if len(numbers) == 2 else 0)
        if 1 <= precision <= MAX_DECIMAL_PRECISION and scale <= precision:
            return [f"precision: {precision}", f"scale: {scale}"]  # DECIMAL(p) is (p, 0)
    return []


# the SQL spellings of an integer column the database numbers
_SERIAL = frozenset({"serial", "bigserial", "smallserial", "serial4", "serial8", "serial2"})

# The names SQL engines give the logical types, for "did you mean" (lower case, no size)
_SQL_SPELLINGS: dict[str, LogicalType] = {
    "varchar": LogicalType.STRING,
    "character varying": LogicalType.STRING,
    "char": LogicalType.STRING,
    "character": LogicalType.STRING,
    "nvarchar": LogicalType.STRING,
    "str": LogicalType.STRING,
    "longtext": LogicalType.TEXT,
    "clob": LogicalType.TEXT,
    "int": LogicalType.INTEGER,
    "int4": LogicalType.INTEGER,
    "mediumint": LogicalType.INTEGER,
    "int2": LogicalType.SMALLINT,
    "tinyint": LogicalType.SMALLINT,
    "int8": LogicalType.BIGINT,
    "long": LogicalType.BIGINT,
    "serial": LogicalType.INTEGER,
    "serial4": LogicalType.INTEGER,
    "bigserial": LogicalType.BIGINT,
    "serial8": LogicalType.BIGINT,
    "smallserial": LogicalType.SMALLINT,
    "serial2": LogicalType.SMALLINT,
    "numeric": LogicalType.DECIMAL,
    "number": LogicalType.DECIMAL,
    "money": LogicalType.DECIMAL,
    "real": LogicalType.FLOAT,
    "double": LogicalType.FLOAT,
    "double precision": LogicalType.FLOAT,
    "float8": LogicalType.FLOAT,
    "float4": LogicalType.FLOAT,
    "bool": LogicalType.BOOLEAN,
    "datetime": LogicalType.TIMESTAMP,
    "timestamp without time zone": LogicalType.TIMESTAMP,
    "timestamp with time zone": LogicalType.TIMESTAMPTZ,
    "datetimeoffset": LogicalType.TIMESTAMPTZ,
    "time without time zone": LogicalType.TIME,
    "jsonb": LogicalType.JSON,
    "bytea": LogicalType.BINARY,
    "blob": LogicalType.BINARY,
    "varbinary": LogicalType.BINARY,
    "longblob": LogicalType.BINARY,
    "bytes": LogicalType.BINARY,
    "uniqueidentifier": LogicalType.UUID,
    "guid": LogicalType.UUID,
}


def _type_parameters(
    problems: Problems, body: MapNode, type_: LogicalType, enums: Mapping[str, Enum]
) -> dict[str, object]:
    """``precision``, ``scale`` (0 for a decimal without one) and ``enum``."""
    found: dict[str, object] = {}
    if "precision" in body.items:
        found["precision"] = fields.integer(
            problems, body.items["precision"], "precision", 1, MAX_DECIMAL_PRECISION
        )
    if "scale" in body.items:
        high = _int_or_none(found.get("precision")) or MAX_DECIMAL_PRECISION
        found["scale"] = fields.integer(problems, body.items["scale"], "scale", 0, high)
    elif type_ is LogicalType.DECIMAL:
        found["scale"] = 0
    if "enum" in body.items:
        enum_name = fields.string(problems, body.items["enum"], "enum")
        if enum_name is not None and enum_name not in enums:
            hint = did_you_mean(enum_name, enums)
            problems.add(body.items["enum"], f"unknown enum {enum_name!r}{hint}")
        found["enum"] = enum_name
    return found


def _spec(type_: LogicalType, attributes: Mapping[str, object]) -> TypeSpec:
    precision = _int_or_none(attributes.get("precision"))
    return TypeSpec(type_, precision, _int_or_none(attributes.get("scale")))


def _bounds(problems: Problems, body: MapNode, spec: TypeSpec) -> dict[str, object]:
    found: dict[str, object] = {}
    if spec.type not in NUMERIC_TYPES | TEMPORAL_TYPES:  # the bounds do not apply: said
        return found
    for bound in ("min", "max", "warn_min", "warn_max"):
        if bound in body.items and (bound in ("min", "max") or spec.type in NUMERIC_TYPES):
            value = _value(problems, body.items[bound], spec, bound)
            if isinstance(value, dt.datetime) and value.tzinfo is not None:
                value = value.astimezone(dt.UTC)  # an instant: every layer writes it in UTC
            found[bound] = value
    for low_key, high_key in _BOUND_ORDER:
        low, high = found.get(low_key), found.get(high_key)
        if low is not None and high is not None and low > high:  # type: ignore[operator]
            warn = [k for k in (high_key, low_key) if k.startswith("warn")]
            problems.add(
                body.items[(warn or [high_key])[0]],
                f"{high_key} {high} is less than {low_key} {low}",
            )
    return found


def _lengths(problems: Problems, body: MapNode) -> dict[str, object]:
    found: dict[str, object] = {}
    for key, low in (("min_length", 0), ("max_length", 1)):
        if key in body.items:
            found[key] = fields.integer(problems, body.items[key], key, low, MAX_STRING_LENGTH)
    shortest, longest = found.get("min_length"), found.get("max_length")
    if isinstance(shortest, int) and isinstance(longest, int) and shortest > longest:
        problems.add(
            body.items["max_length"], f"max_length {longest} is less than min_length {shortest}"
        )
    return found


def _pattern(problems: Problems, node: Node) -> str | None:
    text = fields.string(problems, node, "pattern")
    if text is None:
        return None
    try:
        check_portable(text)
    except PatternError as exc:
        problems.add(node, f"pattern {_shown(text)}: {exc} (at character {exc.offset + 1})")
        return None
    return text


def _pattern_length(problems: Problems, body: MapNode, found: dict[str, object]) -> None:
    """The length a patterned column is matched to: its max_length, at most as long as
    the pattern's time allows, or IMPLIED_MAX_LENGTH (``max_length_implied``)."""
    pattern, longest = str(found["pattern"]), found.get("max_length")
    if "max_length" not in body.items:
        found["max_length"], found["max_length_implied"] = IMPLIED_MAX_LENGTH, True
        shortest = found.get("min_length")
        needed = pattern_cost.shortest(pattern)
        if needed > IMPLIED_MAX_LENGTH:
            problems.add(
                body.items["pattern"],
                f"pattern {_shown(pattern)} needs at least {needed} characters, more than "
                f"the max_length {IMPLIED_MAX_LENGTH} a pattern implies; give max_length",
            )
        if isinstance(shortest, int) and shortest > IMPLIED_MAX_LENGTH:
            problems.add(
                body.items["min_length"],
                f"min_length {shortest} is more than {IMPLIED_MAX_LENGTH}, the max_length a "
                "pattern implies; give max_length",
            )
    elif isinstance(longest, int) and longest > IMPLIED_MAX_LENGTH:
        try:
            check_portable(pattern, longest)
        except PatternError as exc:
            problems.add(
                body.items["max_length"],
                f"max_length {longest} is too long for pattern {_shown(pattern)}: {exc}; "
                f"a max_length up to {IMPLIED_MAX_LENGTH} keeps it fast",
            )


def _shown(pattern: str) -> str:
    return repr(pattern if len(pattern) <= 80 else f"{pattern[:60]}...{pattern[-10:]}")


def _check_flags(problems: Problems, column: Column, body: MapNode) -> None:
    if column.primary_key and column.nullable:
        problems.add(body.items["nullable"], "a primary key column cannot be nullable")
    if column.primary_key and column.unique:
        problems.add(body.items["unique"], "unique is implied by primary_key; remove it")
    if column.identity and "default" in body.items:
        problems.add(body.keys["default"], "an identity column cannot have a default")
    for action in ("on_delete", "on_update", "deferrable"):
        if action in body.items and "references" not in body.items:
            problems.add(body.keys[action], f"{action} needs 'references' on the same column")


def _with_default(
    problems: Problems, column: Column, node: Node, enums: Mapping[str, Enum]
) -> Column | None:
    """The column with its default; None when the default cannot be read."""
    if isinstance(node, ScalarNode) and node.value == "now" and column.type in TEMPORAL_TYPES:
        return dataclasses.replace(column, default=NOW, has_default=True)
    if isinstance(node, ScalarNode) and node.value is None:
        problems.add(node, "default: null is the same as no default; remove it")
        return None
    value = _value(problems, node, TypeSpec(column.type), "default")  # digits: value_rules
    if value is None:
        return None
    enum = enums.get(column.enum) if column.enum is not None else None
    enum_values = enum.value_names if enum is not None else ()
    for broken in rules.value_rules(column, value, enum_values):
        problems.add(node, f"default breaks its column's {broken.kind} rule: {broken.detail}")
    return dataclasses.replace(column, default=value, has_default=True)


def _value(problems: Problems, node: Node, spec: TypeSpec, what: str) -> Value:
    try:
        return read_value(node, spec)
    except ValueError as exc:
        problems.add(node, f"{what}: {exc}")
        return None


def _int_or_none(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
