"""Which files a run processes: the config's ``files`` globs, minus what never holds markers.

Globs are relative to the project root, one folder per ``/`` part, with ``**`` for any
number of folders and ``*``, ``?``, ``[...]`` inside one part (as ``glob.glob(...,
recursive=True)`` reads them). The project is walked once, with ``os.scandir``, only into
folders a glob can reach; a folder's symbolic link is never followed (no loop, no folder
seen twice under two names). Not entered: hidden folders, ``SKIPPED_FOLDERS`` and
virtualenvs (a folder whose ``pyvenv.cfg`` has a ``home =`` line and that holds
``bin/python`` or ``Scripts/python.exe``); hidden files are skipped, and so, inside a git
work tree, are git-ignored files. A name the globs match that cannot be processed is an
error at that name, never skipped: a symbolic link (to a file or a folder), a FIFO,
socket or device, a name that is not UTF-8, a folder that cannot be read.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import re
import stat
import subprocess
from collections.abc import Sequence
from pathlib import Path

from schemacog.engine.config import Config, key_line
from schemacog.errors import ConfigError, Pos, Problem

__all__ = ["MAX_GLOBS", "SKIPPED_FOLDERS", "Globs", "is_virtualenv", "project_files"]

# skipped by name: they hold installed packages and caches, never a project's marked files
# (a folder named venv or env is skipped only when it is a virtualenv: is_virtualenv)
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "site-packages"})
_PYVENV_BYTES = 64 * 1024
_LINK = "is a symbolic link (or leads outside the project); schemacog does not follow it"


@functools.lru_cache(maxsize=4096)
def _part(pattern: str) -> re.Pattern[str]:
    return re.compile(fnmatch.translate(pattern))


class Globs:
    """Glob patterns matched against a path's parts (``("out", "m.py")``)."""

    def __init__(self, patterns: Sequence[str]) -> None:
        self.patterns = [
            tuple(part for part in pattern.split("/") if part not in ("", "."))
            for pattern in patterns
            if pattern.split("/")[-1] not in ("", ".")  # "out/", "out/.": folders, no file
        ]

    def match(self, parts: tuple[str, ...]) -> bool:
        """Does a pattern name the file ``parts``?"""
        return any(_match(pattern, parts, 0, 0, False) for pattern in self.patterns)

    def reach(self, parts: tuple[str, ...]) -> bool:
        """Can a pattern name something below the folder ``parts``?"""
        return any(_match(pattern, parts, 0, 0, True) for pattern in self.patterns)


def _match(pattern: tuple[str, ...], parts: tuple[str, ...], p: int, s: int, below: bool) -> bool:
    """Does ``pattern[p:]`` name ``parts[s:]`` (or, ``below``, something under it)? Each
    (p, s) is tried once: ``**/a/**/a/...`` over deep folders stays
    len(pattern) x len(parts), where trying both ways of every ``**`` was exponential."""

    @functools.cache
    def at(p: int, s: int) -> bool:
        if below and s == len(parts):
            return p < len(pattern)
        if p == len(pattern):
            return s == len(parts)
        if pattern[p] == "**":
            if p == len(pattern) - 1:  # at the end: what is below (glob's ``out/**``)
                return s < len(parts)
            return at(p + 1, s) or (s < len(parts) and at(p, s + 1))  # one folder more
        if s == len(parts) or not _part(pattern[p]).match(parts[s]):
            return False
        return at(p + 1, s + 1)

    return at(p, s)


MAX_GLOBS = 1000  # patterns in files and exclude together


def _check_glob_count(config: Config) -> None:
    """At most ``MAX_GLOBS`` patterns: each is compared with every path walked."""
    count = len(config.files) + len(config.exclude)
    if count > MAX_GLOBS:
        key = "files" if len(config.files) > MAX_GLOBS // 2 else "exclude"
        line = key_line(config.pyproject, key)
        message = f"{count} globs in files and exclude; the limit is {MAX_GLOBS}"
        raise ConfigError([Problem(Pos(str(config.pyproject), line), message)])


def is_virtualenv(folder: str) -> bool:
    """A folder is a virtualenv when its ``pyvenv.cfg`` (a regular file) has a ``home =``
    line and it holds an interpreter (``bin/python`` or ``Scripts/python.exe``): an empty
    ``pyvenv.cfg`` beside hand-written code does not hide that code."""
    config = os.path.join(folder, "pyvenv.cfg")
    try:
        if not stat.S_ISREG(os.lstat(config).st_mode):
            return False
        with open(config, "rb") as handle:
            text = handle.read(_PYVENV_BYTES).decode("utf-8", "replace")
    except OSError:
        return False
    if not re.search(r"^\s*home\s*=\s*\S", text, re.MULTILINE):
        return False
    interpreters = (("bin", "python"), ("Scripts", "python.exe"))
    return any(os.path.lexists(os.path.join(folder, *parts)) for parts in interpreters)


def _git_ignored(root: Path) -> set[str] | None:
    """What git ignores under ``root`` (files, and folders as ``name/``; names as
    ``os.scandir`` gives them, undecodable bytes included), or None outside a git work
    tree."""
    try:
        result = subprocess.run(
            [
                "git",
                "-C",
                str(root),
                "ls-files",
                "-z",
                "--others",
                "--ignored",
                "--exclude-standard",
                "--directory",
            ],
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    return {os.fsdecode(name).rstrip("/") for name in result.stdout.split(b"\0") if name}


def _is_ignored(parts: tuple[str, ...], ignored: set[str]) -> bool:
    return any("/".join(parts[:end]) in ignored for end in range(1, len(parts) + 1))


def _shown(parts: tuple[str, ...]) -> str:
    """A relative name for messages, with undecodable bytes escaped (``\\xff``)."""
    return os.fsencode("/".join(parts)).decode("utf-8", "backslashreplace")


def _decodable(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_Refusal = tuple[tuple[str, ...], str]


def _walk(root: Path, files: Globs, exclude: Globs) -> tuple[list[tuple[str, ...]], list[_Refusal]]:
    """Every file the globs name (as parts), and (parts, why) for each one that cannot be
    used."""
    found: list[tuple[str, ...]] = []
    problems: list[_Refusal] = []

    def refuse(parts: tuple[str, ...], message: str) -> None:
        problems.append((parts, message))

    stack: list[tuple[str, ...]] = [()]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(os.path.join(root, *folder)) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            refuse(folder, f"cannot read this folder: {exc.strerror}")
            continue
        for entry in entries:
            parts = (*folder, entry.name)
            if entry.name.startswith("."):
                continue
            try:
                mode = entry.stat(follow_symlinks=False).st_mode
            except OSError as exc:
                if files.match(parts) and not exclude.match(parts):
                    refuse(parts, f"cannot read: {exc.strerror}")
                continue
            if stat.S_ISDIR(mode):
                if entry.name in SKIPPED_FOLDERS or not files.reach(parts):
                    continue
                if is_virtualenv(entry.path):
                    continue
                if not _decodable(entry.name):
                    refuse(parts, "folder name is not valid UTF-8; rename it")
                    continue
                stack.append(parts)
                continue
            wanted = files.match(parts) and not exclude.match(parts)
            if stat.S_ISLNK(mode):
                target_is_folder = os.path.isdir(entry.path)
                if wanted or (target_is_folder and files.reach(parts)):
                    refuse(parts, _LINK)
                continue
            if not wanted:
                continue
            if not stat.S_ISREG(mode):
                from schemacog.paths import kind_of

                refuse(parts, f"is {kind_of(mode)}, not a regular file")
            elif not _decodable(entry.name) or not all(_decodable(p) for p in folder):
                refuse(parts, "file name is not valid UTF-8; rename it")
            else:
                found.append(parts)
    return found, problems


def project_files(config: Config, paths: Sequence[Path] = ()) -> list[Path]:
    """The files of ``config`` to process, sorted; ``paths`` narrows them down."""
    root = config.root.resolve()
    for key, patterns in (("files", config.files), ("exclude", config.exclude)):
        for pattern in patterns:
            if "\x00" in pattern or Path(pattern).is_absolute() or ".." in Path(pattern).parts:
                line = key_line(config.pyproject, key)
                message = (
                    f"glob {pattern!r} holds a NUL character"
                    if "\x00" in pattern
                    else f"glob {pattern!r} must stay inside the project"
                )
                raise ConfigError([Problem(Pos(str(config.pyproject), line), message)])
    _check_glob_count(config)
    found, refused = _walk(root, Globs(config.files), Globs(config.exclude))
    ignored = _git_ignored(root)
    if ignored:  # the same walk inside git and outside it, minus what git ignores
        found = [parts for parts in found if not _is_ignored(parts, ignored)]
        refused = [(parts, why) for parts, why in refused if not _is_ignored(parts, ignored)]
    if refused:
        raise ConfigError([Problem(Pos(_shown(parts), 1), why) for parts, why in refused])
    chosen = sorted({root.joinpath(*parts) for parts in found})
    if paths:
        wanted = [p.resolve() for p in paths]
        chosen = [p for p in chosen if any(p == w or w in p.parents for w in wanted)]
    return chosen
