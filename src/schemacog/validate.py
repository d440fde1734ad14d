"""Loader nodes -> the frozen model, collecting every problem of a file in one run.

The phases follow the data: enums, then each table's columns and keys, then foreign
keys (they need every table), then example rows (they need the foreign keys), then the
names that must not collide once rendered as SQL and Python.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from pathlib import Path

from schemacog import rules
from schemacog.errors import Pos, Problem, SchemaError
from schemacog.fields import Reader, did_you_mean
from schemacog.loader import Loaded, MapNode, Node, ScalarNode, load_file, load_text
from schemacog.model import (
    INTEGER_TYPES,
    NOW,
    NUMERIC_TYPES,
    TEMPORAL_TYPES,
    TEXT_TYPES,
    Column,
    Enum,
    EnumValue,
    Example,
    FkAction,
    ForeignKey,
    Index,
    InvalidExample,
    LogicalType,
    Schema,
    Table,
    Value,
)
from schemacog.naming import enum_member, field_name, pascal_case
from schemacog.patterns import PatternError, check_portable
from schemacog.values import TypeSpec, read_value

FORMAT_VERSION = 1
MAX_TABLES = 10_000
MAX_COLUMNS = 1_600
MAX_DECIMAL_PRECISION = 38
MAX_STRING_LENGTH = 10_485_760

TOP_KEYS = ("schemacog", "name", "description", "enums", "tables")
ENUM_KEYS = ("description", "values")
TABLE_KEYS = (
    "description",
    "columns",
    "primary_key",
    "unique",
    "indexes",
    "foreign_keys",
    "examples",
    "invalid_examples",
)
COLUMN_KEYS = (
    "type",
    "description",
    "nullable",
    "default",
    "primary_key",
    "identity",
    "unique",
    "references",
    "on_delete",
    "on_update",
    "min",
    "max",
    "min_length",
    "max_length",
    "pattern",
    "precision",
    "scale",
    "enum",
)
INDEX_KEYS = ("columns", "unique", "name")
FOREIGN_KEY_KEYS = ("columns", "references", "on_delete", "on_update")
REFERENCE_KEYS = ("table", "columns")
INVALID_EXAMPLE_KEYS = ("row", "reason")

# Built-in SQL type names: an enum type named like one would be shadowed by it
# (PostgreSQL resolves pg_catalog first), so enum names may not be any of these.
SQL_TYPE_NAMES = frozenset({t.value for t in LogicalType}) | frozenset(
    {
        "bigserial",
        "bit",
        "blob",
        "bool",
        "box",
        "bytea",
        "char",
        "character",
        "cidr",
        "circle",
        "datetime",
        "decimal",
        "double",
        "float",
        "float4",
        "float8",
        "geometry",
        "hugeint",
        "inet",
        "int",
        "int2",
        "int4",
        "int8",
        "interval",
        "jsonb",
        "line",
        "longblob",
        "longtext",
        "lseg",
        "macaddr",
        "mediumtext",
        "money",
        "numeric",
        "path",
        "point",
        "polygon",
        "real",
        "serial",
        "set",
        "smallserial",
        "timetz",
        "tinyint",
        "tinytext",
        "tsquery",
        "tsvector",
        "varbinary",
        "varchar",
        "xml",
        "year",
    }
)

# Which column keys apply to which logical types (data, not a chain of ifs).
APPLIES_TO: dict[str, frozenset[LogicalType]] = {
    "min": NUMERIC_TYPES,
    "max": NUMERIC_TYPES,
    "min_length": TEXT_TYPES,
    "max_length": TEXT_TYPES,
    "pattern": TEXT_TYPES,
    "precision": frozenset({LogicalType.DECIMAL}),
    "scale": frozenset({LogicalType.DECIMAL}),
    "enum": frozenset({LogicalType.ENUM}),
    "identity": INTEGER_TYPES,
}
REQUIRED_FOR: dict[LogicalType, tuple[str, ...]] = {
    LogicalType.DECIMAL: ("precision",),
    LogicalType.ENUM: ("enum",),
}


def _type_names(types: frozenset[LogicalType]) -> str:
    return ", ".join(t.value for t in LogicalType if t in types)


def load_schema(path: Path, display: str | None = None) -> Schema:
    """Load, validate and return the schema at ``path``; raise SchemaError with all problems."""
    shown = display if display is not None else str(path)
    return _Validator(shown).schema(load_file(path, shown))


def load_schema_text(text: str, path: str = "schema.yaml") -> Schema:
    """Validate schema YAML given as text (``path`` is only used in messages)."""
    return _Validator(path).schema(load_text(text, path))


@dataclasses.dataclass
class _TableDraft:
    """A table between phases: its columns are final, its keys and rows are not yet."""

    name: str
    pos: Pos
    node: MapNode
    description: str | None
    columns: dict[str, Column]
    column_nodes: dict[str, MapNode]
    primary_key: tuple[str, ...] = ()
    unique: tuple[tuple[str, ...], ...] = ()
    indexes: tuple[Index, ...] = ()
    foreign_keys: list[tuple[ForeignKey, Node]] = dataclasses.field(default_factory=list)
    ok: bool = True

    def table(self) -> Table:
        return Table(
            name=self.name,
            description=self.description,
            columns=tuple(self.columns.values()),
            primary_key=self.primary_key,
            unique=self.unique,
            foreign_keys=tuple(fk for fk, _ in self.foreign_keys),
            indexes=self.indexes,
            pos=self.pos,
        )


class _Validator(Reader):
    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        self.enums: dict[str, Enum] = {}

    # --- top level ----------------------------------------------------------------

    def schema(self, loaded: Loaded) -> Schema:
        try:
            schema = self.schema_of(loaded.root)
        except SchemaError:
            pass
        else:
            if not loaded.problems:
                return schema
        problems = [p for p in self.problems if p.pos not in loaded.placeholders]
        raise SchemaError([*loaded.problems, *problems])

    def schema_of(self, root: Node | None) -> Schema:
        if root is None:
            self.problems.append(Problem(Pos(self.path, 1, 1), "schema file is empty"))
            raise SchemaError(self.problems)
        top = self.mapping(root, "the schema")
        if top is None:
            raise SchemaError(self.problems)
        self.keys(top, TOP_KEYS, "the schema", required=("schemacog", "name", "tables"))
        if "schemacog" in top.items:
            self.version(top.items["schemacog"])
        name = self.identifier(top.items["name"], "schema name") if "name" in top.items else None
        description = self.optional_string(top.items.get("description"), "description")
        if "enums" in top.items:
            self.read_enums(top.items["enums"])
        drafts = self.read_tables(top.items["tables"]) if "tables" in top.items else []
        tables = self.finish_tables(drafts)
        self.check_type_names(tables, top)
        if self.problems or name is None:
            raise SchemaError(self.problems)
        return Schema(name, description, tuple(self.enums.values()), tables, self.path)

    def version(self, node: Node) -> None:
        version = node.value if isinstance(node, ScalarNode) else None
        if version != FORMAT_VERSION or isinstance(version, bool):
            self.error(
                node,
                f"unsupported schema format version {version!r}; "
                f"this schemacog reads 'schemacog: {FORMAT_VERSION}'",
            )

    # --- enums --------------------------------------------------------------------

    def read_enums(self, node: Node) -> None:
        enums = self.mapping(node, "enums")
        if enums is None:
            return
        for name, enum_node in enums.items.items():
            key = enums.keys[name]
            if self.check_identifier(key, name, "enum name") is None:
                continue
            if name.lower() in SQL_TYPE_NAMES:
                self.error(key, f"enum name {name!r} is a built-in SQL type name; choose another")
                continue
            enum = self.read_enum(name, key, enum_node)
            if enum is not None:
                self.enums[name] = enum

    def read_enum(self, name: str, key: ScalarNode, node: Node) -> Enum | None:
        what = f"enum {name!r}"
        body = self.mapping(node, what)
        if body is None:
            return None
        self.keys(body, ENUM_KEYS, what, required=("values",))
        description = self.optional_string(body.items.get("description"), "description")
        values_node = body.items.get("values")
        values_map = self.mapping(values_node, f"values of {what}") if values_node else None
        if values_map is None:
            return None
        if not values_map.items:
            self.error(values_map, f"{what} has no values")
            return None
        values: list[EnumValue] = []
        members: dict[str, str] = {}
        for value, value_node in values_map.items.items():
            value_key = values_map.keys[value]
            member = enum_member(value)
            if not value:
                self.error(value_key, f"{what} has an empty value")
            elif value != value.strip():
                # MariaDB's ENUM drops trailing spaces: such a value cannot round-trip.
                self.error(value_key, f"enum value {value!r} starts or ends with white space")
            elif not member:
                self.error(value_key, f"enum value {value!r} gives no Python member name")
            elif member in members:
                self.error(
                    value_key,
                    f"enum values {members[member]!r} and {value!r} both become "
                    f"Python member {member}",
                )
            members.setdefault(member, value)
            value_description = self.optional_string(value_node, f"description of {value!r}")
            values.append(EnumValue(value, value_description, value_key.pos))
        return Enum(name, description, tuple(values), key.pos)

    # --- tables and columns -------------------------------------------------------

    def read_tables(self, node: Node) -> list[_TableDraft]:
        tables = self.mapping(node, "tables")
        if tables is None:
            return []
        if len(tables.items) > MAX_TABLES:
            self.error(tables, f"{len(tables.items)} tables; the limit is {MAX_TABLES}")
            return []
        drafts = []
        for name, table_node in tables.items.items():
            key = tables.keys[name]
            if self.check_identifier(key, name, "table name") is None:
                continue
            draft = self.read_table(name, key, table_node)
            if draft is not None:
                drafts.append(draft)
        return drafts

    def read_table(self, name: str, key: ScalarNode, node: Node) -> _TableDraft | None:
        what = f"table {name!r}"
        body = self.mapping(node, what)
        if body is None:
            return None
        self.keys(body, TABLE_KEYS, what, required=("columns",))
        columns_node = body.items.get("columns")
        columns_map = self.mapping(columns_node, f"columns of {what}") if columns_node else None
        if columns_map is None:
            return None
        if not columns_map.items:
            self.error(columns_map, f"{what} has no columns")
            return None
        if len(columns_map.items) > MAX_COLUMNS:
            count = len(columns_map.items)
            self.error(columns_map, f"{what} has {count} columns; the limit is {MAX_COLUMNS}")
            return None
        description = self.optional_string(body.items.get("description"), "description")
        draft = _TableDraft(name, key.pos, body, description, {}, {})
        for column_name, column_node in columns_map.items.items():
            column_key = columns_map.keys[column_name]
            if self.check_identifier(column_key, column_name, "column name") is None:
                draft.ok = False
                continue
            column = self.read_column(column_name, column_key, column_node, what)
            if column is None:
                draft.ok = False
                continue
            draft.columns[column_name] = column
            assert isinstance(column_node, MapNode)
            draft.column_nodes[column_name] = column_node
        self.check_column_names(draft, columns_map)
        self.read_primary_key(draft, body)
        self.read_unique(draft, body)
        self.read_indexes(draft, body)
        return draft

    def read_column(self, name: str, key: ScalarNode, node: Node, owner: str) -> Column | None:
        what = f"column {name!r} of {owner}"
        body = self.mapping(node, what)
        if body is None:
            return None
        errors_before = len(self.problems)
        self.keys(body, COLUMN_KEYS, what, required=("type",))
        type_ = self.logical_type(body.items["type"]) if "type" in body.items else None
        if type_ is None:
            return None
        for attribute, types in APPLIES_TO.items():
            if attribute in body.items and type_ not in types:
                self.error(
                    body.keys[attribute],
                    f"{attribute!r} does not apply to type {type_} (only to {_type_names(types)})",
                )
        for attribute in REQUIRED_FOR.get(type_, ()):
            if attribute not in body.items:
                self.error(body, f"{what} of type {type_} needs {attribute!r}")
        fields: dict[str, object] = {"name": name, "type": type_, "pos": key.pos}
        fields["description"] = self.optional_string(body.items.get("description"), "description")
        for flag in ("nullable", "primary_key", "identity", "unique"):
            if flag in body.items:
                fields[flag] = self.boolean(body.items[flag], flag)
        self.read_type_parameters(body, type_, fields)
        spec = TypeSpec(
            type_, _int_or_none(fields.get("precision")), _int_or_none(fields.get("scale"))
        )
        self.read_bounds(body, spec, fields)
        self.read_lengths(body, fields)
        if "pattern" in body.items:
            fields["pattern"] = self.pattern(body.items["pattern"])
        if len(self.problems) > errors_before:
            return None
        column = Column(**fields)  # type: ignore[arg-type]
        self.check_column_flags(column, body)
        if "default" in body.items:
            column = self.read_default(column, spec, body)
        return column

    def logical_type(self, node: Node) -> LogicalType | None:
        text = self.string(node, "type")
        if text is None:
            return None
        try:
            return LogicalType(text)
        except ValueError:
            names = [t.value for t in LogicalType]
            self.error(node, f"unknown type {text!r}{did_you_mean(text, names)}")
            return None

    def read_type_parameters(
        self, body: MapNode, type_: LogicalType, fields: dict[str, object]
    ) -> None:
        if "precision" in body.items:
            fields["precision"] = self.integer(
                body.items["precision"], "precision", 1, MAX_DECIMAL_PRECISION
            )
        if "scale" in body.items:
            high = _int_or_none(fields.get("precision")) or MAX_DECIMAL_PRECISION
            fields["scale"] = self.integer(body.items["scale"], "scale", 0, high)
        elif type_ is LogicalType.DECIMAL:
            fields["scale"] = 0
        if "enum" in body.items:
            enum_name = self.string(body.items["enum"], "enum")
            if enum_name is not None and enum_name not in self.enums:
                hint = did_you_mean(enum_name, self.enums)
                self.error(body.items["enum"], f"unknown enum {enum_name!r}{hint}")
            fields["enum"] = enum_name

    def read_bounds(self, body: MapNode, spec: TypeSpec, fields: dict[str, object]) -> None:
        for bound in ("min", "max"):
            if bound in body.items and spec.type in NUMERIC_TYPES:
                fields[bound] = self.value(body.items[bound], spec, bound)
        low, high = fields.get("min"), fields.get("max")
        if low is not None and high is not None and low > high:  # type: ignore[operator]
            self.error(body.items["max"], f"max {high} is less than min {low}")

    def read_lengths(self, body: MapNode, fields: dict[str, object]) -> None:
        for key, low in (("min_length", 0), ("max_length", 1)):
            if key in body.items:
                fields[key] = self.integer(body.items[key], key, low, MAX_STRING_LENGTH)
        shortest, longest = fields.get("min_length"), fields.get("max_length")
        if isinstance(shortest, int) and isinstance(longest, int) and shortest > longest:
            self.error(
                body.items["max_length"], f"max_length {longest} is less than min_length {shortest}"
            )

    def pattern(self, node: Node) -> str | None:
        text = self.string(node, "pattern")
        if text is None:
            return None
        try:
            check_portable(text)
        except PatternError as exc:
            self.error(node, f"pattern {text!r}: {exc} (at character {exc.offset + 1})")
            return None
        return text

    def check_column_flags(self, column: Column, body: MapNode) -> None:
        if column.primary_key and column.nullable:
            self.error(body.items["nullable"], "a primary key column cannot be nullable")
        if column.primary_key and column.unique:
            self.error(body.items["unique"], "unique is implied by primary_key; remove it")
        if column.identity and "default" in body.items:
            self.error(body.keys["default"], "an identity column cannot have a default")
        for action in ("on_delete", "on_update"):
            if action in body.items and "references" not in body.items:
                self.error(body.keys[action], f"{action} needs 'references' on the same column")

    def read_default(self, column: Column, spec: TypeSpec, body: MapNode) -> Column:
        node = body.items["default"]
        if isinstance(node, ScalarNode) and node.value == "now" and column.type in TEMPORAL_TYPES:
            return dataclasses.replace(column, default=NOW, has_default=True)
        if isinstance(node, ScalarNode) and node.value is None:
            self.error(node, "default: null is the same as no default; remove it")
            return column
        value = self.value(node, spec, "default")
        if value is None:
            return column
        enum_values = self.enums[column.enum].value_names if column.enum in self.enums else ()
        for broken in rules.value_rules(column, value, enum_values):
            self.error(node, f"default breaks its column's {broken.kind} rule: {broken.detail}")
        return dataclasses.replace(column, default=value, has_default=True)

    def value(self, node: Node, spec: TypeSpec, what: str) -> Value:
        try:
            return read_value(node, spec)
        except ValueError as exc:
            self.error(node, f"{what}: {exc}")
            return None

    def check_column_names(self, draft: _TableDraft, columns: MapNode) -> None:
        """Column names must stay distinct in SQL (case-folded) and as Python fields."""
        folded: dict[str, str] = {}
        fields: dict[str, str] = {}
        for name in draft.columns:
            key = columns.keys[name]
            other = folded.setdefault(name.lower(), name)
            if other != name:
                self.error(key, f"columns {other!r} and {name!r} differ only in case")
            python = field_name(name)
            if python.strip("_") == "":
                self.error(key, f"column name {name!r} has no letters or digits")
            other = fields.setdefault(python, name)
            if other != name:
                self.error(key, f"columns {other!r} and {name!r} both become Python field {python}")

    # --- keys and indexes ---------------------------------------------------------

    def read_primary_key(self, draft: _TableDraft, body: MapNode) -> None:
        flagged = [c.name for c in draft.columns.values() if c.primary_key]
        if "primary_key" not in body.items:
            if len(flagged) > 1:
                node = draft.column_nodes[flagged[1]]
                self.error(
                    node.keys["primary_key"],
                    f"several columns say primary_key; write a composite key as "
                    f"table-level primary_key: [{', '.join(flagged)}]",
                )
            draft.primary_key = tuple(flagged)
        else:
            self.read_table_primary_key(draft, body, flagged)
        for column in draft.columns.values():
            if column.identity and draft.primary_key != (column.name,):
                self.error(
                    draft.column_nodes[column.name].items["identity"],
                    "an identity column must be the table's whole primary key",
                )

    def read_table_primary_key(self, draft: _TableDraft, body: MapNode, flagged: list[str]) -> None:
        node = body.items["primary_key"]
        if flagged:
            self.error(
                body.keys["primary_key"],
                f"primary key given twice: on column {flagged[0]!r} and at table level",
            )
        names = self.name_list(node, "primary_key", draft.columns, f"table {draft.name!r}")
        if names is None:
            draft.ok = False
            return
        for name in names:
            column = draft.columns[name]
            if column.nullable:
                self.error(node, f"primary key column {name!r} cannot be nullable")
            draft.columns[name] = dataclasses.replace(column, primary_key=True)
        draft.primary_key = names

    def read_unique(self, draft: _TableDraft, body: MapNode) -> None:
        if "unique" not in body.items:
            return
        seq = self.sequence(body.items["unique"], "unique")
        if seq is None:
            return
        seen = {frozenset(draft.primary_key): "the primary key"} if draft.primary_key else {}
        for column in draft.columns.values():
            if column.unique:
                seen[frozenset((column.name,))] = f"column {column.name!r} (unique: true)"
        keys: list[tuple[str, ...]] = []
        owner = f"table {draft.name!r}"
        for item in seq.items:
            names = self.name_list(item, "a unique constraint", draft.columns, owner)
            if names is None:
                continue
            if frozenset(names) in seen:
                twin = seen[frozenset(names)]
                self.error(item, f"unique constraint ({', '.join(names)}) repeats {twin}")
                continue
            seen[frozenset(names)] = "an earlier unique constraint"
            keys.append(names)
        draft.unique = tuple(keys)

    def read_indexes(self, draft: _TableDraft, body: MapNode) -> None:
        if "indexes" not in body.items:
            return
        seq = self.sequence(body.items["indexes"], "indexes")
        if seq is None:
            return
        indexes = []
        for item in seq.items:
            index = self.mapping(item, "an index")
            if index is None:
                continue
            self.keys(index, INDEX_KEYS, "an index", required=("columns",))
            owner = f"table {draft.name!r}"
            columns = (
                self.name_list(index.items["columns"], "index columns", draft.columns, owner)
                if "columns" in index.items
                else None
            )
            unique = (
                self.boolean(index.items["unique"], "unique") if "unique" in index.items else False
            )
            name = (
                self.identifier(index.items["name"], "index name")
                if "name" in index.items
                else None
            )
            if columns is not None and unique is not None:
                indexes.append(Index(columns, unique, name, index.pos))
        draft.indexes = tuple(indexes)

    # --- foreign keys -------------------------------------------------------------

    def read_foreign_keys(self, draft: _TableDraft, tables: Mapping[str, _TableDraft]) -> None:
        problems_before = len(self.problems)
        self.read_column_foreign_keys(draft, tables)
        if "foreign_keys" in draft.node.items:
            self.read_table_foreign_keys(draft, draft.node.items["foreign_keys"], tables)
        if len(self.problems) > problems_before:
            draft.ok = False  # its example rows would only repeat the problem

    def read_column_foreign_keys(
        self, draft: _TableDraft, tables: Mapping[str, _TableDraft]
    ) -> None:
        for name in draft.columns:
            body = draft.column_nodes[name]
            if "references" not in body.items:
                continue
            node = body.items["references"]
            text = self.string(node, "references")
            if text is None:
                continue
            target, _, ref_column = text.partition(".")
            if not target or not ref_column or "." in ref_column:
                self.error(node, f"references must be 'table.column', found {text!r}")
                continue
            actions = self.actions(body)
            if actions is None:
                continue
            fk = ForeignKey((name,), target, (ref_column,), *actions, inline=True, pos=node.pos)
            self.resolve_foreign_key(draft, fk, node, tables)

    def read_table_foreign_keys(
        self, draft: _TableDraft, node: Node, tables: Mapping[str, _TableDraft]
    ) -> None:
        seq = self.sequence(node, "foreign_keys")
        if seq is None:
            return
        owner = f"table {draft.name!r}"
        for item in seq.items:
            body = self.mapping(item, "a foreign key")
            if body is None:
                continue
            self.keys(body, FOREIGN_KEY_KEYS, "a foreign key", required=("columns", "references"))
            columns = (
                self.name_list(body.items["columns"], "foreign key columns", draft.columns, owner)
                if "columns" in body.items
                else None
            )
            ref = (
                self.mapping(body.items["references"], "references")
                if "references" in body.items
                else None
            )
            actions = self.actions(body)
            if columns is None or ref is None or actions is None:
                continue
            if not self.keys(ref, REFERENCE_KEYS, "references", required=REFERENCE_KEYS):
                continue
            target = self.string(ref.items["table"], "references table")
            ref_columns = self.name_list(ref.items["columns"], "references columns")
            if target is None or ref_columns is None:
                continue
            fk = ForeignKey(columns, target, ref_columns, *actions, inline=False, pos=item.pos)
            self.resolve_foreign_key(draft, fk, ref.items["columns"], tables, ref.items["table"])

    def actions(self, body: MapNode) -> tuple[FkAction, FkAction] | None:
        found = []
        for key in ("on_delete", "on_update"):
            if key not in body.items:
                found.append(FkAction.NO_ACTION)
                continue
            text = self.string(body.items[key], key)
            if text is None:
                return None
            try:
                found.append(FkAction(text))
            except ValueError:
                names = [a.value for a in FkAction]
                hint = did_you_mean(text, names) or f"; one of {', '.join(names)}"
                self.error(body.items[key], f"unknown {key} action {text!r}{hint}")
                return None
        return found[0], found[1]

    def resolve_foreign_key(
        self,
        draft: _TableDraft,
        fk: ForeignKey,
        node: Node,
        tables: Mapping[str, _TableDraft],
        table_node: Node | None = None,
    ) -> None:
        problems_before = len(self.problems)
        self.check_foreign_key(draft, fk, node, tables, table_node)
        if len(self.problems) == problems_before:
            draft.foreign_keys.append((fk, node))

    def check_foreign_key(
        self,
        draft: _TableDraft,
        fk: ForeignKey,
        node: Node,
        tables: Mapping[str, _TableDraft],
        table_node: Node | None,
    ) -> None:
        target = tables.get(fk.ref_table)
        if target is None:
            hint = did_you_mean(fk.ref_table, tables)
            self.error(table_node or node, f"references unknown table {fk.ref_table!r}{hint}")
            return
        missing = [c for c in fk.ref_columns if c not in target.columns]
        if missing:
            hint = did_you_mean(missing[0], target.columns)
            self.error(node, f"references unknown column {fk.ref_table}.{missing[0]}{hint}")
            return
        if len(fk.columns) != len(fk.ref_columns):
            self.error(node, f"{len(fk.columns)} columns reference {len(fk.ref_columns)} columns")
            return
        keys = [frozenset(target.primary_key)] + [frozenset(k) for k in target.table().unique_keys]
        if frozenset(fk.ref_columns) not in keys:
            shown = ", ".join(fk.ref_columns)
            self.error(
                node,
                f"{fk.ref_table}({shown}) is not the primary key or unique in {fk.ref_table!r}",
            )
            return
        for mine, theirs in zip(fk.columns, fk.ref_columns, strict=True):
            a, b = draft.columns[mine], target.columns[theirs]
            if (a.type, a.enum, a.precision, a.scale) != (b.type, b.enum, b.precision, b.scale):
                self.error(
                    node,
                    f"column {mine!r} ({_type_label(a)}) cannot reference "
                    f"{fk.ref_table}.{theirs} ({_type_label(b)}): types differ",
                )
                return
        for action, key in ((fk.on_delete, "on_delete"), (fk.on_update, "on_update")):
            if action is FkAction.SET_NULL and any(
                not draft.columns[c].nullable for c in fk.columns
            ):
                self.error(
                    node, f"{key}: set_null needs nullable columns ({', '.join(fk.columns)})"
                )
            if action is FkAction.SET_DEFAULT and any(
                not draft.columns[c].has_default for c in fk.columns
            ):
                self.error(node, f"{key}: set_default needs a default on {', '.join(fk.columns)}")

    # --- examples -----------------------------------------------------------------

    def finish_tables(self, drafts: Sequence[_TableDraft]) -> tuple[Table, ...]:
        by_name = {d.name: d for d in drafts}
        for draft in drafts:
            self.read_foreign_keys(draft, by_name)
        _skip_rows_of_dependents(drafts, by_name)
        shells = {d.name: d.table() for d in drafts}
        enums = {name: enum.value_names for name, enum in self.enums.items()}
        examples = {
            d.name: self.read_examples(d, shells[d.name], enums) if d.ok else [] for d in drafts
        }
        effective = {
            name: [rules.effective_row(shells[name], row.values) for row in rows]
            for name, rows in examples.items()
        }
        tables = []
        for draft in drafts:
            shell = shells[draft.name]
            for example, row in zip(examples[draft.name], effective[draft.name], strict=True):
                for broken in rules.missing_references(shell, row, effective):
                    self.error(example.pos, f"example breaks its foreign key: {broken.detail}")
            invalid = self.read_invalid_examples(draft, shell, enums, effective) if draft.ok else ()
            tables.append(
                dataclasses.replace(
                    shell, examples=tuple(examples[draft.name]), invalid_examples=invalid
                )
            )
        return tuple(tables)

    def read_row(self, node: Node, table: Table, what: str) -> dict[str, Value] | None:
        body = self.mapping(node, what)
        if body is None:
            return None
        row: dict[str, Value] = {}
        ok = True
        names = [c.name for c in table.columns]
        for name, value_node in body.items.items():
            if name not in names:
                hint = did_you_mean(name, names)
                self.error(body.keys[name], f"unknown column {name!r} in {what}{hint}")
                ok = False
                continue
            column = table.column(name)
            if isinstance(value_node, ScalarNode) and value_node.value is None:
                row[name] = None
                continue
            spec = TypeSpec(column.type, column.precision, column.scale)
            try:
                row[name] = read_value(value_node, spec)
            except ValueError as exc:
                self.error(value_node, f"{name}: {exc}")
                ok = False
        return row if ok else None

    def read_examples(
        self, draft: _TableDraft, table: Table, enums: Mapping[str, Sequence[str]]
    ) -> list[Example]:
        node = draft.node.items.get("examples")
        seq = self.sequence(node, "examples") if node is not None else None
        if seq is None:
            return []
        examples: list[Example] = []
        accepted: list[rules.Row] = []
        what = f"an example of table {draft.name!r}"
        for item in seq.items:
            values = self.read_row(item, table, what)
            if values is None:
                continue
            broken = rules.row_rules(table, values, enums)
            row = rules.effective_row(table, values)
            broken += rules.key_conflicts(table, row, accepted)
            for rule in broken:
                where = item.items.get(rule.columns[0], item) if isinstance(item, MapNode) else item
                message = f"example breaks the {rule.kind} rule of {draft.name!r}: {rule.detail}"
                self.error(where, message)
            if not broken:
                examples.append(Example(values, item.pos))
                accepted.append(row)
        return examples

    def read_invalid_examples(
        self,
        draft: _TableDraft,
        table: Table,
        enums: Mapping[str, Sequence[str]],
        effective: Mapping[str, Sequence[rules.Row]],
    ) -> tuple[InvalidExample, ...]:
        node = draft.node.items.get("invalid_examples")
        seq = self.sequence(node, "invalid_examples") if node is not None else None
        if seq is None:
            return ()
        found = []
        for item in seq.items:
            body = self.mapping(item, "an invalid example")
            if body is None:
                continue
            self.keys(body, INVALID_EXAMPLE_KEYS, "an invalid example", required=("row",))
            reason = self.optional_string(body.items.get("reason"), "reason")
            if "row" not in body.items:
                continue
            values = self.read_row(
                body.items["row"], table, f"an invalid example of {draft.name!r}"
            )
            if values is None:
                continue
            row = rules.effective_row(table, values)
            broken = rules.row_rules(table, values, enums)
            broken += rules.key_conflicts(table, row, effective.get(draft.name, ()))
            broken += rules.missing_references(table, row, effective)
            if not broken:
                self.error(
                    body.items["row"], f"invalid example breaks no rule of table {draft.name!r}"
                )
                continue
            found.append(InvalidExample(values, reason, tuple(broken), item.pos))
        return tuple(found)

    # --- names across the schema --------------------------------------------------

    def check_type_names(self, tables: Sequence[Table], top: MapNode) -> None:
        """Table, enum and index names must stay distinct in SQL and as Python classes."""
        sql: dict[str, str] = {}
        python: dict[str, str] = {}
        entries = [
            (f"enum {e.name!r}", e.name, e.pos, [pascal_case(e.name)]) for e in self.enums.values()
        ]
        for table in tables:
            classes = [pascal_case(table.name), pascal_case(table.name) + "Model"]
            entries.append((f"table {table.name!r}", table.name, table.pos, classes))
            entries += [
                (f"index {index.name!r}", index.name, index.pos, [])
                for index in table.indexes
                if index.name is not None
            ]
        for label, name, pos, classes in entries:
            other = sql.setdefault(name.lower(), label)
            if other != label:
                self.error(pos, f"{label} has the same SQL name as {other} (SQL ignores case)")
                continue
            for cls in classes:
                other = python.setdefault(cls, label)
                if other != label:
                    self.error(pos, f"{label} and {other} both become Python class {cls}")
                    break
        # A field named like a generated class would shadow it inside the class body.
        for table in tables:
            for column in table.columns:
                name = field_name(column.name)
                if name in python or name == "JsonValue":
                    self.error(
                        column.pos,
                        f"column {column.name!r} would shadow the generated Python name {name}",
                    )


def _skip_rows_of_dependents(
    drafts: Sequence[_TableDraft], by_name: Mapping[str, _TableDraft]
) -> None:
    """A table whose rows are not read makes the rows of tables that reference it moot."""
    changed = True
    while changed:
        changed = False
        for draft in drafts:
            if draft.ok and any(not by_name[fk.ref_table].ok for fk, _ in draft.foreign_keys):
                draft.ok = False
                changed = True


def _type_label(column: Column) -> str:
    if column.type is LogicalType.ENUM:
        return f"enum {column.enum}"
    if column.type is LogicalType.DECIMAL:
        return f"decimal({column.precision},{column.scale})"
    return column.type.value


def _int_or_none(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
