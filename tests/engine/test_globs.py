"""The ``files``/``exclude`` globs: one walk per folder they start from, one matcher for
all of them, the same files as ``glob.glob(..., recursive=True)`` one by one."""

from __future__ import annotations

import glob
import os
import time
from pathlib import Path

import pytest
from conftest import RunCli
from hypothesis import given, settings
from hypothesis import strategies as st

from schemacog.engine import discover
from schemacog.engine.discover import MAX_GLOBS, Globs

TREE = [
    "a.py",
    "b.sql",
    "out/m.py",
    "out/n.md",
    "out/ab.py",
    "out/x/m.py",
    "out/x/y/z.py",
    "out/x/y/ab.txt",
    "out/a/a/a.py",
    "src/a/out/m.py",
    "src/pkg/[x].py",
    "src/pkg/q?.py",
]
PARTS = ["out", "x", "y", "a", "src", "pkg", "*", "**", "?", "*.py", "a*", "*b*", "[ab]*"]
PARTS += ["[!a]*", "m.py", "?.py", "*a*a*", "[z-a]", "[x].py", "[[]x].py", "q?.py", "."]


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("globs")
    for name in TREE:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")
    return root


def _expand(root: Path, patterns: list[str]) -> set[Path]:
    """What discovery's walk finds for ``patterns``."""
    found, _ = discover._walk(root, Globs(patterns), Globs([]))
    return {root.joinpath(*parts) for parts in found}


def _one_by_one(root: Path, pattern: str) -> set[Path]:
    """The files ``glob`` finds; not ``out/m.py/`` for ``out/m.py/**`` (glob's ``**``
    matches zero folders even after a file, and gives the file a trailing slash: a
    pattern ending in ``/**`` names what is below a folder, and a file has nothing)."""
    return {
        root / name
        for name in glob.glob(pattern, root_dir=root, recursive=True)
        if (root / name).is_file() and not name.endswith("/")
    }


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PARTS), min_size=1, max_size=5))
def test_the_matcher_finds_what_glob_finds(tree: Path, parts: list[str]) -> None:
    pattern = "/".join(parts)
    found = {p for p in _expand(tree, [pattern]) if p.is_file()}
    assert {p.resolve() for p in found} == {p.resolve() for p in _one_by_one(tree, pattern)}


def test_many_patterns_walk_the_tree_once(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """500 patterns below out/: its folders are listed once each, not 500 times."""
    listed: list[object] = []
    real = os.scandir

    def counting(path: object = ".") -> object:
        listed.append(path)
        return real(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", counting)
    patterns = [f"out/**/*{n}" for n in range(500)] + ["out/**/*.py"]
    found = _expand(tree, patterns)
    assert {p.relative_to(tree).as_posix() for p in found} >= {"out/m.py", "out/x/y/z.py"}
    assert len(listed) <= 2 * len(TREE), len(listed)  # one pattern at a time: 500 times that


def test_patterns_that_backtrack_match_in_linear_time(tmp_path: Path) -> None:
    """``*a*a*a*...b`` over a long name (fnmatch's lazy atomic groups), ``**/a/**/a/**/...``
    over deep folders (each place of a pattern tried once against each part)."""
    deep = tmp_path.joinpath(*["a"] * 40)
    deep.mkdir(parents=True)
    (deep / ("a" * 200)).write_text("x", encoding="utf-8")
    patterns = ["*a" * 30 + "*b", "/".join(["**", "a"] * 20) + "/b", "**/" + "*a" * 30 + "*b"]
    started = time.perf_counter()
    assert _expand(tmp_path, patterns) == set()
    assert time.perf_counter() - started < 5


def test_more_globs_than_the_limit_are_an_error_at_the_key(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(discover, "MAX_GLOBS", 3)
    (tmp_path / "schema.yaml").write_text("schemacog: 1\nname: x\ntables: {}\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.schemacog]\nschema = "schema.yaml"\n\nfiles = ["a", "b", "c", "d"]\n',
        encoding="utf-8",
    )
    result = run_cli("check", cwd=tmp_path)
    assert result.code == 2
    assert "pyproject.toml:4: 4 globs in files and exclude; the limit is 3" in result.err
    assert MAX_GLOBS == 1000
