"""What ``check`` and ``regen`` print: text (diffs, regions, summary), GitHub annotations, JSON.

The JSON object (``--format json``) is stable, version 1::

    {"version": 1, "command": "check", "status": "clean" | "drift" | "error",
     "exit_code": 0 | 1 | 2, "files_checked": N,
     "files": [{"path": "...", "diff": "unified diff",
                "regions": [{"line": N, "call": "sc...", "reason": "..."}]}],
     "hand_edits": [{"path": "...", "line": N, "call": "...", "reason": "hand edit"}],
     "errors": [{"path": "...", "line": N, "col": N, "message": "..."}]}

``reason`` is one of "schema drift", "hand edit", "new region", "checksum".

Every value a line of output shows (a path, a marker call, a message) passes through the
one escaping function of its format, so no file name or message can end a line, forge a
line of its own (``path:line:col:``, ``::error``) or fail to encode: text uses
``errors.printable`` (repr-like escapes), GitHub annotations ``_github`` (GitHub's own
escapes of ``%``, CR and LF, and in properties ``:`` and ``,``), JSON escapes by
construction (``_json``: also lone surrogates, which an undecodable file name holds).
"""

from __future__ import annotations

import difflib
import json
from collections import Counter
from collections.abc import Iterator
from typing import TextIO

from schemacog.engine.process import HAND_EDIT, FileResult, Outcome, Region
from schemacog.errors import LONE_SURROGATE, Problem, printable

__all__ = ["FORMATS", "annotation", "emit", "unified_diff"]

FORMATS = ("text", "json", "github")


# old x new lines past which difflib's matching (worse than quadratic on files of
# repeated lines) gives way to one hunk between the common head and tail
_DIFF_BUDGET = 4_000_000
_CONTEXT = 3


def _unified_diff(result: FileResult, *, shown: bool = False) -> str:
    """The file's unified diff; ``shown`` (printed as text): each line's text through
    ``printable``, so that a marked file's own line sends no escape to the terminal and
    no command to a CI runner."""
    old = result.source.data.decode("utf-8-sig").splitlines(keepends=True)
    new = result.new.decode("utf-8-sig").splitlines(keepends=True)
    path = printable(result.source.shown)
    lines = unified_diff(old, new, f"a/{path}", f"b/{path}")
    out = []
    for line in lines:
        ended = line.endswith("\n")
        text = line
        if shown:
            body = line.rstrip("\r\n")
            text = body[:1] + printable(body[1:]) if body[:1] in "+- " else printable(body)
            text += "\n" if ended else ""
        out.append(text if ended else text + "\n\\ No newline at end of file\n")
    return "".join(out)


def unified_diff(old: list[str], new: list[str], a: str, b: str) -> Iterator[str]:
    """difflib's unified diff, or, past ``_DIFF_BUDGET``, one hunk built in linear time."""
    if len(old) * len(new) <= _DIFF_BUDGET:
        yield from difflib.unified_diff(old, new, a, b)
        return
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    if head == len(old) == len(new):
        return
    start = max(head - _CONTEXT, 0)
    after = min(tail, _CONTEXT)
    old_stop, new_stop = len(old) - tail + after, len(new) - tail + after
    yield f"--- {a}\n"
    yield f"+++ {b}\n"
    yield f"@@ -{_range(start, old_stop)} +{_range(start, new_stop)} @@\n"
    yield from (" " + line for line in old[start:head])
    yield from ("-" + line for line in old[head : len(old) - tail])
    yield from ("+" + line for line in new[head : len(new) - tail])
    yield from (" " + line for line in old[len(old) - tail : old_stop])


def _range(start: int, stop: int) -> str:
    """A hunk's line range as unified diffs write it (difflib's convention)."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start if length == 0 else start + 1},{length}"


def _fix(region: Region) -> str:
    """The command that brings a region back: regen refuses to overwrite a hand edit."""
    if region.reason == HAND_EDIT:
        return "schemacog regen --force (it overwrites the edit)"
    return "schemacog regen"


def _region_line(region: Region) -> str:
    return printable(f"{region.path}:{region.line}: {region.call}: {region.reason}")


def _summary(command: str, outcome: Outcome, status: str) -> str:
    written = "; nothing was written" if command == "regen" else ""  # check never writes
    if outcome.written:  # a replace failed part way: say exactly what was written
        names = ", ".join(result.source.shown for result in outcome.written)
        written = f"; {len(outcome.written)} file(s) were written before it stopped: {names}"
    if status == "error":
        return f"schemacog {command}: {len(outcome.problems)} error(s){written}"
    if status == "hand_edit":
        count = len(outcome.hand_edits)
        return (
            f"schemacog {command}: {count} hand-edited region(s){written} "
            "(regen --force overwrites them)"
        )
    migrations = (
        f"; {len(outcome.migration_drift)} migration problem(s)" if outcome.migration_drift else ""
    )
    if not outcome.results:
        return f"schemacog {command}: {outcome.files_checked} file(s) up to date{migrations}"
    reasons = Counter(r.reason for result in outcome.results for r in result.regions)
    detail = ", ".join(f"{count} {reason}" for reason, count in sorted(reasons.items()))
    verb = "would change" if command == "check" else "rewritten"
    changed = f"{len(outcome.results)} of {outcome.files_checked} file(s)"
    advice = ""
    if command == "check":
        forced = HAND_EDIT in reasons
        advice = "; run schemacog regen" + (
            " --force to overwrite the hand edits" if forced else ""
        )
    return f"schemacog {command}: {changed} {verb} ({detail}){advice}{migrations}"


def _json_problem(problem: Problem) -> dict[str, object]:
    return {
        "path": problem.pos.path,
        "line": problem.pos.line,
        "col": problem.pos.col,
        "message": problem.message,
    }


def emit(
    out: TextIO,
    err: TextIO,
    outcome: Outcome,
    *,
    fmt: str,
    command: str,
    status: str,
    exit_code: int,
    show_diff: bool = False,
) -> None:
    """Print the outcome in ``fmt``; ``status`` is clean, drift, written, hand_edit or error."""
    if fmt == "json":
        document = {
            "version": 1,
            "command": command,
            "status": {"written": "clean", "hand_edit": "error"}.get(status, status),
            "exit_code": exit_code,
            "files_checked": outcome.files_checked,
            "files": [
                {
                    "path": result.source.shown,
                    "diff": _unified_diff(result),
                    "regions": [
                        {"line": r.line, "call": r.call, "reason": r.reason} for r in result.regions
                    ],
                }
                for result in outcome.results
            ],
            "hand_edits": [
                {"path": r.path, "line": r.line, "call": r.call, "reason": r.reason}
                for r in outcome.hand_edits
            ],
            "errors": [_json_problem(p) for p in outcome.problems],
            "migrations": [_json_problem(p) for p in outcome.migration_drift],
        }
        out.write(_json(document) + "\n")
        return
    if fmt == "github":
        for problem in outcome.problems:
            where: dict[str, str | int] = {"file": problem.pos.path, "line": problem.pos.line or 1}
            if problem.pos.col:
                where["col"] = problem.pos.col
            out.write(annotation(where, problem.message))
        regions = outcome.hand_edits if status == "hand_edit" else []
        if status == "drift":
            regions = [region for result in outcome.results for region in result.regions]
        for region in regions:
            message = f"{region.call}: {region.reason}; run {_fix(region)}"
            place: dict[str, str | int] = {"file": region.path, "line": region.line}
            out.write(annotation(place | {"title": "schemacog"}, message))
        for problem in outcome.migration_drift:
            place = {"file": problem.pos.path, "line": problem.pos.line or 1}
            out.write(annotation(place | {"title": "schemacog migrations"}, problem.message))
        out.write(_summary(command, outcome, status) + "\n")
        return
    for problem in outcome.problems:
        err.write(f"{problem}\n")
    if status == "hand_edit":
        for region in outcome.hand_edits:
            err.write(_region_line(region) + "\n")
    if show_diff:
        for result in outcome.results:
            out.write(_unified_diff(result, shown=True))
    if status in ("drift", "written"):
        for result in outcome.results:
            for region in result.regions:
                out.write(_region_line(region) + "\n")
        for problem in outcome.migration_drift:
            out.write(f"{problem} (migrations)\n")
    stream = err if status in ("error", "hand_edit") else out
    stream.write(_summary(command, outcome, status) + "\n")


def _json(document: object) -> str:
    """``document`` as JSON; a lone surrogate (it cannot be encoded) as its ``\\u`` escape,
    which reads back as the same string."""
    text = json.dumps(document, indent=2, ensure_ascii=False)
    text = text.replace("##[", "#\\u0023[")  # a CI runner's command anywhere in a line
    return LONE_SURROGATE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


# GitHub's escapes (toolkit/core command.ts): in a command's data, and in its properties
_GITHUB_DATA = {"%": "%25", "\r": "%0D", "\n": "%0A"}
_GITHUB_PROPERTY = _GITHUB_DATA | {":": "%3A", ",": "%2C"}


def _github(text: str, *, property: bool) -> str:
    """``text`` as GitHub reads it back in a workflow command; every other character
    ``repr`` escapes (control characters, separators, lone surrogates) as that escape."""
    table = _GITHUB_PROPERTY if property else _GITHUB_DATA
    return "".join(
        table[ch] if ch in table else ch if ch.isprintable() else repr(ch)[1:-1] for ch in text
    )


def annotation(properties: dict[str, str | int], message: str) -> str:
    """One ``::error`` workflow command line; every value escaped."""
    shown = ",".join(
        f"{name}={_github(str(value), property=True)}" for name, value in properties.items()
    )
    return f"::error {shown}::{_github(message, property=False)}\n"
