"""``[tool.schemacog]`` in pyproject.toml: found by one rule, validated with positions.

The rule (design §1): the configuration of a file is the nearest pyproject.toml above it
that has a ``[tool.schemacog]`` table; its folder is the project root, and every path in
the table is relative to it.
"""

from __future__ import annotations

import keyword
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from schemacog import paths
from schemacog.errors import ConfigError, Pos, Problem
from schemacog.render.sql.dialects import DIALECTS, unknown_dialect
from schemacog.schema.fields import did_you_mean

__all__ = [
    "KEYS",
    "MAX_PYPROJECT_BYTES",
    "MAX_TOML_NESTING",
    "REQUIRED",
    "Config",
    "find_pyproject",
    "has_config",
    "key_line",
    "load_config",
    "path_problems",
    "read_pyproject",
    "table_line",
    "too_deep_at",
]

_STRING_KEYS = (
    "schema",
    "dialect",
    "templates",
    "python_enums_module",
    "audit_log",
    "migrations",
)
_LIST_KEYS = ("files", "exclude", "migration_dialects")
_BOOL_KEYS = ("checksum", "allow_code")
KEYS = _STRING_KEYS + _LIST_KEYS + _BOOL_KEYS
REQUIRED = ("schema", "files")


@dataclass(frozen=True, slots=True)
class Config:
    root: Path
    pyproject: Path
    schema: str
    files: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    dialect: str = "postgres"
    checksum: bool = False
    templates: str | None = None
    allow_code: bool = False
    python_enums_module: str | None = None
    audit_log: str | None = None
    migrations: str | None = None  # the migrations folder; None: not configured
    migration_dialects: tuple[str, ...] = ()  # the dialects migrate new writes

    @property
    def schema_path(self) -> Path:
        return self.root / self.schema


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above ``start`` that has ``[tool.schemacog]``."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_symlink() or (pyproject.exists() and not pyproject.is_file()):
            # never passed over silently (a project above would be used instead)
            kind = paths.kind_of(pyproject.lstat().st_mode)
            message = f"is {kind}, not a regular file; schemacog does not open it"
            raise ConfigError([Problem(Pos(str(pyproject), 1), message)])
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
    return None


def read_pyproject(pyproject: Path) -> str:
    """The text of ``pyproject`` (a regular file, not a symbolic link: ``schemacog.paths``,
    at most ``MAX_PYPROJECT_BYTES``); PathRefused or UnicodeDecodeError."""
    data = _read_bounded(pyproject)
    if len(data) > MAX_PYPROJECT_BYTES:
        limit = MAX_PYPROJECT_BYTES // 2**20
        raise paths.PathRefused(f"is larger than the {limit} MB limit of a pyproject.toml")
    return data.decode("utf-8")


def _has_table(pyproject: Path) -> bool:
    try:
        data = _read_bounded(pyproject)
    except paths.PathRefused:
        return False
    if len(data) > MAX_PYPROJECT_BYTES:
        return True  # too large to look into: load_config says so, at the file
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:  # load_config says so, if it is meant as a config
        return b"schemacog" in data
    return has_config(text)


def has_config(text: str) -> bool:
    """Does a pyproject.toml's text hold a ``tool.schemacog`` table, however TOML writes it
    (``[tool.schemacog]``, ``[tool]`` with dotted ``schemacog.schema = ...`` keys, an inline
    table)? Text that is not TOML counts when it mentions ``schemacog``: load_config then
    reports it, instead of a project further up being processed in its place."""
    if too_deep_at(text) is not None:  # tomllib would recurse that deep: load_config says so
        return "schemacog" in text
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return "schemacog" in text
    tool = data.get("tool")
    return isinstance(tool, dict) and "schemacog" in tool


def load_config(pyproject: Path, display: str | None = None) -> Config:
    """Read and validate the ``[tool.schemacog]`` table of ``pyproject``."""
    shown = display if display is not None else str(pyproject)
    text = _pyproject_text(pyproject, shown)
    data = _parse_toml(text, shown)
    table = data.get("tool", {}).get("schemacog")
    header = _header_line(text)
    if not isinstance(table, dict):
        raise ConfigError([Problem(Pos(shown, header or 1), "[tool.schemacog] must be a table")])
    problems: list[Problem] = []

    def error(key: str | None, message: str) -> None:
        line = _key_line(text, header, key) if key else header
        problems.append(Problem(Pos(shown, line or header or 1), message))

    for key in table:
        if key not in KEYS:
            error(key, f"unknown key {key!r} in [tool.schemacog]{did_you_mean(key, KEYS)}")
    for key in REQUIRED:
        if key not in table:
            error(None, f"[tool.schemacog] is missing required key {key!r}")
    values: dict[str, object] = {}
    for key, value in table.items():
        if key in _STRING_KEYS and not isinstance(value, str):
            error(key, f"{key} must be a string")
        elif key in _BOOL_KEYS and not isinstance(value, bool):
            error(key, f"{key} must be true or false")
        elif key in _LIST_KEYS and not (
            isinstance(value, list) and all(isinstance(v, str) for v in value)
        ):
            error(key, f"{key} must be a list of strings (globs)")
        elif key in KEYS:
            values[key] = tuple(value) if isinstance(value, list) else value
    for key, message in path_problems(pyproject.parent, values):
        error(key, message)
    dialect = values.get("dialect")
    if dialect is not None and dialect not in DIALECTS:
        error("dialect", unknown_dialect(dialect))
    migration_dialects = values.get("migration_dialects")
    for name in migration_dialects if isinstance(migration_dialects, tuple) else ():
        if name not in DIALECTS:
            error("migration_dialects", unknown_dialect(str(name)))
    enums_module = values.get("python_enums_module")
    if isinstance(enums_module, str) and not _is_module_name(enums_module):
        # it is written into generated imports: only a module's dotted name, nothing else
        error(
            "python_enums_module",
            f"python_enums_module {enums_module[:80]!r} is not a module name "
            "(dotted identifiers, like 'app.enums')",
        )
    if problems:
        raise ConfigError(problems)
    return Config(root=pyproject.parent, pyproject=pyproject, **values)  # type: ignore[arg-type]


# each path the config names: (key, a folder, schemacog writes it, its suffixes); none
# of them may be hidden (a pull request naming `.env` as the schema gets its text echoed)
_PATH_KEYS = (
    ("schema", False, False, paths.SCHEMA_SUFFIXES),
    ("templates", True, False, ()),
    ("audit_log", False, True, paths.AUDIT_LOG_SUFFIXES),
    ("migrations", True, True, ()),
)


def path_problems(root: Path, values: dict[str, object]) -> list[tuple[str, str]]:
    """(key, message) for each path of the config that schemacog may not open
    (``schemacog.paths.refusal``: inside the root, not in .git/, not hidden, a regular
    file with its suffix or a folder, no symbolic link where it writes; templates not the
    root)."""
    found = []
    for key, folder, writes, suffixes in _PATH_KEYS:
        value = values.get(key)
        if not isinstance(value, str):
            continue
        if "\x00" in value:  # no path holds one (the OS would refuse it)
            found.append((key, f"{key} holds a NUL character; no path can"))
            continue
        why = _own_file(root, value, values) if key == "audit_log" else None
        if why is None:
            why = paths.refusal(
                root, value, folder=folder, writes=writes, hidden=False, suffixes=suffixes
            )
        if why is not None:
            where = "(paths are relative to the project root)"
            found.append((key, f"{key} {value[:200]!r} {why} {where}"))
    return found


def _own_file(root: Path, log: str, values: dict[str, object]) -> str | None:
    """Why the audit log may not be ``log``: it is the schema or pyproject.toml."""
    target = (root / log).resolve()
    if target == (root / "pyproject.toml").resolve():
        return "is the project's pyproject.toml"
    schema = values.get("schema")
    if isinstance(schema, str) and target == (root / schema).resolve():
        return "is the project's schema"
    return None


MAX_PYPROJECT_BYTES = 1024 * 1024
MAX_TOML_NESTING = 64


def _read_bounded(path: Path) -> bytes:
    """At most ``MAX_PYPROJECT_BYTES + 1`` bytes of ``path``, a regular file and not a
    symbolic link (``schemacog.paths``): never the whole of a huge file; PathRefused."""
    return paths.read_regular(path, MAX_PYPROJECT_BYTES + 1)


def _pyproject_text(pyproject: Path, shown: str) -> str:
    """The text of ``pyproject``, refused before reading past ``MAX_PYPROJECT_BYTES``."""
    try:
        data = _read_bounded(pyproject)
    except paths.PathRefused as exc:
        raise ConfigError([Problem(Pos(shown, 1), str(exc))]) from None
    if len(data) > MAX_PYPROJECT_BYTES:
        message = f"larger than the {MAX_PYPROJECT_BYTES // 2**20} MB limit of a pyproject.toml"
        raise ConfigError([Problem(Pos(shown, 1), message)])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError([Problem(Pos(shown, 1), "not valid UTF-8")]) from None


def _parse_toml(text: str, shown: str) -> dict[str, Any]:
    """``tomllib.loads(text)``, after checking the nesting that its recursion would follow."""
    deep = too_deep_at(text)
    if deep is not None:
        line, col = deep
        message = f"arrays and inline tables nested deeper than {MAX_TOML_NESTING}"
        raise ConfigError([Problem(Pos(shown, line, col), message)])
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([Problem(Pos(shown, 1), f"invalid TOML: {exc}")]) from None
    except RecursionError:  # not reached past the check above; never a traceback
        message = f"nested too deeply to read (the limit is {MAX_TOML_NESTING})"
        raise ConfigError([Problem(Pos(shown, 1), message)]) from None


_TOML_TOKEN = re.compile(r'"""|\'\'\'|"(?:[^"\\\n]|\\.)*"?|\'[^\'\n]*\'?|#[^\n]*|[\[\]{}\n]')


def too_deep_at(text: str) -> tuple[int, int] | None:
    """Where ``[``/``{`` outside strings and comments first nest deeper than
    ``MAX_TOML_NESTING`` (line, column), or None; one linear scan."""
    depth = 0
    line, line_start = 1, 0
    position = 0
    while True:
        match = _TOML_TOKEN.search(text, position)
        if match is None:
            return None
        token = match.group()
        position = match.end()
        if token in ('"""', "'''"):  # a multi-line string: skip to its end
            end = text.find(token, position)
            end = len(text) if end < 0 else end + len(token)
            lines = text.count("\n", position, end)
            if lines:
                line, line_start = line + lines, text.rfind("\n", 0, end) + 1
            position = end
        elif token == "\n":
            line, line_start = line + 1, position
        elif token in "[{":
            depth += 1
            if depth > MAX_TOML_NESTING:
                return line, match.start() - line_start + 1
        elif token in "]}":
            depth = max(depth - 1, 0)


def _is_module_name(text: str) -> bool:
    parts = text.split(".")
    return all(
        part.isidentifier() and part.isascii() and not keyword.iskeyword(part) for part in parts
    )


def key_line(pyproject: Path, key: str) -> int:
    """The line of ``key = ...`` in the ``[tool.schemacog]`` table of ``pyproject`` (1 when
    it cannot be found)."""
    try:
        text = read_pyproject(pyproject)
    except (paths.PathRefused, UnicodeDecodeError):
        return 1
    return _key_line(text, _header_line(text), key) or 1


# where the table starts: its header, or the first key written with its dotted name
# (``schemacog.x = ...`` under ``[tool]``, ``tool.schemacog.x = ...`` at the top)
_HEADER = re.compile(
    r"""^[ \t]*(?:\[\s*tool\s*\.\s*["']?schemacog["']?\s*\]"""
    r"""|(?:tool\s*\.\s*)?["']?schemacog["']?\s*[.=])""",
    re.MULTILINE,
)


def table_line(text: str) -> int:
    """The line where a pyproject's ``tool.schemacog`` table starts (1 if not found)."""
    return _header_line(text) or 1


def _header_line(text: str) -> int | None:
    match = _HEADER.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _key_line(text: str, header: int | None, key: str) -> int | None:
    """The line of ``key = ...`` inside the ``[tool.schemacog]`` table."""
    lines = text.splitlines()
    start = header - 1 if header else 0  # the header line may be a dotted key itself
    for number in range(start, len(lines)):
        line = lines[number]
        if re.match(r"\s*\[", line) and number + 1 != header:
            break
        dotted = r"""(?:(?:tool\s*\.\s*)?["']?schemacog["']?\s*\.\s*)?"""
        if re.match(rf"\s*{dotted}[\"']?{re.escape(key)}[\"']?\s*=", line):
            return number + 1
    return None
