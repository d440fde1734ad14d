"""The one place schemacog reaches into cogapp's internals.

cogapp has no hook between reading a block and running its code. Safe mode needs one:
``Cog.process_file`` builds each block's ``CogGenerator`` from its module globals, so one
``process`` call runs a copy of ``process_file`` whose globals name, as ``CogGenerator``,
a subclass whose ``evaluate`` returns text rendered beforehand from the checked ``sc.*``
calls instead of running the code. cogapp's module is never changed: a concurrent cog
run (stock cog, or ``allow_code = true`` in another thread) keeps cog's own generator.
cogapp does bind ``sys.modules["cog"]`` to the running file's module, which marker code
under full evaluation (``allow_code = true``) reads: every ``process`` call is therefore
serialized by one lock, so a safe-mode run in another thread cannot take its output.
The pre-rendering is only done for cogapp versions this module is tested against
(``TESTED_COGAPP``; pyproject.toml pins the same range). ``check`` fails loudly, before
anything is rendered, on a cogapp whose internals differ.
"""

from __future__ import annotations

import functools
import inspect
import threading
import types
from collections.abc import Mapping
from typing import Any, Final

import cogapp.cogapp as _cogapp  # type: ignore[import-untyped]
from cogapp.whiteutils import reindent_block, white_prefix  # type: ignore[import-untyped]

__all__ = ["PROLOGUE", "TESTED_COGAPP", "CogError", "UnsupportedCogapp", "check", "process"]

PROLOGUE: Final = "import schemacog.markers as sc"
TESTED_COGAPP: Final = ("3.6",)  # minor versions whose internals this is tested against
CogError: Final[type[Exception]] = _cogapp.CogError

_COG_LOCK = threading.Lock()  # cogapp's sys.modules["cog"] is process-wide


class UnsupportedCogapp(Exception):
    """The installed cogapp is not one safe mode was tested against."""


def check() -> None:
    """Raise UnsupportedCogapp unless cogapp's internals are the ones the swap relies on."""
    _check(str(getattr(_cogapp, "__version__", "?")))


@functools.cache
def _check(version: str) -> None:
    if ".".join(version.split(".")[:2]) not in TESTED_COGAPP:
        raise UnsupportedCogapp(
            f"cogapp {version} is not supported (tested: {', '.join(TESTED_COGAPP)}.x); "
            "install a supported cogapp"
        )
    source = inspect.getsource(_cogapp.Cog.process_file)
    expected = (
        "CogGenerator(options=self.options)",
        "gen.evaluate(cog=self, globals=globals, fname=fname)",
        "firstLineNum",
    )
    missing = [text for text in expected if text not in source]
    if "self.process_file(" not in inspect.getsource(_cogapp.Cog.process_string):
        missing.append("self.process_file(")
    parameters = list(inspect.signature(_cogapp.CogGenerator.evaluate).parameters)
    if missing or parameters != ["self", "cog", "globals", "fname"]:
        raise UnsupportedCogapp(
            f"cogapp {version}: Cog.process_file, process_string or CogGenerator.evaluate changed "
            f"(missing {missing or 'nothing'}, evaluate{tuple(parameters)})"
        )


def _pre_rendered(outputs: Mapping[int, str]) -> type:
    """A CogGenerator whose evaluate returns the text rendered for its block's first line."""

    class PreRendered(_cogapp.CogGenerator):  # type: ignore[misc]
        def evaluate(self, cog: Any, globals: Any, fname: Any) -> str:
            text = outputs[cog.cogmodule.firstLineNum]
            if not text:
                return ""
            if not text.endswith("\n"):
                text += "\n"
            return str(reindent_block(text, white_prefix(self.markers)))

    return PreRendered


def _process_file(generator: type) -> types.FunctionType:
    """``Cog.process_file`` run with ``generator`` as its ``CogGenerator`` (cogapp untouched)."""
    original = _cogapp.Cog.process_file
    names = {**original.__globals__, "CogGenerator": generator}
    function = types.FunctionType(
        original.__code__, names, original.__name__, original.__defaults__, original.__closure__
    )
    function.__kwdefaults__ = original.__kwdefaults__
    return function


def process(text: str, fname: str, *, checksum: bool, outputs: Mapping[int, str] | None) -> str:
    """cog's processing of ``text``: with ``outputs`` (block line -> text), no code runs."""
    cog = _cogapp.Cog()
    cog.options.hash_output = checksum
    cog.options.prologue = PROLOGUE
    if outputs is not None:
        check()
        cog.process_file = types.MethodType(_process_file(_pre_rendered(outputs)), cog)
    with _COG_LOCK:
        return str(cog.process_string(text, fname=fname))
