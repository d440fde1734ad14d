"""The schema's ``enums``: names, values, value descriptions and aliases."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from schemacog.model import Enum, EnumValue
from schemacog.naming import enum_member, lookalike, lookalike_letter, normalized_spelling
from schemacog.schema import fields
from schemacog.schema.fields import Problems
from schemacog.schema.keys import ENUM_KEYS, ENUM_VALUE_KEYS, MAX_ENUM_VALUE_BYTES, SQL_TYPE_NAMES
from schemacog.schema.loader import MapNode, Node, ScalarNode, SeqNode, kind_of
from schemacog.schema.validate_renames import check_scope, read_history

__all__ = ["read_enums"]


def read_enums(problems: Problems, node: Node) -> tuple[dict[str, Enum], frozenset[str]]:
    """The readable enums by name, and the names of those left out for a problem (which a
    column may still name without a second error)."""
    enums = fields.mapping(problems, node, "enums")
    if enums is None:
        return {}, frozenset()
    found: dict[str, Enum] = {}
    histories: list[tuple[str, tuple[str, ...], MapNode]] = []
    for name, enum_node in enums.items.items():
        key = enums.keys[name]
        if fields.check_identifier(problems, key, name, "enum name") is None:
            continue
        if name.lower() in SQL_TYPE_NAMES:
            problems.add(key, f"enum name {name!r} is a built-in SQL type name; choose another")
            continue
        enum = _read_enum(problems, name, key, enum_node)
        if enum is not None:
            found[name] = enum
            if enum.renamed_from:
                assert isinstance(enum_node, MapNode)  # _read_enum reads nothing else
                histories.append((name, enum.renamed_from, enum_node))
    check_scope(problems, "the enums", enums.items, histories)
    return found, frozenset(enums.items) - found.keys()


def _read_enum(problems: Problems, name: str, key: ScalarNode, node: Node) -> Enum | None:
    what = f"enum {name!r}"
    body = fields.mapping(problems, node, what)
    if body is None:
        return None
    fields.check_keys(problems, body, ENUM_KEYS, what, required=("values",))
    description = fields.optional_string(problems, body.items.get("description"), "description")
    history = read_history(problems, body, name, what)
    values_node = body.items.get("values")
    if isinstance(values_node, SeqNode):  # values without descriptions, in order
        listed = _listed_enum(problems, name, key, values_node, what=what, description=description)
        return None if listed is None else dataclasses.replace(listed, renamed_from=history)
    if values_node is None:
        return None
    if not isinstance(values_node, MapNode):
        found = kind_of(values_node)
        problems.add(values_node, f"values of {what} must be a mapping or a list, found {found}")
        return None
    values_map = values_node
    if not values_map.items:
        problems.add(values_map, f"{what} has no values")
        return None
    values: list[EnumValue] = []
    members: dict[str, str] = {}
    histories: list[tuple[str, tuple[str, ...], MapNode]] = []
    for value, value_node in values_map.items.items():
        value_key = values_map.keys[value]
        member = enum_member(value)
        _check_value(problems, what, value, value_key, member, members=members)
        members.setdefault(member, value)
        value_description, aliases = _value_details(problems, value, value_node)
        old: tuple[str, ...] = ()
        if isinstance(value_node, MapNode):
            old = read_history(problems, value_node, value, f"enum value {value!r}")
            histories += [(value, old, value_node)] if old else []
        # an old spelling stays readable: the cleaner maps it to the value it became
        aliases += tuple(o for o in old if o not in aliases and o not in values_map.items)
        values.append(EnumValue(value, value_description, value_key.pos, aliases, old))
    check_scope(problems, f"the values of {what}", values_map.items, histories)
    _check_spellings(problems, what, values)
    _check_lookalikes(problems, what, values)
    return Enum(name, description, tuple(values), key.pos, history)


def _listed_enum(
    problems: Problems,
    name: str,
    key: ScalarNode,
    node: SeqNode,
    *,
    what: str,
    description: str | None,
) -> Enum | None:
    """An enum whose ``values`` is a list of strings: values with no description."""
    if not node.items:
        problems.add(node, f"{what} has no values")
        return None
    values: list[EnumValue] = []
    members: dict[str, str] = {}
    for item in node.items:
        value = fields.string(problems, item, f"a value of {what}")
        if value is None or not isinstance(item, ScalarNode):
            continue
        if value in (v.value for v in values):
            problems.add(item, f"{value!r} appears twice in the values of {what}")
            continue
        member = enum_member(value)
        _check_value(problems, what, value, item, member, members=members)
        members.setdefault(member, value)
        values.append(EnumValue(value, None, item.pos, ()))
    _check_spellings(problems, what, values)
    _check_lookalikes(problems, what, values)
    return Enum(name, description, tuple(values), key.pos)


def _check_value(
    problems: Problems,
    what: str,
    value: str,
    key: ScalarNode,
    member: str,
    *,
    members: Mapping[str, str],
) -> None:
    """One value must round-trip through every dialect and give its own Python member."""
    if not value:
        problems.add(key, f"{what} has an empty value")
    elif value != value.strip():
        # MariaDB's ENUM drops trailing spaces: such a value cannot round-trip.
        problems.add(key, f"enum value {value!r} starts or ends with white space")
    elif len(value.encode("utf-8")) > MAX_ENUM_VALUE_BYTES:
        # PostgreSQL's enum labels are at most 63 bytes.
        problems.add(
            key, f"enum value {value!r} is longer than {MAX_ENUM_VALUE_BYTES} bytes in UTF-8"
        )
    elif not member:
        problems.add(key, f"enum value {value!r} gives no Python member name")
    elif member in members:
        problems.add(
            key,
            f"enum values {members[member]!r} and {value!r} both become Python member {member}",
        )


def _value_details(
    problems: Problems, value: str, node: Node
) -> tuple[str | None, tuple[str, ...]]:
    """(description, aliases) of a value: a description, or {description:, aliases:}."""
    if not isinstance(node, MapNode):
        return fields.optional_string(problems, node, f"description of {value!r}"), ()
    fields.check_keys(problems, node, ENUM_VALUE_KEYS, f"enum value {value!r}")
    description = fields.optional_string(problems, node.items.get("description"), "description")
    aliases_node = node.items.get("aliases")
    aliases = fields.tokens(problems, aliases_node, "aliases") if aliases_node is not None else None
    for alias in aliases or ():
        if not alias.strip() or alias != alias.strip():
            message = f"alias {alias!r} of {value!r} is empty or has surrounding white space"
            problems.add(node.items["aliases"], message)
    return description, aliases or ()


def _check_spellings(problems: Problems, what: str, values: list[EnumValue]) -> None:
    """No two values or aliases may read the same once a cleaner normalizes them."""
    seen: dict[str, str] = {}
    for item in values:
        for spelling in (item.value, *item.aliases):
            other = seen.setdefault(normalized_spelling(spelling), item.value)
            same_member = spelling == item.value and enum_member(other) == enum_member(spelling)
            if other != item.value and not same_member:  # a member clash is said already
                problems.add(
                    item.pos,
                    f"{what}: {spelling!r} of {item.value!r} reads the same as {other!r} "
                    "when case, spaces and hyphens are ignored",
                )


def _check_lookalikes(problems: Problems, what: str, values: list[EnumValue]) -> None:
    """No two values or aliases, and no two Python members, of an enum may look alike
    (``PAID``, and ``PAID`` spelt with a Cyrillic U+0420 and U+0410): a reader could not
    tell which is which.
    Pairs that already read the same (``_check_spellings``) are not said twice."""
    seen: dict[str, tuple[str, str]] = {}  # skeleton -> (spelling, its value)
    for item in values:
        member = enum_member(item.value)
        spellings = [
            (s, "spelling " + lookalike(normalized_spelling(s)))
            for s in (item.value, *item.aliases)
        ]
        for spelling, key in [*spellings, (member, "member " + lookalike(member))]:
            other, owner = seen.setdefault(key, (spelling, item.value))
            if owner == item.value or normalized_spelling(other) == normalized_spelling(spelling):
                continue
            letter = lookalike_letter(spelling) or lookalike_letter(other)
            problems.add(
                item.pos,
                f"{what}: {_shown(spelling, item.value, member)} looks like "
                f"{_shown(other, owner, enum_member(owner))} ({letter}); "
                "use one script for the values of an enum",
            )
            break


def _shown(spelling: str, value: str, member: str) -> str:
    if spelling == value:
        return repr(value)
    if spelling == member:
        return f"Python member {member} of {value!r}"
    return f"alias {spelling!r} of {value!r}"
