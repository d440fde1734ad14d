"""Faults found by attacking the marker registry, safe mode and the cog hook (one test each)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import RunCli
from test_engine import make_project, snapshot, write

from schemacog.engine.safe import MAX_DEPTH
from schemacog.engine.scan import Block, literal_calls


def _marked(root: Path, code: str, name: str = "m.py") -> Path:
    return write(root / "out" / name, f"# [[[cog {code} ]]]\n# [[[end]]]\n")


def _refused(run_cli: RunCli, root: Path, message: str) -> str:
    before = snapshot(root)
    result = run_cli("regen", cwd=root)
    assert result.code == 2, result.out + result.err
    assert "Traceback" not in result.err
    assert message in result.err, result.err
    assert snapshot(root) == before
    return result.err


@pytest.mark.parametrize(
    "argument",
    ["-" * 990 + "1", "[" * 70 + "]" * 70, '{"a": ' * 70 + "1" + "}" * 70],
    ids=["unary-minus", "lists", "dicts"],
)
def test_deeply_nested_literal_arguments_are_positioned_errors(
    run_cli: RunCli, tmp_path: Path, argument: str
) -> None:
    root = make_project(tmp_path / "p")
    _marked(root, f'sc.python.columns("order", x={argument.replace("]]]", "] ] ]")})')
    err = _refused(run_cli, root, f"nested deeper than {MAX_DEPTH} levels")
    assert err.startswith("out/m.py:1:")


def test_literal_calls_skip_literals_python_cannot_build() -> None:
    for code in ("sc.sql.ddl({[1]: 2})", "sc.sql.ddl(" + "-" * 990 + "1)"):
        assert literal_calls(Block(1, code, 1, (code,))) == []


def _template_project(root: Path) -> Path:
    make_project(root, extra='templates = "tpl"\n')
    write(root / "tpl" / "t.j2", "hello {{ a | default('') }}\n")
    return root


@pytest.mark.parametrize("name", ["schema", "self"])
def test_a_template_literal_named_like_what_templates_see_is_refused(
    run_cli: RunCli, tmp_path: Path, name: str
) -> None:
    root = _template_project(tmp_path / "p")
    _marked(root, f'sc.template("t.j2", {name}=1)')
    err = _refused(run_cli, root, f"{name!r} is a name templates already have (schema, self)")
    assert err.startswith("out/m.py:1:30: sc.template(): "), err


@pytest.mark.parametrize("value", ["x\\ry", "x\\x00y", "x\\u202ey", "x\\u2028y", "x\\x1by"])
def test_rendered_text_cannot_hold_characters_a_marked_file_may_not(
    run_cli: RunCli, tmp_path: Path, value: str
) -> None:
    root = _template_project(tmp_path / "p")
    _marked(root, f'sc.template("t.j2", a="{value}")')
    err = _refused(run_cli, root, "rendered line 1 holds character U+")
    assert err.startswith("out/m.py:1: "), err
