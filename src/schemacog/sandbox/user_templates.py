"""User templates (``sc.template``): a confined folder, a sandboxed strict environment.

Every template load, the first one and each ``include``/``extends``/``import``, is
resolved (symlinks too) and refused unless it stays inside the templates folder.
Templates render in Jinja's ``ImmutableSandboxedEnvironment`` with ``StrictUndefined``
and see ``schema`` (the validated model) and the literal arguments of the call.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path

import jinja2
from jinja2 import BaseLoader, Environment
from jinja2.exceptions import SecurityError

from schemacog import paths
from schemacog.model import Schema
from schemacog.render.templating import make_environment
from schemacog.sandbox import template_session
from schemacog.sandbox.template_session import TemplateSession

__all__ = [
    "CPU_SECONDS",
    "MAX_TEMPLATE_BYTES",
    "MEMORY_BYTES",
    "TIMEOUT_SECONDS",
    "TemplateError",
    "render",
    "render_bounded",
    "session",
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


def session() -> TemplateSession:
    """A new session with the limits of one run: one child for all its template calls."""
    from schemacog.sandbox.template_child import MAX_OUTPUT

    return TemplateSession(
        cpu_seconds=CPU_SECONDS,
        memory_bytes=MEMORY_BYTES,
        timeout=TIMEOUT_SECONDS,
        max_answer=12 * MAX_OUTPUT + 65536,  # JSON escapes: 12 bytes a character at most
    )


def render_bounded(
    folder: Path, name: str, schema_path: Path, schema_shown: str, literals: Mapping[str, object]
) -> str:
    """:func:`render` in the run's bounded child process (one of its own outside a run)."""
    try:
        json.dumps(dict(literals))
    except (TypeError, ValueError):
        raise TemplateError("sc.template arguments must be literals") from None
    request = {
        "folder": str(folder),
        "name": name,
        "schema": str(schema_path),
        "schema_shown": schema_shown,
        "literals": dict(literals),
    }
    slot = template_session.current()
    own = slot is None
    if slot is None:
        bounded = session()
    else:
        if slot.session is None:
            slot.session = session()
        bounded = slot.session
    try:
        # the child sees nothing of the project but the templates folder and the schema
        answer = bounded.ask(request, readable=(folder, schema_path))
    except template_session.ChildStopped as exc:
        limits = f"{bounded.cpu_seconds} s CPU, 1 GB, {bounded.timeout} s"
        raise TemplateError(
            f"template {name!r} {exc} (limits of all templates of a run together: {limits})"
        ) from None
    finally:
        if own:
            bounded.close()
    if "error" in answer:
        raise TemplateError(str(answer["error"]))
    return str(answer["text"])
