"""Names of generated things, fixed by the design so that files written apart fit together."""

from __future__ import annotations

import hashlib
import keyword
import re
import unicodedata
from collections.abc import Iterator, Mapping
from typing import Final

from schemacog.model import TEXT_TYPES, Column, Index, LogicalType, Table
from schemacog.runtime import cleaning as cleaning_runtime

__all__ = [
    "BASE64_BYTES_TYPE",
    "CLASS_BODY_NAMES",
    "HISTORY_TABLE",
    "IDENTIFIER",
    "JSON_VALUE",
    "MAX_SQL_NAME",
    "PYDANTIC_RESERVED",
    "cleaner_function",
    "cleaning_keys_constant",
    "cleaning_rules_constant",
    "column_rules",
    "columns_constant",
    "constraint_name",
    "dataclass_class",
    "dtypes_constant",
    "enum_class",
    "enum_member",
    "field_name",
    "index_name",
    "lookalike",
    "lookalike_letter",
    "model_class",
    "normalized_spelling",
    "pascal_case",
    "pattern_constant",
    "row_checks_function",
    "rows_cleaner_function",
    "short_name",
    "spellings_constant",
    "table_constraints",
    "upper_snake",
    "validator_function",
]

# where ``migrate apply`` records what ran, in the database it migrates: no schema may
# name a table so, and diff-db and import leave it out
HISTORY_TABLE: Final = "schemacog_migrations"

IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}\Z")

# Attributes of pydantic's BaseModel that a field must not shadow (v2, including the
# deprecated v1 names it still defines); every ``model_*`` name is reserved as well.
PYDANTIC_RESERVED = frozenset(
    {
        "construct",
        "copy",
        "dict",
        "fields",
        "from_orm",
        "json",
        "parse_file",
        "parse_obj",
        "parse_raw",
        "schema",
        "schema_json",
        "update_forward_refs",
        "validate",
    }
)


def pascal_case(name: str) -> str:
    """``invoice_line`` -> ``InvoiceLine`` (the dataclass / enum class name)."""
    return "".join(part[:1].upper() + part[1:] for part in name.split("_") if part) or "_"


def upper_snake(name: str) -> str:
    """``invoice_line`` -> ``INVOICE_LINE`` (module constants)."""
    return name.upper()


# --- names of generated definitions (every renderer and checker spells them here) -------

JSON_VALUE = "JsonValue"  # the type alias of JSON columns
BASE64_BYTES_TYPE = "_Base64Bytes"  # pydantic's bytes, standard base64 in JSON


def dataclass_class(table: str) -> str:
    """``invoice_line`` -> ``InvoiceLine``: the dataclass of a table (and the cleaner's record)."""
    return pascal_case(table)


def model_class(table: str) -> str:
    """``invoice_line`` -> ``InvoiceLineModel``: the pydantic model of a table."""
    return pascal_case(table) + "Model"


def enum_class(enum: str) -> str:
    """``order_status`` -> ``OrderStatus``: the StrEnum of an enum."""
    return pascal_case(enum)


def validator_function(table: str) -> str:
    return f"validate_{table}"


def cleaner_function(table: str) -> str:
    return f"clean_{table}"


def rows_cleaner_function(table: str) -> str:
    return f"clean_{table}_rows"


def row_checks_function(table: str) -> str:
    """The cleaner's test of a table's checks on a typed record."""
    return f"_check_{table}_row"


def columns_constant(table: str) -> str:
    return f"{upper_snake(table)}_COLUMNS"


def dtypes_constant(table: str) -> str:
    return f"{upper_snake(table)}_PANDAS_DTYPES"


def pattern_constant(table: str, column: str) -> str:
    """The validator's compiled pattern of a column: ``_CUSTOMER_EMAIL_PATTERN``."""
    return f"_{upper_snake(table)}_{upper_snake(column)}_PATTERN"


def cleaning_rules_constant(table: str) -> str:
    """The cleaner's tuple of ``_Cleaning`` rules: ``_CUSTOMER_CLEANING``."""
    return f"_{upper_snake(table)}_CLEANING"


def cleaning_keys_constant(table: str) -> str:
    """The keys a cleaner rejects repeats of: ``_CUSTOMER_KEYS``."""
    return f"_{upper_snake(table)}_KEYS"


# Names a generated class body reads after its fields (annotations, defaults): the
# builtins its types are spelled with and the generated module's own imports that have
# no leading underscore. A field of one of these names would rebind it in the class
# body (``int: int = 5`` and then ``count: int | None`` is ``5 | None``).
# ``tests/render/test_renderers.py`` holds the imports to this set.
CLASS_BODY_NAMES = frozenset(
    {
        *("bool", "bytes", "dict", "float", "frozenset", "int", "list", "object"),
        *("set", "str", "tuple", "type"),
        *("Annotated", "Any", "Callable", "Iterable", "Mapping", "Self", "TypeAliasType"),
        *("TypeVar",),
        *("dataclass", "enum", "math", "re"),
    }
)


def field_name(column: str) -> str:
    """The Python attribute of a column: keywords, pydantic clashes and the names a class
    body reads (``CLASS_BODY_NAMES``) get a ``_`` suffix.

    A leading underscore (private in pydantic) moves to the end: ``_id`` -> ``id_``.
    """
    stripped = column.lstrip("_")
    name = stripped + "_" * (len(column) - len(stripped))
    if (
        keyword.iskeyword(name)
        or name in PYDANTIC_RESERVED
        or name in CLASS_BODY_NAMES
        or name.startswith("model_")
        or name == "self"
    ):
        name += "_"
    return name


def enum_member(value: str) -> str:
    """``in-progress`` -> ``IN_PROGRESS``; a leading digit gets a ``_`` prefix; '' if none."""
    words = re.split(r"[\W_]+", unicodedata.normalize("NFKC", value))
    name = "_".join(word.upper() for word in words if word)
    if name[:1].isdigit():
        name = "_" + name
    return name if name.isidentifier() else ""


class _EverySpelling(Mapping[str, str]):
    """A spellings table that holds every key as itself (and lists no choices)."""

    def __getitem__(self, key: str) -> str:
        return key

    def __contains__(self, key: object) -> bool:
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


# Cyrillic and Greek letters that look like a Latin letter, by their lower case (text is
# case-folded first, so the capitals, which is how enum members are written, are covered
# too: Cyrillic U+041D is H, Greek U+03A1 is P). A small table, not Unicode's confusables: it covers
# the scripts whose letters pass for Latin ones; digits (0/O, 1/l) are not compared.
_LOOKALIKES = str.maketrans(
    {
        **dict(zip("авеёіјкмнорсѕтухьԁԛԝһӏү", "abeeijkmhopcstyxbdqwhly", strict=True)),
        **dict(zip("αβεζηικμνορτυχϲϳ", "abezhikmnoptyxcj", strict=True)),
    }
)


def lookalike(text: str) -> str:
    """A skeleton of ``text``: equal for texts a reader cannot tell apart (NFKC, case
    folded, Cyrillic and Greek lookalikes of Latin letters read as those letters)."""
    return unicodedata.normalize("NFKC", text).casefold().translate(_LOOKALIKES)


def lookalike_letter(text: str) -> str | None:
    """The first character of ``text`` that ``lookalike`` reads as another, described."""
    for ch in unicodedata.normalize("NFKC", text):
        seen = ch.casefold().translate(_LOOKALIKES)
        if seen != ch.casefold():
            return f"{ch!r} (U+{ord(ch):04X} {unicodedata.name(ch, '?')}) looks like {seen!r}"
    return None


def normalized_spelling(text: str) -> str:
    """How a cleaner compares enum spellings: case, surrounding spaces, ``-``/`` `` ignored.

    The rule is the cleaner runtime's own: its ``_enum`` parser, which reads values already
    stripped, asked through a table in which every normalised spelling maps to itself.
    """
    return str(cleaning_runtime._enum(str, _EverySpelling())(text.strip()))


def spellings_constant(enum: str) -> str:
    """``_MOOD_SPELLINGS``: the cleaner's table of an enum's spellings."""
    return f"_{upper_snake(enum)}_SPELLINGS"


# --- names of SQL constraints (the DDL derives them; a table's ``constraint_names`` renames)

MAX_SQL_NAME = 63  # PostgreSQL's limit (MariaDB's is 64)


def short_name(name: str) -> str:
    """A generated SQL name cut to 63 characters, kept unique with a hash of the whole."""
    if len(name) <= MAX_SQL_NAME:
        return name
    digest = hashlib.sha256(name.encode()).hexdigest()[:8]
    return f"{name[: MAX_SQL_NAME - 9]}_{digest}"


def constraint_name(kind: str, table: str, *parts: str) -> str:
    """The name the DDL derives for a constraint: ``pk_<table>``, ``uq_<table>_<columns>``,
    ``fk_<table>_<columns>``, ``ck_<table>_<column>_<rule>``, ``ck_<table>_<check>``."""
    return short_name("_".join((kind, table, *parts)))


def column_rules(column: Column) -> tuple[str, ...]:
    """The rules whose CHECK some engine's DDL gives ``column`` (``ck_<table>_<column>_<rule>``):
    its own bounds, lengths and pattern, and what its type implies where an engine stores
    more (the range of a 16- or 32-bit integer, 0/1 for a boolean, ...). The DDL of one
    engine renders some of them; ``tests/render/test_constraint_names.py`` holds it to
    this list."""
    kind = column.type
    rules: list[str] = []
    ranged = kind in (LogicalType.SMALLINT, LogicalType.INTEGER)
    if ranged or column.min is not None:
        rules.append("min")
    if ranged or column.max is not None:
        rules.append("max")
    rules += [
        rule
        for rule, value in (
            ("min_length", column.min_length),
            ("max_length", column.max_length),
            ("pattern", column.pattern),
            ("enum", column.enum),
        )
        if value is not None
    ]
    if kind is LogicalType.BOOLEAN:
        rules.append("boolean")
    if kind is LogicalType.DECIMAL and column.precision is not None:
        rules += ["precision", "scale"]
    if kind in (LogicalType.FLOAT, LogicalType.DECIMAL):
        rules.append("finite")
    if kind is LogicalType.TIMESTAMPTZ:
        rules.append("instant")
    if kind in TEXT_TYPES:
        rules.append("nul")
    if kind is LogicalType.JSON:
        rules.append("json")
    return tuple(rules)


def index_name(table: Table, index: Index) -> str:
    """An index's name: its own, else ``ix_`` (``ux_`` if unique), the table, the columns."""
    kind = "ux" if index.unique else "ix"
    return index.name or short_name(f"{kind}_{table.name}_{'_'.join(index.columns)}")


def table_constraints(table: Table) -> dict[str, str]:
    """Every constraint some engine's DDL can give ``table``, by its derived name: the
    kind of each (``primary key``, ``unique``, ``foreign key``, ``check``)."""
    found = {constraint_name("pk", table.name): "primary key"} if table.primary_key else {}
    for key in (*((c.name,) for c in table.columns if c.unique), *table.unique):
        found[constraint_name("uq", table.name, *key)] = "unique"
    for fk in table.foreign_keys:
        found[constraint_name("fk", table.name, *fk.columns)] = "foreign key"
    for column in table.columns:
        for rule in column_rules(column):
            found[constraint_name("ck", table.name, column.name, rule)] = "check"
    for check in table.checks:
        found[constraint_name("ck", table.name, check.name)] = "check"
    return found
