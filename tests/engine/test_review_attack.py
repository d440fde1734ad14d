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
    assert err.startswith("out/m.py:1:10: "), err


def test_safe_mode_leaves_cogapp_alone_for_a_concurrent_cog_run() -> None:
    """The generator cog builds while safe mode renders is cog's own, not the pre-rendering one."""
    import cogapp.cogapp as cogapp_module  # type: ignore[import-untyped]

    from schemacog.engine import cog_hook

    seen: list[type] = []

    class Outputs(dict[int, str]):
        def __getitem__(self, line: int) -> str:
            seen.append(cogapp_module.CogGenerator)  # what another thread's cog would build
            return super().__getitem__(line)

    text = "# [[[cog sc.docs.erd() ]]]\n# [[[end]]]\n"
    new = cog_hook.process(text, "m.py", checksum=False, outputs=Outputs({1: "x"}))
    assert new == "# [[[cog sc.docs.erd() ]]]\nx\n# [[[end]]]\n"
    assert seen == [cogapp_module.CogGenerator]
    assert seen[0].__name__ == "CogGenerator"


def test_concurrent_runs_in_threads_render_their_own_projects(tmp_path: Path) -> None:
    import threading

    from schemacog.engine.process import render_tree

    code = "# [[[cog\nfor t in ('customer',):\n    sc.python.columns(t)\n# ]]]\n# [[[end]]]\n"
    trusted = make_project(tmp_path / "a", extra="allow_code = true\n")
    write(trusted / "out" / "m.py", code)
    safe = make_project(tmp_path / "b")
    _marked(safe, "sc.docs.erd()")
    expected = {
        root: render_tree([], root, allow_code=True).results[0].new for root in (trusted, safe)
    }
    wrong: list[object] = []

    def run(root: Path) -> None:
        for _ in range(40):
            outcome = render_tree([], root, allow_code=True)
            news = [result.new for result in outcome.results]
            if outcome.problems or news != [expected[root]]:
                wrong.append((root.name, outcome.problems, news))

    threads = [threading.Thread(target=run, args=(root,)) for root in expected]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wrong == []


def test_a_rendered_file_stays_within_the_limit_the_reader_enforces(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """1,600 small blocks (70 kB) asking for the data dictionary would write 11 MB."""
    root = make_project(tmp_path / "p")
    write(
        root / "out" / "m.md",
        "<!-- [[[cog sc.docs.dictionary() ]]] -->\n<!-- [[[end]]] -->\n" * 1600,
    )
    _refused(run_cli, root, "the rendered file would be larger than the 10 MB limit")
