"""Faults while writing: full disk, a kill at any moment. Every file keeps its old bytes or
gets its new ones, never anything in between."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, RunCli

from schemacog.engine.files import Change, read_marked, write_all

SQL = '-- [[[cog sc.sql.ddl(dialect="postgres") ]]]\n-- [[[end]]]\n'


def tree(root: Path, count: int) -> list[Path]:
    (root / "out").mkdir(parents=True)
    (root / "schema.yaml").write_bytes((ROOT / "schema" / "shop.yaml").read_bytes())
    (root / "pyproject.toml").write_text(
        '[tool.schemacog]\nschema = "schema.yaml"\nfiles = ["out/**/*"]\n', encoding="utf-8"
    )
    paths = []
    for index in range(count):
        path = root / "out" / f"f{index:03d}.sql"
        path.write_text(f"-- file {index}\n" + SQL, encoding="utf-8")
        paths.append(path)
    return paths


def test_a_full_disk_while_staging_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = tree(tmp_path, 5)
    sources = [read_marked(p, p.name) for p in paths]
    calls = {"n": 0}
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    before = {p: p.read_bytes() for p in paths}
    problems = write_all([Change(s, b"new bytes\n") for s in sources if s is not None]).problems
    assert [str(p) for p in problems] == [
        "f002.sql:1: cannot write: No space left on device; nothing was written"
    ]
    assert {p: p.read_bytes() for p in paths} == before
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [p.name for p in paths]


def test_a_kill_at_any_moment_leaves_old_or_new_bytes(run_cli: RunCli, tmp_path: Path) -> None:
    files = 200
    paths = tree(tmp_path / "reference", files)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "schemacog", "regen"],
        cwd=tmp_path / "reference",
        check=True,
        capture_output=True,
    )
    duration = time.perf_counter() - started
    new = {p.name: p.read_bytes() for p in paths}
    points = [duration * step / 12 for step in range(1, 13)]
    for attempt, delay in enumerate(points):
        root = tmp_path / f"run{attempt}"
        fresh = tree(root, files)
        old = {p.name: p.read_bytes() for p in fresh}
        proc = subprocess.Popen(
            [sys.executable, "-m", "schemacog", "regen"],
            cwd=root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        for path in fresh:
            assert path.read_bytes() in (old[path.name], new[path.name]), (delay, path.name)
        leftovers = [p.name for p in (root / "out").iterdir() if p.name.endswith(".schemacog")]
        # staged files of a killed run are hidden and never read as project files
        assert all(name.startswith(".") for name in leftovers)
        again = run_cli("regen", cwd=root)  # the recovery needs no process of its own
        assert again.code == 0, again.err
        assert {p.name: p.read_bytes() for p in fresh} == new


def test_a_permission_error_while_staging_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = tree(tmp_path, 4)
    sources = [read_marked(p, p.name) for p in paths]
    real_mkstemp = tempfile.mkstemp
    calls = {"n": 0}

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        calls["n"] += 1
        if calls["n"] == 2:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    before = {p: p.read_bytes() for p in paths}
    problems = write_all([Change(s, b"new\n") for s in sources if s is not None]).problems
    assert [str(p) for p in problems] == [
        "f001.sql:1: cannot write: Permission denied; nothing was written"
    ]
    assert {p: p.read_bytes() for p in paths} == before
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [p.name for p in paths]


def _limited() -> None:  # runs in the child
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (768 * 1024**2, 768 * 1024**2))


@pytest.mark.parametrize(
    "body",
    [
        "".join(f"  t{i}: {{columns: {{id: {{type: integer}}}}}}\n" for i in range(200_000)),
        "  t:\n    columns:\n"
        + "".join(f"      c{i}: {{type: integer}}\n" for i in range(300_000)),
        "  t: [" + "1," * 4_000_000 + "1]\n",
    ],
    ids=["200k-tables", "300k-columns", "4M-list"],
)
def test_huge_hostile_schemas_end_fast_in_bounded_memory(tmp_path: Path, body: str) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text("schemacog: 1\nname: x\ntables:\n" + body, encoding="utf-8")
    assert path.stat().st_size < 10 * 1024 * 1024
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "schemacog", "validate", "huge.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        preexec_fn=_limited,  # at most 768 MB of address space
        timeout=60,
        check=False,
    )
    assert time.perf_counter() - started < 15
    assert result.returncode == 2, result.stderr
    assert "more than 10000 entries" in result.stderr
    assert "Traceback" not in result.stderr
