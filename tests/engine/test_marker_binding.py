"""Every marker call is bound against its signature before anything renders (issue 17,
item 12): unknown, duplicate and wrong-typed arguments, an argument given by position and
by keyword, ``*``/``**`` forms, lone surrogates, huge integers and nested lists are each a
``path:line:col`` error at the argument, exit 2, in text and in JSON alike.

The bad calls are derived from the registry, so a new marker function is covered as soon
as it is registered. All of them are checked in one run (every error is said at once).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from conftest import RunCli

from schemacog.engine.registry import MARKERS, MarkerSpec, Role

SCHEMA = """schemacog: 1
name: tiny
enums:
  mood: {values: [calm, busy]}
tables:
  thing:
    columns:
      id: {type: integer, primary_key: true}
      mood: {type: enum, enum: mood}
"""
GOOD = {Role.TABLE: '"thing"', Role.ENUM: '"mood"', Role.DIALECT: '"sqlite"', Role.PATH: '"t.j2"'}
# literals of the wrong type for a parameter that takes a string (None: also for dialect)
WRONG = ["1", "True", "-5", '["thing"]', '[["thing"]]', '{"a": "thing"}', "None"]
REFUSED_LITERALS = [  # refused for any parameter, **literals too
    '"\\ud800"',
    '"a\\udfffb"',
    "10**50",
    "1" + "0" * 45,
    "1.5",
    'b"x"',
    "sc",
    '{"\\ud800": 1}',
]


@dataclass(frozen=True)
class Bad:
    spec: MarkerSpec
    args: list[str]  # the arguments as written, in order
    at: int  # the index in ``args`` the error must point to

    @property
    def code(self) -> str:
        return f"{self.spec.dotted}({', '.join(self.args)})"

    @property
    def cols(self) -> range:
        """The columns of the faulty argument on the marker line (1-based)."""
        prefix = f"# [[[cog {self.spec.dotted}("
        start = len(prefix) + len("".join(arg + ", " for arg in self.args[: self.at])) + 1
        return range(start, start + len(self.args[self.at]))


def _good(spec: MarkerSpec) -> list[tuple[str, str]]:
    """(name, literal) for each required parameter, in order."""
    return [(p.name, GOOD[p.role]) for p in spec.params if p.required and p.role in GOOD]


def bad_calls() -> list[Bad]:
    calls: list[Bad] = []
    for spec in MARKERS:
        good = _good(spec)
        positional = [p for p in spec.params if p.role is not Role.LITERALS]
        by_position = [value for _, value in good]
        literals = spec.param(Role.LITERALS) is not None
        if not literals:
            calls.append(Bad(spec, [*by_position, "zzz_unknown=1"], len(good)))
        all_by_position = [GOOD[p.role] for p in positional]
        calls.append(Bad(spec, [*all_by_position, '"x"'], len(positional)))  # one too many
        for index, param in enumerate(positional):
            value = GOOD[param.role]
            first = [f"{p.name}={GOOD[p.role]}" for p in positional[:index]]
            calls.append(
                Bad(spec, [*first, f"{param.name}={value}", f"{param.name}={value}"], index + 1)
            )
            calls.append(
                Bad(
                    spec,
                    [*[GOOD[p.role] for p in positional[: index + 1]], f"{param.name}={value}"],
                    index + 1,
                )
            )
            rest = [f"{n}={v}" for n, v in good if n != param.name]
            for wrong in WRONG + REFUSED_LITERALS:
                if wrong == "None" and param.role is Role.DIALECT:
                    continue  # None means the config's dialect
                before = [GOOD[p.role] for p in positional[:index]]
                calls.append(Bad(spec, [*before, wrong], index))
                calls.append(Bad(spec, [*rest, f"{param.name}={wrong}"], len(rest)))
        if literals:
            for wrong in REFUSED_LITERALS:
                calls.append(Bad(spec, [*by_position, f"x={wrong}"], len(good)))
            calls.append(Bad(spec, [*by_position, "x=1", "x=2"], len(good) + 1))
            calls.append(Bad(spec, [*by_position, "schema=1"], len(good)))
        calls.append(Bad(spec, [*by_position, '*["thing"]'], len(good)))
        calls.append(Bad(spec, [*by_position, '**{"table": "thing"}'], len(good)))
    return calls


BAD = bad_calls()


def _project(root: Path) -> dict[str, Bad]:
    (root / "out").mkdir(parents=True)
    (root / "templates").mkdir()
    (root / "templates" / "t.j2").write_text("{{ x }}\n", encoding="utf-8")
    (root / "schema.yaml").write_text(SCHEMA, encoding="utf-8")
    (root / "pyproject.toml").write_text(
        '[tool.schemacog]\nschema = "schema.yaml"\nfiles = ["out/*"]\ntemplates = "templates"\n',
        encoding="utf-8",
    )
    files = {}
    for number, bad in enumerate(BAD):
        name = f"out/c{number:04d}.py"
        (root / name).write_text(f"# [[[cog {bad.code} ]]]\n# [[[end]]]\n", encoding="utf-8")
        files[name] = bad
    return files


def test_the_bad_calls_cover_every_marker_function() -> None:
    assert {bad.spec.dotted for bad in BAD} == {spec.dotted for spec in MARKERS}
    assert len(BAD) > 300


def test_every_bad_call_is_an_error_at_its_argument(run_cli: RunCli, tmp_path: Path) -> None:
    files = _project(tmp_path / "p")
    before = {name: (tmp_path / "p" / name).read_bytes() for name in files}
    result = run_cli("check", cwd=tmp_path / "p")
    assert result.code == 2, result.out + result.err
    assert "Traceback" not in result.err
    errors = result.err.splitlines()[:-1]
    assert result.err.splitlines()[-1] == f"schemacog check: {len(files)} error(s)"
    seen: dict[str, tuple[int, int, str]] = {}
    for line in errors:
        match = re.fullmatch(r"(out/c\d{4}\.py):(\d+):(\d+): (.+)", line)
        assert match, line
        assert match[1] not in seen, f"two errors for one call: {line}"
        seen[match[1]] = (int(match[2]), int(match[3]), match[4])
    for name, bad in files.items():
        assert name in seen, f"{bad.code} was accepted"
        number, col, message = seen[name]
        assert number == 1
        assert col in bad.cols, f"{bad.code}: {message} at {col}, not in {bad.cols}"
    assert {name: (tmp_path / "p" / name).read_bytes() for name in files} == before


def test_json_reports_every_bad_call(run_cli: RunCli, tmp_path: Path) -> None:
    files = _project(tmp_path / "p")
    result = run_cli("check", "--format", "json", cwd=tmp_path / "p")
    assert result.code == 2
    document = json.loads(result.out)
    assert (document["status"], document["exit_code"]) == ("error", 2)
    places = {error["path"]: (error["line"], error["col"]) for error in document["errors"]}
    assert sorted(places) == sorted(files)
    for name, bad in files.items():
        assert places[name][0] == 1
        assert places[name][1] in bad.cols, bad.code


def test_allow_code_runs_bind_the_same_way(run_cli: RunCli, tmp_path: Path) -> None:
    """Under --allow-code cog runs the marker code: a call of the wrong shape is still an
    error at its line, exit 2 (never a TypeError read as drift), in JSON too."""
    files = _project(tmp_path / "p")
    kept = {
        name: bad
        for name, bad in files.items()
        if not any(arg.split("=", 1)[-1] in REFUSED_LITERALS for arg in bad.args)
        and "*" not in bad.code
    }
    for name in set(files) - set(kept):
        (tmp_path / "p" / name).unlink()
    pyproject = tmp_path / "p" / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8") + "allow_code = true\n")
    for fmt in ("text", "json"):
        result = run_cli("check", "--allow-code", "--format", fmt, cwd=tmp_path / "p")
        assert result.code == 2, result.out + result.err
        if fmt == "json":
            errors = json.loads(result.out)["errors"]
            assert sorted(error["path"] for error in errors) == sorted(kept)
            assert all(error["line"] == 1 for error in errors)
        else:
            lines = result.err.splitlines()[:-1]
            assert sorted(line.split(":", 1)[0] for line in lines) == sorted(kept)
            assert all(line.split(":")[1] == "1" for line in lines), lines
