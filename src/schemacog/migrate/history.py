"""The migrations folder: history that regen never rewrites.

``<migrations>/NNNN_NAME.schema.json`` is the NEW schema of migration NNNN (the schema
file's data as JSON, which the schema loader reads as it reads YAML): the snapshot the
next plan starts from. ``<migrations>/<dialect>/NNNN_NAME.sql`` is its script in each
dialect, whose header holds the fingerprints of the DDL of OLD and NEW. ``drift`` is what
``schemacog check`` says of the folder.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from schemacog import paths
from schemacog.errors import Pos, Problem, SchemacogError, printable
from schemacog.model import Schema
from schemacog.schema.loader import MAX_FILE_BYTES, Node, load_file, to_python
from schemacog.schema.validate import load_schema

__all__ = [
    "DEFAULT_FOLDER",
    "Snapshot",
    "chain",
    "check_name",
    "dialect_scripts",
    "drift",
    "from_path",
    "load_snapshot",
    "newest_snapshot",
    "next_number",
    "not_planned",
    "project_file_refusal",
    "same_script",
    "schema_root",
    "snapshot_text",
    "snapshots",
    "write_migration",
]

DEFAULT_FOLDER: Final = "migrations"
_SNAPSHOT: Final = re.compile(r"([0-9]{4,})_([a-z0-9_]+)\.schema\.json\Z")
_SCRIPT: Final = re.compile(r"([0-9]{4,})_([a-z0-9_]+)\.sql\Z")
_NAME: Final = re.compile(r"[a-z0-9_]{1,64}\Z")
# the OLD a first migration started from, where it was no snapshot (git:REV, a file)
_FROM: Final = re.compile(r"([0-9]{4,})_([a-z0-9_]+)\.from\.schema\.json\Z")
# a header line: its file name is any text but a control character (one, as a carriage
# return, would end the comment for PostgreSQL and leave the rest of the line SQL), a
# line or paragraph separator, or a mark that turns text around
_NAME_TEXT: Final = "[^\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]*"
_FINGERPRINT: Final = re.compile(
    rf"^-- (from|to): {_NAME_TEXT} \(fingerprint ([0-9a-f]{{16}})\)$", re.M
)
_HEADER_BYTES: Final = 4096


@dataclass(frozen=True)
class Snapshot:
    number: int
    name: str
    path: Path
    shown: str


def _listed(folder: Path, pattern: re.Pattern[str]) -> list[tuple[int, str, Path]]:
    """The files of ``folder`` the pattern names, by number (10000 after 9999), then name."""
    if not folder.is_dir() or folder.is_symlink():
        return []
    found = []
    for entry in os.listdir(folder):
        matched = pattern.match(entry)
        if matched is not None:
            found.append((int(matched.group(1)), matched.group(2), folder / entry))
    return sorted(found)


def snapshots(folder: Path, shown: str) -> list[Snapshot]:
    """The snapshots of a migrations folder, by number (then name)."""
    return [
        Snapshot(number, name, path, f"{shown}/{path.name}")
        for number, name, path in _listed(folder, _SNAPSHOT)
    ]


def dialect_scripts(folder: Path, dialect: str) -> list[tuple[int, str, Path]]:
    """(number, name, path) of each script of ``<folder>/<dialect>/``, by number."""
    return _listed(folder / dialect, _SCRIPT)


def newest_snapshot(folder: Path, shown: str) -> Snapshot | None:
    found = snapshots(folder, shown)
    return found[-1] if found else None


def next_number(folder: Path, dialects: Sequence[str]) -> int:
    """One more than the highest number of any snapshot or script there."""
    numbers = [n for n, _, _ in _listed(folder, _SNAPSHOT)]
    for dialect in dialects:
        numbers += [n for n, _, _ in _listed(folder / dialect, _SCRIPT)]
    for entry in folder.iterdir() if folder.is_dir() else ():
        if entry.is_dir():
            numbers += [n for n, _, _ in _listed(entry, _SCRIPT)]
    return max(numbers, default=0) + 1


def check_name(name: str) -> None:
    if not _NAME.match(name):
        message = (
            f"migration name {name[:80]!r}: use 1 to 64 lower-case letters, digits and "
            "underscores, as add_rating"
        )
        raise SchemacogError([Problem(Pos("NAME", 1), message)])


def _non_finite(value: object) -> bool:
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, list):
        return any(_non_finite(v) for v in value)
    if isinstance(value, dict):
        return any(_non_finite(v) for v in value.values())
    return False


def snapshot_text(root: Node) -> str:
    """The schema file's data as JSON, keys in the file's order (which is the order of
    tables and columns), comments and layout dropped."""
    data = to_python(root)
    if _non_finite(data):  # JSON has no such float (and a schema has no use for one)
        message = "a float that is infinite or NaN cannot be written to a JSON snapshot"
        raise SchemacogError([Problem(root.pos, message)])
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def load_snapshot(snapshot: Snapshot, root: Path) -> Schema:
    """A snapshot, read only where the project's own files are: no symbolic link on the
    way (one to ../.env would have its text echoed in the error), nothing hidden."""
    refused = project_file_refusal(root, snapshot.path)
    if refused is not None:
        raise SchemacogError([Problem(Pos(snapshot.shown, 1), f"{snapshot.shown} {refused}")])
    return load_schema(snapshot.path, snapshot.shown)


def project_file_refusal(root: Path, path: Path) -> str | None:
    """Why ``path`` is not read as a file of the project (None: it is)."""
    base = root.resolve()
    if paths.symlink_in(base, path) is not None or path.is_symlink():
        return "is or goes through a symbolic link (migrations are read only as files)"
    try:
        relative = str(path.relative_to(base) if path.is_absolute() else path)
    except ValueError:
        return "is outside the project"
    return paths.refusal(base, relative, hidden=False, must_exist=True)


def schema_root(path: Path, shown: str) -> Node:
    loaded = load_file(path, shown)
    assert loaded.root is not None  # the schema was validated first
    return loaded.root


def write_migration(
    root: Path,
    folder: Path,
    shown: str,
    *,
    stem: str,
    scripts: Mapping[str, str],
    snapshot: str,
    start: str | None = None,
) -> list[str]:
    """Write each dialect's script and the snapshot (and ``start``, the OLD of a first
    migration that did not start from nothing), none of which may exist yet; all or
    nothing. Each is written whole to a hidden file beside it and linked to its name (a
    link fails where the name exists), so that even a killed run leaves no file cut
    short under a migration's name. The shown paths."""
    if len(snapshot.encode()) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        message = f"the snapshot would be larger than the {limit} MB a schema file may be"
        raise SchemacogError([Problem(Pos(f"{shown}/{stem}.schema.json", 1), message)])
    targets = [(folder / dialect / f"{stem}.sql", text) for dialect, text in scripts.items()]
    targets.append((folder / f"{stem}.schema.json", snapshot))
    if start is not None:  # a first migration from git or a file: where it started
        targets.append((from_path(folder, stem), start))
    base = root.resolve()
    for target, _ in targets:
        relative = str(target.relative_to(root))
        why = paths.refusal(base, relative, writes=True, folder_exists=False, hidden=False)
        if why is None and target.exists():
            why = "exists already"
        if why is not None:
            where = f"{shown}/{target.relative_to(folder).as_posix()}"
            raise SchemacogError([Problem(Pos(where, 1), f"{printable(where)} {why}")])
    linked: list[Path] = []
    staged: list[Path] = []
    try:
        for target, text in targets:
            target.parent.mkdir(parents=True, exist_ok=True)
            stage = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            descriptor = os.open(stage, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
            staged.append(stage)
            with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
        for (target, _), stage in zip(targets, staged, strict=True):
            os.link(stage, target)
            linked.append(target)
    except OSError as exc:
        for path in linked:
            path.unlink(missing_ok=True)
        where = f"{shown}/{stem}"
        raise SchemacogError([Problem(Pos(where, 1), f"cannot write {where}: {exc}")]) from None
    finally:
        for stage in staged:
            stage.unlink(missing_ok=True)
    return [printable(f"{shown}/{path.relative_to(folder).as_posix()}") for path, _ in targets]


def _header(path: Path) -> dict[str, str]:
    try:
        head = paths.read_regular(path, _HEADER_BYTES).decode("utf-8", "replace")
    except (OSError, paths.PathRefused):
        return {}
    return dict(_FINGERPRINT.findall(head))


def drift(
    root: Path,
    folder: Path,
    shown: str,
    *,
    schema: Schema,
    schema_shown: str,
    dialects: Sequence[str],
) -> list[Problem]:
    """What ``check`` says of a migrations folder: the schema renders other DDL than the
    newest snapshot, two migrations share a number, or a chain is broken."""
    from schemacog.migrate.script import fingerprint

    found: list[Problem] = []
    taken: dict[int, str] = {}
    for snapshot in snapshots(folder, shown):
        if snapshot.number in taken:
            found.append(
                Problem(
                    Pos(snapshot.shown, 1),
                    f"migration {snapshot.number:04d} is also {taken[snapshot.number]}: "
                    "two migrations share a number",
                )
            )
        taken.setdefault(snapshot.number, snapshot.shown)
    newest = newest_snapshot(folder, shown)
    if newest is None:
        message = (
            f"migrations are configured but {shown}/ holds no snapshot yet; run schemacog "
            "migrate new initial --from empty (or --from git:REV)"
        )
        found.append(Problem(Pos(schema_shown, 1), message))
    else:
        try:
            before = load_snapshot(newest, root)
        except SchemacogError as exc:
            found += exc.problems
        else:
            changed = [d for d in dialects if fingerprint(before, d) != fingerprint(schema, d)]
            if changed:
                found.append(
                    Problem(
                        Pos(schema_shown, 1),
                        f"schema changed since {newest.shown} ({', '.join(changed)} DDL "
                        "differs); run schemacog migrate new NAME",
                    )
                )
    numbers = {s.number: s for s in snapshots(folder, shown)}
    for dialect in dialects:
        scripts = _listed(folder / dialect, _SCRIPT)
        have = {number for number, _, _ in scripts}
        found += [
            Problem(
                Pos(snapshot.shown, 1),
                f"migration {number:04d} has no {dialect} script ({shown}/{dialect}/ lacks it)",
            )
            for number, snapshot in sorted(numbers.items())
            if number not in have
        ]
        seen: dict[int, Path] = {}
        previous: dict[str, str] | None = None
        for number, _, path in scripts:
            where = Pos(f"{shown}/{dialect}/{path.name}", 1)
            if number in seen:
                found.append(
                    Problem(
                        where,
                        f"migration {number:04d} is also {seen[number].name}: two "
                        "migrations share a number",
                    )
                )
            seen.setdefault(number, path)
            header = _header(path)
            if "from" not in header or "to" not in header:
                found.append(Problem(where, "no fingerprint header (written by migrate new?)"))
                previous = None
                continue
            if previous is not None and header["from"] != previous["to"]:
                found.append(
                    Problem(
                        where,
                        f"the chain is broken: this migration starts from {header['from']}, "
                        f"the one before ends at {previous['to']}",
                    )
                )
            previous = header
    found += _rederived(root, folder, shown, dialects)
    return found


def from_path(folder: Path, stem: str) -> Path:
    """Where ``migrate new`` keeps the OLD a first migration started from."""
    return folder / f"{stem}.from.schema.json"


def _rederived(root: Path, folder: Path, shown: str, dialects: Sequence[str]) -> list[Problem]:
    """Each script against what this schemacog plans from the snapshot before it (the
    first: from its starting point, else from nothing) to its own: a migration holds only
    what ``migrate new`` wrote, not a statement added by hand or by a pull request."""
    from schemacog.migrate.matching import match
    from schemacog.migrate.plan import plan
    from schemacog.migrate.script import sql_script

    problems: list[Problem] = []
    taken = {n for n, _, _ in _listed(folder, _SNAPSHOT)}
    for dialect in dialects:
        problems += [
            Problem(
                Pos(f"{shown}/{dialect}/{path.name}", 1),
                f"migration {number:04d} has no snapshot ({shown}/{number:04d}_{name}.schema.json)",
            )
            for number, name, path in _listed(folder / dialect, _SCRIPT)
            if number not in taken
        ]
    try:
        for snapshot, old, new in chain(root, folder, shown):
            for dialect in dialects:
                script = folder / dialect / f"{snapshot.number:04d}_{snapshot.name}.sql"
                if not script.is_file():
                    continue  # said above
                where = Pos(f"{shown}/{dialect}/{script.name}", 1)
                try:
                    text = paths.read_regular(script, MAX_FILE_BYTES + 1).decode("utf-8")
                except (OSError, paths.PathRefused, UnicodeDecodeError) as exc:
                    problems.append(Problem(where, f"cannot read it: {exc}"))
                    continue
                derived = sql_script(plan(match(old, new), dialect), old, new)
                if not same_script(text, derived):
                    problems.append(Problem(where, not_planned(snapshot, old)))
    except SchemacogError as exc:
        problems += exc.problems
    return problems


def not_planned(snapshot: Snapshot, old: Schema) -> str:
    """Why a script that is not what this schemacog plans is refused."""
    from schemacog.migrate.sources import EMPTY

    previous = "nothing" if old.path == EMPTY else old.path
    return (
        f"differs from what schemacog plans from {printable(previous)} to "
        f"{snapshot.shown}: a migration holds only what migrate new wrote "
        "(edited by hand, or written by another version of schemacog?)"
    )


def chain(root: Path, folder: Path, shown: str) -> Iterator[tuple[Snapshot, Schema, Schema]]:
    """Each snapshot with the schema its migration starts from (the snapshot before it;
    the first's: where it started, else nothing) and its own (SchemacogError where one
    cannot be read: the chain stops there)."""
    from schemacog.migrate.sources import empty_schema

    starts = {n: path for n, _, path in _listed(folder, _FROM)}
    old: Schema | None = None
    for index, snapshot in enumerate(snapshots(folder, shown)):
        new = load_snapshot(snapshot, root)
        if index == 0 and snapshot.number in starts:
            start = starts[snapshot.number]
            old = load_snapshot(Snapshot(snapshot.number, "", start, f"{shown}/{start.name}"), root)
        elif index == 0:
            old = empty_schema()
        assert old is not None
        yield snapshot, old, new
        old = new


def same_script(text: str, derived: str) -> bool:
    """Is ``text`` the script ``derived``, byte for byte but for the names of the files
    in its ``from:`` and ``to:`` lines (where it was planned from)? Every other line,
    the first too, must be the same."""
    mine, theirs = text.split("\n", 3), derived.split("\n", 3)
    if len(mine) != 4 or len(theirs) != 4:
        return text == derived
    if mine[0] != theirs[0] or mine[3] != theirs[3]:
        return False
    for line, planned in zip(mine[1:3], theirs[1:3], strict=True):
        found, wanted = _FINGERPRINT.fullmatch(line), _FINGERPRINT.fullmatch(planned)
        if found is None or wanted is None or found.groups() != wanted.groups():
            return False
    return True
