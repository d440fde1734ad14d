"""The benchmark schema translated to LinkML YAML, for LinkML's generators."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

RANGES = {
    "string": "string",
    "text": "string",
    "smallint": "integer",
    "integer": "integer",
    "bigint": "integer",
    "float": "float",
    "decimal": "decimal",
    "boolean": "boolean",
    "date": "date",
    "time": "time",
    "timestamp": "datetime",
    "timestamptz": "datetime",
    "uuid": "string",
    "json": "string",
    "binary": "string",
}


def _class_name(table: str) -> str:
    return "".join(part.title() for part in table.split("_"))


def write_linkml(source: Path, target: Path) -> None:
    schema: dict[str, Any] = yaml.safe_load(source.read_text(encoding="utf-8"))
    enums = {
        name: {
            "permissible_values": {
                value: {"description": text} for value, text in enum["values"].items()
            }
        }
        for name, enum in schema.get("enums", {}).items()
    }
    classes = {}
    for table, body in schema["tables"].items():
        attributes = {}
        for column, spec in body["columns"].items():
            kind = spec["type"]
            attribute: dict[str, Any] = {
                "range": spec.get("enum") if kind == "enum" else RANGES[kind]
            }
            if spec.get("primary_key"):
                attribute["identifier"] = True
            if not spec.get("nullable"):
                attribute["required"] = True
            if "description" in spec:
                attribute["description"] = spec["description"]
            if "max_length" in spec:
                attribute["maximum_cardinality"] = None
            attributes[column] = {k: v for k, v in attribute.items() if v is not None}
        classes[_class_name(table)] = {
            "description": body.get("description", ""),
            "attributes": attributes,
        }
    document = {
        "id": "http://example.org/schemacog-bench",
        "name": "bench",
        "prefixes": {"linkml": "https://w3id.org/linkml/"},
        "imports": ["linkml:types"],
        "default_range": "string",
        "enums": enums,
        "classes": classes,
    }
    target.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
