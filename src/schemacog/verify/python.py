"""The Python checks of ``schemacog verify``: compile, unsafe patterns, ruff, import, layers.

Generated code runs only in a child process: ``python -I`` (no user site, no PYTHON*
variables), an empty environment but PATH, CPU-time and address-space limits and a
timeout. Typed example values cross to it as tagged JSON (``sandbox.codec``).
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from schemacog.engine.scan import Block, dotted_name
from schemacog.sandbox.isolation import ChildFailed, run_limited

__all__ = [
    "CPU_SECONDS",
    "MAX_SHOWN_LINES",
    "MEMORY_BYTES",
    "SAFE_YAML_LOADERS",
    "TIMEOUT_SECONDS",
    "UNSAFE_CALLS",
    "UNSAFE_PREFIXES",
    "Finding",
    "RunnerAnswer",
    "compile_errors",
    "hand_written_line",
    "module_names",
    "region_lines",
    "ruff_problems",
    "run_isolated",
    "unsafe_calls",
]

CPU_SECONDS = 60
MEMORY_BYTES = 2 * 1024**3
TIMEOUT_SECONDS = 120

# call name -> why it is flagged in generated code
UNSAFE_CALLS = {
    "eval": "eval() runs arbitrary code",
    "exec": "exec() runs arbitrary code",
    "compile": "compile() builds code objects",
    "__import__": "__import__() imports by name",
    "os.system": "os.system() runs a shell command",
    "os.popen": "os.popen() runs a shell command",
    "pickle.load": "pickle can run code while loading",
    "pickle.loads": "pickle can run code while loading",
    "marshal.load": "marshal loads code objects",
    "marshal.loads": "marshal loads code objects",
    "yaml.unsafe_load": "yaml.unsafe_load can build any object",
    "yaml.full_load": "yaml.full_load can build arbitrary objects",
}
UNSAFE_PREFIXES = {
    "subprocess.": "subprocess runs programs",
    "os.exec": "os.exec* replaces the process",
    "os.spawn": "os.spawn* runs programs",
}
SAFE_YAML_LOADERS = {"SafeLoader", "CSafeLoader", "BaseLoader"}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def region_lines(blocks: Iterable[Block]) -> set[int]:
    """Line numbers (1-based) of every generated line (the output regions)."""
    lines: set[int] = set()
    for block in blocks:
        lines.update(range(block.end_line - len(block.output), block.end_line))
    return lines


def compile_errors(path: str, text: str) -> list[Finding]:
    try:
        compile(text, path, "exec", dont_inherit=True)
    except SyntaxError as exc:
        return [Finding(path, exc.lineno or 1, f"does not compile: {exc.msg}")]
    except ValueError as exc:
        return [Finding(path, 1, f"does not compile: {exc}")]
    except (MemoryError, RecursionError):  # hand-written text nested past the compiler
        return [Finding(path, 1, "does not compile: too large or too deeply nested")]
    return []


def _parsed(text: str) -> ast.Module | None:
    """The module's syntax tree, None where the compiler cannot build one."""
    try:
        return ast.parse(text)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None


def _dotted(node: ast.AST) -> str:
    return ".".join(dotted_name(node) or [])


def unsafe_calls(path: str, text: str, generated: set[int]) -> list[Finding]:
    """Calls in generated lines that run code, shells or unsafe deserializers."""
    tree = _parsed(text)
    if tree is None:
        return []
    findings = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or node.lineno not in generated:
            continue
        name = _dotted(node.func)
        reason = UNSAFE_CALLS.get(name) or next(
            (why for prefix, why in UNSAFE_PREFIXES.items() if name.startswith(prefix)), None
        )
        if name == "yaml.load":
            loaders = [_dotted(k.value).split(".")[-1] for k in node.keywords if k.arg == "Loader"]
            loaders += [_dotted(a).split(".")[-1] for a in node.args[1:2]]
            if not loaders or loaders[0] not in SAFE_YAML_LOADERS:
                reason = "yaml.load without SafeLoader can build arbitrary objects"
        if reason:
            findings.append(Finding(path, node.lineno, f"call of {name}: {reason}"))
    return sorted(findings, key=lambda f: f.line)


def hand_written_line(text: str, blocks: Sequence[Block]) -> int | None:
    """The first line of code outside the generated regions (a docstring aside), None
    when all of it is generated; 1 for a file without code or that does not parse."""
    tree = _parsed(text)
    if tree is None:
        return 1
    generated = region_lines(blocks)
    body = tree.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    if not body:
        return 1
    for node in body:
        # a decorator is part of the statement, above the line that starts it
        decorators = getattr(node, "decorator_list", [])
        first = min([node.lineno, *(d.lineno for d in decorators)])
        for line in range(first, (node.end_lineno or node.lineno) + 1):
            if line not in generated:
                return line
    return None


def ruff_problems(paths: Sequence[Path]) -> tuple[str | None, str | None] | None:
    """(format problems, lint problems) of ``paths`` with ruff's defaults; None without ruff."""
    # ruff of this Python (-I: never a ruff.py of the project, which is the working folder),
    # with no environment but PATH; a ruff found on PATH only when the module is absent
    base = [sys.executable, "-I", "-m", "ruff"]
    try:
        version = _run([*base, "--version"], 60)
        if version.returncode != 0 and (command := shutil.which("ruff")):
            base = [command]
            version = _run([*base, "--version"], 60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if version.returncode != 0:
        return None
    try:
        return _ruff(base, [str(p) for p in paths])
    except subprocess.TimeoutExpired:
        problem = f"ruff did not finish in {TIMEOUT_SECONDS} s"
        return (problem, problem)


def _run(command: list[str], timeout: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
        env={"PATH": "/usr/bin:/bin"},  # no secret of this process reaches it
    )


def _ruff(base: list[str], names: list[str]) -> tuple[str | None, str | None]:
    fmt = _run(
        [*base, "format", "--check", "--isolated", "--no-cache", "--diff", *names], TIMEOUT_SECONDS
    )
    lint = _run(
        [*base, "check", "--isolated", "--no-cache", "--output-format", "concise", *names],
        TIMEOUT_SECONDS,
    )
    return (
        None if fmt.returncode == 0 else _shortened(fmt.stdout + fmt.stderr),
        None if lint.returncode == 0 else _shortened(lint.stdout + lint.stderr),
    )


MAX_SHOWN_LINES = 200


def _shortened(text: str) -> str:
    """At most ``MAX_SHOWN_LINES`` lines of a tool's output, saying how many are left out."""
    lines = text.strip().splitlines()
    if len(lines) <= MAX_SHOWN_LINES:
        return "\n".join(line[:1000] for line in lines)
    kept = [line[:1000] for line in lines[:MAX_SHOWN_LINES]]
    return "\n".join([*kept, f"... {len(lines) - MAX_SHOWN_LINES} more line(s)"])


@dataclass(frozen=True)
class RunnerAnswer:
    imports: list[dict[str, Any]]
    rows: list[dict[str, Any] | None]
    failure: str | None = None


def module_names(modules: Sequence[Path], root: Path) -> dict[str, str]:
    """The names the project's modules are imported by (``app/enums.py``: ``app.enums``,
    ``src/pkg/enums.py``: ``pkg.enums`` too), each to its file."""
    names: dict[str, str] = {}
    for module in modules:
        if not module.is_relative_to(root):
            continue
        parts = list(module.relative_to(root).with_suffix("").parts)
        for start in (0, 1) if parts[:1] == ["src"] else (0,):
            dotted = parts[start:]
            if dotted and all(part.isidentifier() for part in dotted):
                names.setdefault(".".join(dotted), str(module))
    return names


def run_isolated(
    modules: Sequence[tuple[Path, str]],
    rows: Sequence[dict[str, Any]],
    root: Path | None = None,
) -> RunnerAnswer:
    """Import ``modules`` (each a file and the text schemacog rendered for it, which is
    what runs; by their names below ``root``) and try ``rows`` in a limited child."""
    runner = files("schemacog.verify").joinpath("runner.py")
    paths = [path for path, _ in modules]
    names = module_names(paths, root) if root is not None else {}
    request = json.dumps(
        {
            "modules": [str(p) for p in paths],
            "sources": [text for _, text in modules],
            "names": names,
            "rows": list(rows),
        }
    )
    try:
        proc = run_limited(
            [str(runner)],
            request,
            cpu_seconds=CPU_SECONDS,
            memory_bytes=MEMORY_BYTES,
            timeout=TIMEOUT_SECONDS,
            project=root,  # hidden: the modules' text comes on stdin
        )
    except subprocess.TimeoutExpired:
        return RunnerAnswer([], [], f"timed out after {TIMEOUT_SECONDS} s")
    except ChildFailed as exc:  # its answer passed the limit
        return RunnerAnswer([], [], f"the child {exc}")
    if proc.returncode != 0:
        return RunnerAnswer([], [], (proc.stderr or f"exit code {proc.returncode}").strip()[-4000:])
    try:
        answer = json.loads(proc.stdout)
        return RunnerAnswer(answer["imports"], answer["rows"])
    except (ValueError, KeyError, TypeError):
        return RunnerAnswer([], [], "the child's answer could not be read")
