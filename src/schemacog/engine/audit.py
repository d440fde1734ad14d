"""The opt-in audit trail: one JSON line per regen that wrote files (``audit_log``)."""

from __future__ import annotations

import hashlib
import json
import platform

from schemacog import __version__
from schemacog.engine.process import Outcome

__all__ = ["append_audit"]


def append_audit(outcome: Outcome) -> None:
    """Append a line to each project's ``audit_log`` naming what this regen changed."""
    for project in outcome.projects:
        log = project.config.audit_log
        changed = [r for r in outcome.results if r.source in project.files]
        if log is None or not changed:
            continue
        path = (project.config.root / log).resolve()
        if not path.is_relative_to(project.config.root.resolve()):
            continue
        entry = {
            "schema_sha256": hashlib.sha256(project.config.schema_path.read_bytes()).hexdigest(),
            "tool_version": __version__,
            "python_version": platform.python_version(),
            "files": [
                {
                    "path": result.source.path.resolve()
                    .relative_to(project.config.root.resolve())
                    .as_posix(),
                    "before_sha256": hashlib.sha256(result.source.data).hexdigest(),
                    "after_sha256": hashlib.sha256(result.new).hexdigest(),
                }
                for result in changed
            ],
        }
        with path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry, sort_keys=True) + "\n")
