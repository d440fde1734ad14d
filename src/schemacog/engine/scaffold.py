"""``schemacog init``: a starter schema, the config table, nox sessions, an example file.

Nothing that exists is overwritten: an existing schema or example file stops the command
before anything is written; an existing ``[tool.schemacog]`` table too. The table is
appended to an existing pyproject.toml; an existing noxfile.py is left alone and the
sessions to add are printed instead.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

from schemacog.engine.config import has_config, table_line
from schemacog.errors import ConfigError, Pos, Problem

__all__ = ["CONFIG", "init"]

CONFIG = '\n[tool.schemacog]\nschema = "schema/schema.yaml"\nfiles = ["generated/**/*"]\n'


def _template(name: str) -> str:
    return files("schemacog.render").joinpath("templates", "init", name).read_text(encoding="utf-8")


def _pyproject_text(pyproject: Path) -> tuple[str, Problem | None]:
    """The text init appends to, or why it must not: not UTF-8, not TOML (the table
    appended would not be read), or a ``tool.schemacog`` table already (in any form)."""
    if not pyproject.exists():
        return "", None
    data = pyproject.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        message = f"invalid UTF-8 byte 0x{data[exc.start]:02x}; init writes nothing"
        return "", Problem(Pos("pyproject.toml", line, col), message)
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, col = (int(found[1]), int(found[2])) if found else (1, 0)
        message = f"invalid TOML: {str(exc).split(' (at ')[0]}; init writes nothing"
        return "", Problem(Pos("pyproject.toml", line, col), message)
    if has_config(text):
        message = "already has [tool.schemacog]; init writes nothing"
        return "", Problem(Pos("pyproject.toml", table_line(text)), message)
    return text, None


def init(root: Path, say: Callable[[str], None]) -> None:
    name = re.sub(r"[^A-Za-z0-9_]", "_", root.resolve().name) or "project"
    if not re.match(r"[A-Za-z_]", name):
        name = "_" + name
    schema = root / "schema" / "schema.yaml"
    example = root / "generated" / "models.py"
    pyproject = root / "pyproject.toml"
    noxfile = root / "noxfile.py"
    problems = [
        Problem(Pos(str(path.relative_to(root)), 1), "already exists; init writes nothing")
        for path in (schema, example)
        if path.exists()
    ]
    text, problem = _pyproject_text(pyproject)
    if problem is not None:
        problems.append(problem)
    if problems:
        raise ConfigError(problems)
    schema.parent.mkdir(parents=True, exist_ok=True)
    schema.write_text(_template("schema.yaml").replace("{{ name }}", name), encoding="utf-8")
    example.parent.mkdir(parents=True, exist_ok=True)
    example.write_text(_template("models.py"), encoding="utf-8")
    separator = "\n" if text and not text.endswith("\n") else ""
    with pyproject.open("a", encoding="utf-8") as handle:
        handle.write(separator + (CONFIG if text else CONFIG.lstrip("\n")))
    say("created schema/schema.yaml, generated/models.py; added [tool.schemacog] to pyproject.toml")
    sessions = _template("noxfile_session.py.txt")
    if noxfile.exists():
        say("noxfile.py exists and was left alone; add these sessions to it:\n\n" + sessions)
    else:
        header = '"""Sessions: nox -s regen, nox -s check."""\n\nimport nox\n\n\n'
        noxfile.write_text(header + sessions, encoding="utf-8")
        say("created noxfile.py with the regen and check sessions")
    say("next: schemacog regen  (then commit schema/ and generated/ together)")
