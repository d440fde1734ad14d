"""A user template's output holds nothing a marked file may not (issue 17, item 13): a
CR, a NUL, a line separator or a lone surrogate, whether it comes from the template's
own string escapes or from its literals (under --allow-code), is an error at the marker,
exit 2, and nothing is written; before, a regen wrote a file every later run refused,
or cog failed to hash the text and raised."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import RunCli

SCHEMA = """schemacog: 1
name: tiny
tables:
  thing:
    columns:
      id: {type: integer, primary_key: true}
"""
ESCAPES = {"cr": "\\r", "crlf": "\\r\\n", "nul": "\\x00", "ls": "\\u2028", "surrogate": "\\ud800"}


def _project(root: Path, template: str, call: str, allow_code: bool = False) -> Path:
    (root / "out").mkdir(parents=True)
    (root / "templates").mkdir()
    (root / "templates" / "t.j2").write_text(template, encoding="utf-8")
    (root / "schema.yaml").write_text(SCHEMA, encoding="utf-8")
    (root / "pyproject.toml").write_text(
        '[tool.schemacog]\nschema = "schema.yaml"\nfiles = ["out/*"]\ntemplates = "templates"\n'
        + ("allow_code = true\n" if allow_code else ""),
        encoding="utf-8",
    )
    (root / "out" / "m.py").write_text(f"x = 1\n# [[[cog {call} ]]]\n# [[[end]]]\n")
    return root


def _assert_refused(run_cli: RunCli, root: Path, *args: str) -> None:
    before = (root / "out" / "m.py").read_bytes()
    result = run_cli("regen", *args, cwd=root)
    assert result.code == 2, result.out + result.err
    assert result.err.startswith("out/m.py:2:"), result.err
    assert "rendered line 1 holds character U+" in result.err
    assert "Traceback" not in result.err
    assert (root / "out" / "m.py").read_bytes() == before
    assert run_cli("check", *args, cwd=root).code == 2  # and the next run says the same


@pytest.mark.parametrize("escape", ESCAPES, ids=list(ESCAPES))
def test_a_template_escape_that_makes_a_bad_character_is_refused(
    run_cli: RunCli, tmp_path: Path, escape: str
) -> None:
    root = _project(tmp_path / "p", f'a{{{{ "{ESCAPES[escape]}" }}}}b\n', 'sc.template("t.j2")')
    _assert_refused(run_cli, root)


@pytest.mark.parametrize("escape", ESCAPES, ids=list(ESCAPES))
def test_a_literal_that_makes_a_bad_character_is_refused_under_allow_code(
    run_cli: RunCli, tmp_path: Path, escape: str
) -> None:
    call = f'sc.template("t.j2", x="{ESCAPES[escape]}")'
    root = _project(tmp_path / "p", "a{{ x }}b\n", call, allow_code=True)
    _assert_refused(run_cli, root, "--allow-code")
