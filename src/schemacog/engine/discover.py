"""Which files a run processes: the config's ``files`` globs, minus what never holds markers.

Globs are relative to the project root and use ``**`` for any number of folders, as
``glob.glob(..., recursive=True)`` reads them. Skipped: hidden folders and files,
virtualenvs, ``node_modules``, ``exclude`` globs, anything outside the root (also through
symlinks) and, inside a git work tree, git-ignored files.
"""

from __future__ import annotations

import glob
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path

from schemacog.engine.config import Config
from schemacog.errors import ConfigError, Pos, Problem

__all__ = ["SKIPPED_FOLDERS", "project_files"]

SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "venv", "env", "site-packages"})


def _expand(root: Path, patterns: Iterable[str]) -> set[Path]:
    found: set[Path] = set()
    for pattern in patterns:
        for name in glob.glob(pattern, root_dir=root, recursive=True):
            found.add(root / name)
    return found


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
