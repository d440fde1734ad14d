"""The command line as a user meets it: exit codes, output streams, no tracebacks."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from bad_schemas import CASES, BadSchema
from conftest import FIXTURES, ROOT, RunCli, run_in_process

from schemacog import __version__, cli
from schemacog.cli import main
from schemacog.engine import marker_context


def test_validate_prints_a_summary_and_exits_0(run_process: RunCli) -> None:
    result = run_process("validate", "schema/shop.yaml")
    assert (result.code, result.err) == (0, "")
    assert result.out == "schema/shop.yaml: 9 tables, 63 columns, 4 enums\n"


def test_validate_without_argument_uses_the_config(run_cli: RunCli) -> None:
    result = run_cli("validate", cwd=ROOT / "schema")
    assert result.code == 0
    assert result.out.endswith(": 9 tables, 63 columns, 4 enums\n")


def test_validate_a_broken_copy_exits_2_with_positioned_lines(
    run_cli: RunCli, tmp_path: Path
) -> None:
    text = (ROOT / "schema" / "shop.yaml").read_text(encoding="utf-8")
    broken = text.replace("{type: uuid, unique: true", "{type: uuid, uniqe: true", 1)
    broken = broken.replace(
        "customer_id: {type: bigint, references: customer.id",
        "customer_id: {type: bigint, references: customer.idd",
        1,
    )
    (tmp_path / "shop.yaml").write_text(broken, encoding="utf-8")
    uniqe, idd = (broken[: broken.index(s)].count("\n") + 1 for s in ("uniqe", "customer.idd"))
    result = run_cli("validate", "shop.yaml", cwd=tmp_path)
    assert result.code == 2
    assert result.out == ""
    assert result.err.splitlines() == [
        f"shop.yaml:{uniqe}:33: unknown key 'uniqe' in column 'public_id' of table 'customer'; "
        "did you mean 'unique'?",
        f"shop.yaml:{idd}:47: references unknown column customer.idd; did you mean 'id'?",
    ]


def test_no_config_and_no_argument_is_a_clear_error(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("validate", cwd=tmp_path)
    assert result.code == 2
    assert (
        result.err
        == ".:1: no schema given and no pyproject.toml with [tool.schemacog] above here\n"
    )


def test_config_errors_are_positioned(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.schemacog]\n'
        'schema = "s.yaml"\nfiles = "*.py"\ndialekt = "pg"\n',
        encoding="utf-8",
    )
    result = run_cli("validate", cwd=tmp_path)
    assert result.code == 2
    assert result.err.splitlines() == [
        "pyproject.toml:6: files must be a list of strings (globs)",
        "pyproject.toml:7: unknown key 'dialekt' in [tool.schemacog]; did you mean 'dialect'?",
    ]


@pytest.mark.parametrize(
    "value",
    [
        "enum import Enum as _E; open('/tmp/x', 'w').write('x'); from app.enums",
        "app.enums\nimport os",
        "app..enums",
        "class.enums",
        "app.énums",
    ],
)
def test_python_enums_module_is_a_module_name_and_nothing_else(
    run_cli: RunCli, tmp_path: Path, value: str
) -> None:
    """It is written into generated imports: text around a name would be code."""
    import tomllib

    text = (
        '[tool.schemacog]\nschema = "s.yaml"\nfiles = ["*.py"]\n'
        f"python_enums_module = {json.dumps(value)}\n"
    )
    assert tomllib.loads(text)["tool"]["schemacog"]["python_enums_module"] == value
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    result = run_cli("validate", cwd=tmp_path)
    assert result.code == 2
    assert result.err.startswith("pyproject.toml:4: python_enums_module "), result.err
    assert "is not a module name (dotted identifiers, like 'app.enums')" in result.err


def test_version_and_module_entry_point(run_process: RunCli) -> None:
    result = run_process("--version")
    assert (result.code, result.out) == (0, f"schemacog {__version__}\n")


def test_usage_errors_exit_2(run_process: RunCli) -> None:
    assert run_process("frobnicate").code == 2
    assert run_process().code == 2
    assert run_process("validate", "a", "b").code == 2


def test_schema_json_prints_the_shipped_json_schema(run_process: RunCli) -> None:
    result = run_process("schema-json")
    assert result.code == 0
    document = json.loads(result.out)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert result.out == (ROOT / "src" / "schemacog" / "schema" / "schema.json").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_no_bad_schema_prints_a_traceback(
    case: BadSchema, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(case.data)
    assert main(["validate", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Traceback" not in captured.err
    assert all(line.startswith(f"{path}:") for line in captured.err.splitlines())


def test_bad_schema_through_a_real_process_has_no_traceback(
    run_process: RunCli, tmp_path: Path
) -> None:
    for index, case in enumerate(CASES[:10]):
        (tmp_path / f"bad{index}.yaml").write_bytes(case.data)
    for index in range(10):
        result = run_process("validate", f"bad{index}.yaml", cwd=tmp_path)
        assert result.code == 2
        assert "Traceback" not in result.err
        assert result.err.startswith(f"bad{index}.yaml:")


def test_valid_fixture_through_main(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(FIXTURES / "valid" / "minimal.yaml")]) == 0
    assert capsys.readouterr().out.endswith("minimal.yaml: 1 table, 1 column, 0 enums\n")


def test_in_process_runs_read_argparse_exits_like_the_interpreter(run_cli: RunCli) -> None:
    usage = run_cli("frobnicate")
    assert usage.code == 2
    assert "invalid choice: 'frobnicate'" in usage.err
    assert run_cli("--help").code == 0


@pytest.mark.parametrize(
    "leak",
    [
        lambda: os.environ.__setitem__("SCHEMACOG_LEAK", "1"),
        lambda: sys.path.append("/leak"),
        lambda: marker_context._active.set(object()),  # type: ignore[arg-type]
    ],
    ids=["environment", "sys.path", "markers context"],
)
def test_in_process_runs_fail_when_they_leave_state_behind(
    monkeypatch: pytest.MonkeyPatch, leak: Callable[[], None]
) -> None:
    def main(argv: list[str]) -> int:
        leak()
        return 0

    monkeypatch.setattr(cli, "main", main)
    with monkeypatch.context() as undo:  # restores what the fake main leaked, afterwards
        undo.setattr(os, "environ", os.environ.copy())
        undo.setattr(sys, "path", list(sys.path))
        try:
            with pytest.raises(AssertionError, match="left process-wide state behind"):
                run_in_process(["validate"], ROOT, {})
        finally:
            marker_context._active.set(None)
