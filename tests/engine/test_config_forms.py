"""How a project's configuration is found and read (issue 17, items 12 and 13): every form
TOML has for ``[tool.schemacog]`` counts, a nested project is never passed over for its
parent, ``init`` refuses a pyproject it cannot extend, and a lock that cannot be opened
is an error at it. Real temporary repos, the CLI in-process.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest
from conftest import RunCli

from schemacog.engine.config import find_pyproject, has_config, load_config

SCHEMA = """schemacog: 1
name: tiny
tables:
  thing:
    columns:
      id: {type: integer, primary_key: true}
"""
MARKED = '# [[[cog sc.python.columns("thing") ]]]\n# [[[end]]]\n'

# the same table, in each way TOML can write it; {files} is the files glob
FORMS = {
    "header": '[tool.schemacog]\nschema = "schema.yaml"\nfiles = {files}\n',
    "quoted header": '[tool."schemacog"]\nschema = "schema.yaml"\nfiles = {files}\n',
    "dotted under tool": '[tool]\nschemacog.schema = "schema.yaml"\nschemacog.files = {files}\n',
    "dotted at top": 'tool.schemacog.schema = "schema.yaml"\ntool.schemacog.files = {files}\n',
    "inline": '[tool]\nschemacog = {{schema = "schema.yaml", files = {files}}}\n',
    "after another tool": '[tool.other]\nx = 1\n[tool]\nschemacog.schema = "schema.yaml"\n'
    "schemacog.files = {files}\n",
}


def _project(root: Path, pyproject: str) -> Path:
    (root / "out").mkdir(parents=True)
    (root / "schema.yaml").write_text(SCHEMA, encoding="utf-8")
    (root / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (root / "out" / "m.py").write_text(MARKED, encoding="utf-8")
    return root


@pytest.mark.parametrize("form", FORMS)
def test_every_toml_form_of_the_table_is_a_config(form: str, tmp_path: Path) -> None:
    text = FORMS[form].format(files='["out/*"]')
    assert tomllib.loads(text)["tool"]["schemacog"] == {"schema": "schema.yaml", "files": ["out/*"]}
    assert has_config(text)
    root = _project(tmp_path / "p", text)
    assert find_pyproject(root / "out") == root / "pyproject.toml"
    assert load_config(root / "pyproject.toml").files == ("out/*",)


@pytest.mark.parametrize("form", FORMS)
def test_a_nested_project_is_processed_not_its_parent(
    run_cli: RunCli, tmp_path: Path, form: str
) -> None:
    """The parent's glob would match a file the nested project does not have: running in
    the nested project must use the nested config, whatever form it is written in."""
    parent = _project(tmp_path / "parent", FORMS["header"].format(files='["**/*.py"]'))
    (parent / "elsewhere.py").write_text(MARKED.replace("thing", "nope"), encoding="utf-8")
    nested = _project(parent / "sub", FORMS[form].format(files='["out/*"]'))
    result = run_cli("check", cwd=nested)
    assert result.code == 1, result.err  # the nested file drifts; the parent's is not read
    assert "out/m.py:1: sc.python.columns" in result.out
    assert "nope" not in result.out + result.err


@pytest.mark.parametrize("form", ["dotted under tool", "dotted at top", "after another tool"])
def test_a_bad_key_in_dotted_form_is_an_error_at_its_line(
    run_cli: RunCli, tmp_path: Path, form: str
) -> None:
    text = FORMS[form].format(files='["out/*"]')
    prefix = "tool.schemacog." if form == "dotted at top" else "schemacog."
    text += f'{prefix}dialekt = "sqlite"\n'
    root = _project(tmp_path / "p", text)
    result = run_cli("check", cwd=root)
    assert result.code == 2
    line = text.splitlines().index(f'{prefix}dialekt = "sqlite"') + 1
    assert result.err.startswith(f"pyproject.toml:{line}: unknown key 'dialekt'")


def test_an_unreadable_nested_pyproject_that_names_schemacog_is_an_error(
    run_cli: RunCli, tmp_path: Path
) -> None:
    parent = _project(tmp_path / "parent", FORMS["header"].format(files='["**/*.py"]'))
    nested = _project(parent / "sub", "[tool.schemacog\nschema = 1\n")
    result = run_cli("check", cwd=nested)
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("pyproject.toml:1: invalid TOML")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'[project]\nname = "caf\xe9"\n', "pyproject.toml:2:12: invalid UTF-8 byte 0xe9"),
        (b"[project]\nname = \n", "pyproject.toml:2:8: invalid TOML: Invalid value"),
        (b'[tool]\nschemacog.schema = "x"\n', "pyproject.toml:2: already has [tool.schemacog]"),
        (b'tool = {schemacog = {schema = "x"}}\n', "pyproject.toml:1: already has"),
        (b"x = " + b"[" * 5000 + b"]" * 5000 + b"\n", "pyproject.toml:1:69: arrays and inline"),
        (b"# " + b"x" * 2**21 + b"\n", "pyproject.toml:1: larger than the 1 MB limit"),
    ],
)
def test_init_refuses_a_pyproject_it_cannot_extend(
    run_cli: RunCli, tmp_path: Path, content: bytes, expected: str
) -> None:
    (tmp_path / "pyproject.toml").write_bytes(content)
    result = run_cli("init", cwd=tmp_path)
    assert result.code == 2
    assert result.err.startswith(expected), result.err
    assert "Traceback" not in result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pyproject.toml"]
    assert (tmp_path / "pyproject.toml").read_bytes() == content


def test_a_lock_that_cannot_be_opened_is_an_error_at_it(run_cli: RunCli, tmp_path: Path) -> None:
    root = _project(tmp_path / "p", FORMS["header"].format(files='["out/*"]'))
    (root / ".schemacog.lock").mkdir()  # what open() meets in a read-only folder, as root too
    result = run_cli("regen", cwd=root)
    assert result.code == 2
    assert result.err == (
        ".schemacog.lock:1: is a folder, not a regular file; "
        "regen needs to write its lock of concurrent runs here\n"
    )
    assert (root / "out" / "m.py").read_text(encoding="utf-8") == MARKED


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_project_folder_is_an_error_at_the_lock(
    run_cli: RunCli, tmp_path: Path
) -> None:
    root = _project(tmp_path / "p", FORMS["header"].format(files='["out/*"]'))
    root.chmod(0o555)
    try:
        result = run_cli("regen", cwd=root)
    finally:
        root.chmod(0o755)
    assert result.code == 2
    assert result.err.startswith(".schemacog.lock:1: cannot write: Permission denied; regen")
