"""``schemacog init``: a starter schema, the config table, nox sessions, an example file.

Nothing that exists is overwritten: an existing schema or example file stops the command
before anything is written; an existing ``[tool.schemacog]`` table too. The table is
appended to an existing pyproject.toml; an existing noxfile.py is left alone and the
sessions to add are printed instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

from schemacog.errors import ConfigError, Pos, Problem

__all__ = ["CONFIG", "init"]

CONFIG = '\n[tool.schemacog]\nschema = "schema/schema.yaml"\nfiles = ["generated/**/*"]\n'


def _template(name: str) -> str:
    return files("schemacog.render").joinpath("templates", "init", name).read_text(encoding="utf-8")


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
    text = pyproject.read_text(encoding="utf-8") if pyproject.exists() else ""
    if re.search(r"^[ \t]*\[\s*tool\s*\.\s*schemacog\s*\]", text, re.MULTILINE):
        message = "already has [tool.schemacog]; init writes nothing"
        problems.append(Problem(Pos("pyproject.toml", 1), message))
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
