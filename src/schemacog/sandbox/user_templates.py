"""User templates (``sc.template``): a confined folder, a sandboxed strict environment.

Every template load, the first one and each ``include``/``extends``/``import``, is
resolved (symlinks too) and refused unless it stays inside the templates folder.
Templates render in Jinja's ``ImmutableSandboxedEnvironment`` with ``StrictUndefined``
and see ``schema`` (the validated model) and the literal arguments of the call.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import jinja2
from jinja2 import BaseLoader, Environment
from jinja2.exceptions import SecurityError

from schemacog import paths
from schemacog.model import Schema
from schemacog.render.templating import make_environment

__all__ = [
    "CPU_SECONDS",
    "MAX_TEMPLATE_BYTES",
    "MEMORY_BYTES",
    "TIMEOUT_SECONDS",
    "TemplateError",
    "render",
    "render_bounded",
]

MAX_TEMPLATE_BYTES = 1024 * 1024


class TemplateError(Exception):
    """A user template that cannot be loaded or rendered; the message names it."""


class _ConfinedLoader(BaseLoader):
    """Loads templates only from inside ``folder`` (after resolving symlinks)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        path = _confined(self.folder, template)
        try:  # resolved already: no link left to follow; a FIFO is refused, not waited on
            data = paths.read_regular(path, MAX_TEMPLATE_BYTES + 1)
        except paths.PathRefused as exc:
            raise TemplateError(f"template {template!r} {exc}") from None
        if len(data) > MAX_TEMPLATE_BYTES:
            raise TemplateError(f"template {template!r} is larger than 1 MB")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise TemplateError(f"template {template!r} is not valid UTF-8") from None
        return text, str(path), lambda: True


def _confined(folder: Path, name: str) -> Path:
    """``folder / name`` resolved, or TemplateError unless it is a template file inside
    ``folder``: a template suffix (``TEMPLATE_SUFFIXES``), no hidden part, no ``.git``."""
    if Path(name).is_absolute():
        raise TemplateError(f"template path {name!r} must be relative to the templates folder")
    path = (folder / name).resolve()
    if not path.is_relative_to(folder):
        raise TemplateError(f"template path {name!r} leaves the templates folder")
    parts = (*Path(name).parts, *path.relative_to(folder).parts)
    if any(part.startswith(".") for part in parts if part not in (".", "..")):
        raise TemplateError(f"template path {name!r} is hidden or inside a hidden folder")
    if not name.endswith(paths.TEMPLATE_SUFFIXES) or not path.name.endswith(
        paths.TEMPLATE_SUFFIXES
    ):
        suffixes = ", ".join(paths.TEMPLATE_SUFFIXES)
        raise TemplateError(
            f"template path {name!r} does not end in a template suffix ({suffixes})"
        )
    if not path.exists():
        raise TemplateError(f"template {name!r} not found in the templates folder")
    return path


def render(folder: Path, name: str, schema: Schema, literals: Mapping[str, object]) -> str:
    environment = make_environment(_ConfinedLoader(folder))
    try:
        template = environment.get_template(name)
        return template.render({**literals, "schema": schema})  # a dict: 'self' is a name too
    except TemplateError:
        raise
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"{exc.name or name}:{exc.lineno}: template syntax error: {exc.message}"
        ) from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"template {name!r}: {exc.message}") from None
    except SecurityError as exc:
        raise TemplateError(f"template {name!r} tried something unsafe: {exc}") from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"template {name!r}: {exc}") from None
    except (ValueError, TypeError, ArithmeticError, LookupError) as exc:
        raise TemplateError(f"template {name!r} failed: {type(exc).__name__}: {exc}") from None


CPU_SECONDS = 10
MEMORY_BYTES = 1024**3
TIMEOUT_SECONDS = 30


def render_bounded(
    folder: Path, name: str, schema_path: Path, schema_shown: str, literals: Mapping[str, object]
) -> str:
    """:func:`render` in a child process with CPU, memory, time and output bounds."""
    import json
    import subprocess

    from schemacog.sandbox.isolation import ChildFailed, run_limited

    try:
        request = json.dumps(
            {
                "folder": str(folder),
                "name": name,
                "schema": str(schema_path),
                "schema_shown": schema_shown,
                "literals": dict(literals),
            }
        )
    except (TypeError, ValueError):
        raise TemplateError("sc.template arguments must be literals") from None
    try:
        proc = run_limited(
            ["-m", "schemacog.sandbox.template_child"],
            request,
            cpu_seconds=CPU_SECONDS,
            memory_bytes=MEMORY_BYTES,
            timeout=TIMEOUT_SECONDS,
            readable=[folder, schema_path],  # the child sees nothing else of the project
        )
    except subprocess.TimeoutExpired:
        raise TemplateError(f"template {name!r} took longer than {TIMEOUT_SECONDS} s") from None
    except ChildFailed as exc:  # its output passed the limit
        raise TemplateError(f"template {name!r} {exc}") from None
    if proc.returncode != 0:
        reason = "ran out of CPU time or memory" if proc.returncode < 0 else "failed"
        raise TemplateError(f"template {name!r} {reason} (limits: {CPU_SECONDS} s CPU, 1 GB)")
    answer = json.loads(proc.stdout)
    if "error" in answer:
        raise TemplateError(str(answer["error"]))
    return str(answer["text"])
