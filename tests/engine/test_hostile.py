"""The hostile-input corpus (tests/hostile/cases, written by tests/hostile/make_corpus.py).

Each case is a small project with one hostile input and the error it must produce. The
runner copies it to a temporary folder, runs the command (in-process; the first case of
each class also through a real process), and asserts exit code 2, the expected message,
no traceback, every file untouched, and that the canaries (a file named CANARY, an
environment variable) were never touched.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import TESTS, RunCli

CASES = sorted((TESTS / "hostile" / "cases").iterdir())
DEFAULTS = {"schema": '"schema.yaml"', "files": '["out/**/*"]'}
CANARY_VALUE = "canary-value-never-printed"


def _pyproject(config: str) -> str:
    settings = dict(DEFAULTS)
    for line in config.splitlines():
        key, _, value = line.partition("=")
        settings[key.strip()] = value.strip()
    return "[tool.schemacog]\n" + "".join(f"{k} = {v}\n" for k, v in settings.items())


def _setup(root: Path, setup: dict[str, Any]) -> None:
    for name in setup.get("mkdir", ()):
        (root / str(name)).mkdir(parents=True, exist_ok=True)
    for name in setup.get("fifo", ()):
        (root / str(name)).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(root / str(name))
    for name, content in setup.get("raw_names", ()):
        # a name that is not UTF-8 (cannot live in git): "\xff" in case.json is byte 0xff
        raw = str(name).encode("latin-1").decode("unicode_escape").encode("latin-1")
        target = os.fsencode(root) + b"/" + raw
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(str(content).encode("utf-8"))
    if "symlink" in setup:
        link, target = setup["symlink"]
        path = root / str(link)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(str(target))
    if "chmod" in setup:
        name, mode = setup["chmod"]
        (root / str(name)).chmod(int(mode))
    if "pad_schema" in setup:
        text = (root / "schema.yaml").read_text(encoding="utf-8")
        size = int(setup["pad_schema"])
        (root / "schema.yaml").write_text(text + "#" * (size - len(text)), encoding="utf-8")
    if "many_tables" in setup:
        count = int(setup["many_tables"])
        body = "".join(f"  t{i}: {{columns: {{id: {{type: integer}}}}}}\n" for i in range(count))
        (root / "schema.yaml").write_text(
            "schemacog: 1\nname: x\ntables:\n" + body, encoding="utf-8"
        )
    if "pad_pyproject" in setup:  # written here: 50 MB is not committed
        with (root / "pyproject.toml").open("a", encoding="utf-8") as handle:
            handle.write("# " + "x" * int(setup["pad_pyproject"]) + "\n")
    if "pad_pyproject_text" in setup:
        with (root / "pyproject.toml").open("a", encoding="utf-8") as handle:
            handle.write(str(setup["pad_pyproject_text"]))
    if "docs_schema" in setup:  # a schema whose data dictionary is 0.3 MB
        tables, columns = setup["docs_schema"]
        lines = ["schemacog: 1", "name: wide", "tables:"]
        for t in range(int(tables)):
            lines += [f"  t{t}:", f"    description: {f'Table number {t}. ' * 6}", "    columns:"]
            lines.append("      id: {type: integer, primary_key: true}")
            lines += [
                f"      c{c}: {{type: string, max_length: 80, description: {f'Column {c}. ' * 5}}}"
                for c in range(int(columns))
            ]
        (root / "schema.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if "pad_marked" in setup:
        size = int(setup["pad_marked"])
        marked = '# [[[cog sc.python.columns("thing") ]]]\n# [[[end]]]\n'
        (root / "out" / "big.py").write_text(marked + "#" * size + "\n", encoding="utf-8")


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink() and p.name != ".schemacog.lock"
    }


def test_corpus_covers_every_class_with_enough_cases() -> None:
    classes = [json.loads((c / "case.json").read_text())["class"] for c in CASES]
    assert len(classes) >= 60
    assert set(classes) == {"execution", "escape", "injection", "bounded", "files", "encoding"}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input_is_refused(run_cli: RunCli, tmp_path: Path, case: Path) -> None:
    _assert_refused(run_cli, tmp_path, case)


def _first_of_each_class() -> list[Path]:
    first: dict[str, Path] = {}
    for case in CASES:
        first.setdefault(json.loads((case / "case.json").read_text())["class"], case)
    return sorted(first.values())


@pytest.mark.parametrize("case", _first_of_each_class(), ids=lambda c: c.name)
def test_hostile_input_is_refused_by_a_real_process(
    run_process: RunCli, tmp_path: Path, case: Path
) -> None:
    """The environment canary and the exit code, once per class, through ``python -m``."""
    _assert_refused(run_process, tmp_path, case)


def _assert_refused(run: RunCli, tmp_path: Path, case: Path) -> None:
    meta = json.loads((case / "case.json").read_text(encoding="utf-8"))
    root = tmp_path / "project"
    shutil.copytree(case, root, ignore=shutil.ignore_patterns("case.json"), symlinks=True)
    (root / "out").mkdir(exist_ok=True)
    (root / "pyproject.toml").write_text(_pyproject(meta["config"]), encoding="utf-8")
    _setup(root, meta.get("setup", {}))
    before = _snapshot(root)
    result = run(meta["command"], cwd=root, env={"SCHEMACOG_CANARY": CANARY_VALUE})
    output = result.out + result.err
    assert result.code == 2, output
    assert meta["expect"] in result.err, output
    assert "Traceback" not in output
    assert CANARY_VALUE not in output
    assert _snapshot(root) == before
    assert not (root / "CANARY").exists()
    assert not (tmp_path / "CANARY").exists()  # beside the project: a link out of it
    assert "CANARY-TOKEN" not in output  # a secret the case planted (.git/config, .env)
    assert not (root / "out" / "CANARY").exists()
    assert not Path("/CANARY").exists()
