"""The one place schemacog reaches into cogapp's internals.

cogapp has no hook between reading a block and running its code. Safe mode needs one:
``Cog.process_file`` builds each block's ``CogGenerator`` from the module-level name, so
for the duration of one ``process`` call that name is bound to a subclass whose
``evaluate`` returns text rendered beforehand from the checked ``sc.*`` calls instead of
running the code. The swap is process-wide state: it is held under a lock, undone in a
``finally`` (also when cog raises), and only ever made for cogapp versions this module is
tested against (``TESTED_COGAPP``; pyproject.toml pins the same range). ``check`` fails
loudly, before anything is rendered, on a cogapp whose internals differ.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import threading
from collections.abc import Iterator, Mapping
from typing import Any, Final

import cogapp.cogapp as _cogapp  # type: ignore[import-untyped]
from cogapp.whiteutils import reindent_block, white_prefix  # type: ignore[import-untyped]

__all__ = ["PROLOGUE", "TESTED_COGAPP", "CogError", "UnsupportedCogapp", "check", "process"]

PROLOGUE: Final = "import schemacog.markers as sc"
TESTED_COGAPP: Final = ("3.6",)  # minor versions whose internals the swap is tested against
CogError: Final[type[Exception]] = _cogapp.CogError

_SWAP_LOCK = threading.Lock()


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
    parameters = list(inspect.signature(_cogapp.CogGenerator.evaluate).parameters)
    if missing or parameters != ["self", "cog", "globals", "fname"]:
        raise UnsupportedCogapp(
            f"cogapp {version}: Cog.process_file or CogGenerator.evaluate changed "
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


@contextlib.contextmanager
def _generator(replacement: type | None) -> Iterator[None]:
    if replacement is None:
        yield
        return
    with _SWAP_LOCK:
        original = _cogapp.CogGenerator
        _cogapp.CogGenerator = replacement
        try:
            yield
        finally:
            _cogapp.CogGenerator = original


def process(text: str, fname: str, *, checksum: bool, outputs: Mapping[int, str] | None) -> str:
    """cog's processing of ``text``: with ``outputs`` (block line -> text), no code runs."""
    cog = _cogapp.Cog()
    cog.options.hash_output = checksum
    cog.options.prologue = PROLOGUE
    if outputs is not None:
        check()
    with _generator(None if outputs is None else _pre_rendered(outputs)):
        return str(cog.process_string(text, fname=fname))
