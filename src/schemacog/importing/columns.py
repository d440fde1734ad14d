"""One column of the catalog read as a column of the schema format.

The native type gives the logical types the column may be (``native_types``); the
column's own CHECKs give its rules (bounds, lengths, pattern, enum values), read by a
few patterns over their normalized text (``expressions``). Each candidate is then
loaded as a one-column schema, as a hand-written one is, and rendered by schemacog's own
DDL: the candidate whose CHECKs are exactly the database's wins, and a reading that
schemacog would not render back the same way is never taken.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from schemacog.db.catalog.model import Check
from schemacog.db.catalog.model import Column as CatalogColumn
from schemacog.errors import printable
from schemacog.importing.expressions import _temporal, normalized
from schemacog.importing.native_types import NativeType
from schemacog.importing.report import IDENTIFIER, probe
from schemacog.model import (
    INTEGER_RANGES,
    INTEGER_TYPES,
    NUMERIC_TYPES,
    TEMPORAL_TYPES,
    TEXT_TYPES,
    Schema,
)
from schemacog.model import LogicalType as T
from schemacog.render.sql.ddl import DdlPieces, ddl_pieces, dialect_named
from schemacog.render.sql.dialects import EnumStyle

__all__ = [
    "ColumnReading",
    "default_value",
    "enum_problem",
    "probe_column",
    "read_column",
    "rendered_checks",
    "rendered_default",
    "stored_form",
]


@dataclass
class ColumnReading:
    keys: dict[str, object]  # the column in the schema format
    enum_values: tuple[str, ...] | None = None  # the values of its enum, to name later
    enum_name: str | None = None  # its enum type's name, where the engine keeps one
    explained: set[str] = field(default_factory=set)  # normalized CHECKs it accounts for
    # the CHECKs schemacog renders for what the engine's own type holds (the range of a
    # MariaDB TINYINT UNSIGNED): no rule the database lacks
    implied: set[str] = field(default_factory=set)
    losses: list[str] = field(default_factory=list)
    rendered_type: str | None = None  # the type the DDL of its keys gives, where not the engine's


# what an engine stores in other words than schemacog renders: (normalized stored
# form, normalized rendered form) per dialect
_REWORDED: Final[Mapping[str, tuple[tuple[re.Pattern[str], str], ...]]] = {
    "mariadb": (
        (
            re.compile(r"locate \( convert \( char \( 0 \) using utf8mb4 \) , (\S+) \) = 0"),
            r"instr ( \1 , char ( 0 ) ) = 0",
        ),
        (re.compile(r"(?<![\w'])true(?![\w'])"), "1"),  # MariaDB's TRUE is 1
        (re.compile(r"(?<![\w'])false(?![\w'])"), "0"),
        # CURRENT_DATE and CURRENT_TIME as MariaDB stores them
        (re.compile(r"^curdate \( \)$"), "current_date"),
        # c IN ('a') of one value, as MariaDB stores it
        (re.compile(r"^(\S+) = ('(?:[^']|'')*')$"), r"\1 in ( \2 )"),
        (re.compile(r"^curtime \( (\d) \)$"), r"current_time ( \1 )"),
    ),
    "sqlite": (
        (re.compile(r"(?<![\w'])true(?![\w'])"), "1"),  # SQLite's TRUE is 1
        (re.compile(r"(?<![\w'])false(?![\w'])"), "0"),
    ),
    # now() and transaction_timestamp() are CURRENT_TIMESTAMP: the transaction's start
    "postgres": ((re.compile(r"^(?:now|transaction_timestamp) \( \)$"), "current_timestamp"),),
}
# CHECKs an engine adds to a type of its own: MariaDB's JSON is LONGTEXT with one
_IMPLIED: Final[Mapping[str, Mapping[T, str]]] = {"mariadb": {T.JSON: "json_valid ( {column} )"}}


def stored_form(dialect: str, text: str) -> str:
    """A CHECK or default as the catalog of ``dialect`` holds it, normalized."""
    sqlite = dialect == "sqlite"
    form = normalized(text, brackets=sqlite, quoted_numbers=not sqlite)
    for pattern, replacement in _REWORDED.get(dialect, ()):
        form = pattern.sub(replacement, form)
    return form


_SIMPLE: Final = r"[a-z_][a-z0-9_]*"


def _rule_values(dialect: str, name: str, checks: Sequence[str]) -> dict[str, object]:
    """The rules that the column's normalized CHECKs state, as raw values to try."""
    column = re.escape(name.lower())
    found: dict[str, object] = {}
    literal = r"('(?:[^']|'')*'|-?[0-9][0-9.e]*)"
    for text in checks:
        for pattern, rule in (
            (rf"{column} >= {literal}", "min"),
            (rf"{column} <= {literal}", "max"),
            (rf"julianday \( {column} \) >= julianday \( {literal} \)", "min"),
            (rf"julianday \( {column} \) <= julianday \( {literal} \)", "max"),
            (rf"(?:char_length|length) \( {column} \) >= (\d+)", "min_length"),
            (rf"(?:char_length|length) \( {column} \) <= (\d+)", "max_length"),
            (rf"{column} ~ ('(?:[^']|'')*')", "pattern"),
            (rf"regexp_matches \( {column} , ('(?:[^']|'')*') , 's' \)", "pattern"),
            (rf"{column} regexp ('(?:[^']|'')*')", "pattern"),
            (rf"{column} in \( ('(?:[^']|'')*'(?: , '(?:[^']|'')*')*) \)", "enum"),
        ):
            match = re.fullmatch(pattern, text)
            if match is not None:
                found[rule] = match.group(1)
    return found


def _unquote(text: str) -> str:
    return text[1:-1].replace("''", "'") if text[:1] == "'" else text


def _pattern(dialect: str, stored: str) -> str:
    text = _unquote(stored)
    if dialect == "mariadb":
        text = text.replace("\\\\", "\\")
        if text.startswith("(?s-i)"):
            text = text[len("(?s-i)") :]
        text = text[:-2] + "$" if text.endswith("\\z") else text
    return text


def _bound(kind: T, raw: str) -> object | None:
    text = _unquote(raw)
    try:
        if kind in INTEGER_TYPES:
            return int(text)
        if kind is T.FLOAT:
            return float(text)
        if kind is T.DECIMAL:
            return text if re.fullmatch(r"-?\d+(\.\d+)?", text) else None
    except ValueError:
        return None
    return text if kind in TEMPORAL_TYPES else None


def _enum_values(raw: str) -> tuple[str, ...]:
    return tuple(v.replace("''", "'") for v in re.findall(r"'((?:[^']|'')*)'", raw))


def _candidate_keys(
    kind: T, native: NativeType, rules: Mapping[str, object], dialect: str
) -> dict[str, object]:
    keys: dict[str, object] = {"type": kind.value}
    if kind is T.DECIMAL:
        keys["precision"], keys["scale"] = native.precision, native.scale
    if native.bounds is not None:  # the engine's type holds this range
        keys["min"], keys["max"] = native.bounds
    if kind in NUMERIC_TYPES or kind in TEMPORAL_TYPES:
        for rule in ("min", "max"):
            if rule in rules:
                value = _bound(kind, str(rules[rule]))
                if value is not None:
                    keys[rule] = value
    if kind in TEXT_TYPES:
        for rule in ("min_length", "max_length"):
            if rule in rules:
                keys[rule] = int(str(rules[rule]))
        if "pattern" in rules:
            keys["pattern"] = _pattern(dialect, str(rules["pattern"]))
        if kind is T.STRING and "max_length" not in keys and native.length is not None:
            keys["max_length"] = native.length
    return keys


def probe_column(
    table: str, name: str, keys: Mapping[str, object], enum_values: tuple[str, ...] | None
) -> Schema | None:
    """``keys`` loaded as the one column of ``table``, as a hand-written schema is."""
    found = _probe(table, name, keys, enum_values)
    return found if isinstance(found, Schema) else None


def _probe(
    table: str, name: str, keys: Mapping[str, object], enum_values: tuple[str, ...] | None
) -> Schema | str:
    """The probe's schema, or the validator's first message about it."""
    document: dict[str, object] = {"schemacog": 1, "name": "probe"}
    column = dict(keys)
    if enum_values is not None:
        document["enums"] = {"probe_enum": {"values": list(enum_values)}}
        column["enum"] = "probe_enum"
    document["tables"] = {table: {"columns": {name: column}}}
    return probe(document)


def enum_problem(name: str, values: tuple[str, ...]) -> str | None:
    """Why the validator refuses an enum of the database (None: it takes it)."""
    if not IDENTIFIER.fullmatch(name):
        return "its name is not an identifier"
    document = {
        "schemacog": 1,
        "name": "probe",
        "enums": {name: {"values": list(values)}},
        "tables": {"probe_t": {"columns": {"c": {"type": "enum", "enum": name}}}},
    }
    found = probe(document)
    return found if isinstance(found, str) else None


def rendered_checks(
    dialect: str, schema: Schema, table: str, pieces: DdlPieces | None = None
) -> dict[str, str]:
    """The normalized CHECKs of ``table`` as schemacog renders it, with their names
    (an engine's own CHECK of a type by the column's name); ``pieces``: the schema's
    DDL, rendered once for all its tables."""
    tables = (pieces or ddl_pieces(schema, dialect)).tables
    pieces_of = tables[table]
    found = {stored_form(dialect, c.expression): name for name, c in pieces_of.checks.items()}
    for column in schema.table(table).columns:
        implied = _IMPLIED.get(dialect, {}).get(column.type)
        if implied is not None:
            found[implied.format(column=column.name.lower())] = column.name
    return found


def read_column(
    dialect: str,
    table: str,
    column: CatalogColumn,
    native: NativeType,
    checks: Sequence[Check],
    *,
    primary_key: bool,
    pattern: str | None = None,
) -> ColumnReading:
    """``column`` in the schema format: the candidate type whose rendered CHECKs match
    the most of ``checks`` (the table's CHECKs that read this column alone) and add none."""
    stored = {stored_form(dialect, check.expression) for check in checks}
    rules = _rule_values(dialect, column.name, sorted(stored))
    if pattern is not None:  # a pattern the engine does not enforce, from the DDL's note
        rules["pattern"] = "'" + pattern.replace("'", "''") + "'"
    best: tuple[tuple[int, int], ColumnReading] | None = None
    # where enums are a CHECK (c IN (...)) on text, such a text column is an enum
    as_check = dialect_named(dialect).enum_style is EnumStyle.CHECK
    for candidate in native.candidates:
        kind, enum_values = candidate, native.enum_values
        if kind in TEXT_TYPES and as_check and "enum" in rules:
            kind, enum_values = T.ENUM, _enum_values(str(rules["enum"]))
        if kind is T.ENUM and enum_values is None:
            continue
        keys: dict[str, object] = (
            {"type": "enum"} if kind is T.ENUM else _candidate_keys(kind, native, rules, dialect)
        )
        if column.identity and kind in INTEGER_TYPES and primary_key:
            keys["identity"] = True
        if primary_key:
            keys["primary_key"] = True
        elif column.nullable:  # a CHECK may say so (json: "c IS NULL OR json_valid(c)")
            keys["nullable"] = True
        schema = probe_column(table, column.name, keys, enum_values)
        if schema is None:  # a rule the format refuses (a pattern it cannot run alike...)
            bare = {k: v for k, v in keys.items() if k in _BARE}
            schema = probe_column(table, column.name, bare, enum_values)
            if schema is None:
                continue
            refused = sorted(set(keys) - set(bare))
            keys = bare
            dropped = f"{', '.join(refused)} left out: the schema format refuses them here"
        else:
            dropped = None
        implied = _bound_checks(dialect, schema, table) if native.bounds else set()
        stored_here = stored | implied
        rendered = set(rendered_checks(dialect, schema, table))
        shape = ddl_pieces(schema, dialect).tables[table].shapes[column.name]
        same_type = _type_words(shape.type) == _type_words(column.type)
        score = (len(rendered & stored_here) + same_type, -len(rendered - stored_here))
        reading = ColumnReading(
            keys, enum_values, explained=rendered & stored_here, implied=implied
        )
        if dropped is not None:
            reading.losses.append(dropped)
        reading.rendered_type = None if same_type else shape.type
        if not rendered - stored_here and (best is None or score > best[0]):
            best = (score, reading)
        elif best is None:
            best = ((score[0], score[1] - 1000), reading)
    if best is None:
        first: dict[str, object] = {"type": native.candidates[0].value}
        probed = _probe(table, column.name, first, native.enum_values)
        why = probed if isinstance(probed, str) else f"type {column.type} has no schemacog type"
        return ColumnReading({}, losses=[why])
    reading = best[1]
    if reading.enum_values is not None and reading.enum_values == native.enum_values:
        reading.enum_name = native.enum_name
    if column.identity and not primary_key:
        reading.losses.append(
            "identity left out: schemacog numbers only a single-column integer primary key"
        )
    plain = dict(reading.keys)
    _plainer(plain)
    if plain != reading.keys:  # the simpler spelling, where it renders the same CHECKs
        simple = probe_column(table, column.name, plain, reading.enum_values)
        full = probe_column(table, column.name, reading.keys, reading.enum_values)
        if (
            simple is not None
            and full is not None
            and set(rendered_checks(dialect, simple, table))
            == set(rendered_checks(dialect, full, table))
        ):
            reading.keys = plain
    # a VARCHAR(n) read as an enum has no length of its own: the one its DDL gives it
    as_enum = reading.enum_values is not None and T.ENUM not in native.candidates
    if native.loss and not as_enum:
        reading.losses.append(native.loss)
    if as_enum and reading.rendered_type is not None:
        reading.losses.append(
            f"type {printable(column.type)} read as an enum, whose DDL gives "
            f"{printable(reading.rendered_type)}"
        )
    return reading


# the keys of a column that no rule of its values can make invalid
_BARE: Final = frozenset({"type", "precision", "scale", "primary_key", "nullable", "identity"})


def _bound_checks(dialect: str, schema: Schema, table: str) -> set[str]:
    """The normalized CHECKs of the one column's bounds (rules min and max)."""
    pieces = ddl_pieces(schema, dialect).tables[table]
    return {
        stored_form(dialect, check.expression)
        for check in pieces.checks.values()
        if check.rule in ("min", "max")
    }


def _type_words(spelled: str) -> str:
    """A type as compared: lower case, no display width (MariaDB's ``int(11)``)."""
    text = " ".join(spelled.lower().split())
    return re.sub(r"^(tinyint|smallint|mediumint|int|bigint)\(\d+\)", r"\1", text)


def _plainer(keys: dict[str, object]) -> None:
    """The simplest spelling of what renders the same: no bound that is the integer
    type's own, ``text`` for a string of no length."""
    kind = T(str(keys["type"]))
    if kind in INTEGER_RANGES:
        low, high = INTEGER_RANGES[kind]
        if keys.get("min") == low:
            del keys["min"]
        if keys.get("max") == high:
            del keys["max"]
    if kind is T.STRING and "max_length" not in keys:
        keys["type"] = T.TEXT.value


def default_value(kind: T, text: str) -> object | None:
    """The raw value of a catalog default (casts and quotes off) for a column of ``kind``,
    as the schema format writes it; None where it is not a value (an expression)."""
    body = text.strip()
    while body.startswith("(") and body.endswith(")"):
        body = body[1:-1].strip()
    body = re.sub(r'::("(?:[^"]|"")*"|[a-z_ ]+)(\([0-9, ]*\))?(\[\])*$', "", body).strip()
    while body.startswith("(") and body.endswith(")"):
        body = body[1:-1].strip()
    escaped = body[:2] in ("E'", "e'")  # PostgreSQL's E'...': backslash escapes
    if escaped:
        body = body[1:]
    quoted = body[:1] == "'" and body.endswith("'") and len(body) >= 2
    raw = body[1:-1].replace("''", "'") if quoted else body
    if escaped:
        raw = re.sub(r"\\(.)", r"\1", raw)
    try:
        if kind is T.BOOLEAN:
            return {"true": True, "false": False, "1": True, "0": False}.get(raw.lower())
        if kind in INTEGER_TYPES:
            return int(raw)
        if kind is T.FLOAT:
            return float(raw)
        if kind is T.DECIMAL:
            if not re.fullmatch(r"-?\d+(\.\d+)?", raw):
                return None
            return raw.rstrip("0").rstrip(".") if "." in raw else raw  # -0.50 as -0.5
        if kind in (T.TIME, T.TIMESTAMP, T.TIMESTAMPTZ) and quoted:
            return _temporal(raw)
        if kind is T.JSON:
            return json.loads(raw) if quoted else None
        if kind is T.BINARY:
            return _binary(body)
    except (ValueError, binascii.Error):
        return None
    return raw if quoted else None


def _binary(body: str) -> str | None:
    found = re.fullmatch(
        r"(?:[xX]'([0-9a-fA-F]*)'|'\\x([0-9a-fA-F]*)'|from_hex\('([0-9a-fA-F]*)'\))", body
    )
    if found is None:
        return None
    digits = next(group for group in found.groups() if group is not None)
    return base64.b64encode(bytes.fromhex(digits)).decode()


def rendered_default(dialect: str, schema: Schema, table: str, name: str) -> str | None:
    """The SQL of the default schemacog renders for the column (None: none)."""
    return ddl_pieces(schema, dialect).tables[table].shapes[name].default
