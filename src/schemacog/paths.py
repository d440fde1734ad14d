"""Every path schemacog opens, by one rule.

A path the config names (``schema``, ``templates``, ``audit_log``), a marked file, a
template, ``.schemacog.lock``, pyproject.toml and init's targets are all checked here:

- it resolves (symlinks included) inside the project root;
- no part of it, as written or resolved, is ``.git`` (any case): schemacog never reads
  the repository's own files (a checkout's persisted token) nor writes into them;
- what is opened is a regular file (a folder for ``templates``): a FIFO, socket or device
  is refused, never opened blocking; files are opened with ``O_NONBLOCK`` and checked
  with ``fstat`` on the open descriptor, so what is read is what was checked;
- a path schemacog writes has no symbolic link in it at all, and is opened with
  ``O_NOFOLLOW``;
- a path the config names is not hidden (no part, as written or resolved, starts with a
  dot), the templates folder is not the root itself, and each file has its suffix
  (``SCHEMA_SUFFIXES``, ``AUDIT_LOG_SUFFIXES``, ``TEMPLATE_SUFFIXES``).

``refusal`` answers why a path may not be used (or None); ``read_regular`` and
``open_append`` open it. Callers position the refusal at the config key that names the
path, or at the file itself, and check before anything is written.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

__all__ = [
    "AUDIT_LOG_SUFFIXES",
    "SCHEMA_SUFFIXES",
    "TEMPLATE_SUFFIXES",
    "PathRefused",
    "kind_of",
    "open_append",
    "read_file",
    "read_regular",
    "refusal",
    "symlink_in",
]

TEMPLATE_SUFFIXES = (".j2", ".jinja", ".jinja2", ".tmpl")
SCHEMA_SUFFIXES = (".yaml", ".yml")
AUDIT_LOG_SUFFIXES = (".jsonl", ".log")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


class PathRefused(Exception):
    """A path schemacog will not open; the message says why (without the path)."""


def kind_of(mode: int) -> str:
    """What a file system entry is, for messages (``a FIFO (named pipe)``)."""
    if stat.S_ISREG(mode):
        return "a file"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _is_git(part: str) -> bool:
    return part.casefold() == ".git"


def symlink_in(root: Path, path: Path) -> Path | None:
    """The first part of ``path`` (below ``root``) that is a symbolic link, or None."""
    current = root
    for part in path.relative_to(root).parts:
        current = current / part
        try:
            if stat.S_ISLNK(os.lstat(current).st_mode):
                return current
        except OSError:
            return None
    return None


def refusal(
    root: Path,
    name: str,
    *,
    folder: bool = False,
    writes: bool = False,
    hidden: bool = True,
    must_exist: bool = False,
    folder_exists: bool = True,
    suffixes: tuple[str, ...] = (),
) -> str | None:
    """Why ``name`` (relative to ``root``) may not be opened, or None when it may.

    ``folder``: it must be a folder (else a regular file); ``writes``: schemacog writes
    it (no symbolic link anywhere in it, its folder exists); ``hidden=False``: no part
    may start with a dot and it may not be the root itself (the templates folder);
    ``folder_exists=False``: the folders to it may still have to be made (init);
    ``suffixes``: the name as given and as resolved ends in one of them.
    """
    base = root.resolve()
    given = Path(name)
    if given.is_absolute() or ".." in given.parts:
        return "is outside the project"
    path = base / given
    if writes and path != base:
        link = symlink_in(base, path)
        if link is not None:
            where = "is" if link == path else f"goes through {link.relative_to(base)}, which is"
            return f"{where} a symbolic link (schemacog does not write through one)"
    resolved = path.resolve()
    if not resolved.is_relative_to(base):
        return "is outside the project"
    parts = (*given.parts, *resolved.relative_to(base).parts)
    if any(_is_git(part) for part in parts):
        return "is inside .git/ (schemacog never reads or writes the repository's own files)"
    if not hidden:
        if resolved == base:
            return "is the project root itself (name a folder of its own)"
        if any(part.startswith(".") for part in parts):
            return "is hidden or inside a hidden folder"
    why = _kind(path, folder=folder, writes=writes, must_exist=must_exist, made=not folder_exists)
    if (
        why is None
        and suffixes
        and not (given.name.endswith(suffixes) and resolved.name.endswith(suffixes))
    ):
        why = f"does not end in {' or '.join(suffixes)}"
    return why


def _kind(path: Path, *, folder: bool, writes: bool, must_exist: bool, made: bool) -> str | None:
    """Why what is at ``path`` is not what it must be (None if it is, or may be made)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if must_exist:
            return "does not exist"
        if writes and not made and not path.parent.is_dir():
            return "is in a folder that does not exist"
        return None
    except OSError as exc:
        return f"cannot read: {exc.strerror}"
    if folder:
        return None if stat.S_ISDIR(mode) else f"is {kind_of(mode)}, not a folder"
    if not stat.S_ISREG(mode):
        return f"is {kind_of(mode)}, not a regular file"
    return None


def _open(path: Path, flags: int, *, follow: bool, mode: int = 0o644) -> int:
    flags |= _NONBLOCK | _CLOEXEC | (0 if follow else _NOFOLLOW)
    try:
        fd = os.open(path, flags, mode)
    except OSError as exc:
        if not follow and exc.errno == errno.ELOOP:  # ELOOP: the last part is a symbolic link
            raise PathRefused("is a symbolic link; schemacog does not follow it") from None
        if exc.errno == errno.EISDIR:
            raise PathRefused("is a folder, not a regular file") from None
        verb = "read" if flags & (os.O_WRONLY | os.O_RDWR) == 0 else "write"
        raise PathRefused(f"cannot {verb}: {exc.strerror}") from None
    try:
        found = os.fstat(fd).st_mode
    except OSError as exc:
        os.close(fd)
        raise PathRefused(f"cannot read: {exc.strerror}") from None
    if not stat.S_ISREG(found):
        os.close(fd)
        raise PathRefused(f"is {kind_of(found)}, not a regular file")
    if _NONBLOCK:
        os.set_blocking(fd, True)
    return fd


def read_regular(path: Path, limit: int, *, follow: bool = False) -> bytes:
    """At most ``limit`` bytes of the regular file ``path``; PathRefused for anything else
    (a FIFO is never waited on; a final symbolic link is refused unless ``follow``)."""
    return read_file(path, limit, follow=follow)[0]


def read_file(path: Path, limit: int, *, follow: bool = False) -> tuple[bytes, os.stat_result]:
    """:func:`read_regular`, with the ``fstat`` of what was read."""
    fd = _open(path, os.O_RDONLY, follow=follow)
    found = os.fstat(fd)
    chunks = []
    size = 0
    try:
        while size < limit:
            chunk = os.read(fd, min(limit - size, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise PathRefused(f"cannot read: {exc.strerror}") from None
    finally:
        os.close(fd)
    return b"".join(chunks), found


def open_append(path: Path) -> int:
    """A descriptor to append to the regular file ``path`` (created if missing), never
    through a final symbolic link; PathRefused otherwise."""
    return _open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, follow=False)
