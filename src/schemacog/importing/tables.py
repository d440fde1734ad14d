"""One catalog table read as a table of the schema format: its columns in order, their
defaults and comments, the keys, foreign keys and indexes; each loss reported at its
place. The table's CHECKs are read with its columns (``columns``) and, where no column
rule renders them, as checks of the table (``table_checks``)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from schemacog.db.catalog.model import Catalog, CatalogTable, Check
from schemacog.db.catalog.model import Column as CatalogColumn
from schemacog.errors import printable
from schemacog.importing.columns import (
    ColumnReading,
    default_value,
    probe_column,
    read_column,
    rendered_default,
    stored_form,
)
from schemacog.importing.native_types import native_type
from schemacog.importing.report import IDENTIFIER, Report, valid_text
from schemacog.importing.samples import LIMIT
from schemacog.model import INTEGER_TYPES, TEXT_TYPES, Index, Table
from schemacog.model import LogicalType as T
from schemacog.render.sql.ddl import dialect_named, index_name

__all__ = ["Keys", "TableImport", "columns_read", "without_foreign_keys"]

# engines whose catalog lists a unique index as a unique key (schemacog names its
# unique constraints uq_..., so a key named otherwise was an index)
_UNIQUE_INDEXES_AS_KEYS: Final = frozenset({"mariadb"})
# engines that report RESTRICT for a foreign key declared NO ACTION (InnoDB: the same)
_RESTRICT_REPORTED_FOR_NO_ACTION: Final = frozenset({"mariadb"})
_ACTIONS: Final = {
    "NO ACTION": "no_action",
    "RESTRICT": "restrict",
    "CASCADE": "cascade",
    "SET NULL": "set_null",
    "SET DEFAULT": "set_default",
}
# the collation an engine gives a type of its own (MariaDB's JSON), which is no loss
_OWN_COLLATIONS: Final[Mapping[str, Mapping[T, str]]] = {"mariadb": {T.JSON: "utf8mb4_bin"}}
_FK_KEYS: Final = ("references", "on_delete", "on_update", "deferrable")

Keys = dict[str, object]

# defaults (normalized) that mean the current time as schemacog's ``now`` does, spelled
# otherwise; taken as ``default: now`` and reported (the DDL writes schemacog's spelling)
_NOW_SYNONYMS: Final[Mapping[str, Mapping[T, frozenset[str]]]] = {
    # a TIMESTAMP (an instant, read as timestamptz) filled by CURRENT_TIMESTAMP
    "mariadb": {
        T.TIMESTAMPTZ: frozenset(
            {"current_timestamp", "current_timestamp ( )", "now ( )"}
            | {f"current_timestamp ( {digits} )" for digits in range(7)}
        )
    },
    # now() (normalized as current_timestamp) in a timestamp column is LOCALTIMESTAMP
    "postgres": {T.TIMESTAMP: frozenset({"current_timestamp"})},
    "duckdb": {
        T.TIMESTAMP: frozenset({"current_timestamp", "now ( )", "get_current_timestamp ( )"}),
        T.TIMESTAMPTZ: frozenset({"now ( )", "get_current_timestamp ( )"}),
        T.DATE: frozenset({"today ( )"}),
    },
    "sqlite": {
        T.TIMESTAMP: frozenset({"datetime ( 'now' )"}),
        T.DATE: frozenset({"date ( 'now' )"}),
        T.TIME: frozenset({"time ( 'now' )"}),
    },
}


def columns_read(names: list[str], text: str) -> list[str]:
    """The columns (of ``names``) a normalized expression names."""
    found = set(text.replace("(", " ").replace(")", " ").replace(",", " ").split())
    return [name for name in names if name.lower() in found]


@dataclass
class TableImport:
    dialect: str
    catalog: Catalog
    source: CatalogTable
    kept: frozenset[str]  # the tables imported (a foreign key to another is left out)
    enums: dict[str, tuple[str, ...]]  # enum name -> values, shared by all tables
    report: Report
    body: dict[str, object] = field(default_factory=dict)
    columns: dict[str, Keys] = field(default_factory=dict)
    left_out: set[str] = field(default_factory=set)
    # MariaDB's unique keys that are unique indexes, for ``_indexes``
    unique_indexes: list[dict[str, object]] = field(default_factory=list)
    ranged: set[str] = field(default_factory=set)  # columns bounded by their type's range
    # --infer: the first rows of the table by column, and the columns of every foreign
    # key of the database (either side), which keep their type
    samples: Mapping[str, list[object]] | None = None
    keyed: frozenset[tuple[str, str]] = frozenset()

    @property
    def valid_enums(self) -> dict[str, tuple[str, ...]]:
        """The database's enum types that are kept; a column of another is text."""
        kept = self.enums
        return {name: values if name in kept else () for name, values in self.catalog.enums.items()}

    @property
    def name(self) -> str:
        return self.source.name

    def lose(self, what: str, column: str | None = None) -> None:
        where = ("tables", self.name) + (("columns", column) if column is not None else ())
        place = self.name if column is None else f"{self.name}.{printable(column)}"
        self.report.lose(where, place, what)

    def read(self) -> dict[str, object]:
        for extra in self.source.extras:
            self.lose(f"{printable(extra)} left out: schemacog's DDL does not make it")
        if self.source.comment:
            if valid_text(self.source.comment):
                self.body["description"] = self.source.comment
            else:
                self.lose("comment left out: it holds control characters or cog markers")
        self._columns()
        self.body["columns"] = self.columns
        key = self.source.primary_key.columns if self.source.primary_key else ()
        if len(key) > 1:
            self.body["primary_key"] = list(key)
        if self.samples is not None:
            self._guess(self.samples)
        self._keys()
        self._foreign_keys()
        self._indexes()
        if not dialect_named(self.dialect).checks_on_written_columns:
            self._unranged()
        return self.body

    def _unranged(self) -> None:
        """The type ranges of columns that AUTO_INCREMENT or a foreign-key action writes
        left out: MariaDB allows no CHECK on them, so the schema could not keep them."""
        written = {name for name, keys in self.columns.items() if keys.get("identity")}
        for fk in self.source.foreign_keys:
            if {fk.on_delete, fk.on_update} & {"CASCADE", "SET NULL", "SET DEFAULT"}:
                written.update(fk.columns)
        for name in sorted(written & self.ranged):
            keys = self.columns[name]
            low, high = keys.pop("min", None), keys.pop("max", None)
            self.lose(
                f"the range {low} to {high} of its type is not kept: "
                f"{dialect_named(self.dialect).title} allows no CHECK on a column that "
                "AUTO_INCREMENT or a foreign-key action writes",
                name,
            )

    def _columns(self) -> None:
        names = [c.name for c in self.source.ordered_columns]
        own_checks: dict[str, list[Check]] = {}
        for check in sorted(self.source.checks):
            read = columns_read(names, stored_form(self.dialect, check.expression))
            if len(read) == 1:
                own_checks.setdefault(read[0], []).append(check)
        key = self.source.primary_key.columns if self.source.primary_key else ()
        patterns = {}
        for note in self.source.notes:  # "pattern of email: ^.+@.+$"
            found = re.fullmatch(r"pattern of ([A-Za-z_][A-Za-z0-9_]*): (.*)", note, re.DOTALL)
            if found is not None:
                patterns[found.group(1)] = found.group(2)
        for column in self.source.ordered_columns:
            if not IDENTIFIER.fullmatch(column.name):
                self._leave_out(column.name, "its name is not an identifier")
                continue
            native = native_type(self.dialect, column.type, self.valid_enums)
            if native is None:
                spelled = column.type or "(none declared)"
                self._leave_out(column.name, f"type {spelled} has no schemacog type")
                continue
            reading = read_column(
                self.dialect,
                self.name,
                column,
                native,
                own_checks.get(column.name, []),
                primary_key=key == (column.name,),
                pattern=patterns.get(column.name),
            )
            if not reading.keys:
                self._leave_out(column.name, reading.losses[0])
                continue
            self.columns[column.name] = self._finish(column, reading)
            if native.bounds is not None:
                self.ranged.add(column.name)
            kind = T(str(self.columns[column.name]["type"]))
            own = _OWN_COLLATIONS.get(self.dialect, {}).get(kind)
            if column.collation is not None and column.collation != own:
                self.lose(
                    f"collation {printable(column.collation)} left out: schemacog's text compares "
                    "by code points",
                    column.name,
                )
            if column.computed is not None:
                what = printable(column.computed)
                self.lose(f"{what} left out: schemacog makes a plain column", column.name)
            self.report.implied.setdefault(self.name, set()).update(reading.implied)
            for loss in reading.losses:
                self.lose(loss, column.name)

    def _guess(self, samples: Mapping[str, list[object]]) -> None:
        """``--infer``: an integer column holding only 0 and 1 as a boolean, a text column
        holding a few values, each repeated, as an enum; each guess reported."""
        key = set(self.source.primary_key.columns) if self.source.primary_key else set()
        for name, keys in self.columns.items():
            values = samples.get(name, [])
            kind = T(str(keys["type"]))
            fixed = name in key or (self.name, name) in self.keyed or keys.get("identity")
            if not values or fixed or "unique" in keys:
                continue
            guessed = None
            if kind in INTEGER_TYPES and set(values) <= {0, 1}:
                guessed = _as_boolean(keys)
                why = f"holds only 0 and 1 in its first {LIMIT} rows: read as boolean"
            distinct = sorted({v for v in values if isinstance(v, str)})
            if kind in TEXT_TYPES and "pattern" not in keys and _enum_like(distinct, values):
                guessed = _as_enum(keys, self._enum_name(tuple(distinct), name))
                shown = ", ".join(distinct)
                why = f"holds only {shown} in its first {LIMIT} rows: read as an enum"
            if guessed is None:
                continue
            probe = {k: v for k, v in guessed.items() if k not in ("enum", "description")}
            values_of = tuple(distinct) if guessed["type"] == "enum" else None
            if probe_column(self.name, name, probe, values_of) is None:
                continue  # its default or a rule does not fit the guess
            self.columns[name] = guessed
            if values_of is not None:
                self.enums.setdefault(str(guessed["enum"]), values_of)
            self.lose(f"guessed (--infer): {why}", name)

    def _enum_name(self, values: tuple[str, ...], column: str) -> str:
        return self._by_values(values) or self._fresh_enum_name(column)

    def _by_values(self, values: tuple[str, ...]) -> str | None:
        """The first enum of these values (SQLite and MariaDB keep no enum names)."""
        return next((name for name, held in self.enums.items() if held == values), None)

    def _fresh_enum_name(self, column: str) -> str:
        """``<table>_<column>``, cut to 63 characters, unlike every table and enum name
        (SQL ignores case): ``_2``, ``_3`` where it is taken."""
        taken = {name.lower() for name in self.catalog.tables}
        taken |= {name.lower() for name in self.enums}
        base = f"{self.name}_{column}"
        name, number = base[:63], 1
        while name.lower() in taken:
            number += 1
            suffix = f"_{number}"
            name = base[: 63 - len(suffix)] + suffix
        return name

    def _leave_out(self, column: str, why: str) -> None:
        self.left_out.add(column)
        self.lose(f"column {printable(column)} left out: {why}")

    def _finish(self, column: CatalogColumn, reading: ColumnReading) -> Keys:
        keys = dict(reading.keys)
        if reading.enum_values is not None:
            name = reading.enum_name or self._by_values(reading.enum_values)
            if name is None:  # the engine keeps no enum names (SQLite, MariaDB)
                name = self._fresh_enum_name(column.name)
                self.enums[name] = reading.enum_values
            keys = {"type": "enum", "enum": name, **{k: v for k, v in keys.items() if k != "type"}}
        if column.nullable and not keys.get("primary_key"):
            keys["nullable"] = True
        if column.default is not None and column.default.upper() != "NULL" and not column.identity:
            self._default(column, keys, reading)
        if column.comment:
            if valid_text(column.comment):
                keys["description"] = column.comment
            else:
                self.lose(
                    "comment left out: it holds control characters or cog markers", column.name
                )
        return keys

    def _default(self, column: CatalogColumn, keys: Keys, reading: ColumnReading) -> None:
        """The column's default, where schemacog renders one that the engine stores as
        it stores this one (else a loss)."""
        dialect, text = dialect_named(self.dialect), column.default or ""
        kind = T(str(keys["type"]))
        stored = stored_form(self.dialect, text)
        candidates: list[tuple[T, object]] = []
        # where the two are one type (MariaDB's DATETIME), the default says which it is
        same_type = dialect.types[T.TIMESTAMP] == dialect.types[T.TIMESTAMPTZ]
        for now_kind in (kind, T.TIMESTAMPTZ) if kind is T.TIMESTAMP and same_type else (kind,):
            now = dialect.now.get(now_kind)
            if now is not None and stored_form(self.dialect, now) == stored:
                candidates.append((now_kind, "now"))
        if stored in _NOW_SYNONYMS.get(self.dialect, {}).get(kind, ()):
            keys["default"] = "now"
            now = dialect.now[kind]
            self.lose(f"default {text} becomes default: now, written {now}", column.name)
            return
        value = default_value(kind, text)
        if value is not None:
            candidates.append((kind, value))
        for candidate_kind, candidate in candidates:
            trial = {**keys, "type": candidate_kind.value, "default": candidate}
            trial = {k: v for k, v in trial.items() if k not in ("enum", "description")}
            schema = probe_column(self.name, column.name, trial, reading.enum_values)
            if schema is None:
                continue
            rendered = rendered_default(self.dialect, schema, self.name, column.name)
            if rendered is None:
                continue
            same = stored_form(self.dialect, rendered) == stored
            if candidate_kind is T.JSON:  # the engine may write the value in its own spacing
                same = default_value(T.JSON, rendered) == default_value(T.JSON, text)
            if same:
                keys["type"], keys["default"] = candidate_kind.value, candidate
                return
        self.lose(f"default {text} left out: it is not a value schemacog can write", column.name)

    def _keys(self) -> None:
        source = self.source
        unique: list[list[str]] = []
        if source.primary_key and self.left_out & set(source.primary_key.columns):
            self.lose("primary key left out: a column of it is left out")
            self.body.pop("primary_key", None)
            for keys in self.columns.values():
                keys.pop("primary_key", None)
        for key in sorted(source.unique):
            shown = ", ".join(key.columns)
            if self.left_out & set(key.columns):
                self.lose(f"unique ({shown}) left out: a column of it is left out")
                continue
            named_index = key.name and not key.name.startswith("uq_")
            if (
                self.dialect in _UNIQUE_INDEXES_AS_KEYS
                and named_index
                and IDENTIFIER.fullmatch(key.name)
            ):
                # MariaDB keeps a unique index as a unique key: its own name says which
                self.unique_indexes.append(
                    {"columns": list(key.columns), "unique": True, "name": key.name}
                )
                continue
            if len(key.columns) == 1:
                self.columns[key.columns[0]]["unique"] = True
            else:
                unique.append(list(key.columns))
        if unique:
            self.body["unique"] = unique

    def _foreign_keys(self) -> None:
        listed: list[dict[str, object]] = []
        for fk in sorted(self.source.foreign_keys):
            shown = f"foreign key ({', '.join(fk.columns)}) -> {fk.ref_table}"
            if fk.ref_table not in self.kept or self.left_out & set(fk.columns):
                self.lose(f"{shown} left out: its table or a column of it is left out")
                continue
            actions: dict[str, object] = {}
            for side, action in (("on_delete", fk.on_delete), ("on_update", fk.on_update)):
                value = _ACTIONS.get(action.upper(), "no_action")
                if self.dialect in _RESTRICT_REPORTED_FOR_NO_ACTION and value == "restrict":
                    value = "no_action"  # the same check, and the one the engine reports
                refused = self._refused_action(value, fk.columns)
                if refused is not None:
                    self.lose(f"{shown}: {side} {value} becomes no_action: {refused}")
                    value = "no_action"
                if value != "no_action":
                    actions[side] = value
            if fk.deferrable:
                actions["deferrable"] = True
            columns, ref_columns = _named_order(self.name, fk.name, fk.columns, fk.ref_columns)
            if len(columns) == 1:
                keys = self.columns[columns[0]]
                keys["references"] = f"{fk.ref_table}.{ref_columns[0]}"
                keys.update(actions)
            else:
                listed.append(
                    {
                        "columns": list(columns),
                        "references": {"table": fk.ref_table, "columns": list(ref_columns)},
                        **actions,
                    }
                )
        if listed:
            self.body["foreign_keys"] = listed

    def _refused_action(self, action: str, columns: tuple[str, ...]) -> str | None:
        """Why the format refuses ``action`` on these columns (None: it does not)."""
        keys = [self.columns[c] for c in columns]
        if action == "set_null" and not all(k.get("nullable") for k in keys):
            return "a column of it is NOT NULL (the action fails on every delete)"
        if action == "set_default" and not all("default" in k for k in keys):
            return "a column of it has no default"
        return None

    def _indexes(self) -> None:
        listed = list(self.unique_indexes)
        for index in sorted(self.source.indexes):
            if index.definition is not None or not index.columns:
                shown = printable(index.definition or index.name)
                self.lose(f"index {printable(index.name)} left out: {shown} is more than columns")
                continue
            if self.left_out & set(index.columns):
                self.lose(f"index {printable(index.name)} left out: a column of it is left out")
                continue
            listed.append(
                {"columns": list(index.columns), "unique": index.unique, "name": index.name}
            )
        listed.sort(key=lambda entry: str(entry["name"]))
        for entry in listed:
            columns = tuple(str(c) for c in entry["columns"])  # type: ignore[attr-defined]
            derived = index_name(Table(self.name, None, ()), Index(columns, bool(entry["unique"])))
            if entry["name"] == derived:
                del entry["name"]
            if not entry["unique"]:
                del entry["unique"]
        if listed:
            self.body["indexes"] = listed


_MOST_VALUES: Final = 10  # a text column with more distinct values is no enum guess


def _enum_like(distinct: list[str], values: list[object]) -> bool:
    """A few distinct values (two at least: one value is no choice), each a valid enum
    value, seen at least twice on average."""
    return (
        2 <= len(distinct) <= _MOST_VALUES
        and len(values) >= 2 * len(distinct)
        and all(isinstance(v, str) for v in values)
        and all(
            v and v == v.strip() and v.isprintable() and len(v.encode()) <= 63 for v in distinct
        )
    )


def _as_boolean(keys: Keys) -> Keys:
    guessed = {k: v for k, v in keys.items() if k not in ("min", "max")}
    guessed["type"] = "boolean"
    if "default" in guessed:
        guessed["default"] = bool(guessed["default"])
    return guessed


def _as_enum(keys: Keys, enum: str) -> Keys:
    kept = ("nullable", "default", "description")
    return {"type": "enum", "enum": enum, **{k: v for k, v in keys.items() if k in kept}}


def _named_order(
    table: str, name: str, columns: tuple[str, ...], ref_columns: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The pairs of a composite foreign key in the order its name gives them (schemacog
    names ``fk_<table>_<columns>`` in the schema's order, and the DDL lists the key's)."""
    pairs = dict(zip(columns, ref_columns, strict=True))
    rest = name.removeprefix(f"fk_{table}_")
    if rest == name or len(columns) > 6:
        return columns, ref_columns
    for order in itertools.permutations(columns):
        if "_".join(order) == rest:
            return order, tuple(pairs[c] for c in order)
    return columns, ref_columns


def without_foreign_keys(columns: Mapping[str, Keys]) -> dict[str, Keys]:
    return {
        name: {k: v for k, v in keys.items() if k not in _FK_KEYS} for name, keys in columns.items()
    }
