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
from schemacog.model import Index, Table
from schemacog.model import LogicalType as T
from schemacog.render.sql.ddl import dialect_named, index_name

__all__ = ["Keys", "TableImport", "columns_read", "without_foreign_keys"]

_ACTIONS: Final = {
    "NO ACTION": "no_action",
    "RESTRICT": "restrict",
    "CASCADE": "cascade",
    "SET NULL": "set_null",
    "SET DEFAULT": "set_default",
}
_FK_KEYS: Final = ("references", "on_delete", "on_update", "deferrable")

Keys = dict[str, object]


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
    enums: dict[tuple[str, ...], str]  # enum values -> enum name, shared by all tables
    report: Report
    body: dict[str, object] = field(default_factory=dict)
    columns: dict[str, Keys] = field(default_factory=dict)
    left_out: set[str] = field(default_factory=set)
    # MariaDB's unique keys that are unique indexes, for ``_indexes``
    unique_indexes: list[dict[str, object]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.source.name

    def lose(self, what: str, column: str | None = None) -> None:
        where = ("tables", self.name) + (("columns", column) if column is not None else ())
        place = self.name if column is None else f"{self.name}.{printable(column)}"
        self.report.lose(where, place, what)

    def read(self) -> dict[str, object]:
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
        self._keys()
        self._foreign_keys()
        self._indexes()
        return self.body

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
            native = native_type(self.dialect, column.type, self.catalog.enums)
            if native is None:
                self._leave_out(column.name, f"type {column.type} has no schemacog type")
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
            for loss in reading.losses:
                self.lose(loss, column.name)

    def _leave_out(self, column: str, why: str) -> None:
        self.left_out.add(column)
        self.lose(f"column {printable(column)} left out: {why}")

    def _finish(self, column: CatalogColumn, reading: ColumnReading) -> Keys:
        keys = dict(reading.keys)
        if reading.enum_values is not None:
            name = self.enums.get(reading.enum_values)
            if name is None:  # the engine keeps no enum names (SQLite, MariaDB)
                name = self.enums[reading.enum_values] = f"{self.name}_{column.name}"[:63]
            keys = {"type": "enum", "enum": name, **{k: v for k, v in keys.items() if k != "type"}}
        if column.nullable and not keys.get("primary_key"):
            keys["nullable"] = True
        if column.default is not None and column.default.upper() != "NULL" and not column.identity:
            self._default(column, keys, reading)
        if column.comment:
            if valid_text(column.comment):
                keys["description"] = column.comment
            else:
                self.lose("comment left out: it holds control characters or cog markers")
        return keys

    def _default(self, column: CatalogColumn, keys: Keys, reading: ColumnReading) -> None:
        """The column's default, where schemacog renders one that the engine stores as
        it stores this one (else a loss)."""
        dialect, text = dialect_named(self.dialect), column.default or ""
        kind = T(str(keys["type"]))
        stored = stored_form(self.dialect, text)
        candidates: list[tuple[T, object]] = []
        for now_kind in (kind, T.TIMESTAMPTZ) if kind is T.TIMESTAMP else (kind,):
            # MariaDB's timestamptz is a DATETIME filled in UTC: its default says which
            now = dialect.now.get(now_kind)
            if now is not None and stored_form(self.dialect, now) == stored:
                candidates.append((now_kind, "now"))
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
            if key.name and not key.name.startswith("uq_") and IDENTIFIER.fullmatch(key.name):
                # MariaDB keeps a unique index as a unique key: its own name says which
                self.unique_indexes.append(
                    {"columns": list(key.columns), "unique": True, "name": key.name}
                )
                continue
            derived = f"uq_{self.name}_{'_'.join(key.columns)}"
            if key.name and key.name != derived:
                self.lose(f"unique constraint {key.name} is named {derived}")
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
                if self.dialect == "mariadb" and value == "restrict":
                    value = "no_action"  # InnoDB: the same check, and the one it reports
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

    def _indexes(self) -> None:
        listed = list(self.unique_indexes)
        for index in sorted(self.source.indexes):
            if self.left_out & set(index.columns) or not index.columns:
                self.lose(
                    f"index {index.name} left out: a column of it is left out, or it indexes "
                    "an expression"
                )
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
