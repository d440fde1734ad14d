"""Run inside an isolated child process (``python -I``) by ``schemacog verify``.

Reads one JSON request on stdin: the generated modules to import and the rows to try
against their validators, pydantic models and cleaners. Writes one JSON answer on stdout. This
file imports nothing of schemacog: it runs next to generated code, in a scrubbed
environment with CPU and memory limits, and is the only place verify runs that code. It
reads typed values with ``sandbox/codec.py``'s ``decode``, loaded by its path.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
import traceback
from pathlib import Path
from typing import Any

__all__ = ["decode", "load_file", "main"]


def load_file(name: str, path: str) -> Any:
    """The module of the Python file at ``path``, imported as ``name``."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


# the codec that wrote the request, loaded by its path (schemacog is not importable)
_CODEC = Path(__file__).resolve().parent.parent / "sandbox" / "codec.py"
decode = load_file("schemacog_verify_codec", str(_CODEC)).decode


class _FromText(importlib.abc.Loader):
    """Runs a module from the text the parent sent (what schemacog rendered), never from
    the file: no cached bytecode (``__pycache__``) and no encoding cookie is read."""

    def __init__(self, path: str, text: str) -> None:
        self.path, self.text = path, text

    def exec_module(self, module: Any) -> None:
        module.__file__ = self.path
        exec(compile(self.text, self.path, "exec", dont_inherit=True), module.__dict__)


class _GeneratedModules:
    """A finder of the generated modules by their names in the project (``app.enums``), so
    that one may import another (``python_enums_module``). Their parent packages are
    empty stand-ins: no hand-written ``__init__.py`` runs, and no other module of the
    project can be imported."""

    def __init__(self, names: dict[str, str], texts: dict[str, str]) -> None:
        self.names, self.texts = names, texts  # dotted name -> file; file -> its text
        self.packages = {
            ".".join(name.split(".")[:end])
            for name in names
            for end in range(1, name.count(".") + 1)
        }

    def find_spec(self, name: str, path: object = None, target: object = None) -> Any:
        if name in self.names:
            file = self.names[name]
            return importlib.util.spec_from_loader(
                name, _FromText(file, self.texts[file]), origin=file
            )
        if name in self.packages:
            return importlib.machinery.ModuleSpec(name, None, is_package=True)
        return None


def _import_module(path: str, text: str, index: int, name: str | None) -> Any:
    if name is not None:
        return importlib.import_module(name)
    spec = importlib.util.spec_from_loader(
        f"schemacog_verified_{index}", _FromText(path, text), origin=path
    )
    if spec is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    _FromText(path, text).exec_module(module)
    return module


def _try_row(module: Any, validator: str, model: str, row: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    if validator and hasattr(module, validator):
        result["validator"] = [str(p) for p in getattr(module, validator)(row)]
    if model and hasattr(module, model):
        try:
            getattr(module, model)(**row)
            result["pydantic"] = None
        except Exception as exc:
            result["pydantic"] = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return result


def _try_clean(module: Any, item: dict[str, Any]) -> dict[str, Any]:
    """A raw row through ``clean_<table>``: accepted?, its messages, columns read otherwise."""
    record, messages = getattr(module, item["cleaner"])(item["row"])
    differs = []
    if record is not None:
        for column, value in item["expected"].items():
            if getattr(record, item["fields"][column]) != decode(value):
                differs.append(column)
    return {"cleaner": {"accepted": record is not None, "messages": messages, "differs": differs}}


def main() -> int:
    request = json.loads(sys.stdin.read())
    answer: dict[str, Any] = {"imports": [], "rows": []}
    modules = []
    names: dict[str, str] = request.get("names", {})  # dotted name -> file
    texts = dict(zip(request["modules"], request["sources"], strict=True))
    sys.meta_path.insert(0, _GeneratedModules(names, texts))
    by_path = {path: name for name, path in names.items()}
    # the answer goes out on a copy of stdout; stdout itself (descriptor 1, Python's
    # sys.stdout) is stderr from here on, so what the modules print or write to it never
    # reaches the parent as the answer
    answer_stream = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    for index, path in enumerate(request["modules"]):
        try:
            modules.append(_import_module(path, texts[path], index, by_path.get(path)))
            answer["imports"].append({"path": path, "error": None})
        except BaseException:
            modules.append(None)
            # the innermost frames: the module's own line that failed
            answer["imports"].append({"path": path, "error": traceback.format_exc(limit=-8)})
    for item in request["rows"]:
        module = modules[item["module"]]
        row = {key: decode(value) for key, value in item["row"].items()}
        if module is None:
            answer["rows"].append(None)
            continue
        if item.get("cleaner"):
            if hasattr(module, item["cleaner"]):
                answer["rows"].append(_try_clean(module, item))
            else:
                answer["rows"].append(None)
            continue
        answer["rows"].append(_try_row(module, item["validator"], item["model"], row))
    answer_stream.write(json.dumps(answer))
    answer_stream.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
