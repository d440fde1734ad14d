"""The one Jinja environment factory: sandboxed, strict, shipped templates or a user folder.

Every piece of generated text goes through an ``ImmutableSandboxedEnvironment`` with
``StrictUndefined``: templates cannot call unsafe attributes or mutate their context, and
a misspelt variable is an error instead of an empty string.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

from jinja2 import BaseLoader, PackageLoader, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

__all__ = ["make_environment", "render", "shipped"]


def make_environment(
    loader: BaseLoader, filters: Mapping[str, Callable[..., Any]] | None = None
) -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        loader=loader,
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters.update(filters or {})
    return env


@functools.cache
def shipped() -> ImmutableSandboxedEnvironment:
    """The environment of the templates inside the package (``schemacog/render/templates``)."""
    from schemacog.render import pyliterals

    return make_environment(
        PackageLoader("schemacog.render", "templates"), {"pystr": pyliterals.string}
    )


def render(template: str, **context: object) -> str:
    """Render a shipped template by name, e.g. ``python/dataclass.py.j2``."""
    return shipped().get_template(template).render(**context)
