"""The marker API, imported as ``sc`` inside cog markers: ``sc.python.dataclass("customer")``.

Every call renders text from the schema and, when run by stock cog, writes it with
``cog.out``; under the schemacog engine the engine takes the returned text itself. The
calls and their signatures come from the one registry (``schemacog.engine.registry``); a call
that does not fit its signature is a positioned error, under stock cog as under the
engine. The schema and configuration are found by one rule: the nearest pyproject.toml
above the processed file that has a ``[tool.schemacog]`` table.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

from schemacog.engine.marker_context import MarkerContext, MarkerError, activated, current, fail
from schemacog.engine.registry import MARKERS, BindError, MarkerSpec, Role, bind, render

__all__ = [
    "MarkerContext",
    "MarkerError",
    "MarkerFunction",
    "Namespace",
    "activated",
    "docs",
    "python",
    "sql",
    "template",
]

MarkerFunction = Callable[..., str]

_KINDS = {
    Role.LITERALS: inspect.Parameter.VAR_KEYWORD,
}


def _signature(spec: MarkerSpec) -> inspect.Signature:
    parameters = [
        inspect.Parameter(
            param.name,
            _KINDS.get(param.role, inspect.Parameter.POSITIONAL_OR_KEYWORD),
            default=(
                inspect.Parameter.empty if param.required or param.role is Role.LITERALS else None
            ),
        )
        for param in spec.params
    ]
    return inspect.Signature(parameters, return_annotation=str)


def _function(spec: MarkerSpec) -> MarkerFunction:
    def call(*args: object, **kwargs: object) -> str:
        context = current()
        try:
            arguments = bind(spec, args, kwargs)
        except BindError as exc:
            raise fail(context, str(exc)) from None
        return render(spec, context, arguments)

    call.__name__ = spec.name
    call.__qualname__ = spec.dotted
    call.__doc__ = f"{spec.signature}: {spec.summary}"
    call.__signature__ = _signature(spec)  # type: ignore[attr-defined]
    return call


class Namespace:
    """``sc.python``, ``sc.sql`` or ``sc.docs``: the registry's calls of one namespace."""

    def __init__(self, name: str) -> None:
        self._name = name
        self.__dict__.update(
            {spec.name: _function(spec) for spec in MARKERS if spec.namespace == name}
        )

    def __getattr__(self, name: str) -> MarkerFunction:
        if name.startswith("_"):
            raise AttributeError(name)
        raise AttributeError(f"sc.{self._name} has no marker call {name!r}")


python = Namespace("python")
sql = Namespace("sql")
docs = Namespace("docs")
template = _function(next(spec for spec in MARKERS if spec.dotted == "sc.template"))
