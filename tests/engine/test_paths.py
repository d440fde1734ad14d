"""Every path schemacog opens (issue 17, items 7-9): what the hostile corpus cannot show.

Concurrent edits during regen and a replace failing part way (all or nothing, and the
summary and the audit log say exactly what was written), init through symbolic links
and failing while it stages, discovery inside git and outside alike, and a FIFO or a
folder loop ending in bounded time in a real process.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, RunCli

from schemacog.engine import files

SHOP = ROOT / "schema" / "shop.yaml"
PY = '# [[[cog sc.python.columns("order") ]]]\n# [[[end]]]\n'
COUNT = 120


def _project(root: Path, extra: str = "", count: int = COUNT) -> list[Path]:
    (root / "out").mkdir(parents=True)
    (root / "schema.yaml").write_bytes(SHOP.read_bytes())
    (root / "pyproject.toml").write_text(
        '[tool.schemacog]\nschema = "schema.yaml"\nfiles = ["out/**/*"]\n' + extra,
        encoding="utf-8",
    )
    targets = [root / "out" / f"f{i:03d}.py" for i in range(count)]
    for path in targets:
        path.write_text(PY, encoding="utf-8")
    return targets


def _contents(paths: list[Path]) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in paths]


def _no_temporary_files(root: Path) -> None:
    assert not [p for p in root.rglob("*") if p.name.endswith(".schemacog")]


def test_an_edit_after_the_file_was_read_stops_every_replace(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor saves file 0 while regen stages file 119: none of the 120 is replaced."""
    root = tmp_path / "p"
    targets = _project(root, 'audit_log = "audit.jsonl"\n')
    real_stage = files._stage
    edited = PY + "# saved by an editor during the run\n"

    def stage(change: files.Change) -> str:
        if change.source.path == targets[-1]:
            targets[0].write_text(edited, encoding="utf-8")
        return real_stage(change)

    monkeypatch.setattr(files, "_stage", stage)
    result = run_cli("regen", cwd=root)
    assert result.code == 2, result.err
    assert "out/f000.py:1: changed or removed during the run; nothing was written" in result.err
    assert result.err.rstrip().endswith("nothing was written")
    assert _contents(targets) == [edited] + [PY] * (COUNT - 1)
    assert not (root / "audit.jsonl").exists()
    _no_temporary_files(root)


@pytest.mark.parametrize("failing", [1, 4, COUNT])
def test_a_replace_failing_part_way_says_exactly_what_was_written(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: int
) -> None:
    root = tmp_path / "p"
    targets = _project(root, 'audit_log = "audit.jsonl"\n')
    real_replace = os.replace
    calls = {"n": 0}

    def replace(source: Any, target: Any) -> None:
        if str(source).endswith(".schemacog"):
            calls["n"] += 1
            if calls["n"] == failing:
                raise OSError(errno.EIO, "Input/output error")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    result = run_cli("regen", cwd=root)
    assert result.code == 2
    written = failing - 1
    contents = _contents(targets)
    assert all(text != PY for text in contents[:written])
    assert contents[written:] == [PY] * (COUNT - written)
    failed = f"out/f{written:03d}.py:1: Input/output error; not written, and the files after it"
    assert failed in result.err
    summary = result.err.rstrip().splitlines()[-1]
    if written:
        names = ", ".join(f"out/f{i:03d}.py" for i in range(written))
        assert summary.endswith(f"; {written} file(s) were written before it stopped: {names}")
        [line] = (root / "audit.jsonl").read_text(encoding="utf-8").splitlines()
        logged = [entry["path"] for entry in json.loads(line)["files"]]
        assert logged == [f"out/f{i:03d}.py" for i in range(written)]
    else:
        assert summary.endswith("nothing was written")
        assert not (root / "audit.jsonl").exists()
    _no_temporary_files(root)


def test_an_edit_between_the_compare_and_its_replace_stops_there(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race that remains: a file changed after every compare passed; each replace
    checks its file's inode, size and times first, so the run stops at that file."""
    root = tmp_path / "p"
    targets = _project(root, count=6)
    real_replace = os.replace
    calls = {"n": 0}
    edited = PY + "# saved late\n"

    def replace(source: Any, target: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            targets[4].write_text(edited, encoding="utf-8")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    result = run_cli("regen", cwd=root)
    assert result.code == 2
    assert "out/f004.py:1: changed or removed during the run; not written" in result.err
    assert "4 file(s) were written before it stopped: out/f000.py, out/f001.py" in result.err
    contents = _contents(targets)
    assert all(text not in (PY, edited) for text in contents[:4])
    assert contents[4:] == [edited, PY]
    _no_temporary_files(root)


# --- init --------------------------------------------------------------------------------


def _tree(root: Path) -> dict[str, bytes | str]:
    found: dict[str, bytes | str] = {}
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        if path.is_symlink():
            found[name] = "-> " + os.readlink(path)
        elif path.is_file():
            found[name] = path.read_bytes()
        else:
            found[name] = "folder"
    return found


@pytest.mark.parametrize(
    ("link", "target", "expect"),
    [
        ("schema", "../outside", "schema/schema.yaml:1: goes through schema, which is a symbolic"),
        ("generated", "../outside", "generated/models.py:1: goes through generated, which is a"),
        ("noxfile.py", "../outside/noxfile.py", "noxfile.py:1: is a symbolic link"),
        ("pyproject.toml", "../outside/pyproject.toml", "pyproject.toml:1: is a symbolic link"),
        ("generated/models.py", "../../outside/m.py", "generated/models.py:1: is a symbolic link"),
    ],
)
def test_init_never_writes_through_a_symbolic_link(
    run_cli: RunCli, tmp_path: Path, link: str, target: str, expect: str
) -> None:
    root = tmp_path / "demo"
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    root.mkdir()
    (root / link).parent.mkdir(parents=True, exist_ok=True)
    (root / link).symlink_to(target)
    before = (_tree(root), _tree(outside))
    result = run_cli("init", cwd=root)
    assert result.code == 2, result.out + result.err
    assert expect in result.err
    assert "init writes nothing" in result.err
    assert "Traceback" not in result.err
    assert (_tree(root), _tree(outside)) == before


@pytest.mark.parametrize("failing", [1, 2, 4])
def test_init_is_all_or_nothing(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: int
) -> None:
    root = tmp_path / "demo"
    root.mkdir()
    (root / "pyproject.toml").write_text('[project]\nname = "demo"\n', encoding="utf-8")
    before = _tree(root)
    real_mkstemp = tempfile.mkstemp
    calls = {"n": 0}

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        calls["n"] += 1
        if calls["n"] == failing:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    result = run_cli("init", cwd=root)
    assert result.code == 2
    assert "cannot write: No space left on device; init wrote nothing" in result.err
    assert _tree(root) == before  # no file, no temporary file, no folder made for them
    monkeypatch.undo()
    assert run_cli("init", cwd=root).code == 0
    assert sorted(_tree(root)) == [
        "generated",
        "generated/models.py",
        "noxfile.py",
        "pyproject.toml",
        "schema",
        "schema/schema.yaml",
    ]


def test_a_pyproject_that_is_a_symbolic_link_is_an_error(run_cli: RunCli, tmp_path: Path) -> None:
    root = tmp_path / "p"
    _project(root, count=1)
    (root / "real.toml").write_bytes((root / "pyproject.toml").read_bytes())
    (root / "pyproject.toml").unlink()
    (root / "pyproject.toml").symlink_to("real.toml")
    result = run_cli("check", cwd=root)
    assert result.code == 2
    assert "pyproject.toml:1: is a symbolic link" in result.err


# --- discovery ------------------------------------------------------------------------------


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


@pytest.mark.parametrize("in_git", [False, True])
def test_discovery_reports_the_same_inside_git_and_outside(
    run_cli: RunCli, tmp_path: Path, in_git: bool
) -> None:
    root = tmp_path / "p"
    _project(root, count=1)
    raw = os.fsencode(root / "out") + b"/caf\xe9.py"
    with open(raw, "wb") as handle:
        handle.write(PY.encode())
    os.mkfifo(root / "out" / "pipe.py")
    (root / "out" / "loop").symlink_to(".")
    (root / "out" / "ignored").mkdir()
    (root / "out" / "ignored" / "x.py").symlink_to("../../schema.yaml")
    if in_git:
        _git(root, "init", "-q")
        (root / ".gitignore").write_text("out/ignored/\n", encoding="utf-8")
    else:
        (root / "out" / "ignored" / "x.py").unlink()
    result = run_cli("check", cwd=root)
    assert result.code == 2
    assert sorted(result.err.splitlines()) == [
        "out/caf\\xe9.py:1: file name is not valid UTF-8; rename it",
        "out/loop:1: is a symbolic link (or leads outside the project); "
        "schemacog does not follow it",
        "out/pipe.py:1: is a FIFO (named pipe), not a regular file",
    ]


def test_a_real_virtualenv_is_skipped_and_a_fake_one_is_not(
    run_cli: RunCli, tmp_path: Path
) -> None:
    root = tmp_path / "p"
    _project(root, count=1)
    bad = '# [[[cog sc.python.columns("nope") ]]]\n# [[[end]]]\n'
    for name in ("venv1", "fake"):
        (root / "out" / name / "bin").mkdir(parents=True)
        (root / "out" / name / "lib.py").write_text(bad, encoding="utf-8")
    (root / "out" / "venv1" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    (root / "out" / "venv1" / "bin" / "python").symlink_to("/usr/bin/python3")
    (root / "out" / "fake" / "pyvenv.cfg").write_text("", encoding="utf-8")
    result = run_cli("check", cwd=root)
    assert result.code == 2
    assert "out/fake/lib.py:1:" in result.err
    assert "venv1" not in result.err


@pytest.mark.parametrize("what", ["lock-fifo", "schema-fifo", "marked-fifo", "loop"])
def test_fifos_and_folder_loops_end_in_a_real_process(
    run_process: RunCli, tmp_path: Path, what: str
) -> None:
    """No open that waits on a FIFO's writer, no walk around a loop (run_process stops
    a run after 120 s; each of these takes well under one)."""
    root = tmp_path / "p"
    _project(root, count=2)
    if what == "lock-fifo":
        os.mkfifo(root / ".schemacog.lock")
    elif what == "schema-fifo":
        (root / "schema.yaml").unlink()
        os.mkfifo(root / "schema.yaml")
    elif what == "marked-fifo":
        os.mkfifo(root / "out" / "p.py")
    else:
        (root / "out" / "a").mkdir()
        (root / "out" / "a" / "up").symlink_to("../..")
    result = run_process("regen", cwd=root)
    assert result.code == 2, result.out + result.err
    assert ("FIFO" if "fifo" in what else "symbolic link") in result.err
    assert "Traceback" not in result.err


def test_a_pyproject_matched_by_files_with_a_marker_is_never_rewritten(
    run_cli: RunCli, tmp_path: Path
) -> None:
    root = tmp_path / "p"
    _project(root, count=1)
    pyproject = root / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8").replace('["out/**/*"]', '["**/*"]')
    pyproject.write_text(text + PY, encoding="utf-8")
    result = run_cli("regen", cwd=root)
    assert result.code == 2
    assert (
        "pyproject.toml:1: pyproject.toml is the project's pyproject.toml and holds a cog "
        "marker; schemacog never rewrites it" in result.err
    )
    assert pyproject.read_text(encoding="utf-8") == text + PY


def test_an_audit_log_that_cannot_be_written_is_an_error_after_the_files(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from schemacog import paths

    root = tmp_path / "p"
    targets = _project(root, 'audit_log = "audit.jsonl"\n', count=2)

    real_open_append = paths.open_append

    def open_append(path: Path) -> int:
        if path.name == "audit.jsonl":
            raise paths.PathRefused("cannot write: No space left on device")
        return real_open_append(path)

    monkeypatch.setattr(paths, "open_append", open_append)
    result = run_cli("regen", cwd=root)
    assert result.code == 2
    assert (
        "pyproject.toml:4: audit_log 'audit.jsonl': cannot write: No space left on device; "
        "the files above were written" in result.err
    )
    assert "2 file(s) were written before it stopped: out/f000.py, out/f001.py" in result.err
    assert all(text != PY for text in _contents(targets))
