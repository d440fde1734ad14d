"""One bounded child process renders every ``sc.template`` call of a run.

Starting ``python -I`` with Jinja and loading the schema costs about half a second; a
child per call made 40 distinct template calls take 46 s here. A run (``with run():``)
starts one child at its first template call and sends it each call as one JSON line on a
pipe; the child answers each with one JSON line. The limits are the run's, not each
call's: the child's rlimits (CPU time, address space) hold for all of its work, the
wall-time limit bounds the time the run waits for the child in all, and the child
refuses output past ``MAX_OUTPUT`` characters in all. Once the child has stopped (a
limit, a crash), every later template call of the run is an error at its own marker,
naming why. Outside a run (stock cog), each call has a child of its own.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import os
import selectors
import subprocess
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

from schemacog.sandbox import isolation

__all__ = ["ChildStopped", "RunSlot", "TemplateSession", "current", "run"]


class ChildStopped(Exception):
    """The child cannot answer (any more); the message says why."""


class TemplateSession:
    """A child ``python -I -m schemacog.sandbox.template_child``, started at first use,
    isolated as ``sandbox.isolation`` isolates every child (in the jail where it can)."""

    def __init__(
        self, *, cpu_seconds: int, memory_bytes: int, timeout: int, max_answer: int
    ) -> None:
        self.cpu_seconds = cpu_seconds
        self.memory_bytes = memory_bytes
        self.timeout = timeout
        self.max_answer = max_answer  # bytes of one answer line the parent reads at most
        self.process: subprocess.Popen[bytes] | None = None
        self.waited = 0.0  # seconds spent waiting for the child, all requests together
        self.stopped: str | None = None  # why the child can answer no more
        self.requests = 0
        self.readable: tuple[Path, ...] = ()

    def _start(self, readable: tuple[Path, ...]) -> subprocess.Popen[bytes]:
        self.readable = readable
        return isolation.start(
            ["-m", "schemacog.sandbox.template_child"],
            cpu_seconds=self.cpu_seconds,
            memory_bytes=self.memory_bytes,
            project=None,
            readable=readable,
            stderr=subprocess.DEVNULL,
        )

    def ask(
        self, request: Mapping[str, object], readable: tuple[Path, ...] = ()
    ) -> dict[str, object]:
        """The child's answer to one request, which reads ``readable`` (the child sees
        nothing else of the project: a request that needs more starts a new child);
        ChildStopped when it cannot give one."""
        if self.stopped is not None:
            raise ChildStopped(f"not rendered: the template process of this run {self.stopped}")
        if self.process is not None and not set(readable) <= set(self.readable):
            self.close()
            readable = tuple(dict.fromkeys((*self.readable, *readable)))
        if self.process is None:
            self.process = self._start(readable)
        self.requests += 1
        process = self.process
        assert process.stdin is not None
        assert process.stdout is not None
        try:
            process.stdin.write(json.dumps(request).encode("utf-8") + b"\n")
            process.stdin.flush()
            line = self._read_line(process)
        except (BrokenPipeError, ChildStopped) as exc:
            self.stopped = str(exc) if isinstance(exc, ChildStopped) else self._died(process)
            self.close()
            raise ChildStopped(self.stopped) from None
        answer = json.loads(line)
        if not isinstance(answer, dict):
            raise ChildStopped("the template child answered nonsense")
        return answer

    def _read_line(self, process: subprocess.Popen[bytes]) -> bytes:
        """One answer line; the deadline counts the time the run has waited for its
        templates (all requests together), not the rest of the run."""
        assert process.stdout is not None
        descriptor = process.stdout.fileno()
        chunks: list[bytes] = []
        size = 0
        started = time.monotonic()
        deadline = started + self.timeout - self.waited
        try:
            with selectors.DefaultSelector() as selector:
                selector.register(descriptor, selectors.EVENT_READ)
                while True:
                    left = deadline - time.monotonic()
                    if left <= 0 or not selector.select(left):
                        raise ChildStopped(f"took longer than {self.timeout} s")
                    chunk = os.read(descriptor, 1 << 16)
                    if not chunk:
                        raise ChildStopped(self._died(process))
                    chunks.append(chunk)
                    size += len(chunk)
                    if chunk.endswith(b"\n"):
                        return b"".join(chunks)
                    if size > self.max_answer:
                        raise ChildStopped("produced more output than the limit")
        finally:
            self.waited += time.monotonic() - started

    def _died(self, process: subprocess.Popen[bytes]) -> str:
        try:
            code = process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            code = 1
        if isolation.exit_status(code) < 0:
            return "ran out of CPU time or memory"
        return "failed"

    def close(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        with contextlib.suppress(OSError):
            if process.stdin is not None:
                process.stdin.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=2)
        isolation.kill(process)  # its whole process group (in the jail, its namespace)
        if process.stdout is not None:
            process.stdout.close()


class RunSlot:
    """The session of one run, made at its first template call (with the limits then)."""

    def __init__(self) -> None:
        self.session: TemplateSession | None = None


_CURRENT: contextvars.ContextVar[RunSlot | None] = contextvars.ContextVar(
    "schemacog_template_run", default=None
)


def current() -> RunSlot | None:
    """The slot of the run in progress, if any."""
    return _CURRENT.get()


@contextlib.contextmanager
def run() -> Iterator[RunSlot]:
    """Every template call inside renders through one child, closed at the end."""
    slot = RunSlot()
    token = _CURRENT.set(slot)
    try:
        yield slot
    finally:
        _CURRENT.reset(token)
        if slot.session is not None:
            slot.session.close()
