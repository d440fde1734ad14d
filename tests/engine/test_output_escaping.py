"""Every output format escapes every value: a hostile file name cannot forge a line.

The names are real files in real temporary repos (issue 17, item 11): a newline followed
by a workflow command or a ``path:line:col:`` error, GitHub's own escapes (``%0A``), the
property separators ``:`` and ``,``, a terminal escape, a bidi control, a line
separator and an undecodable byte (Python reads it as a lone surrogate).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from conftest import RunCli

from schemacog.errors import Pos, Problem, printable

SCHEMA = """schemacog: 1
name: tiny
tables:
  thing:
    columns:
      id: {type: integer, primary_key: true}
"""
BAD = '# [[[cog sc.python.columns("nope") ]]]\n# [[[end]]]\n'
DRIFT = '# [[[cog sc.python.columns("thing") ]]]\n# [[[end]]]\n'

NAMES = [
    "a\n::error file=x.py,line=1::forged.py",
    "b\nz.py:9:9: forged error.py",
    "c\r::warning ::forged.py",
    "d%0A::error ::forged.py",
    "e:1,2,title=x::y.py",
    "f\x1b[2Jcleared.py",
    "g\u202egnp.py",
    "h\u2028sep.py",
]
UNDECODABLE = os.fsdecode(b"i\xff.py")  # Python reads the byte as the lone surrogate U+DCFF


def _project(root: Path, body: str, names: list[str] = NAMES) -> dict[str, str]:
    """A project with one marked file per hostile name; name -> path as schemacog shows it."""
    (root / "out").mkdir(parents=True)
    (root / "schema.yaml").write_text(SCHEMA, encoding="utf-8")
    (root / "pyproject.toml").write_text(
        '[tool.schemacog]\nschema = "schema.yaml"\nfiles = ["out/*"]\n', encoding="utf-8"
    )
    for name in names:
        (root / "out" / name).write_text(body, encoding="utf-8")
    return {name: f"out/{name}" for name in names}


def _unescape_github(text: str) -> str:
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


def _annotations(out: str) -> list[tuple[dict[str, str], str]]:
    """Each ``::error`` line of ``out`` read back the way GitHub's runner reads it."""
    found = []
    for line in out.splitlines():
        if line.startswith("schemacog "):
            continue  # the summary
        match = re.fullmatch(r"::error (?P<props>[^:]*)::(?P<message>.*)", line)
        assert match, f"not one workflow command: {line!r}"
        props = dict(item.split("=", 1) for item in match["props"].split(","))
        found.append(({k: _unescape_github(v) for k, v in props.items()}, match["message"]))
    return found


@pytest.mark.parametrize("body", [BAD, DRIFT], ids=["error", "drift"])
def test_github_annotations_escape_every_property(
    run_cli: RunCli, tmp_path: Path, body: str
) -> None:
    shown = _project(tmp_path / "p", body)
    result = run_cli("check", "--format", "github", cwd=tmp_path / "p")
    assert result.code == (2 if body is BAD else 1)
    annotations = _annotations(result.out)
    assert len(annotations) == len(NAMES)  # one line each: nothing forged, nothing split
    files = sorted(props["file"] for props, _ in annotations)
    # CR and LF come back as they are; the characters no log line should hold as escapes
    wanted = [
        "".join(ch if ch in "\r\n" else printable(ch) for ch in path) for path in shown.values()
    ]
    assert files == sorted(wanted)
    for props, message in annotations:
        assert set(props) <= {"file", "line", "col", "title"}
        assert props["line"] == "1"
        assert props.get("col") == ("28" if body is BAD else None)  # the error's column
        assert "\x1b" not in message


@pytest.mark.parametrize("body", [BAD, DRIFT], ids=["error", "drift"])
def test_text_output_gives_each_file_one_line(run_cli: RunCli, tmp_path: Path, body: str) -> None:
    _project(tmp_path / "p", body)
    result = run_cli("check", cwd=tmp_path / "p")
    assert result.code == (2 if body is BAD else 1)
    lines = (result.err if body is BAD else result.out).splitlines()
    if body is DRIFT:  # the diff's own lines are the file's; its headers and the regions
        headers = [line for line in lines if line.startswith(("--- ", "+++ "))]
        assert len(headers) == 2 * len(NAMES)
        lines = [line for line in lines if re.match(r"out/.*:1: sc\.", line)]
    else:
        lines = lines[:-1]  # the summary
    assert len(lines) == len(NAMES)
    for name in NAMES:
        assert sum(line.startswith(f"out/{printable(name)}:1:") for line in lines) == 1
    assert not any("\x1b" in line or "\u202e" in line or "\u2028" in line for line in lines)


@pytest.mark.parametrize("body", [BAD, DRIFT], ids=["error", "drift"])
def test_json_holds_the_names_exactly(run_cli: RunCli, tmp_path: Path, body: str) -> None:
    shown = _project(tmp_path / "p", body)
    result = run_cli("check", "--format", "json", cwd=tmp_path / "p")
    document = json.loads(result.out)
    entries = document["errors"] if body is BAD else document["files"]
    assert sorted(entry["path"] for entry in entries) == sorted(shown.values())


@pytest.mark.parametrize("fmt", ["text", "github", "json"])
def test_an_undecodable_file_name_is_an_error_in_every_format(
    run_cli: RunCli, tmp_path: Path, fmt: str
) -> None:
    """cog hashes the file name as UTF-8: such a file is refused at its name, and every
    format shows the name without failing to encode it."""
    _project(tmp_path / "p", DRIFT, [UNDECODABLE, "ok.py"])
    result = run_cli("check", "--format", fmt, cwd=tmp_path / "p")
    assert result.code == 2
    message = "file name is not valid UTF-8; rename it"
    if fmt == "json":
        errors = json.loads(result.out)["errors"]
        # the name as discovery shows it: the byte it could not decode, escaped
        assert errors == [{"path": "out/i\\xff.py", "line": 1, "col": 0, "message": message}]
    elif fmt == "github":
        assert result.out.splitlines()[0] == f"::error file=out/i\\xff.py,line=1::{message}"
    else:
        assert result.err.splitlines()[0] == f"out/i\\xff.py:1: {message}"


def test_printable_escapes_exactly_what_repr_escapes() -> None:
    for text in [*NAMES, UNDECODABLE, "plain", "tab\there", "é ü 中", "\x00\x7f\x85\ufeff\u200b"]:
        assert printable(text).isprintable()
        assert printable(text) == repr(text)[1:-1]
    problem = Problem(Pos("out/a\nb.py", 1, 2), "bad\r\nthing")
    assert str(problem) == "out/a\\nb.py:1:2: bad\\r\\nthing"


def test_validate_shows_a_hostile_schema_name_on_one_line(run_cli: RunCli, tmp_path: Path) -> None:
    name = "s\n::error ::forged.yaml"
    (tmp_path / name).write_text(SCHEMA, encoding="utf-8")
    result = run_cli("validate", name, cwd=tmp_path)
    assert result.code == 0
    assert result.out == "s\\n::error ::forged.yaml: 1 table, 1 column, 0 enums\n"
    (tmp_path / name).write_text(SCHEMA + "  bad: 1\n", encoding="utf-8")
    result = run_cli("validate", name, cwd=tmp_path)
    assert result.code == 2
    assert all(line.startswith("s\\n::error ::forged.yaml:") for line in result.err.splitlines())


def _commands(out: str) -> list[str]:
    """The lines a GitHub runner would read as workflow commands: ``::`` after leading
    white space, or ``##[`` anywhere."""
    return [line for line in out.splitlines() if line.lstrip().startswith("::") or "##[" in line]


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_no_line_carries_a_workflow_command(run_cli: RunCli, tmp_path: Path, fmt: str) -> None:
    """A marker argument (said in the error), a file name, and a marked file's own lines
    (shown in the text diff) that hold ``::error::`` or ``##[error]``."""
    root = tmp_path / "p"
    names = ["::error::name.py", "x##[error]name.py"]
    _project(root, BAD, names)
    hand = "  ::error::forged\n##[error]forged too\n"
    (root / "out" / "drift.py").write_text(hand + DRIFT, encoding="utf-8")
    (root / "out" / "call.py").write_text(
        '# [[[cog sc.python.columns("##[error]forged") ]]]\n# [[[end]]]\n', encoding="utf-8"
    )
    result = run_cli("check", "--format", fmt, cwd=root)
    assert result.code == 2
    assert "forged" in result.out + result.err  # the argument is said, escaped
    assert _commands(result.out + result.err) == []
    (root / "out" / "call.py").unlink()
    for name in names:
        (root / "out" / name).unlink()
    drift = run_cli("check", "--format", fmt, cwd=root)
    assert drift.code == 1, drift.err
    assert "forged" in drift.out  # the diff is shown, escaped
    assert _commands(drift.out + drift.err) == []
