"""Output and work amplification (#17 item 10): what a small input can make a run do.

A run's output is bounded by its input, every ``sc.template`` of a run renders in one
bounded child, and did-you-mean compares a bounded number of names. The cases that fit
the hostile corpus (exit 2, message, files untouched) are in tests/hostile; these need a
count, a second process or a memory measurement.
"""

from __future__ import annotations

import difflib
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import RunCli

from schemacog.engine import output_budget
from schemacog.sandbox import template_session, user_templates
from schemacog.schema.fields import MAX_COMPARED, did_you_mean

SCHEMA = """schemacog: 1
name: tiny
tables:
  thing:
    description: A thing.
    columns:
      id: {type: integer, primary_key: true}
      label: {type: string, max_length: 20}
"""


def _project(root: Path, files: dict[str, str], config: str = "") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text(
        f'[tool.schemacog]\nschema = "schema.yaml"\nfiles = ["out/**/*"]\n{config}',
        encoding="utf-8",
    )
    (root / "schema.yaml").write_text(SCHEMA, encoding="utf-8")
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != ".schemacog.lock"
    }


# --- the output bound ---------------------------------------------------------------


def test_output_past_the_bound_is_an_error_at_the_region_that_crosses_it(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A floor of 0 and a factor of 1 here (the same rule, smaller numbers): the input is
    the marked files and the schema; the first region that takes the run past it is the
    only error, and the run renders nothing after it."""
    monkeypatch.setattr(output_budget, "OUTPUT_FLOOR", 0)
    monkeypatch.setattr(output_budget, "OUTPUT_FACTOR", 1)
    marker = "# [[[cog sc.docs.dictionary() ]]]\n# [[[end]]]\n"
    files = {f"out/f{n}.py": f"# file {n}\n" + marker for n in range(6)}
    root = _project(tmp_path / "p", files)
    before = _snapshot(root)
    result = run_cli("regen", cwd=root)
    assert result.code == 2, result.err
    assert "Traceback" not in result.err
    errors = [line for line in result.err.splitlines() if "bound" in line]
    assert len(errors) == 1, result.err  # said once, and the run stopped there
    assert errors[0].startswith("out/f"), errors
    assert ":2: this region makes the run's output larger than its bound" in errors[0]
    assert _snapshot(root) == before


def test_a_project_well_within_the_bound_renders(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(output_budget, "OUTPUT_FLOOR", 0)
    monkeypatch.setattr(output_budget, "OUTPUT_FACTOR", 10)
    marker = '# [[[cog sc.python.columns("thing") ]]]\n# [[[end]]]\n'
    root = _project(tmp_path / "p", {f"out/f{n}.py": marker for n in range(6)})
    assert run_cli("regen", cwd=root).code == 0
    assert "label" in (root / "out" / "f5.py").read_text(encoding="utf-8")


def test_the_bound_is_counted_while_rendering_so_memory_stays_bounded(tmp_path: Path) -> None:
    """600 x sc.docs.dictionary() of a schema rendering 0.3 MB each would be 200 MB of
    output (measured: 258 MB of peak memory when the bound is lifted); the run stops at
    the bound (20 x its 0.4 MB of input + 20 MB), and its peak memory stays near what
    that much output takes. Measured in a child of its own.
    """
    lines = ["schemacog: 1", "name: wide", "tables:"]
    for t in range(150):
        lines += [f"  t{t}:", f"    description: {f'Table number {t}. ' * 6}", "    columns:"]
        lines.append("      id: {type: integer, primary_key: true}")
        lines += [
            f"      c{c}: {{type: string, max_length: 80, description: {f'Column {c}. ' * 5}}}"
            for c in range(20)
        ]
    root = _project(tmp_path / "p", {})
    (root / "schema.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    marker = "<!-- [[[cog sc.docs.dictionary() ]]] -->\n<!-- [[[end]]] -->\n"
    for n in range(50):
        (root / "out").mkdir(exist_ok=True)
        (root / "out" / f"d{n}.md").write_text(marker * 12, encoding="utf-8")
    code = textwrap.dedent(
        """
        import resource, subprocess, sys
        proc = subprocess.run([sys.executable, "-m", "schemacog", "regen"], capture_output=True,
                              text=True)
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
        print(proc.returncode, rss, proc.stderr.replace(chr(10), " "))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    code_text, rss, message = result.stdout.split(" ", 2)
    assert code_text == "2", result.stdout + result.stderr
    assert "larger than its bound" in message, message
    assert int(rss) < 180 * 2**20, int(rss) / 2**20


# --- one template child per run ------------------------------------------------------


def _templates_project(root: Path, calls: list[str], source: str) -> Path:
    files = {f"out/f{n}.py": f"# [[[cog {call} ]]]\n# [[[end]]]\n" for n, call in enumerate(calls)}
    files["templates/t.j2"] = source
    return _project(root, files, 'templates = "templates"\n')


def _count_children(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    started: list[object] = []
    real = subprocess.Popen

    def counting(*args: object, **kwargs: object) -> object:
        if "schemacog.sandbox.template_child" in str(args):
            started.append(args)
        return real(*args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(subprocess, "Popen", counting)
    return started


def test_forty_distinct_template_calls_start_one_child(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = _count_children(monkeypatch)
    calls = [f'sc.template("t.j2", n={n})' for n in range(40)]
    root = _templates_project(tmp_path / "p", calls, "n={{ n }} of {{ schema.tables|length }}")
    result = run_cli("regen", cwd=root)
    assert result.code == 0, result.err
    assert len(started) == 1
    for n in range(40):
        assert f"n={n} of 1" in (root / "out" / f"f{n}.py").read_text(encoding="utf-8")


def test_each_template_error_is_still_at_its_own_marker(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = _count_children(monkeypatch)
    calls = ['sc.template("t.j2", n=1)', 'sc.template("t.j2")', 'sc.template("t.j2", n=3)']
    root = _templates_project(tmp_path / "p", calls, "n={{ n }}")
    before = _snapshot(root)
    result = run_cli("regen", cwd=root)
    assert result.code == 2
    assert result.err.splitlines()[0].startswith("out/f1.py:1:"), result.err
    assert "'n' is undefined" in result.err
    assert "f0.py" not in result.err
    assert "f2.py" not in result.err
    assert len(started) == 1
    assert _snapshot(root) == before


def test_the_output_limit_holds_for_all_templates_of_a_run_together(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """Each call renders 4 MB, under 10 MB alone; the third takes the run past 10 MB."""
    calls = [f'sc.template("t.j2", n={n})' for n in range(3)]
    root = _templates_project(tmp_path / "p", calls, '{{ n }}{{ "x" * 4000000 }}')
    result = run_cli("regen", cwd=root)
    assert result.code == 2
    assert result.err.count("produced more than 10 MB") == 1, result.err
    assert "the limit of all templates of a run together" in result.err
    assert "out/f2.py:1:" in result.err


def test_the_cpu_limit_holds_for_the_run_and_later_calls_say_why_they_did_not_render(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """1 s of CPU time for the run (lowered from 10 s): the spinning template ends the
    child; the call after it is an error at its own marker, naming why."""
    monkeypatch.setattr(user_templates, "CPU_SECONDS", 1)
    spin = "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"
    calls = ['sc.template("t.j2", spin=1)', 'sc.template("t.j2", spin=0)']
    root = _templates_project(tmp_path / "p", calls, "{% if spin %}" + spin + "{% endif %}ok")
    result = run_cli("regen", cwd=root)
    assert result.code == 2
    lines = result.err.splitlines()
    assert lines[0].startswith("out/f0.py:1:")
    assert "ran out of CPU time or memory" in lines[0]
    assert lines[1].startswith("out/f1.py:1:"), result.err
    assert "not rendered: the template process of this run ran out of CPU time" in lines[1]


def test_the_wall_time_limit_bounds_the_wait_for_all_templates_of_a_run(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(user_templates, "TIMEOUT_SECONDS", 2)
    spin = "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"
    root = _templates_project(tmp_path / "p", ['sc.template("t.j2")'], spin)
    result = run_cli("regen", cwd=root)
    assert result.code == 2
    assert "took longer than 2 s" in result.err, result.err


# --- did-you-mean over many similar names -------------------------------------------


def test_did_you_mean_compares_a_bounded_number_of_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Over 15,000 similar names each lookup compares at most MAX_COMPARED of them (it
    compared all), and the suggestions are the ones comparing all of them gives."""
    names = [f"table_{i}" for i in range(10_000)] + [f"order_line_{i}" for i in range(5000)]
    typos = ["tabel_1234", "table_12345", "order_lin_77", "tble_9", "orderline_4999", "zzz"]
    expected = [difflib.get_close_matches(w, names, n=1, cutoff=0.6) for w in typos]
    compared = 0
    real = difflib.SequenceMatcher.set_seq1

    def counting(self: difflib.SequenceMatcher[str], a: str) -> None:
        nonlocal compared
        compared += 1
        real(self, a)

    monkeypatch.setattr(difflib.SequenceMatcher, "set_seq1", counting)
    for word, close in zip(typos, expected, strict=True):
        compared = 0
        hint = did_you_mean(word, names)
        assert compared <= MAX_COMPARED + 1, (word, compared)
        assert hint == (f"; did you mean {close[0]!r}?" if close else ""), (word, hint)


def test_did_you_mean_over_few_names_compares_them_all() -> None:
    assert did_you_mean("tabel", ["table", "column"]) == "; did you mean 'table'?"
    assert did_you_mean("qqq", ["table", "column"]) == ""


def test_a_schema_of_thousands_of_wrong_references_validates_in_bounded_work(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """3,000 tables and 3,000 references to a misspelt table: one error each, each with
    its suggestion, in well under the time comparing every name with every name took."""
    lines = ["schemacog: 1", "name: many", "tables:"]
    for t in range(3000):
        lines += [f"  table_{t}:", "    columns:", "      id: {type: integer, primary_key: true}"]
        lines.append(f"      r: {{type: integer, nullable: true, references: tabel_{t}.id}}")
    root = _project(tmp_path / "p", {})
    (root / "schema.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("validate", cwd=root)
    assert result.code == 2
    assert result.err.count("did you mean 'table_") == 3000, result.err[-2000:]
    assert "did you mean 'table_2999'" in result.err


def test_the_wall_time_limit_counts_only_the_wait_for_the_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run that spends longer than the limit elsewhere (rendering its other regions)
    still renders a template after it: only the time waiting for the child counts."""
    import time

    monkeypatch.setattr(user_templates, "TIMEOUT_SECONDS", 3)
    root = _templates_project(tmp_path / "p", [], "n={{ n }}")
    folder, schema = root / "templates", root / "schema.yaml"
    with template_session.run():
        assert user_templates.render_bounded(folder, "t.j2", schema, "schema.yaml", {"n": 1})
        time.sleep(3.5)
        text = user_templates.render_bounded(folder, "t.j2", schema, "schema.yaml", {"n": 2})
    assert text == "n=2"
