"""Generated schemas for benchmarks: T tables of C columns using every logical type.

Deterministic (no randomness): the same sizes give the same bytes, so runs compare.
"""

from __future__ import annotations

import argparse
import sys

# (type, extra keys, example value) cycled over the non-key columns
COLUMN_KINDS: list[tuple[str, str, str | None]] = [
    ("string", "max_length: 80, pattern: '^[A-Za-z0-9 ._-]+$'", "Item 1"),
    ("text", "nullable: true", "Some longer text."),
    ("integer", "min: 0, max: 1000000", "42"),
    ("smallint", "min: 1, default: 1", "3"),
    ("decimal", "precision: 12, scale: 2, min: 0", '"19.99"'),
    ("boolean", "default: false", "true"),
    ("date", "nullable: true", '"2024-05-01"'),
    ("timestamptz", "default: now", '"2024-05-01T10:00:00Z"'),
    ("uuid", "unique: true", None),  # value derived from the row number
    ("enum", "enum: status, default: active", "active"),
    ("float", "nullable: true, min: 0", "1.5"),
    ("json", "nullable: true", "{a: 1}"),
    ("time", "nullable: true", '"08:30"'),
    ("timestamp", "nullable: true", '"2024-05-01T10:00:00"'),
    ("binary", "nullable: true", "aGVsbG8="),
]


def schema_text(tables: int, columns: int) -> str:
    """A valid schema of ``tables`` tables with ``columns`` columns each (id + FK + kinds)."""
    lines = [
        "schemacog: 1",
        "name: bench",
        "description: A generated schema for benchmarks.",
        "enums:",
        "  status:",
        "    description: Life cycle.",
        "    values: {active: In use., retired: No longer used., draft: Not yet live.}",
        "tables:",
    ]
    for t in range(tables):
        lines += [f"  table_{t}:", f"    description: Generated table number {t}.", "    columns:"]
        lines.append("      id: {type: bigint, primary_key: true, identity: true}")
        example = ["id: 1"]
        if t:
            parent = f"table_{t // 2}"
            lines.append(
                f"      {parent}_id: {{type: bigint, nullable: true, references: {parent}.id, "
                "on_delete: set_null, description: The parent row.}"
            )
            example.append(f"{parent}_id: 1")
        for c in range(columns - len(example)):
            kind, extra, value = COLUMN_KINDS[c % len(COLUMN_KINDS)]
            lines.append(f"      col_{c}: {{type: {kind}, {extra}, description: Column {c}.}}")
            if value is None:
                value = f"00000000-0000-4000-8000-{t:06d}{c:06d}"
            example.append(f"col_{c}: {value}")
        lines.append("    indexes:")
        lines.append("      - {columns: [col_0]}")
        lines.append("    examples:")
        lines.append("      - {" + ", ".join(example) + "}")
        lines.append("    invalid_examples:")
        lines.append("      - {row: {id: 2, col_0: 'bad!'}, reason: pattern}")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tables", type=int, default=200)
    parser.add_argument("--columns", type=int, default=15)
    args = parser.parse_args()
    sys.stdout.write(schema_text(args.tables, args.columns))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
