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
from schemacog.drafts import TableDraft
from schemacog.errors import Pos, Problem, SchemaError
from schemacog.fields import did_you_mean
from schemacog.loader import Loaded, MapNode, Node, ScalarNode, load_file, load_text
from schemacog.model import (
    DEFAULT_MISSING_VALUES,
    NOW,
    NUMERIC_TYPES,
    TEMPORAL_TYPES,
    Column,
    Enum,
    EnumValue,
    LogicalType,
    Schema,
    Table,
    Value,
)
from schemacog.naming import (
    JSON_VALUE,
    dataclass_class,
    enum_class,
    enum_member,
    field_name,
    model_class,
    normalized_spelling,
)
from schemacog.patterns import PatternError, check_portable
from schemacog.schema_keys import (
    APPLIES_TO,
    COLUMN_KEYS,
    ENUM_KEYS,
    ENUM_VALUE_KEYS,
    FORMAT_VERSION,
    MAX_COLUMNS,
    MAX_DECIMAL_PRECISION,
    MAX_ENUM_VALUE_BYTES,
    MAX_STRING_LENGTH,
    MAX_TABLES,
    REQUIRED_FOR,
    SQL_TYPE_NAMES,
    TABLE_KEYS,
    TOP_KEYS,
)
from schemacog.validate_keys import KeyReader
from schemacog.validate_rows import RowReader
from schemacog.values import TypeSpec, read_value


def _type_names(types: frozenset[LogicalType]) -> str:
    return ", ".join(t.value for t in LogicalType if t in types)


def load_schema(path: Path, display: str | None = None) -> Schema:
    """Load, validate and return the schema at ``path``; raise SchemaError with all problems."""
    shown = display if display is not None else str(path)
    return _Validator(shown).schema(load_file(path, shown))


def load_schema_text(text: str, path: str = "schema.yaml") -> Schema:
    """Validate schema YAML given as text (``path`` is only used in messages)."""
    return _Validator(path).schema(load_text(text, path))


class _Validator(KeyReader, RowReader):
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
        missing: tuple[str, ...] = DEFAULT_MISSING_VALUES
        if "missing_values" in top.items:
            missing = self.tokens(top.items["missing_values"], "missing_values") or missing
        if "enums" in top.items:
            self.read_enums(top.items["enums"])
        drafts = self.read_tables(top.items["tables"]) if "tables" in top.items else []
        tables = self.finish_tables(drafts)
        self.check_type_names(tables, top)
        if self.problems or name is None:
            raise SchemaError(self.problems)
        return Schema(name, description, tuple(self.enums.values()), tables, self.path, missing)

    def tokens(self, node: Node, what: str) -> tuple[str, ...] | None:
        """A list of distinct strings (an empty string is a valid token)."""
        seq = self.sequence(node, what)
        if seq is None:
            return None
        found: list[str] = []
        for item in seq.items:
            token = self.string(item, f"an entry of {what}")
            if token is not None and token in found:
                self.error(item, f"{token!r} appears twice in {what}")
            elif token is not None:
                found.append(token)
        return tuple(found)

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
            elif len(value.encode("utf-8")) > MAX_ENUM_VALUE_BYTES:
                # PostgreSQL's enum labels are at most 63 bytes.
                self.error(
                    value_key,
                    f"enum value {value!r} is longer than {MAX_ENUM_VALUE_BYTES} bytes in UTF-8",
                )
            elif not member:
                self.error(value_key, f"enum value {value!r} gives no Python member name")
            elif member in members:
                self.error(
                    value_key,
                    f"enum values {members[member]!r} and {value!r} both become "
                    f"Python member {member}",
                )
            members.setdefault(member, value)
            value_description, aliases = self.enum_value(value, value_node)
            values.append(EnumValue(value, value_description, value_key.pos, aliases))
        self.check_spellings(what, values)
        return Enum(name, description, tuple(values), key.pos)

    def enum_value(self, value: str, node: Node) -> tuple[str | None, tuple[str, ...]]:
        """(description, aliases) of a value: a description, or {description:, aliases:}."""
        if not isinstance(node, MapNode):
            return self.optional_string(node, f"description of {value!r}"), ()
        self.keys(node, ENUM_VALUE_KEYS, f"enum value {value!r}")
        description = self.optional_string(node.items.get("description"), "description")
        aliases = self.tokens(node.items["aliases"], "aliases") if "aliases" in node.items else None
        for alias in aliases or ():
            if not alias.strip() or alias != alias.strip():
                message = f"alias {alias!r} of {value!r} is empty or has surrounding white space"
                self.error(node.items["aliases"], message)
        return description, aliases or ()

    def check_spellings(self, what: str, values: list[EnumValue]) -> None:
        """No two values or aliases may read the same once a cleaner normalizes them."""
        seen: dict[str, str] = {}
        for item in values:
            for spelling in (item.value, *item.aliases):
                other = seen.setdefault(normalized_spelling(spelling), item.value)
                same_member = spelling == item.value and enum_member(other) == enum_member(spelling)
                if other != item.value and not same_member:  # a member clash is said already
                    self.error(
                        item.pos,
                        f"{what}: {spelling!r} of {item.value!r} reads the same as {other!r} "
                        "when case, spaces and hyphens are ignored",
                    )

    # --- tables and columns -------------------------------------------------------

    def read_tables(self, node: Node) -> list[TableDraft]:
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

    def read_table(self, name: str, key: ScalarNode, node: Node) -> TableDraft | None:
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
        draft = TableDraft(name, key.pos, body, description, {}, {})
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
        if "missing_values" in body.items:
            fields["missing_values"] = self.tokens(body.items["missing_values"], "missing_values")
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
        for bound in ("min", "max", "warn_min", "warn_max"):
            if bound in body.items and spec.type in NUMERIC_TYPES:
                fields[bound] = self.value(body.items[bound], spec, bound)
        # (lower, upper): upper must not be below lower
        for low_key, high_key in (
            ("min", "max"),
            ("warn_min", "warn_max"),
            ("min", "warn_min"),
            ("warn_max", "max"),
            ("min", "warn_max"),
            ("warn_min", "max"),
        ):
            low, high = fields.get(low_key), fields.get(high_key)
            if low is not None and high is not None and low > high:  # type: ignore[operator]
                warn = [k for k in (high_key, low_key) if k.startswith("warn")]
                self.error(
                    body.items[(warn or [high_key])[0]],
                    f"{high_key} {high} is less than {low_key} {low}",
                )

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

    def check_column_names(self, draft: TableDraft, columns: MapNode) -> None:
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

    # --- examples -----------------------------------------------------------------

    def finish_tables(self, drafts: Sequence[TableDraft]) -> tuple[Table, ...]:
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

    # --- names across the schema --------------------------------------------------

    def check_type_names(self, tables: Sequence[Table], top: MapNode) -> None:
        """Table, enum and index names must stay distinct in SQL and as Python classes."""
        sql: dict[str, str] = {}
        python: dict[str, str] = {}
        entries = [
            (f"enum {e.name!r}", e.name, e.pos, [enum_class(e.name)]) for e in self.enums.values()
        ]
        for table in tables:
            classes = [dataclass_class(table.name), model_class(table.name)]
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
                if name in python or name == JSON_VALUE:
                    self.error(
                        column.pos,
                        f"column {column.name!r} would shadow the generated Python name {name}",
                    )


def _skip_rows_of_dependents(
    drafts: Sequence[TableDraft], by_name: Mapping[str, TableDraft]
) -> None:
    """A table whose rows are not read makes the rows of tables that reference it moot."""
    changed = True
    while changed:
        changed = False
        for draft in drafts:
            if draft.ok and any(not by_name[fk.ref_table].ok for fk, _ in draft.foreign_keys):
                draft.ok = False
                changed = True


def _int_or_none(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
