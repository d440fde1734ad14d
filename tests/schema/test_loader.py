"""The YAML loader: core-schema scalars, refusals, limits, positions."""

from __future__ import annotations

import math
import time
from pathlib import Path

import pytest

from schemacog.errors import SchemaError
from schemacog.schema.loader import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MapNode,
    ScalarNode,
    SeqNode,
    load_file,
    load_text,
    to_python,
)


def scalar(text: str) -> object:
    loaded = load_text(f"k: {text}\n", "t.yaml")
    assert isinstance(loaded.root, MapNode)
    node = loaded.root.items["k"]
    assert isinstance(node, ScalarNode)
    return node.value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("~", None),
        ("null", None),
        ("Null", None),
        ("NULL", None),
        ("", None),
        ("true", True),
        ("True", True),
        ("FALSE", False),
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("n", "n"),
        ("2024-01-01", "2024-01-01"),
        ("12:30:00", "12:30:00"),
        ("1:20", "1:20"),
        ("012", 12),
        ("+5", 5),
        ("-5", -5),
        ("0o17", 15),
        ("0x1F", 31),
        ("0b101", "0b101"),
        ("1_000", "1_000"),
        ("1.5", 1.5),
        (".5", 0.5),
        ("5.", 5.0),
        ("1e3", 1000.0),
        ("-1.5E-2", -0.015),
        (".inf", math.inf),
        ("-.Inf", -math.inf),
        ("'true'", "true"),
        ('"12"', "12"),
        ("'null'", "null"),
        ("|\n  block\n", "block\n"),
    ],
)
def test_plain_scalars_resolve_by_the_yaml_1_2_core_schema(text: str, value: object) -> None:
    assert scalar(text) == value
    assert type(scalar(text)) is type(value)


def test_nan_is_a_float() -> None:
    value = scalar(".nan")
    assert isinstance(value, float)
    assert math.isnan(value)


def test_nodes_keep_one_based_positions_and_order() -> None:
    root = load_text("b: 1\na:\n  - x\n  - {c: d}\n", "t.yaml").root
    assert isinstance(root, MapNode)
    assert list(root.items) == ["b", "a"]
    assert (root.keys["a"].pos.line, root.keys["a"].pos.col) == (2, 1)
    seq = root.items["a"]
    assert isinstance(seq, SeqNode)
    assert (seq.items[1].pos.line, seq.items[1].pos.col) == (4, 5)
    assert to_python(root) == {"b": 1, "a": ["x", {"c": "d"}]}


def test_columns_count_characters_not_bytes() -> None:
    root = load_text("k: {é: 1, ü: x}\n", "t.yaml").root
    assert isinstance(root, MapNode)
    inner = root.items["k"]
    assert isinstance(inner, MapNode)
    assert inner.keys["ü"].pos.col == 11


def problems(text: str) -> list[str]:
    try:
        loaded = load_text(text, "t.yaml")
    except SchemaError as exc:
        return [str(p) for p in exc.problems]
    return [str(p) for p in loaded.problems]


def test_every_refusal_of_one_file_is_reported() -> None:
    text = "a: &x 1\nb: *x\nc: !!int 3\nd: 1\nd: 2\n[k]: v\n? {m: 1}\n: v\n"
    assert problems(text) == [
        "t.yaml:1:4: YAML anchors are not allowed (&x)",
        "t.yaml:2:4: YAML aliases are not allowed (*x)",
        "t.yaml:3:4: YAML tags are not allowed (tag:yaml.org,2002:int)",
        "t.yaml:5:1: duplicate key 'd' (first defined at line 4)",
        "t.yaml:6:1: mapping keys must be strings, found a list",
        "t.yaml:7:3: mapping keys must be strings, found a mapping",
    ]


def test_keys_may_not_hold_newlines_but_values_may() -> None:
    assert problems('"a\\nb": 1\n') == [
        "t.yaml:1:1: character U+000A is not allowed in schema strings"
    ]
    assert problems("k: |\n  two\n  lines\n") == []


@pytest.mark.parametrize(
    "char", ["\\0", "\\r", "\\e", "\\x7f", "\\x85", "\\u200e", "\\u202e", "\\u2066", "\\u2029"]
)
def test_control_and_bidi_characters_are_refused(char: str) -> None:
    [message] = problems(f'k: "a{char}b"\n')
    assert message.startswith("t.yaml:1:4: character U+")


@pytest.mark.parametrize("marker", ["[[[cog", "]]]", "[[[end]]]"])
def test_cog_markers_are_refused_in_any_string(marker: str) -> None:
    assert problems(f"k: 'x {marker} y'\n") == [
        f"t.yaml:1:4: {marker!r} is cog's marker syntax and is not allowed in schema strings"
    ]


def test_billion_laughs_is_refused_without_expanding() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [{', '.join(f'*{previous}' for _ in range(9))}]")
    started = time.perf_counter()
    found = problems("\n".join(lines) + "\n")
    assert time.perf_counter() - started < 5
    assert found[0] == "t.yaml:1:4: YAML anchors are not allowed (&a)"
    assert sum("aliases are not allowed" in p for p in found) == 8 * 9


@pytest.mark.parametrize("opener", ["[", "{a: "])
def test_ten_thousand_levels_stop_at_the_depth_limit(opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    text = "k: " + opener * 10_000 + "1" + closer * 10_000 + "\n"
    found = problems(text)
    assert len(found) == 1
    # Ours at level 65, or libyaml's own limit (PyYAML >= 6.0.4 reads flow levels ahead).
    assert found[0].endswith(
        (f"nesting is deeper than {MAX_DEPTH} levels", "exceeded maximum nesting depth")
    ), found


def test_block_nesting_at_the_limit_loads(tmp_path: Path) -> None:
    text = "".join("  " * depth + "a:\n" for depth in range(MAX_DEPTH - 1)) + "  " * 63 + "a: 1\n"
    assert problems(text) == []


def test_files_over_the_size_limit_are_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    with pytest.raises(SchemaError) as caught:
        load_file(path, "big.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "big.yaml:1:1: schema file is larger than the 10 MB limit"
    ]


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfk: v\n")
    assert to_python(load_file(path).root) == {"k": "v"}  # type: ignore[arg-type]


def test_an_unreadable_file_is_a_positioned_error(tmp_path: Path) -> None:
    with pytest.raises(SchemaError) as caught:
        load_file(tmp_path / "missing.yaml", "missing.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "missing.yaml:1: cannot read: No such file or directory"
    ]


def test_huge_integers_are_an_error_not_a_crash() -> None:
    assert problems("k: " + "9" * 5000 + "\n") == [
        "t.yaml:1:4: integer 99999999999999999999... is too large"
    ]
