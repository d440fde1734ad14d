"""Which files a run processes: the config's ``files`` globs, minus what never holds markers.

Globs are relative to the project root and use ``**`` for any number of folders, as
``glob.glob(..., recursive=True)`` reads them. Skipped: hidden folders and files,
virtualenvs, ``node_modules``, ``exclude`` globs, anything outside the root (also through
symlinks) and, inside a git work tree, git-ignored files.
"""

from __future__ import annotations

import fnmatch
import glob
import itertools
import os
import re
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path

from schemacog.engine.config import Config, key_line
from schemacog.errors import ConfigError, Pos, Problem

__all__ = ["MAX_GLOBS", "SKIPPED_FOLDERS", "project_files"]

SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "venv", "env", "site-packages"})


MAX_GLOBS = 1000  # patterns in files and exclude together


def _expand(root: Path, patterns: Iterable[str]) -> set[Path]:
    """The paths under ``root`` that any of ``patterns`` matches, as ``glob.glob(...,
    recursive=True)`` finds them, in one walk per folder the patterns start from (not one
    per pattern: 20,000 patterns walked the tree 20,000 times)."""
    literal: set[str] = set()
    starts: dict[str, list[str]] = {}
    for pattern in dict.fromkeys(patterns):
        if pattern.split("/")[-1] in ("", "."):
            continue  # names folders only ("out/", "out/."): never a file to process
        parts = [part for part in pattern.split("/") if part not in ("", ".")]
        fixed = list(itertools.takewhile(lambda part: not glob.has_magic(part), parts))
        if len(fixed) == len(parts):
            literal.add("/".join(parts))
        else:
            starts.setdefault("/".join(fixed), []).append("/".join(parts))
    found = {root / name for name in literal if name and os.path.lexists(root / name)}
    if not starts:
        return found
    matcher = re.compile("|".join(_glob_regex(p) for ps in starts.values() for p in ps))
    for start in _outermost(starts):
        walk = f"{glob.escape(start)}/**" if start else "**"
        for walked in glob.iglob(walk, root_dir=root, recursive=True):
            name = walked.rstrip("/")
            if matcher.fullmatch(name):
                found.add(root / name)
    return found


def _check_glob_count(config: Config) -> None:
    """At most ``MAX_GLOBS`` patterns: each costs a comparison with every path walked."""
    count = len(config.files) + len(config.exclude)
    if count > MAX_GLOBS:
        key = "files" if len(config.files) > MAX_GLOBS // 2 else "exclude"
        line = key_line(config.pyproject, key)
        message = f"{count} globs in files and exclude; the limit is {MAX_GLOBS}"
        raise ConfigError([Problem(Pos(str(config.pyproject), line), message)])


def _outermost(folders: Iterable[str]) -> list[str]:
    """``folders`` without those inside another of them (its walk covers them)."""
    kept: list[str] = []
    for folder in sorted(folders, key=lambda f: (f.count("/"), f)):
        if not any(k in ("", folder) or folder.startswith(k + "/") for k in kept):
            kept.append(folder)
    return kept


def _glob_regex(pattern: str) -> str:
    """A regular expression matching what ``pattern`` matches, by glob's rules: ``**`` as a
    whole part is any number of folders, ``*`` and ``?`` stay within a part. Every ``*``
    and ``**`` but the last matches lazily inside an atomic group, as fnmatch does: no
    pattern backtracks more than linearly (``*a*a*a*b``)."""
    chunks = re.split(r"(?:^|/)\*\*(?:/\*\*)*(?:/|$)", pattern)
    pieces = [_parts_regex(chunk) for chunk in chunks]
    if len(pieces) == 1:
        return f"(?:{pieces[0]})"
    out = pieces[0] + ("/" if chunks[0] else "")
    for piece, chunk in zip(pieces[1:-1], chunks[1:-1], strict=True):
        out += f"(?>(?:[^/]+/)*?{piece}/)" if chunk else ""
    last = chunks[-1]
    out += f"(?:[^/]+/)*{pieces[-1]}" if last else ".*"
    return f"(?:{out})"


def _parts_regex(chunk: str) -> str:
    return "/".join(_part_regex(part) for part in chunk.split("/")) if chunk else ""


def _part_regex(part: str) -> str:
    """One part of a path (no ``/``): ``*``, ``?`` and ``[...]`` as fnmatch reads them."""
    pieces = part.split("*")
    if len(pieces) == 1:
        return _plain_regex(part)
    middle = "".join(f"(?>[^/]*?{_plain_regex(p)})" for p in pieces[1:-1])
    return f"{_plain_regex(pieces[0])}{middle}[^/]*{_plain_regex(pieces[-1])}"


def _plain_regex(text: str) -> str:
    """``text`` without ``*``: ``?`` any character but ``/``, ``[...]`` a class."""
    out = []
    i = 0
    while i < len(text):
        char = text[i]
        i += 1
        if char == "?":
            out.append("[^/]")
        elif char == "[":
            j = i
            if j < len(text) and text[j] == "!":
                j += 1
            if j < len(text) and text[j] == "]":
                j += 1
            j = text.find("]", j)
            if j < 0:
                out.append("\\[")
                continue
            # fnmatch's own class (ranges, empty ranges, escapes), never a '/'
            translated = fnmatch.translate(text[i - 1 : j + 1])
            i = j + 1
            out.append("(?!/)" + translated.removeprefix("(?s:").removesuffix(")\\Z"))
        else:
            out.append(re.escape(char))
    return "".join(out)


def _skipped(root: Path, path: Path) -> bool:
    parts = path.relative_to(root).parts
    if any(part.startswith(".") for part in parts):
        return True
    return any(part in SKIPPED_FOLDERS for part in parts[:-1])


def _in_venv(root: Path, path: Path) -> bool:
    folder = path.parent
    while folder != root and root in folder.parents:
        if (folder / "pyvenv.cfg").exists():
            return True
        folder = folder.parent
    return False


def _git_visible(root: Path) -> set[Path] | None:
    """Files git does not ignore under ``root``, or None outside a git work tree."""
    try:
        result = subprocess.run(
            [
                "git",
                "-C",
                str(root),
                "ls-files",
                "-z",
                "--cached",
                "--others",
                "--exclude-standard",
            ],
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    return {root / name for name in result.stdout.decode("utf-8", "replace").split("\0") if name}


def _has_link_folder(root: Path, path: Path) -> bool:
    """Does a folder between ``root`` and ``path`` happen to be a symbolic link?"""
    folder = path.parent
    while folder not in (root, folder.parent):
        if folder.is_symlink():
            return True
        folder = folder.parent
    return False


def project_files(config: Config, paths: Sequence[Path] = ()) -> list[Path]:
    """The files of ``config`` to process, sorted; ``paths`` narrows them down."""
    root = config.root.resolve()
    for pattern in (*config.files, *config.exclude):
        if Path(pattern).is_absolute() or ".." in Path(pattern).parts:
            raise ConfigError(
                [
                    Problem(
                        Pos(str(config.pyproject), 1),
                        f"glob {pattern!r} must stay inside the project",
                    )
                ]
            )
    _check_glob_count(config)
    candidates = _expand(root, config.files) - _expand(root, config.exclude)
    visible = _git_visible(root)
    chosen = []
    links = []
    for path in candidates:
        if not path.is_file() or _skipped(root, path) or _in_venv(root, path):
            continue
        if visible is not None and path not in visible:
            continue
        if path.is_symlink() or (
            _has_link_folder(root, path) and not path.resolve().is_relative_to(root)
        ):
            links.append(path)
            continue
        chosen.append(path)
    if links:
        message = "is a symbolic link (or leads outside the project); schemacog does not follow it"
        raise ConfigError([Problem(Pos(str(p.relative_to(root)), 1), message) for p in links])
    if paths:
        wanted = [p.resolve() for p in paths]
        chosen = [p for p in chosen if any(p == w or w in p.parents for w in wanted)]
    return sorted(chosen)
