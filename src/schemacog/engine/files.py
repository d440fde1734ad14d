"""Marked files in and out: exact bytes, kept encodings and line endings, atomic writes.

A file is read as bytes; only UTF-8 (with or without BOM) with one kind of line ending
is accepted, and it is handed to cog as LF text. Writing restores the BOM and the line
endings, goes through a temporary file in the same folder (fsync, mode bits kept) and
``os.replace``, and never replaces a file whose bytes changed since they were read.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from schemacog import paths
from schemacog.errors import ConfigError, Pos, Problem

__all__ = [
    "BEGIN_BYTES",
    "LOCK_NAME",
    "MAX_MARKED_BYTES",
    "Change",
    "FileProblem",
    "SourceFile",
    "Written",
    "decode_marked",
    "locked",
    "read_marked",
    "write_all",
]

MAX_MARKED_BYTES = 10 * 1024 * 1024
BEGIN_BYTES = b"[[[cog"


class FileProblem(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class SourceFile:
    path: Path
    shown: str
    data: bytes
    text: str  # LF line endings, no BOM
    bom: bool
    newline: str  # "\n" or "\r\n"
    mode: int

    def encode(self, text: str) -> bytes:
        """``text`` (LF) back in this file's BOM and line endings."""
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        return (codecs.BOM_UTF8 if self.bom else b"") + text.encode("utf-8")

    def decode(self, data: bytes) -> str:
        """Bytes this file would hold (``encode``) as text: LF line endings, no BOM."""
        return data.decode("utf-8-sig").replace("\r\n", "\n")


def _position(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
    return line, col


def _fail(shown: str, line: int, col: int, message: str) -> FileProblem:
    return FileProblem(Problem(Pos(shown, line, col), message))


def read_marked(path: Path, shown: str) -> SourceFile | None:
    """The file if it holds cog's begin marker, None if it holds none; FileProblem if unusable."""
    try:  # a regular file, not through a final symbolic link, never a FIFO waited on
        data, stat = paths.read_file(path, MAX_MARKED_BYTES + 1)
    except paths.PathRefused as exc:
        raise _fail(shown, 1, 0, str(exc)) from None
    if len(data) > MAX_MARKED_BYTES:
        if BEGIN_BYTES in data:
            raise _fail(shown, 1, 1, "marked file is larger than the 10 MB limit")
        return None
    if BEGIN_BYTES not in data:
        marker = "[[[cog".encode("utf-16-le")
        if marker in data or "[[[cog".encode("utf-16-be") in data:
            raise _fail(shown, 1, 1, "UTF-16 files are not supported; save it as UTF-8")
        return None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _fail(shown, 1, 1, "UTF-16 files are not supported; save it as UTF-8")
    text, bom, newline = decode_marked(data, shown)
    return SourceFile(path, shown, data, text, bom, newline, stat.st_mode)


def decode_marked(data: bytes, shown: str) -> tuple[str, bool, str]:
    """A marked file's bytes as its text (LF line endings, no BOM), whether it starts with a
    BOM, and its line ending; FileProblem for what no marked file may hold: a NUL byte,
    invalid UTF-8, a carriage return without line feed, mixed line endings.

    ``read_marked`` reads every file through it, and the engine checks every rendered
    region with it (``marker_context.emitted``), so no run writes what the next refuses.
    """
    nul = data.find(b"\0")
    if nul >= 0:
        raise _fail(shown, *_position(data, nul), "NUL byte in a marked file")
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8) :] if bom else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _position(body, exc.start)
        raise _fail(shown, line, col, f"invalid UTF-8 byte 0x{body[exc.start]:02x}") from None
    crlf = text.count("\r\n")
    lone_cr = text.count("\r") - crlf
    if lone_cr:
        at = next(i for i, ch in enumerate(text) if ch == "\r" and text[i + 1 : i + 2] != "\n")
        line = text.count("\n", 0, at) + 1
        raise _fail(
            shown, line, 0, "carriage return without line feed; use LF or CRLF line endings"
        )
    lf = text.count("\n") - crlf
    if crlf and lf:
        lines = text.split("\n")
        minority = "\r\n" if crlf < lf else "\n"
        line = next(
            i + 1
            for i, item in enumerate(lines[:-1])
            if (item.endswith("\r") and minority == "\r\n")
            or (not item.endswith("\r") and minority == "\n")
        )
        raise _fail(shown, line, 0, f"mixed line endings ({crlf} CRLF, {lf} LF); use one kind")
    newline = "\r\n" if crlf else "\n"
    return text.replace("\r\n", "\n"), bom, newline


@dataclass(frozen=True)
class Change:
    source: SourceFile
    new: bytes


@dataclass
class Written:
    """What ``write_all`` did: the problems, and exactly the changes it applied."""

    problems: list[Problem] = field(default_factory=list)
    written: list[Change] = field(default_factory=list)


def _unchanged(source: SourceFile) -> os.stat_result | None:
    """The file's ``fstat`` when it still holds exactly the bytes read, else None."""
    try:
        current, found = paths.read_file(source.path, len(source.data) + 1)
    except paths.PathRefused:
        return None
    return found if current == source.data else None


def _same_file(path: Path, seen: os.stat_result) -> bool:
    try:
        now = os.lstat(path)
    except OSError:
        return False
    return (now.st_ino, now.st_dev, now.st_size, now.st_mtime_ns, now.st_ctime_ns) == (
        seen.st_ino,
        seen.st_dev,
        seen.st_size,
        seen.st_mtime_ns,
        seen.st_ctime_ns,
    )


def write_all(changes: Sequence[Change]) -> Written:
    """Write every change or none; ``written`` is exactly what was replaced.

    Phase one writes each new content to a temporary file beside its target and syncs
    it; phase two reads every target again and compares it with the bytes the run read:
    any failure of either (disk full, permissions, a file someone else edited or
    removed) removes every temporary file and replaces nothing. Phase three replaces the
    targets one after another, each right after a check that its inode, size and
    times are those phase two saw. Only a change that lands in the microseconds between
    that check and its ``os.replace``, or a failing ``os.replace``, can stop phase
    three part way: it stops there, and ``written`` lists the files replaced before.
    """
    read_only = [c.source for c in changes if not c.source.mode & 0o222]
    if read_only:  # checked on the mode bits: root can write anyway, but should not
        problems = [
            Problem(Pos(s.shown, 1, 0), "is read-only; nothing was written") for s in read_only
        ]
        return Written(problems)
    staged: list[tuple[Change, str]] = []
    try:
        for change in changes:
            staged.append((change, _stage(change)))
    except OSError as exc:
        _discard(staged)
        failed = changes[len(staged)].source
        message = f"cannot write: {exc.strerror or exc}; nothing was written"
        return Written([Problem(Pos(failed.shown, 1, 0), message)])
    seen = [_unchanged(change.source) for change, _ in staged]
    if any(found is None for found in seen):
        _discard(staged)
        message = "changed or removed during the run; nothing was written"
        return Written(
            [
                Problem(Pos(change.source.shown, 1, 0), message)
                for (change, _), found in zip(staged, seen, strict=True)
                if found is None
            ]
        )
    result = Written()
    folders = set()
    for index, ((change, temp), found) in enumerate(zip(staged, seen, strict=True)):
        target = change.source.path
        try:
            if found is None or not _same_file(target, found):
                raise OSError(0, "changed or removed during the run")
            os.replace(temp, target)
        except OSError as exc:
            _discard(staged[index:])
            done = len(result.written)
            message = f"{exc.strerror or exc}; not written, and the files after it neither"
            if done:
                message += f" ({done} file(s) before it were written)"
            result.problems.append(Problem(Pos(change.source.shown, 1, 0), message))
            break
        result.written.append(change)
        folders.add(target.parent)
    for folder in folders:
        _sync_folder(folder)
    return result


def _discard(staged: Sequence[tuple[Change, str]]) -> None:
    for _, temp in staged:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def _stage(change: Change) -> str:
    target = change.source.path
    handle, temp = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".schemacog", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(change.new)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, change.source.mode & 0o7777)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return temp


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


LOCK_NAME = ".schemacog.lock"


@contextlib.contextmanager
def locked(root: Path, shown: str = LOCK_NAME) -> Iterator[None]:
    """Hold ``.schemacog.lock`` in the project root (serializes concurrent regen runs);
    ConfigError at ``shown`` when it is a symbolic link, a folder, a FIFO or the like."""
    import fcntl

    why = paths.refusal(root, LOCK_NAME, writes=True)
    try:
        if why is not None:
            raise paths.PathRefused(why)
        fd = paths.open_append(root / LOCK_NAME)
    except paths.PathRefused as exc:  # a link, a folder, a FIFO; a read-only project folder
        message = f"{exc}; regen needs to write its lock of concurrent runs here"
        raise ConfigError([Problem(Pos(shown, 1), message)]) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
