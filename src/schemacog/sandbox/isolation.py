"""Child processes for untrusted work: ``python -I``, an empty environment, rlimits, a timeout.

Used to render user templates and, in ``verify``, to import generated code: what runs
there cannot read the parent's environment, and cannot take more CPU time, memory or
wall time than the limits given.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence

__all__ = ["run_limited"]


def run_limited(
    arguments: Sequence[str], stdin: str, *, cpu_seconds: int, memory_bytes: int, timeout: int
) -> subprocess.CompletedProcess[str]:
    """``python -I ARGUMENTS`` with ``stdin``; raises subprocess.TimeoutExpired."""

    def limits() -> None:  # pragma: no cover - runs in the child
        import resource

        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))

    return subprocess.run(
        [sys.executable, "-I", "-B", *arguments],  # -B: no bytecode written anywhere
        input=stdin,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        preexec_fn=limits,  # the limits must be set in the child, before it runs anything
        timeout=timeout,
        check=False,
        cwd="/",
    )
