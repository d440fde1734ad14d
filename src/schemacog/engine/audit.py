"""The opt-in audit trail: one JSON line per regen that wrote files (``audit_log``)."""

from __future__ import annotations

import hashlib
import json
import os
import platform
from pathlib import Path

from schemacog import __version__, paths
from schemacog.engine.config import Config, key_line
from schemacog.engine.process import Outcome, shown
from schemacog.errors import Pos, Problem

__all__ = ["append_audit"]


def append_audit(outcome: Outcome) -> list[Problem]:
    """Append a line to each project's ``audit_log`` naming exactly the files this regen
    wrote (``outcome.written``: also when it stopped part way); the problems of a log that
    cannot be written (the config checked it before anything was written)."""
    problems = []
    for project in outcome.projects:
        log = project.config.audit_log
        changed = [r for r in outcome.written if r.source in project.files]
        if log is None or not changed:
            continue
        root = project.config.root.resolve()
        entry = {
            "schema_sha256": hashlib.sha256(_schema_bytes(project.config)).hexdigest(),
            "tool_version": __version__,
            "python_version": platform.python_version(),
            "files": [
                {
                    "path": result.source.path.resolve().relative_to(root).as_posix(),
                    "before_sha256": hashlib.sha256(result.source.data).hexdigest(),
                    "after_sha256": hashlib.sha256(result.new).hexdigest(),
                }
                for result in changed
            ],
        }
        line = (json.dumps(entry, sort_keys=True) + "\n").encode("utf-8")
        try:
            why = paths.refusal(root, log, writes=True)
            if why is not None:
                raise paths.PathRefused(why)
            fd = paths.open_append(root / log)
            try:
                os.write(fd, line)
            finally:
                os.close(fd)
        except (paths.PathRefused, OSError) as exc:
            pyproject = project.config.pyproject
            where = Pos(shown(pyproject, Path.cwd()), key_line(pyproject, "audit_log"))
            message = f"audit_log {log!r}: {exc}; the files above were written"
            problems.append(Problem(where, message))
    return problems


def _schema_bytes(config: Config) -> bytes:
    from schemacog.schema.loader import MAX_FILE_BYTES

    try:
        return paths.read_regular(config.schema_path, MAX_FILE_BYTES + 1, follow=True)
    except paths.PathRefused:
        return b""
