"""The layers of docs/architecture.md, kept true: imports only go downwards."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = ROOT / "src" / "schemacog"

# Each layer, lowest first; a module may import its own layer and the layers below it,
# except that the folders of one layer are independent of each other,
# while the single modules of a layer (shared ones, entry points) may use each other.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"runtime"}),  # code generated files carry: imports nothing of schemacog
    frozenset({"__init__", "errors", "model", "naming", "paths"}),  # shared by every layer
    frozenset({"schema"}),
    frozenset({"render"}),
    frozenset({"sandbox"}),  # child processes for untrusted work
    frozenset({"db", "migrate"}),  # real engines; migrations from one schema to the next
    frozenset({"engine", "importing"}),  # the marked files; a live database read back
    frozenset({"drift"}),  # a live database against the schema
    frozenset({"deploy"}),  # migrations applied to a live database, with a history
    frozenset({"verify"}),
    frozenset({"cli", "markers", "__main__"}),  # the entry points users name
)


def _layer(part: str) -> int:
    return next(rank for rank, layer in enumerate(LAYERS) if part in layer)


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "templates" not in p.parts)


def _part(path: Path) -> str:
    """The layer a module of the package belongs to: its folder, or its own name."""
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def _submodule(name: str) -> str:
    """``from schemacog import name``: a module or folder of the package, else ``__init__``."""
    exists = (PACKAGE / f"{name}.py").exists() or (PACKAGE / name).is_dir()
    return name if exists else "__init__"


def _imported(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, first part below ``schemacog``) of every import, lazy ones included."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = node.module.split(".")
            if names[0] != "schemacog":
                continue
            parts = names[1:2] or [_submodule(alias.name) for alias in node.names]
            found += [(node.lineno, part) for part in parts]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                names = alias.name.split(".")
                if names[0] == "schemacog":
                    found.append((node.lineno, names[1] if len(names) > 1 else "__init__"))
    return found


def test_every_module_belongs_to_a_layer() -> None:
    unplaced = {_part(path) for path in _modules()} - set().union(*LAYERS)
    assert not unplaced, f"add {sorted(unplaced)} to LAYERS and docs/architecture.md"


def _allowed(own: str, part: str) -> bool:
    if part == own:
        return True
    if own == "runtime":
        return False
    if _layer(part) != _layer(own):
        return _layer(part) < _layer(own)
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    return not {own, part} <= folders


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_only_go_downwards(path: Path) -> None:
    own = _part(path)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    upward = [
        f"{path.relative_to(ROOT)}:{line}: {own} imports {part}"
        for line, part in _imported(tree)
        if not _allowed(own, part)
    ]
    assert upward == []


def test_the_check_sees_an_upward_import(tmp_path: Path) -> None:
    tree = ast.parse("def f():\n    from schemacog.engine.registry import MARKERS\n")
    assert _imported(tree) == [(2, "engine")]
    assert not _allowed("render", "engine")
    assert not _allowed("sandbox", "db")
    assert not _allowed("runtime", "errors")
    assert _allowed("model", "errors")
    assert _allowed("engine", "schema")
    tree = ast.parse("from schemacog import __version__, naming\nimport schemacog.cli\n")
    assert _imported(tree) == [(1, "__init__"), (1, "naming"), (2, "cli")]


def _public_definitions(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return {name for name in names if not name.startswith("_")}


def _imported_names(tree: ast.Module) -> set[str]:
    return {
        alias.asname or alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }


# modules with no public surface of their own: the package marker, the runtime whose
# text generated files carry (all its names are private there too)
_NO_ALL = ("__init__.py", "__main__.py", "runtime/cleaning.py")


@pytest.mark.parametrize(
    "path",
    [p for p in _modules() if not str(p.relative_to(PACKAGE)).endswith(_NO_ALL)],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_public_names_are_exactly_the_ones_in_dunder_all(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    declared = [
        node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
    ]
    assert declared, "a public module declares __all__"
    listed = set(ast.literal_eval(declared[0]))
    defined = _public_definitions(tree)
    assert defined - listed == set(), "public but not in __all__: name it with a leading _"
    assert listed - defined - _imported_names(tree) == set(), "in __all__ but not there"
