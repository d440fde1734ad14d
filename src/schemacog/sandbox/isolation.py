"""Child processes for untrusted work, as isolated as the platform allows.

Used to render user templates and, in ``verify``, to import generated code and to run
SQL in SQLite and DuckDB. Every child:

- is ``python -I -B`` with no environment but ``PATH`` (no secret of this process);
- has CPU time, address space and wall time limits, and at most ``max_output`` bytes
  of output are read from it;
- runs in a session and process group of its own, which is killed whole when it ends,
  with no descriptor of this process but its three pipes;
- on Linux, where ``unshare`` can make namespaces, runs in ``sandbox.jail``: new mount,
  PID, network, IPC and UTS namespaces (a user namespace too when schemacog does not
  run as root), every file read-only, home folders, the project, ``/run`` and ``/tmp``
  hidden but for the Python it runs, a new empty ``/tmp`` as its working folder, and as
  ``nobody`` when schemacog runs as root. It sees no other process (so no ancestor's
  ``/proc/<pid>/environ``), has no network, and every process it starts dies with it.

``isolation()`` says which of these holds here; ``verify`` prints it.
"""

from __future__ import annotations

import contextlib
import functools
import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

__all__ = [
    "MAX_OUTPUT",
    "Child",
    "ChildFailed",
    "Isolation",
    "exit_status",
    "isolation",
    "kill",
    "run_limited",
    "start",
]

MAX_OUTPUT: Final = 64 * 1024 * 1024
_PATH: Final = "/usr/bin:/bin"
_SYSTEM_PATH: Final = "/usr/bin:/bin:/usr/sbin:/sbin"
_JAIL: Final = Path(__file__).with_name("jail.py")
# what the jail covers: where secrets, sockets and the project live
_HIDDEN: Final = ("/root", "/home", "/run", "/var/run", "/var/tmp", "/dev/shm", "/mnt", "/media")
_SIGNALLED: Final = 128
_NAMESPACES: Final = ("--mount", "--pid", "--net", "--ipc", "--uts", "--fork", "--kill-child")


class ChildFailed(Exception):
    """The child did not answer: timed out, killed by a limit, or its output too long."""


@dataclass(frozen=True)
class Isolation:
    """How children are isolated here: the command prefix, and what it guarantees."""

    prefix: tuple[str, ...]
    summary: str

    @property
    def jailed(self) -> bool:
        return bool(self.prefix)


def _kept() -> list[str]:
    """What a child must still see: this Python, its standard library and packages."""
    paths = {sys.prefix, sys.base_prefix, sys.exec_prefix, str(Path(sys.executable).parent)}
    paths.add(str(Path(sys.executable).resolve().parent))
    paths.update(p for p in sys.path if p and os.path.isabs(p) and os.path.exists(p))
    paths.add(str(Path(__file__).resolve().parent.parent))  # schemacog itself
    return sorted(paths)


def _work_trees(project: Path) -> list[str]:
    """The git work tree around ``project``, when it is a folder of one (a monorepo's
    checkout holds ``.git/config`` and the rest of the repository)."""
    for folder in (project.resolve(), *project.resolve().parents):
        if folder != Path("/") and (folder / ".git").exists():
            return [str(folder)]
    return []


def _uncovers(path: str, hidden: Sequence[str]) -> bool:
    """Is ``path`` a hidden folder, or above one?"""
    return any(h == path or h.startswith(path.rstrip("/") + "/") for h in hidden)


def _jail_arguments(project: Path | None, readable: Sequence[Path] = ()) -> list[str]:
    hidden = [*_HIDDEN, "/tmp", tempfile.gettempdir(), os.path.expanduser("~"), os.getcwd()]
    if project is not None:
        hidden += [str(project), *_work_trees(project)]
    covered = [os.path.realpath(h) for h in hidden]
    kept = [*_kept(), *map(str, readable)]
    arguments = [str(_JAIL)]
    # a kept path never uncovers a hidden folder: a sys.path entry that is the project,
    # the home folder or above them (PYTHONPATH=.) is left out, not mounted whole
    for path in (k for k in kept if not _uncovers(os.path.realpath(k), covered)):
        arguments += ["--keep", path]
    for path in hidden:
        arguments += ["--hide", path]
    return arguments


@functools.cache
def isolation() -> Isolation:
    """The jail when this machine can make one (tried once, with ``python -c pass``)."""
    unshare = shutil.which("unshare", path=_SYSTEM_PATH)
    if sys.platform != "linux" or unshare is None:
        return Isolation(
            (), "no namespaces on this platform: environment, limits and process group only"
        )
    as_root = os.geteuid() == 0
    user = () if as_root else ("--user", "--map-current-user")
    prefix = (unshare, *user, *_NAMESPACES, "--mount-proc", "--")
    probe = [*prefix, sys.executable, "-I", "-B", *_jail_arguments(None), "--"]
    probe += [sys.executable, "-I", "-B", "-c", "pass"]
    try:
        done = subprocess.run(
            probe, capture_output=True, text=True, timeout=30, check=False, env={"PATH": _PATH}
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Isolation((), f"no namespaces ({exc}): environment, limits and process group only")
    if done.returncode != 0:
        why = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]
        return Isolation((), f"no namespaces ({why}): environment, limits and process group only")
    who = "as a user of its own" if as_root else "as this user"
    return Isolation(
        prefix,
        f"isolated: own mount, PID and network namespaces, files read-only, home folders, "
        f"the project and /run hidden, {who}",
    )


def _command(arguments: Sequence[str], project: Path | None, readable: Sequence[Path]) -> list[str]:
    python = [sys.executable, "-I", "-B", *arguments]  # -B: no bytecode written anywhere
    jail = isolation()
    if not jail.jailed:
        return python
    jailed = _jail_arguments(project, readable)
    return [*jail.prefix, sys.executable, "-I", "-B", *jailed, "--", *python]


def start(
    arguments: Sequence[str],
    *,
    cpu_seconds: int,
    memory_bytes: int,
    project: Path | None,
    readable: Sequence[Path] = (),
    stderr: int = subprocess.PIPE,
) -> subprocess.Popen[bytes]:
    """``python -I -B ARGUMENTS``, isolated (see the module's docstring), with pipes."""

    def limits() -> None:  # pragma: no cover - runs in the child
        import resource

        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    return subprocess.Popen(
        _command(arguments, project, readable),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=stderr,
        env={"PATH": _PATH},
        preexec_fn=limits,  # noqa: PLW1509 - setrlimit only, before the child runs anything
        start_new_session=True,  # its own session and process group, killed whole
        close_fds=True,
        cwd="/",
    )


def exit_status(code: int) -> int:
    """A child's exit code as ``subprocess`` says it (-N for signal N): the jail says a
    signal that ended its program as 128 + N."""
    return _SIGNALLED - code if isolation().jailed and code > _SIGNALLED else code


def kill(proc: subprocess.Popen[bytes]) -> None:
    """The child's whole process group (in the jail, its PID namespace dies with it)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):  # SIGKILL is not refused
        proc.wait(timeout=5)


def _exchange(
    proc: subprocess.Popen[bytes], data: bytes, deadline: float, max_output: int
) -> tuple[bytes, bytes]:
    """Writes ``data``, reads stdout and stderr to their ends, by ``deadline``.

    Unlike ``communicate``, it never waits on a pipe that a process the child left
    behind holds open, and never holds more than ``max_output`` bytes."""
    assert proc.stdin is not None
    assert proc.stdout is not None
    assert proc.stderr is not None
    out = {proc.stdout.fileno(): bytearray(), proc.stderr.fileno(): bytearray()}
    pending = memoryview(data)
    with selectors.DefaultSelector() as selector:
        if pending:
            selector.register(proc.stdin, selectors.EVENT_WRITE)
        else:
            proc.stdin.close()
        for fd in out:
            selector.register(fd, selectors.EVENT_READ)
        while selector.get_map():
            left = deadline - time.monotonic()
            if left <= 0:
                raise ChildFailed("timed out")
            for key, _ in selector.select(min(left, 1.0)):
                if key.fileobj is proc.stdin:
                    try:
                        written = os.write(key.fd, pending[:65536])
                    except BrokenPipeError:
                        written = len(pending)
                    pending = pending[written:]
                    if not pending:
                        selector.unregister(proc.stdin)
                        proc.stdin.close()
                    continue
                chunk = os.read(key.fd, 65536)
                if not chunk:
                    selector.unregister(key.fd)
                    continue
                out[key.fd] += chunk
                if len(out[key.fd]) > max_output:
                    raise ChildFailed(f"wrote more than {max_output // 2**20} MB")
            if proc.poll() is not None and not _ready(selector):
                break  # exited; what is left open belongs to a process it left behind
    return bytes(out[proc.stdout.fileno()]), bytes(out[proc.stderr.fileno()])


def _ready(selector: selectors.BaseSelector) -> bool:
    return bool(selector.select(0))


def run_limited(
    arguments: Sequence[str],
    stdin: str,
    *,
    cpu_seconds: int,
    memory_bytes: int,
    timeout: int,
    project: Path | None = None,
    readable: Sequence[Path] = (),
    max_output: int = MAX_OUTPUT,
) -> subprocess.CompletedProcess[str]:
    """``python -I -B ARGUMENTS`` with ``stdin``, isolated (``project`` hidden but for the
    ``readable`` paths); raises subprocess.TimeoutExpired on the timeout and ChildFailed
    past ``max_output``."""
    proc = start(
        arguments,
        cpu_seconds=cpu_seconds,
        memory_bytes=memory_bytes,
        project=project,
        readable=readable,
    )
    try:
        out, err = _exchange(proc, stdin.encode(), time.monotonic() + timeout, max_output)
    except ChildFailed as exc:
        if str(exc) == "timed out":
            raise subprocess.TimeoutExpired(proc.args, timeout) from None
        raise
    finally:
        code = proc.poll()
        kill(proc)
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
    returncode = exit_status(code if code is not None else proc.returncode)
    text = (out.decode(errors="replace"), err.decode(errors="replace"))
    return subprocess.CompletedProcess(proc.args, returncode, *text)


class Child:
    """A long-lived isolated child that answers one line for each line it is sent."""

    def __init__(
        self,
        arguments: Sequence[str],
        *,
        cpu_seconds: int,
        memory_bytes: int,
        project: Path | None = None,
    ) -> None:
        self._proc = start(
            arguments, cpu_seconds=cpu_seconds, memory_bytes=memory_bytes, project=project
        )
        self._buffer = bytearray()
        self.errors = b""  # the end of what it wrote on stderr

    def ask(self, line: bytes, timeout: float, max_answer: int = MAX_OUTPUT) -> bytes:
        """Sends ``line`` and returns the child's answer line; ChildFailed when it ends,
        takes longer than ``timeout``, or its answer passes ``max_answer``."""
        proc = self._proc
        assert proc.stdin is not None
        assert proc.stdout is not None
        assert proc.stderr is not None
        try:
            proc.stdin.write(line + b"\n")
            proc.stdin.flush()
        except (BrokenPipeError, OSError):
            raise ChildFailed(self._ended()) from None
        deadline = time.monotonic() + timeout
        with selectors.DefaultSelector() as selector:
            selector.register(proc.stdout, selectors.EVENT_READ)
            selector.register(proc.stderr, selectors.EVENT_READ)
            while b"\n" not in self._buffer:
                left = deadline - time.monotonic()
                if left <= 0:
                    self.close()
                    raise ChildFailed(f"no answer in {timeout:g} s")
                for key, _ in selector.select(min(left, 1.0)):
                    chunk = os.read(key.fd, 1 << 20)
                    if key.fileobj is proc.stderr:  # kept short: only its end is said
                        self.errors = (self.errors + chunk)[-4000:]
                        if not chunk:
                            selector.unregister(proc.stderr)
                        continue
                    if not chunk:
                        raise ChildFailed(self._ended())
                    self._buffer += chunk
                if len(self._buffer) > max_answer:
                    self.close()
                    raise ChildFailed(f"answered more than {max_answer // 2**20} MB")
        answer, _, rest = bytes(self._buffer).partition(b"\n")
        self._buffer = bytearray(rest)
        return answer

    def _ended(self) -> str:
        self.close()
        code = None if self._proc.returncode is None else exit_status(self._proc.returncode)
        said = self.errors.decode(errors="replace").strip().splitlines()[-1:]
        if code is not None and code < 0:
            return f"its process was killed ({signal.Signals(-code).name}: a limit was reached)"
        return f"its process ended (exit code {code}{': ' + said[0] if said else ''})"

    def close(self) -> None:
        kill(self._proc)
        for stream in (self._proc.stdin, self._proc.stdout, self._proc.stderr):
            if stream is not None:
                stream.close()
