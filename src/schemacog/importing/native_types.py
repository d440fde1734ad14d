"""Each engine's column types read as schemacog's logical types: one table per dialect.

A row of a table is a regex over the type as the catalog spells it (lower case) and
what it means: the logical types it may be (the CHECKs the column carries decide
between them: SQLite's ``INTEGER`` with the range CHECKs of a smallint is a smallint),
and, where schemacog's type refuses or keeps what the engine's does not, the loss to
report. A type no row matches has no schemacog type: its column is left out, reported.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from schemacog.model import LogicalType as T

__all__ = ["NativeType", "native_type"]


@dataclass(frozen=True)
class NativeType:
    candidates: tuple[T, ...]  # in order of preference, each confirmed by its CHECKs
    precision: int | None = None
    scale: int | None = None
    length: int | None = None  # a declared character length (varchar(n))
    enum_values: tuple[str, ...] | None = None  # ENUM('a', 'b') and enum types
    bounds: tuple[int, int] | None = None  # the range an integer type of the engine holds
    enum_name: str | None = None  # the enum type's own name, where the engine keeps one
    loss: str | None = None  # what the logical type does differently, to report


_INTEGERS: Final = (T.SMALLINT, T.INTEGER, T.BIGINT)
_TEXTS: Final = (T.STRING, T.TEXT)

# (pattern, candidates, loss); a pattern's groups are precision and scale, or a length
_Row = tuple[str, tuple[T, ...], str | None]

_POSTGRES: Final[tuple[_Row, ...]] = (
    (r"smallint", (T.SMALLINT,), None),
    (r"integer", (T.INTEGER,), None),
    (r"bigint", (T.BIGINT,), None),
    (r"double precision", (T.FLOAT,), None),
    (r"real", (T.FLOAT,), "real (4 bytes) becomes float (8 bytes: more digits are kept)"),
    (r"numeric\((\d+),(\d+)\)", (T.DECIMAL,), None),
    (r"boolean", (T.BOOLEAN,), None),
    (r"date", (T.DATE,), None),
    (r"time without time zone", (T.TIME,), None),
    (r"timestamp without time zone", (T.TIMESTAMP,), None),
    (r"timestamp with time zone", (T.TIMESTAMPTZ,), None),
    (r"uuid", (T.UUID,), None),
    (r"jsonb", (T.JSON,), None),
    (
        r"json",
        (T.JSON,),
        "json (the text as written) becomes jsonb (the value: keys sorted, duplicates dropped)",
    ),
    (r"bytea", (T.BINARY,), None),
    (r"text", _TEXTS, None),
    (r"character varying", _TEXTS, None),
    (
        r"character varying\((\d+)\)",
        (T.STRING,),
        "character varying({0}) becomes text with a "
        "length CHECK, which refuses the trailing spaces varchar cuts past {0} characters",
    ),
    (
        r"character\((\d+)\)",
        (T.STRING,),
        "character({0}) pads a value with spaces to {0} characters; a string keeps it as given",
    ),
)
_SQLITE: Final[tuple[_Row, ...]] = (
    (r"integer", (T.BOOLEAN, *_INTEGERS), None),
    (r"text", (*_TEXTS, T.JSON), None),  # json only where its CHECK says so
    (r"real", (T.FLOAT,), None),
    (r"blob", (T.BINARY,), None),
    (r"(?:numeric|decimal)\((\d+), ?(\d+)\)", (T.DECIMAL,), None),
    (r"date", (T.DATE,), None),
    (r"time", (T.TIME,), None),
    (r"(?:timestamp|datetime)", (T.TIMESTAMP,), None),
    (r"timestamptz", (T.TIMESTAMPTZ,), None),
    (r"uuid", (T.UUID,), None),
    (r"bool(?:ean)?", (T.BOOLEAN,), None),
    (r"json", (T.JSON,), None),
    (r"(?:double(?: precision)?|float)", (T.FLOAT,), None),
    (r"(?:tiny|small|medium|big)?int(?:eger)?|int[248]", (T.BOOLEAN, *_INTEGERS), None),
    (
        r"(?:n?varchar|varying character|n?char|nchar varying|character)\((\d+)\)",
        (T.STRING,),
        "SQLite does not enforce the length of {0}; it becomes max_length",
    ),
    (r"clob|n?varchar|character", _TEXTS, None),
)
_DUCKDB: Final[tuple[_Row, ...]] = (
    (r"smallint", (T.SMALLINT,), None),
    (r"integer", (T.INTEGER,), None),
    (r"bigint", (T.BIGINT,), None),
    (r"double", (T.FLOAT,), None),
    (r"float", (T.FLOAT,), "FLOAT (4 bytes) becomes float (8 bytes: more digits are kept)"),
    (r"decimal\((\d+),(\d+)\)", (T.DECIMAL,), None),
    (r"boolean", (T.BOOLEAN,), None),
    (r"date", (T.DATE,), None),
    (r"time", (T.TIME,), None),
    (r"timestamp", (T.TIMESTAMP,), None),
    (r"timestamp with time zone", (T.TIMESTAMPTZ,), None),
    (r"uuid", (T.UUID,), None),
    (r"json", (T.JSON,), None),
    (r"blob", (T.BINARY,), None),
    (r"varchar", _TEXTS, None),
    (r"enum\((.*)\)", (T.ENUM,), None),
)
_MARIADB: Final[tuple[_Row, ...]] = (
    (r"smallint(?:\(\d+\))?", (T.SMALLINT,), None),
    (r"int(?:\(\d+\))?", (T.INTEGER,), None),
    (r"bigint(?:\(\d+\))?", (T.BIGINT,), None),
    (r"tinyint\(1\)", (T.BOOLEAN,), None),
    (r"double", (T.FLOAT,), None),
    (r"float", (T.FLOAT,), "FLOAT (4 bytes) becomes float (8 bytes: more digits are kept)"),
    (r"decimal\((\d+),(\d+)\)", (T.DECIMAL,), None),
    (r"date", (T.DATE,), None),
    (r"time\(6\)", (T.TIME,), None),
    (r"datetime\(6\)", (T.TIMESTAMP,), None),
    (
        r"timestamp(?:\(\d\))?",
        (T.TIMESTAMPTZ,),
        "TIMESTAMP holds 1970 to 2038 only; timestamptz becomes DATETIME(6), kept in UTC",
    ),
    (r"uuid", (T.UUID,), None),
    (r"longtext", (T.TEXT, T.STRING, T.JSON), None),
    (r"longblob", (T.BINARY,), None),
    (r"varchar\((\d+)\)", (T.STRING,), None),
    (
        r"enum\((.*)\)",
        (T.ENUM,),
        "ENUM(...) becomes a VARCHAR with CHECK (c IN (...)): ENUM matches a value as its "
        "collation compares (case and trailing spaces aside), the CHECK exactly",
    ),
    (r"time", (T.TIME,), "TIME keeps whole seconds; time keeps microseconds"),
    (r"datetime", (T.TIMESTAMP,), "DATETIME keeps whole seconds; timestamp keeps microseconds"),
    (
        r"char\((\d+)\)",
        (T.STRING,),
        "CHAR({0}) drops a value's trailing spaces; a string keeps them",
    ),
    (
        r"(?:tiny|medium)?text",
        _TEXTS,
        "{type} holds a limited number of bytes; text becomes LONGTEXT",
    ),
    (
        r"(?:tiny|medium)?blob",
        (T.BINARY,),
        "{type} holds a limited number of bytes; binary becomes LONGBLOB",
    ),
)

# integer types of a range no logical type has: the next wider type, with the range
# as bounds (min, max), which schemacog renders as CHECKs
_W = "(?:\\(\\d+\\))?"  # MariaDB's display width, int(11)
_RANGED: Final[Mapping[str, tuple[tuple[str, T, int, int, str | None], ...]]] = MappingProxyType(
    {
        "mariadb": (
            (r"tinyint(?:\((?!1\))\d+\))?", T.SMALLINT, -128, 127, None),  # (1): boolean
            (rf"tinyint{_W} unsigned", T.SMALLINT, 0, 255, None),
            (rf"smallint{_W} unsigned", T.INTEGER, 0, 65535, None),
            (rf"mediumint{_W}", T.INTEGER, -8388608, 8388607, None),
            (rf"mediumint{_W} unsigned", T.INTEGER, 0, 16777215, None),
            (rf"int{_W} unsigned", T.BIGINT, 0, 4294967295, None),
            (
                rf"bigint{_W} unsigned",
                T.BIGINT,
                0,
                2**63 - 1,
                "BIGINT UNSIGNED holds up to 2**64 - 1; bigint up to 2**63 - 1",
            ),
            (r"year(?:\(4\))?", T.SMALLINT, 1901, 2155, "YEAR also takes 0000; the bounds do not"),
        ),
        "duckdb": (
            (r"tinyint", T.SMALLINT, -128, 127, None),
            (r"utinyint", T.SMALLINT, 0, 255, None),
            (r"usmallint", T.INTEGER, 0, 65535, None),
            (r"uinteger", T.BIGINT, 0, 4294967295, None),
        ),
        "sqlite": (),
        "postgres": (),
    }
)

_TABLES: Final[Mapping[str, tuple[_Row, ...]]] = MappingProxyType(
    {"postgres": _POSTGRES, "sqlite": _SQLITE, "duckdb": _DUCKDB, "mariadb": _MARIADB}
)
_COMPILED: Final = {
    dialect: tuple((re.compile(pattern), kinds, loss) for pattern, kinds, loss in rows)
    for dialect, rows in _TABLES.items()
}


def native_type(
    dialect: str, spelled: str, enums: Mapping[str, tuple[str, ...]]
) -> NativeType | None:
    """What a column's type means in schemacog (None: nothing); ``enums`` are the
    database's enum types by name (PostgreSQL, DuckDB)."""
    text = " ".join(spelled.strip().lower().split())
    domain = re.fullmatch(r"(.*) \(domain (.*)\)", spelled)
    if domain is not None:  # PostgreSQL: a domain over a base type
        base = native_type(dialect, domain.group(1), enums)
        if base is None:
            return None
        said = f"domain {domain.group(2)} becomes its base type {domain.group(1)}"
        return dataclasses.replace(base, loss=f"{said} (its CHECKs are not read)")
    for ranged, kind, low, high, note in _RANGED[dialect]:
        if re.fullmatch(ranged, text):
            # another type in the regenerated DDL, with CHECKs: the same values, not the
            # same catalog
            wider = (
                f"{spelled} becomes {kind.value} with its range, {low} to {high}, as min and max"
            )
            return NativeType(
                (kind,), bounds=(low, high), loss=f"{wider}; {note}" if note else wider
            )
    named = spelled[1:-1].replace('""', '"') if spelled[:1] == '"' else spelled
    if enums.get(named):
        return NativeType((T.ENUM,), enum_values=enums[named], enum_name=named)
    if named in enums:  # an enum type left out (the validator refuses it)
        return NativeType((T.TEXT,), loss=f"enum type {named} left out: the column is text")
    for pattern, kinds, loss in _COMPILED[dialect]:
        found = pattern.fullmatch(text)
        if found is None:
            continue
        groups = found.groups()
        if kinds == (T.ENUM,):
            inner = spelled[spelled.index("(") + 1 : -1]
            values = _enum_list(inner, dialect == "mariadb")
            return NativeType(kinds, enum_values=values, loss=loss)
        shown = loss.format(*groups, type=text) if loss else None
        if kinds == (T.DECIMAL,):
            return NativeType(kinds, int(groups[0]), int(groups[1]), loss=shown)
        if groups:
            return NativeType(kinds, length=int(groups[0]), loss=shown)
        return NativeType(kinds, loss=shown)
    return None


def _enum_list(text: str, backslashes: bool) -> tuple[str, ...]:
    """The values of ``'a','b''c'``; ``backslashes``: a backslash escapes (MariaDB)."""
    if not backslashes:
        return tuple(v.replace("''", "'") for v in re.findall(r"'((?:[^']|'')*)'", text))
    values = []
    for found in re.finditer(r"'((?:[^'\\]|''|\\.)*)'", text):
        values.append(re.sub(r"\\(.)", r"\1", found.group(1).replace("''", "'")))
    return tuple(values)
