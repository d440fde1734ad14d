"""The engine behind ``regen`` and ``check``: every region of every file, rendered in memory.

cogapp processes each file in-process (its syntax, prefix handling and checksums). In
safe mode every block's code is first checked with ``ast`` (``safe.py``) and bound
against the registry's signatures; the checked calls are rendered here, each distinct
call once, and ``cog_hook`` hands cog the rendered text instead of running any code.
Nothing is written here: the caller decides, after every file rendered without a problem.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cogapp.hashhandler import HashHandler  # type: ignore[import-untyped]

from schemacog.engine import cog_hook, registry
from schemacog.engine.config import Config, find_pyproject, key_line, load_config
from schemacog.engine.discover import Globs, project_files
from schemacog.engine.files import MAX_MARKED_BYTES, FileProblem, SourceFile, read_marked
from schemacog.engine.marker_context import MarkerContext, activated
from schemacog.engine.output_budget import OutputBudget
from schemacog.engine.safe import MarkerCodeError, safe_calls
from schemacog.engine.scan import END_OUTPUT, Block, MarkerCall, MarkerSyntaxError, cog_blocks
from schemacog.errors import LONE_SURROGATE, ConfigError, Pos, Problem, SchemacogError
from schemacog.migrate.history import DEFAULT_FOLDER
from schemacog.model import Schema
from schemacog.sandbox import template_session
from schemacog.schema.validate import load_schema

__all__ = [
    "ALLOW_CODE_VARIABLE",
    "CHECKSUM",
    "HAND_EDIT",
    "NEW_REGION",
    "SCHEMA_DRIFT",
    "FileResult",
    "Outcome",
    "Project",
    "Region",
    "code_allowed",
    "project_roots",
    "render_tree",
    "shown",
]

SCHEMA_DRIFT = "schema drift"
HAND_EDIT = "hand edit"
NEW_REGION = "new region"
CHECKSUM = "checksum"
_HASHES = HashHandler(END_OUTPUT)  # cog's own checksum format and arithmetic


@dataclass(frozen=True)
class Region:
    path: str
    line: int
    call: str
    reason: str


@dataclass
class FileResult:
    source: SourceFile
    new: bytes
    regions: list[Region]


@dataclass
class Project:
    config: Config
    schema: Schema
    files: list[SourceFile] = field(default_factory=list)


@dataclass
class Outcome:
    problems: list[Problem] = field(default_factory=list)
    results: list[FileResult] = field(default_factory=list)  # files whose bytes change
    hand_edits: list[Region] = field(default_factory=list)
    files_checked: int = 0
    projects: list[Project] = field(default_factory=list)
    written: list[FileResult] = field(default_factory=list)  # what regen replaced
    # the migrations folder behind the schema (``schemacog.migrate.history.drift``)
    migration_drift: list[Problem] = field(default_factory=list)


def shown(path: Path, cwd: Path) -> str:
    """``path`` relative to ``cwd`` when below it (absolute paths are taken as they are)."""
    absolute = path if path.is_absolute() else path.resolve()
    try:
        return absolute.relative_to(_resolved(cwd)).as_posix()
    except ValueError:
        return str(path)


@functools.lru_cache(maxsize=64)
def _resolved(path: Path) -> Path:
    return path.resolve()


def _projects(paths: Sequence[Path], cwd: Path) -> dict[Path, list[Path]]:
    """pyproject.toml -> the paths given under it (empty: the whole project)."""
    if not paths:
        pyproject = find_pyproject(cwd)
        if pyproject is None:
            message = "no pyproject.toml with [tool.schemacog] here or above"
            raise ConfigError([Problem(Pos(".", 1), message)])
        return {pyproject: []}
    found: dict[Path, list[Path]] = {}
    for path in paths:
        if not path.exists():
            raise ConfigError([Problem(Pos(str(path), 1), "no such file or folder")])
        pyproject = find_pyproject(path)
        if pyproject is None:
            message = "no pyproject.toml with [tool.schemacog] above this path"
            raise ConfigError([Problem(Pos(str(path), 1), message)])
        found.setdefault(pyproject, []).append(path)
    return found


def project_roots(paths: Sequence[Path], cwd: Path) -> list[Path]:
    """The project roots a run over ``paths`` touches (to lock them before reading)."""
    return sorted({pyproject.parent.resolve() for pyproject in _projects(paths, cwd)})


def _hand_edited(block: Block) -> bool:
    """Does a region's recorded checksum disagree with its current output?"""
    current = _HASHES.compute_lines_hash([line + "\n" for line in block.output])
    try:
        _HASHES.validate_hash(block.end_text, current)
    except ValueError:
        return True
    return False


def _strip_sums(text: str) -> str:
    """``text`` with cog's checksums removed from its end markers (they are recomputed)."""
    return "\n".join(
        _HASHES.format_end_line_with_hash(line, "", add_hash=False) if END_OUTPUT in line else line
        for line in text.split("\n")
    )


class _Renderer:
    """Renders checked marker calls for one project, each distinct call once."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.cache: dict[tuple[str | None, str, str], str] = {}

    def out_of_order(self, source: SourceFile, calls: tuple[MarkerCall, ...]) -> list[Problem]:
        """The regions of ``source`` that use a class a later region defines."""
        context = MarkerContext(
            self.project.schema, self.project.config, source.shown, 0, calls, emit=False
        )
        return registry.out_of_order(context, calls)

    def render(
        self,
        source: SourceFile,
        call: MarkerCall,
        calls: tuple[MarkerCall, ...],
        partial: bool = False,
    ) -> str:
        found = registry.bound(call)
        if found is None:  # safe mode has bound every call against its signature
            raise AssertionError(f"unbound marker call {call.source}")
        spec, arguments = found
        key = (
            source.shown if spec.file_bound else None,
            spec.dotted,
            repr(sorted(arguments.items())),
        )
        if key in self.cache:
            return self.cache[key]
        context = MarkerContext(
            self.project.schema,
            self.project.config,
            source.shown,
            call.line,
            calls,
            emit=False,
            col=call.col,
            places=registry.argument_places(spec, call),
            partial=partial,
        )
        with activated(context):
            text = registry.render(spec, context, arguments)
        self.cache[key] = text
        return text


def _region_reasons(
    source: SourceFile, old: list[Block], new_text: str, edited: set[int]
) -> list[Region]:
    new = cog_blocks(new_text)
    regions = []
    for before, after in zip(old, new, strict=False):
        call = before.code.strip().replace("\n", "; ")
        if before.output != after.output:
            if before.line in edited:
                reason = HAND_EDIT
            elif not any(line.strip() for line in before.output):
                reason = NEW_REGION
            else:
                reason = SCHEMA_DRIFT
        elif before.end_text != after.end_text:
            reason = CHECKSUM
        else:
            continue
        regions.append(Region(source.shown, before.line, call, reason))
    return regions


def _process_file(
    project: Project,
    renderer: _Renderer,
    source: SourceFile,
    outcome: Outcome,
    budget: OutputBudget,
) -> None:
    config = project.config
    try:
        blocks = cog_blocks(source.text, strict=True)
    except MarkerSyntaxError as exc:
        outcome.problems.append(Problem(Pos(source.shown, exc.line), str(exc)))
        return
    edited: set[int] = set()
    if config.checksum:
        for block in blocks:
            if _hand_edited(block):
                edited.add(block.line)
                call = block.code.strip().replace("\n", "; ")
                outcome.hand_edits.append(Region(source.shown, block.line, call, HAND_EDIT))
    outputs: dict[int, str] | None = None
    if not config.allow_code:
        # every block's own problem, all of them in one run: safe mode, then rendering
        before = len(outcome.problems)
        per_block = []
        for block in blocks:
            try:
                per_block.append((block, safe_calls(block)))
            except MarkerCodeError as exc:
                outcome.problems.append(Problem(Pos(source.shown, exc.line, exc.col), str(exc)))
        # the blocks safe mode accepted still render: their own errors are said too
        calls = tuple(call for _, found in per_block for call in found)
        partial = len(outcome.problems) > before
        outcome.problems.extend(renderer.out_of_order(source, calls))
        outputs = {}
        size = len(source.text)  # a bound on the new file's size, kept while rendering
        if not budget.spend(len(source.data)):
            outcome.problems.append(budget.problem(source.shown, 1))
            return
        for block, found in per_block:
            try:
                outputs[block.line] = "".join(
                    renderer.render(source, call, calls, partial) for call in found
                )
            except SchemacogError as exc:
                outcome.problems.extend(exc.problems)
                continue
            text = outputs[block.line]
            grown = len(text) + (text.count("\n") if source.newline != "\n" else 0)
            size += grown
            if size > MAX_MARKED_BYTES:
                outcome.problems.append(_too_large(source, block.line))
                return
            if not budget.spend(grown):  # the run's whole output, against its input
                outcome.problems.append(budget.problem(source.shown, block.line))
                return
        if len(outcome.problems) > before:
            return
    try:
        new_text = cog_hook.process(
            _strip_sums(source.text), str(source.path), checksum=config.checksum, outputs=outputs
        )
    except cog_hook.CogError as exc:
        outcome.problems.append(_cog_problem(source, str(exc)))
        return
    except SyntaxError as exc:  # allow_code: cog compiles the block (a keyword twice)
        named = re.search(r":(\d+)>$", exc.filename or "")
        where = Pos(source.shown, int(named[1]) if named else 1)
        outcome.problems.append(Problem(where, f"marker code: syntax error: {exc.msg}"))
        return
    except (RecursionError, MemoryError):
        message = "marker code: too deeply nested to compile"
        outcome.problems.append(Problem(Pos(source.shown, 1), message))
        return
    new = source.encode(new_text)
    if len(new) > MAX_MARKED_BYTES:  # the next run would refuse to read it
        outcome.problems.append(_too_large(source, 1))
        return
    if outputs is None and not budget.spend(len(new)):  # marker code ran: counted after it
        outcome.problems.append(budget.problem(source.shown, 1))
        return
    if new != source.data:
        regions = _region_reasons(source, blocks, new_text, edited)
        outcome.results.append(FileResult(source, new, regions))


def _cog_problem(source: SourceFile, message: str) -> Problem:
    """cog's error (allow_code runs): at the line it names in this file, else at line 1."""
    message = message.replace(str(source.path), source.shown)
    prefix = re.match(rf"{re.escape(source.shown)}:(\d+)(?::(\d+))?: ", message)
    if prefix is not None:
        where = Pos(source.shown, int(prefix[1]), int(prefix[2] or 0))
        return Problem(where, message[prefix.end() :])
    return Problem(Pos(source.shown, 1), f"cog: {message}")


def _globbed(config: Config, name: str) -> bool:
    """Would ``files`` (minus ``exclude``) take the file ``name`` once it exists?"""
    parts = tuple(Path(name).parts)
    return Globs(config.files).match(parts) and not Globs(config.exclude).match(parts)


def _own_files(config: Config) -> dict[Path, str]:
    """The files the config names (resolved) -> the key naming them: never marked files."""
    root = config.root.resolve()
    named = {(root / "pyproject.toml").resolve(): "pyproject.toml"}
    for key in ("schema", "audit_log"):
        value = getattr(config, key)
        if value is not None:
            named[(root / value).resolve()] = key
    return named


def _too_large(source: SourceFile, line: int) -> Problem:
    limit = MAX_MARKED_BYTES // 2**20
    message = f"the rendered file would be larger than the {limit} MB limit of a marked file"
    return Problem(Pos(source.shown, line), message)


def _check_cogapp(where: str) -> None:
    try:
        cog_hook.check()
    except cog_hook.UnsupportedCogapp as exc:
        raise ConfigError([Problem(Pos(where, 1), f"safe mode: {exc}")]) from None


ALLOW_CODE_VARIABLE = "SCHEMACOG_ALLOW_CODE"


def code_allowed(flag: bool) -> bool:
    """May marker code run: ``--allow-code`` given, or ``SCHEMACOG_ALLOW_CODE=1`` set (never
    the project's config alone: it may come from a pull request)."""
    return flag or os.environ.get(ALLOW_CODE_VARIABLE) == "1"


def render_tree(paths: Sequence[Path], cwd: Path, *, allow_code: bool = False) -> Outcome:
    """Render every region of every file under ``paths`` (default: the project of ``cwd``);
    a project's ``allow_code = true`` takes effect only with ``code_allowed(allow_code)``.
    Every ``sc.template`` call of the run renders in one bounded child process."""
    with template_session.run():
        return _render_tree(paths, cwd, allow_code=allow_code)


def _render_tree(paths: Sequence[Path], cwd: Path, *, allow_code: bool) -> Outcome:
    outcome = Outcome()
    for pyproject, given in _projects(paths, cwd).items():
        config = load_config(pyproject, shown(pyproject, cwd))
        if config.allow_code and not code_allowed(allow_code):
            message = (
                "allow_code = true asks to run this project's marker code; it runs only with "
                f"--allow-code or {ALLOW_CODE_VARIABLE}=1 (the config may come from a pull "
                "request)"
            )
            where = Pos(shown(pyproject, cwd), key_line(pyproject, "allow_code"))
            raise ConfigError([Problem(where, message)])
        if not config.allow_code:
            _check_cogapp(shown(pyproject, cwd))
        schema_path = config.schema_path.resolve()
        if not schema_path.is_relative_to(config.root.resolve()):
            message = f"schema {config.schema!r} is outside the project"
            raise ConfigError([Problem(Pos(shown(pyproject, cwd), 1), message)])
        schema = load_schema(config.schema_path, shown(config.schema_path, cwd))
        project = Project(config, schema)
        outcome.projects.append(project)
        if config.migrations is not None:
            from schemacog.migrate.history import drift

            folder = config.root / config.migrations
            dialects = config.migration_dialects or (config.dialect,)
            outcome.migration_drift += drift(
                config.root,
                folder,
                shown(folder, cwd),
                schema=schema,
                schema_shown=shown(config.schema_path, cwd),
                dialects=dialects,
            )
        files = project_files(config, given)
        chosen = {p.resolve() for p in files}
        if config.audit_log is not None and (
            (config.root / config.audit_log).resolve() in chosen
            or _globbed(config, config.audit_log)  # the first run would create it there
        ):
            message = (
                f"audit_log {config.audit_log[:200]!r} is one of the files of [tool.schemacog] "
                "(regen would append to a file it rewrites)"
            )
            where = Pos(shown(pyproject, cwd), key_line(pyproject, "audit_log"))
            outcome.problems.append(Problem(where, message))
        for path in given:
            if path.is_file() and path.resolve() not in chosen:
                message = "not one of the files of [tool.schemacog] (see 'files' and 'exclude')"
                outcome.problems.append(Problem(Pos(shown(path, cwd), 1), message))
        renderer = _Renderer(project)
        protected = _own_files(config)
        history = (config.root / (config.migrations or DEFAULT_FOLDER)).resolve()
        for path in files:
            try:
                source = read_marked(path, shown(path, cwd))
            except FileProblem as exc:
                outcome.problems.append(exc.problem)
                continue
            if source is None:
                continue
            key = protected.get(path.resolve())
            if key is None and path.resolve().is_relative_to(history):
                key = "migrations"  # history: a migration is never rewritten
            if key is not None:  # it would rewrite itself (or the config, the log)
                what = (
                    "in the project's migrations folder"
                    if key == "migrations"
                    else f"the project's {key}"
                )
                message = (
                    f"{source.shown} is {what} and holds a cog marker; "
                    "schemacog never rewrites it (add it to 'exclude')"
                )
                where = Pos(
                    shown(pyproject, cwd),
                    key_line(pyproject, key) if key != "pyproject.toml" else 1,
                )
                outcome.problems.append(Problem(where, message))
                continue
            outcome.files_checked += 1
            if LONE_SURROGATE.search(str(source.path)):  # cog and the audit log need UTF-8
                message = "file name is not valid UTF-8; rename it"
                outcome.problems.append(Problem(Pos(source.shown, 1), message))
                continue
            project.files.append(source)
        # every marked file is read before any renders: the output's bound is a multiple
        # of the whole input, the marked files and the schema
        budget = OutputBudget.of(
            sum(len(source.data) for source in project.files) + _size(config.schema_path)
        )
        for source in project.files:
            _process_file(project, renderer, source, outcome, budget)
            if budget.exceeded:
                break  # said once, at the region that crossed it; nothing more renders
    return outcome


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
