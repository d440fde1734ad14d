"""Where a migration starts: a schema file, ``git:REV`` (the configured schema at a git
revision), or ``empty`` (nothing: the plan is the initial DDL)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from schemacog.errors import Pos, Problem, SchemacogError, printable
from schemacog.model import Schema
from schemacog.schema.loader import MAX_FILE_BYTES, Node, load_file, load_text
from schemacog.schema.validate import load_schema, load_schema_text

__all__ = ["EMPTY", "empty_schema", "load_source", "schema_file", "source_root"]

EMPTY = "empty"
_GIT_SECONDS = 60


def load_source(spec: str, schema_path: Path, root: Path, shown_schema: str) -> Schema:
    """The schema ``spec`` names; ``schema_path`` is the configured schema, ``root`` the
    project (git runs there)."""
    if spec == EMPTY:
        return empty_schema()
    if spec.startswith("git:"):
        return _from_git(spec[len("git:") :], schema_path, root, shown_schema)
    return load_schema(schema_file(spec, "--from"), spec)


def empty_schema() -> Schema:
    """A schema with nothing in it: where a new database's migration starts."""
    return Schema(name=EMPTY, description=None, enums=(), tables=(), path=EMPTY)


def schema_file(given: str, where: str) -> Path:
    """A schema named on the command line, refused where a pull request could have put a symbolic
    link or a hidden file to be read (and its text echoed in an error)."""
    path = Path(given)
    hidden = [part for part in path.parts if part.startswith(".") and part not in (".", "..")]
    linked = next(
        (p for p in (path, *path.parents) if str(p) not in ("", ".") and p.is_symlink()), None
    )
    if hidden or linked is not None:
        why = "is hidden" if hidden else f"goes through a symbolic link ({linked})"
        raise SchemacogError([Problem(Pos(where, 1), f"{printable(given)} {why}: not read")])
    return path


def source_root(spec: str, schema_path: Path, root: Path, shown_schema: str) -> Node | None:
    """The loaded nodes of what ``spec`` names (None for ``empty``): what a first
    migration keeps as its starting point."""
    if spec == EMPTY:
        return None
    if spec.startswith("git:"):
        text, shown = _git_text(spec[len("git:") :], schema_path, root, shown_schema)
        return load_text(text, shown).root
    return load_file(schema_file(spec, "--from"), spec).root


def _from_git(revision: str, schema_path: Path, root: Path, shown_schema: str) -> Schema:
    text, shown = _git_text(revision, schema_path, root, shown_schema)
    return load_schema_text(text, shown)


def _git_text(revision: str, schema_path: Path, root: Path, shown_schema: str) -> tuple[str, str]:
    """The configured schema's text at a revision, and how to show where it is from."""
    where = Pos("--from", 1)
    if not revision or revision.startswith("-"):
        raise SchemacogError([Problem(where, f"git:{revision}: name a revision, as git:HEAD~1")])
    try:
        inside = schema_path.resolve().relative_to(_toplevel(root, where))
    except ValueError:
        message = f"{shown_schema} is not inside the git repository at {root}"
        raise SchemacogError([Problem(where, message)]) from None
    blob = f"{revision}:{inside.as_posix()}"
    try:  # the size first: a blob is read only when a schema file of its size would be
        size = subprocess.run(
            ["git", "cat-file", "-s", blob],
            cwd=root,
            capture_output=True,
            timeout=_GIT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SchemacogError([Problem(where, f"git cat-file failed: {exc}")]) from None
    if size.returncode == 0 and int(size.stdout.strip() or 0) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        message = f"git:{blob} is larger than the {limit} MB limit of a schema file"
        raise SchemacogError([Problem(where, message)])
    try:
        shown = subprocess.run(
            ["git", "show", blob],
            cwd=root,
            capture_output=True,
            timeout=_GIT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SchemacogError([Problem(where, f"git show failed: {exc}")]) from None
    if shown.returncode != 0:
        error = shown.stderr.decode("utf-8", "replace").strip().splitlines()
        message = f"git:{revision}: {error[-1] if error else 'git show failed'}"
        raise SchemacogError([Problem(where, message)])
    try:
        text = shown.stdout.decode("utf-8")
    except UnicodeDecodeError:
        message = f"git:{revision}:{inside.as_posix()} is not UTF-8"
        raise SchemacogError([Problem(where, message)]) from None
    return text, f"git:{revision}:{inside.as_posix()}"


def _toplevel(root: Path, where: Pos) -> Path:
    try:
        found = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=root,
            capture_output=True,
            timeout=_GIT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SchemacogError([Problem(where, f"git is not available: {exc}")]) from None
    if found.returncode != 0:
        raise SchemacogError([Problem(where, f"{root} is not in a git repository")])
    return Path(found.stdout.decode().strip()).resolve()
