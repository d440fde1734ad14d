"""``schemacog init``: a starter schema, the config table, nox sessions, an example file.

Nothing that exists is overwritten: an existing schema or example file stops the command
before anything is written; an existing ``[tool.schemacog]`` table too. The table is
appended to an existing pyproject.toml; an existing noxfile.py is left alone and the
sessions to add are printed instead.

All or nothing: every target is checked first by the rule of ``schemacog.paths`` (inside
the project, no symbolic link anywhere in it, a regular file if it exists), every new
content is staged in a temporary file beside its target, and only then are the targets
replaced; a failure while staging removes what was staged and the folders made for it.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import tempfile
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from schemacog import paths
from schemacog.engine.config import (
    MAX_PYPROJECT_BYTES,
    MAX_TOML_NESTING,
    has_config,
    table_line,
    too_deep_at,
)
from schemacog.errors import ConfigError, Pos, Problem
from schemacog.model import Schema

__all__ = ["CONFIG", "Start", "init"]

CONFIG = '\n[tool.schemacog]\nschema = "schema/schema.yaml"\nfiles = ["generated/**/*"]\n'
_NOXFILE_HEADER = '"""Sessions: nox -s regen, nox -s check."""\n\nimport nox\n\n\n'


def _template(name: str) -> str:
    return files("schemacog.render").joinpath("templates", "init", name).read_text(encoding="utf-8")


def _pyproject_text(pyproject: Path) -> tuple[str, bytes, Problem | None]:
    """The text init appends to and its bytes, or why it must not: not a regular file
    (``schemacog.paths``), not UTF-8, not TOML (the table appended would not be read), or
    a ``tool.schemacog`` table already (in any form)."""
    try:
        data = paths.read_regular(pyproject, MAX_PYPROJECT_BYTES + 1)
    except paths.PathRefused as exc:
        return "", b"", Problem(Pos("pyproject.toml", 1), f"{exc}; init writes nothing")
    if len(data) > MAX_PYPROJECT_BYTES:  # read no further, and never append to a part
        limit = MAX_PYPROJECT_BYTES // 2**20
        message = f"larger than the {limit} MB limit of a pyproject.toml; init writes nothing"
        return "", data, Problem(Pos("pyproject.toml", 1), message)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        message = f"invalid UTF-8 byte 0x{data[exc.start]:02x}; init writes nothing"
        return "", data, Problem(Pos("pyproject.toml", line, col), message)
    deep = too_deep_at(text)
    if deep is not None:  # tomllib would recurse that deep
        message = f"arrays and inline tables nested deeper than {MAX_TOML_NESTING}"
        return "", data, Problem(Pos("pyproject.toml", *deep), f"{message}; init writes nothing")
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, col = (int(found[1]), int(found[2])) if found else (1, 0)
        message = f"invalid TOML: {str(exc).split(' (at ')[0]}; init writes nothing"
        return "", data, Problem(Pos("pyproject.toml", line, col), message)
    if has_config(text):
        message = "already has [tool.schemacog]; init writes nothing"
        return "", data, Problem(Pos("pyproject.toml", table_line(text)), message)
    return text, data, None


def _refused(root: Path, name: str) -> Problem | None:
    why = paths.refusal(root, name, writes=True, folder_exists=False)
    if why is None:
        return None
    return Problem(Pos(name, 1), f"{why}; init writes nothing")


@dataclass(frozen=True)
class Start:
    """What ``init --from-db`` starts from: a database's imported schema."""

    text: str  # the schema's YAML
    schema: Schema
    dialect: str


def init(root: Path, say: Callable[[str], None], imported: Start | None = None) -> None:
    """The scaffold; ``imported``: a database's schema (``init --from-db``) instead of
    the starter, models for its tables, and its dialect and a migrations folder in the
    config."""
    root = root.resolve()
    name = re.sub(r"[^A-Za-z0-9_]", "_", root.name) or "project"
    if not re.match(r"[A-Za-z_]", name):
        name = "_" + name
    targets = ("schema/schema.yaml", "generated/models.py", "pyproject.toml", "noxfile.py")
    problems = [p for p in (_refused(root, target) for target in targets) if p is not None]
    for target in targets[:2]:
        if os.path.lexists(root / target) and not any(p.pos.path == target for p in problems):
            problems.append(Problem(Pos(target, 1), "already exists; init writes nothing"))
    pyproject = root / "pyproject.toml"
    text, data = "", b""
    if os.path.lexists(pyproject) and not problems:
        text, data, problem = _pyproject_text(pyproject)
        if problem is not None:
            problems.append(problem)
    if problems:
        raise ConfigError(problems)
    separator = "\n" if text and not text.endswith("\n") else ""
    sessions = _template("noxfile_session.py.txt")
    config = CONFIG
    schema_text, models = (
        _template("schema.yaml").replace("{{ name }}", name),
        _template("models.py"),
    )
    if imported is not None:
        schema_text, models = imported.text, _models(imported.schema)
        config += (
            f'dialect = "{imported.dialect}"\nmigrations = "migrations"\n'
            f'migration_dialects = ["{imported.dialect}"]\n'
        )
    contents = {
        "schema/schema.yaml": schema_text,
        "generated/models.py": models,
        "pyproject.toml": ("\ufeff" if data.startswith(codecs.BOM_UTF8) else "")  # kept
        + text
        + separator
        + (config if text else config.lstrip("\n")),
    }
    noxfile_exists = os.path.lexists(root / "noxfile.py")
    if not noxfile_exists:
        contents["noxfile.py"] = _NOXFILE_HEADER + sessions
    existed = {"pyproject.toml": data} if os.path.lexists(pyproject) else {}
    _write_all_or_nothing(root, contents, existed)
    say("created schema/schema.yaml, generated/models.py; added [tool.schemacog] to pyproject.toml")
    if imported is not None:
        say(f"the schema is imported from the database; dialect {imported.dialect}")
    if noxfile_exists:
        say("noxfile.py exists and was left alone; add these sessions to it:\n\n" + sessions)
    else:
        say("created noxfile.py with the regen and check sessions")
    say("next: schemacog regen  (then commit schema/ and generated/ together)")


def _models(schema: Schema) -> str:
    """A models file with a region for each enum and each table's dataclass."""
    parts = [
        '"""Models generated from schema/schema.yaml: run `schemacog regen` after editing '
        'the schema."""\n\n# [[[cog sc.python.imports() ]]]\n# [[[end]]]\n'
    ]
    parts += [f'\n\n# [[[cog sc.python.enum("{e.name}") ]]]\n# [[[end]]]\n' for e in schema.enums]
    parts += [
        f'\n\n# [[[cog sc.python.dataclass("{t.name}") ]]]\n# [[[end]]]\n' for t in schema.tables
    ]
    return "".join(parts)


def _write_all_or_nothing(root: Path, contents: dict[str, str], before: dict[str, bytes]) -> None:
    """Stage every file of ``contents``, then replace the targets; ConfigError (nothing
    written, staged files and made folders removed) when staging fails or a target
    appeared or changed meanwhile."""
    made: list[Path] = []
    staged: list[tuple[str, str]] = []
    umask = os.umask(0)
    os.umask(umask)
    where = next(iter(contents))
    try:
        for name, text in contents.items():
            where = name
            target = root / name
            for folder in reversed(target.relative_to(root).parents[:-1]):
                path = root / folder
                if not os.path.lexists(path):
                    path.mkdir()
                    made.append(path)
            handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
            staged.append((name, temp))
            with os.fdopen(handle, "wb") as out:
                out.write(text.encode("utf-8"))
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temp, _mode(target, umask))
        for name, _ in staged:  # nothing appeared, nothing changed since the checks
            where = name
            why = paths.refusal(root, name, writes=True)
            if why is not None or _current(root / name) != before.get(name):
                raise OSError(0, why or "appeared or changed while init ran")
    except OSError as exc:
        for _, temp in staged:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        message = f"cannot write: {exc.strerror or exc}; init wrote nothing"
        raise ConfigError([Problem(Pos(where, 1), message)]) from None
    for name, temp in staged:
        os.replace(temp, root / name)


def _current(path: Path) -> bytes | None:
    if not os.path.lexists(path):
        return None
    try:
        return paths.read_regular(path, 1 << 30)
    except paths.PathRefused:
        return b"\0unreadable"


def _mode(target: Path, umask: int) -> int:
    try:
        return os.lstat(target).st_mode & 0o7777
    except OSError:
        return 0o666 & ~umask
