"""Shared fixtures: paths, and two ways to run the command line.

``run_cli`` runs ``schemacog.cli.main`` in this process (fast: no interpreter start-up),
the way cogapp's own tests use ``callable_main``. Each run is made independent: its own
working folder, environment overrides, stdout/stderr (UTF-8 byte streams, read back in
text mode like a pipe), an empty stdin, the path-keyed caches cleared first, and the
process-wide state the CLI touches checked afterwards, so a leak fails the test loudly.

``run_process`` runs ``python -m schemacog`` in a subprocess. Use it only for what only
a real process shows: the module entry point and its exit codes, signals, environment
isolation, concurrent runs holding the lock, and one exit-code test per command.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cogapp.cogapp as cogapp_module  # type: ignore[import-untyped]
import pytest
from hypothesis import settings

from schemacog import cli
from schemacog.engine import marker_context

# CI runs the properties with a fixed seed, so that a submission's run is reproducible;
# random exploration happens in local runs and in `nox -s fuzz`.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
FIXTURES = TESTS / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite golden files from the current renderers instead of comparing",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


RunCli = Callable[..., Run]


@pytest.fixture
def run_process() -> RunCli:
    """Run ``python -m schemacog ARGS`` in ``cwd`` in a real process, the way a user would."""

    def run(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> Run:
        proc = subprocess.run(
            [sys.executable, "-m", "schemacog", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            env={**os.environ, **(env or {})},
            timeout=120,
            check=False,
        )
        return Run(proc.returncode, proc.stdout, proc.stderr)

    return run


@pytest.fixture
def run_cli() -> RunCli:
    """Run ``schemacog ARGS`` in ``cwd`` in this process (see the module docstring)."""

    def run(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> Run:
        return run_in_process(list(args), cwd, env or {})

    return run


def run_in_process(args: list[str], cwd: Path, env: dict[str, str]) -> Run:
    """``cli.main(args)`` as a fresh process would run it; fails if it leaves state behind."""
    _forget_path_caches()
    before = _process_state()
    out, err = _stream("strict"), _stream("backslashreplace")  # Python's defaults on a pipe
    with pytest.MonkeyPatch.context() as patch, _cog_modules_restored():
        patch.chdir(cwd)
        for name, value in env.items():
            patch.setenv(name, value)
        patch.setattr(sys, "stdin", io.StringIO(""))
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = _exit_code(args)
        assert Path.cwd() == Path(cwd).resolve(), "the run changed the working folder"
    leaked = {key: value for key, value in _process_state().items() if before[key] != value}
    assert not leaked, f"an in-process run left process-wide state behind: {sorted(leaked)}"
    return Run(code, _text(out), _text(err))


def _exit_code(args: list[str]) -> int:
    """main's return value, or the code ``SystemExit`` gives the interpreter (argparse)."""
    try:
        return cli.main(args)
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        print(exc.code, file=sys.stderr)
        return 1


def _stream(errors: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors=errors, write_through=True)


def _text(stream: io.TextIOWrapper) -> str:
    """What ``subprocess.run(text=True)`` reads: decoded, universal newlines."""
    stream.flush()
    data = stream.buffer.getvalue()  # type: ignore[attr-defined]
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8").read()


def _forget_path_caches() -> None:
    """Empty the caches keyed on paths or file stats: a new process starts without them."""
    marker_context._LOADED.clear()
    for module in [m for name, m in sys.modules.items() if name.startswith("schemacog")]:
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


def _process_state() -> dict[str, Any]:
    """The process-wide state a CLI run touches and must give back as it found it."""
    return {
        "environment": dict(os.environ),
        "sys.path": list(sys.path),
        "stdout": sys.stdout,
        "stderr": sys.stderr,
        "markers context": marker_context._active.get(),
        "cog generator": cogapp_module.CogGenerator,
        "signal handlers": {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)},
        "threads": threading.active_count(),
    }


@contextlib.contextmanager
def _cog_modules_restored() -> Iterator[None]:
    """cogapp leaves ``cog`` and ``cog_<md5>`` in sys.modules after a file; put them back."""

    def cog_modules() -> dict[str, Any]:
        return {k: v for k, v in sys.modules.items() if k == "cog" or k.startswith("cog_")}

    saved = cog_modules()
    try:
        yield
    finally:
        for name in set(cog_modules()) - set(saved):
            del sys.modules[name]
        sys.modules.update(saved)
