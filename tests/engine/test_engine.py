"""The engine on real temporary trees: regen, check, exact files, safety, stock cog interop."""

from __future__ import annotations

import codecs
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cogapp import Cog  # type: ignore[import-untyped]
from conftest import ROOT, RunCli
from goldens import CASES, CASES_DIR, marked_docs, marked_python, schema_of

from schemacog.engine import cog_hook
from schemacog.engine.files import Change, read_marked, write_all

SHOP = ROOT / "schema" / "shop.yaml"


def make_project(root: Path, checksum: bool = False, extra: str = "") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "schema.yaml").write_bytes(SHOP.read_bytes())
    (root / "pyproject.toml").write_text(
        '[tool.schemacog]\nschema = "schema.yaml"\nfiles = ["out/**/*"]\n'
        + ("checksum = true\n" if checksum else "")
        + extra,
        encoding="utf-8",
    )
    (root / "out").mkdir(exist_ok=True)
    return root


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


SQL = '-- [[[cog sc.sql.create_table("customer", dialect="sqlite") ]]]\n-- [[[end]]]\n'
PY = '# [[[cog sc.python.columns("order") ]]]\n# [[[end]]]\n'


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".schemacog.lock" not in p.name
    }


def test_check_reports_drift_with_a_diff_then_regen_fixes_it(
    run_process: RunCli, tmp_path: Path
) -> None:
    root = make_project(tmp_path / "p")
    write(root / "out" / "t.sql", SQL)
    result = run_process("check", cwd=root)
    assert result.code == 1
    assert "--- a/out/t.sql\n+++ b/out/t.sql\n" in result.out
    assert "+CREATE TABLE customer" in result.out
    assert (
        'out/t.sql:1: sc.sql.create_table("customer", dialect="sqlite"): new region' in result.out
    )
    assert result.out.rstrip().endswith(
        "schemacog check: 1 of 1 file(s) would change (1 new region); run schemacog regen"
    )
    assert run_process("regen", cwd=root).code == 0
    assert run_process("check", cwd=root).code == 0
    before = snapshot(root)
    again = run_process("regen", cwd=root)
    assert (again.code, again.out) == (0, "schemacog regen: 1 file(s) up to date\n")
    assert snapshot(root) == before  # bytes and mtimes: nothing written


def test_schema_change_is_schema_drift(run_cli: RunCli, tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    write(root / "out" / "t.sql", SQL)
    write(root / "out" / "m.py", PY)
    assert run_cli("regen", cwd=root).code == 0
    schema = root / "schema.yaml"
    schema.write_text(
        schema.read_text().replace(
            "      name:        {type: string, min_length: 1",
            "      name:        {type: string, min_length: 2",
        ),
        encoding="utf-8",
    )
    result = run_cli("check", cwd=root)
    assert result.code == 1
    assert (
        'out/t.sql:1: sc.sql.create_table("customer", dialect="sqlite"): schema drift' in result.out
    )
    assert "out/m.py" not in result.out  # the order columns did not change


@pytest.mark.parametrize(
    ("bom", "newline"),
    [(False, "\r\n"), (True, "\n"), (True, "\r\n")],
    ids=["crlf", "bom", "bom-crlf"],
)
def test_bom_and_crlf_round_trip(run_cli: RunCli, tmp_path: Path, bom: bool, newline: str) -> None:
    root = make_project(tmp_path / "p")
    text = ("first line\n" + PY + "last line without newline").replace("\n", newline)
    path = write(root / "out" / "m.py", (codecs.BOM_UTF8 if bom else b"") + text.encode())
    assert run_cli("regen", cwd=root).code == 0
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8) == bom
    body = data.decode("utf-8-sig")
    assert body.count("\r\n") == (body.count("\n") if newline == "\r\n" else 0)
    assert body.endswith("last line without newline")
    assert "ORDER_COLUMNS" in body
    assert run_cli("check", cwd=root).code == 0


def test_a_failing_file_leaves_every_file_untouched(run_process: RunCli, tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    for index in range(10):
        body = '# [[[cog sc.python.columns("nope") ]]]\n# [[[end]]]\n' if index == 6 else PY
        write(root / "out" / f"f{index}.py", body)
    before = snapshot(root)
    result = run_process("regen", cwd=root)
    assert result.code == 2
    assert "out/f6.py:1:28: unknown table 'nope'" in result.err
    assert "Traceback" not in result.err
    assert snapshot(root) == before


def test_read_only_file_is_an_error_with_its_path(run_cli: RunCli, tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    path = write(root / "out" / "m.py", PY)
    path.chmod(0o444)
    result = run_cli("regen", cwd=root)
    assert result.code == 2
    assert "out/m.py:1: is read-only; nothing was written" in result.err
    assert path.read_text() == PY


def test_vanished_or_changed_file_is_not_overwritten(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    gone = write(root / "out" / "a.py", PY)
    edited = write(root / "out" / "b.py", PY)
    kept = write(root / "out" / "c.py", PY)
    sources = [read_marked(p, p.name) for p in (gone, edited, kept)]
    gone.unlink()
    edited.write_text(PY + "# someone else\n")
    problems = write_all([Change(s, b"new\n") for s in sources if s is not None]).problems
    assert [str(p) for p in problems] == [
        "a.py:1: changed or removed during the run; nothing was written",
        "b.py:1: changed or removed during the run; nothing was written",
    ]
    assert not gone.exists()
    assert edited.read_text() == PY + "# someone else\n"
    assert kept.read_text() == PY  # all or nothing: the unchanged file is not written either
    assert sorted(p.name for p in (root / "out").iterdir()) == ["b.py", "c.py"]  # no temp files


def test_missing_path_is_an_error(run_process: RunCli, tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    result = run_process("check", "out/missing.py", cwd=root)
    assert (result.code, result.err) == (2, "out/missing.py:1: no such file or folder\n")


def test_markers_inside_a_docstring_are_regions_too(run_cli: RunCli, tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    path = write(
        root / "out" / "m.py",
        '"""Columns:\n\n[[[cog sc.python.columns("order") ]]]\n[[[end]]]\n"""\n',
    )
    assert run_cli("regen", cwd=root).code == 0
    assert "ORDER_COLUMNS: tuple[str, ...] = (" in path.read_text()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "# [[[cog sc.python.columns('order') ]]]\n",
            "out/m.py:1: missing '[[[end]]]' before the end of the file",
        ),
        (
            "# [[[cog sc.python.columns('order') ]]]\n# [[[end]]]\n# [[[end]]]\n",
            "out/m.py:3: unexpected '[[[end]]]' outside a cog block",
        ),
        (
            "x\n# [[[cog\n# [[[cog sc.python.columns('order')\n# ]]]\n# [[[end]]]\n",
            "out/m.py:3: unexpected marker inside a cog block",
        ),
        ("# [[[cog\n# sc.python.columns('order')\n", "out/m.py:1: cog block begun but never ended"),
        (
            "# [[[cog sc.python.columns('order') ]]]\n# ]]]\n# [[[end]]]\n",
            "out/m.py:2: unexpected marker inside an output region",
        ),
    ],
)
def test_unbalanced_markers_are_positioned_errors(
    run_cli: RunCli, tmp_path: Path, text: str, expected: str
) -> None:
    root = make_project(tmp_path / "p")
    write(root / "out" / "m.py", text)
    result = run_cli("check", cwd=root)
    assert result.code == 2
    assert result.err.splitlines()[0] == expected


HOSTILE = [
    "import os",
    "__import__('os').system('touch CANARY')",
    "open('CANARY', 'w')",
    "sc.python.columns('order'); open('CANARY', 'w')",
    "sc.__class__",
    "sc.python.__dict__",
    "sc.python.columns.__globals__['os'].system('touch CANARY')",
    "(lambda: open('CANARY', 'w'))()",
    "[open('CANARY', 'w') for _ in '1']",
    "x = sc.python.columns('order')",
    "(x := 1)",
    'f\'{open("CANARY", "w")}\'',
    "sc.python.columns(open('CANARY', 'w'))",
    "sc.python.columns(*['order'])",
    "sc.python.columns(**{'table': 'order'})",
    "sc.python.columns('order' + 'x')",
    "sc.python.columns(name)",
    "getattr(sc, 'python')",
    "eval('1')",
    "exec('1')",
    "sc.os.system('touch CANARY')",
    "sc.python.columns.__call__('order')",
    "sc.python.imports.__code__",
    "def f(): pass",
    "class C: pass",
    "with open('CANARY', 'w'): pass",
    "sc.python.columns('" + "x" * 20_000 + "')",
    "sc.python.columns(" + "[" * 200 + "]" * 200 + ")",
    "sc.python.columns(10 ** 100)",
    "del sc",
    "assert False",
    "raise SystemExit(3)",
    "sc.python.columns(b'order')",
    "sc.python.columns(1.5)",
    "sc.templates('x')",
]


@pytest.mark.parametrize("body", HOSTILE, ids=[f"hostile-{i}" for i in range(len(HOSTILE))])
def test_safe_mode_refuses_hostile_marker_code(run_cli: RunCli, tmp_path: Path, body: str) -> None:
    root = make_project(tmp_path / "p")
    write(root / "out" / "ok.py", PY)
    path = write(root / "out" / "m.py", f"# [[[cog {body} ]]]\n# [[[end]]]\n")
    before = snapshot(root)
    result = run_cli("regen", cwd=root, env={"SCHEMACOG_CANARY": "secret"})
    assert result.code == 2, result.out + result.err
    assert result.err.startswith("out/m.py:1:")
    assert "marker code not allowed" in result.err
    assert "Traceback" not in result.err
    assert "secret" not in result.out + result.err
    assert not (root / "CANARY").exists()
    assert not (root / "out" / "CANARY").exists()
    assert snapshot(root) == before
    assert path.exists()


def test_allow_code_restores_cogs_full_power(run_cli: RunCli, tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", extra="allow_code = true\n")
    path = write(
        root / "out" / "m.py",
        "# [[[cog\n# for n in ('a', 'b'):\n#     cog.outl(n * 2)\n# ]]]\n# [[[end]]]\n",
    )
    before = snapshot(root)
    refused = run_cli("regen", cwd=root)  # the config alone may come from a pull request
    assert refused.code == 2
    assert refused.err.splitlines()[0] == (
        "pyproject.toml:4: allow_code = true asks to run this project's marker code; it runs "
        "only with --allow-code or SCHEMACOG_ALLOW_CODE=1 (the config may come from a pull "
        "request)"
    )
    assert run_cli("check", cwd=root).code == 2
    assert snapshot(root) == before
    assert run_cli("regen", "--allow-code", cwd=root).code == 0
    assert path.read_text().split("]]]\n", 1)[1].startswith("aa\nbb\n# [[[end]]]")
    assert run_cli("check", cwd=root, env={"SCHEMACOG_ALLOW_CODE": "1"}).code == 0


def test_hand_edits_are_all_reported_and_block_regen(run_cli: RunCli, tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", checksum=True)
    one = write(root / "out" / "a.py", PY)
    two = write(root / "out" / "b.sql", SQL)
    assert run_cli("regen", cwd=root).code == 0
    assert "(sum: " in one.read_text()
    one.write_text(one.read_text().replace('"id",', '"id",  # edited'))
    two.write_text(two.read_text().replace("NOT NULL CONSTRAINT", "CONSTRAINT", 1))
    check = run_cli("check", cwd=root)
    assert check.code == 1
    assert 'out/a.py:1: sc.python.columns("order"): hand edit' in check.out
    assert 'out/b.sql:1: sc.sql.create_table("customer", dialect="sqlite"): hand edit' in check.out
    assert check.out.rstrip().endswith("run schemacog regen --force to overwrite the hand edits")
    # GitHub annotations say the command that works: regen alone refuses a hand edit
    github = run_cli("check", "--format", "github", cwd=root).out.splitlines()
    assert github[:2] == [
        '::error file=out/a.py,line=1,title=schemacog::sc.python.columns("order"): hand edit; '
        "run schemacog regen --force (it overwrites the edit)",
        '::error file=out/b.sql,line=1,title=schemacog::sc.sql.create_table("customer", '
        'dialect="sqlite"): hand edit; run schemacog regen --force (it overwrites the edit)',
    ]
    before = snapshot(root)
    regen = run_cli("regen", cwd=root)
    assert regen.code == 2
    assert regen.err.splitlines()[:2] == [
        'out/a.py:1: sc.python.columns("order"): hand edit',
        'out/b.sql:1: sc.sql.create_table("customer", dialect="sqlite"): hand edit',
    ]
    assert snapshot(root) == before
    assert run_cli("regen", "--force", cwd=root).code == 0
    assert run_cli("check", cwd=root).code == 0


def test_json_and_github_formats(run_cli: RunCli, tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    write(root / "out" / "t.sql", SQL)
    result = run_cli("check", "--format", "json", cwd=root)
    assert result.code == 1
    document = json.loads(result.out)
    assert document["status"] == "drift"
    assert document["exit_code"] == 1
    assert document["files"][0]["path"] == "out/t.sql"
    assert document["files"][0]["regions"] == [
        {
            "line": 1,
            "call": 'sc.sql.create_table("customer", dialect="sqlite")',
            "reason": "new region",
        }
    ]
    github = run_cli("check", "--format", "github", cwd=root)
    assert github.code == 1
    assert github.out.startswith("::error file=out/t.sql,line=1,title=schemacog::")
    write(root / "out" / "bad.py", "# [[[cog import os ]]]\n# [[[end]]]\n")
    error = run_cli("check", "--format", "json", cwd=root)
    assert error.code == 2
    assert json.loads(error.out)["errors"][0]["path"] == "out/bad.py"


def test_concurrent_regens_are_serialized(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    for index in range(30):
        write(root / "out" / f"f{index}.sql", SQL)
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "schemacog", "regen"],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(3)
    ]
    finished = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], finished
    written = [out.decode() for out, _ in finished]
    assert sum("rewritten" in out for out in written) == 1  # the others found it done
    outputs = {(root / "out" / f"f{i}.sql").read_bytes() for i in range(30)}
    assert len(outputs) == 1
    assert (
        subprocess.run(
            [sys.executable, "-m", "schemacog", "check"], cwd=root, check=False
        ).returncode
        == 0
    )


def test_audit_log_records_what_regen_wrote(run_cli: RunCli, tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", extra='audit_log = "audit.jsonl"\n')
    write(root / "out" / "t.sql", SQL)
    assert run_cli("regen", cwd=root).code == 0
    assert run_cli("regen", cwd=root).code == 0  # writes nothing, logs nothing
    [line] = (root / "audit.jsonl").read_text().splitlines()
    entry = json.loads(line)
    assert entry["files"][0]["path"] == "out/t.sql"
    assert set(entry) == {"files", "python_version", "schema_sha256", "tool_version"}
    assert (
        "out/t.sql"
        not in (root / "out" / "t.sql").read_text().split("[[[end]]]")[0].split("]]]")[0]
    )


@pytest.mark.parametrize("checksum", [False, True], ids=["plain", "checksum"])
@pytest.mark.parametrize("case", CASES)
def test_stock_cog_gives_the_same_bytes(
    run_cli: RunCli, tmp_path: Path, case: str, checksum: bool
) -> None:
    schema = schema_of(case)
    inputs = {
        "models.py": marked_python(schema),
        "docs.md": marked_docs(schema),
        "ddl.sql": "".join(
            f'-- [[[cog sc.sql.ddl(dialect="{d}") ]]]\n-- [[[end]]]\n'
            for d in ("postgres", "mariadb")
        ),
    }
    results = {}
    for tool in ("schemacog", "cog"):
        root = tmp_path / tool
        root.mkdir()
        shutil.copy(CASES_DIR / case / "schema.yaml", root / "schema.yaml")
        (root / "pyproject.toml").write_text(
            '[tool.schemacog]\nschema = "schema.yaml"\nfiles = ["*.py", "*.md", "*.sql"]\n'
            + ("checksum = true\n" if checksum else ""),
            encoding="utf-8",
        )
        for name, text in inputs.items():
            write(root / name, text)
        if tool == "schemacog":
            assert run_cli("regen", cwd=root).code == 0
        else:
            flags = ["-c"] if checksum else []
            for name in inputs:
                Cog().callable_main(
                    ["cog", "-r", *flags, "-p", "import schemacog.markers as sc", str(root / name)]
                )
        results[tool] = {name: (root / name).read_bytes() for name in inputs}
    assert results["schemacog"] == results["cog"]


def test_cogapp_internals_safe_mode_relies_on() -> None:
    cog_hook.check()


def test_an_untested_cogapp_fails_loudly_before_rendering(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cogapp.cogapp as cogapp_module  # type: ignore[import-untyped]

    from schemacog.engine.process import render_tree
    from schemacog.errors import ConfigError

    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    monkeypatch.setattr(cogapp_module, "__version__", "9.0.0")
    with pytest.raises(cog_hook.UnsupportedCogapp, match=r"cogapp 9\.0\.0 is not supported"):
        cog_hook.check()
    with pytest.raises(ConfigError) as raised:
        render_tree([], tmp_path)
    assert str(raised.value.problems[0]) == (
        "pyproject.toml:1: safe mode: cogapp 9.0.0 is not supported (tested: 3.6.x); "
        "install a supported cogapp"
    )


def test_cogapp_is_left_untouched_when_cog_raises() -> None:
    import cogapp.cogapp as cogapp_module

    original = cogapp_module.CogGenerator
    broken = "#[[[cog sc.python.dataclass('x') ]]]\n"  # never ended: cog raises
    with pytest.raises(cog_hook.CogError):
        cog_hook.process(broken, "broken.py", checksum=False, outputs={1: ""})
    assert cogapp_module.CogGenerator is original


def test_dogfood_schema_edit_updates_every_affected_file(run_cli: RunCli, tmp_path: Path) -> None:
    copy = tmp_path / "repo"
    copy.mkdir()
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    shutil.copytree(ROOT / "schema", copy / "schema")
    shutil.copytree(ROOT / "generated", copy / "generated")
    assert run_cli("check", cwd=copy).code == 0
    schema = copy / "schema" / "shop.yaml"
    text = schema.read_text(encoding="utf-8")
    marker = "      city:       {type: string, max_length: 80}\n"
    schema.write_text(
        text.replace(
            marker, marker + "      phone:      {type: string, max_length: 20, nullable: true}\n"
        ),
        encoding="utf-8",
    )
    check = run_cli("check", cwd=copy)
    assert check.code == 1
    assert "+    phone: str | None = None" in check.out
    regen = run_cli("regen", cwd=copy)
    assert regen.code == 0
    changed = {
        line.split(":")[0] for line in regen.out.splitlines() if line.endswith(": schema drift")
    }
    assert changed == {
        "generated/python/shop_models.py",
        "generated/docs/data-dictionary.md",
        *(f"generated/sql/{d}/schema.sql" for d in ("postgres", "sqlite", "duckdb", "mariadb")),
    }
    assert run_cli("check", cwd=copy).code == 0


def test_repository_generated_tree_is_clean(run_cli: RunCli) -> None:
    result = run_cli("check", cwd=ROOT)
    assert result.code == 0, result.out + result.err


def test_environment_is_not_needed_for_output(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    write(root / "out" / "t.sql", SQL)
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME")}
    subprocess.run(
        [sys.executable, "-m", "schemacog", "regen"],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
    )
    first = (root / "out" / "t.sql").read_bytes()
    write(root / "out" / "t.sql", SQL)
    subprocess.run(
        [sys.executable, "-m", "schemacog", "regen"],
        cwd=root,
        env={**env, "PYTHONHASHSEED": "7", "LANG": "C"},
        check=True,
        capture_output=True,
    )
    assert (root / "out" / "t.sql").read_bytes() == first


def test_init_scaffolds_a_working_project_and_never_overwrites(
    run_process: RunCli, tmp_path: Path
) -> None:
    root = tmp_path / "demo"
    root.mkdir()
    (root / "pyproject.toml").write_text('[project]\nname = "demo"\n', encoding="utf-8")
    result = run_process("init", cwd=root)
    assert result.code == 0, result.err
    assert (root / "schema" / "schema.yaml").is_file()
    assert "[tool.schemacog]" in (root / "pyproject.toml").read_text()
    assert 'session.run("schemacog", "check")' in (root / "noxfile.py").read_text()
    assert run_process("check", cwd=root).code == 1
    assert run_process("regen", cwd=root).code == 0
    assert run_process("check", cwd=root).code == 0
    imported = subprocess.run(
        [
            sys.executable,
            "-W",
            "error",
            "-c",
            "import models; models.Account(id=1, email='a@b', name='A')",
        ],
        cwd=root / "generated",
        capture_output=True,
        text=True,
        check=False,
    )
    assert imported.returncode == 0, imported.stderr
    before = snapshot(root)
    again = run_process("init", cwd=root)
    assert again.code == 2
    assert "generated/models.py:1: already exists; init writes nothing" in again.err
    assert snapshot(root) == before


def _git(root: Path, *args: str) -> str:
    who = ["-c", "user.email=t@example.com", "-c", "user.name=t"]
    done = subprocess.run(["git", *who, *args], cwd=root, check=True, capture_output=True)
    return done.stdout.decode()


def _committed_copy_of_this_tree(folder: Path) -> str:
    """This work tree as it is now (tracked and untracked, not ignored) committed in ``folder``.

    Like ``pre-commit try-repo``, but made once: every ``pre-commit run`` against it then
    reuses the hooks' environment, installed from it on the first run.
    """
    listed = _git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    for name in filter(None, listed.split("\0")):
        source, target = ROOT / name, folder / name
        if not source.is_symlink() and not source.exists():
            continue  # deleted in the work tree, not yet in the index
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target, follow_symlinks=False)
    _git(folder, "init", "-q")
    _git(folder, "add", "-A")
    _git(folder, "commit", "-qm", "hooks")
    return _git(folder, "rev-parse", "HEAD").strip()


def test_pre_commit_hooks_run_for_real(tmp_path: Path) -> None:
    root = make_project(tmp_path / "repo")
    write(root / "out" / "t.sql", SQL)
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "start")
    hooks_repo = tmp_path / "hooks"
    rev = _committed_copy_of_this_tree(hooks_repo)
    config = tmp_path / "pre-commit-config.yaml"
    config.write_text(
        f"repos:\n- repo: {hooks_repo}\n  rev: {rev}\n"
        "  hooks:\n  - id: schemacog-check\n  - id: schemacog-regen\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}

    def hook(name: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", "-c", str(config), name, "--all-files"],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )

    failing = hook("schemacog-check")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "1 new region" in failing.stdout
    regen = hook("schemacog-regen")
    assert regen.returncode == 1  # pre-commit's way to say "files were modified by this hook"
    assert "files were modified by this hook" in regen.stdout
    assert "CREATE TABLE customer" in (root / "out" / "t.sql").read_text()
    passing = hook("schemacog-check")
    assert passing.returncode == 0, passing.stdout + passing.stderr


def test_symlinked_files_are_refused(run_cli: RunCli, tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    outside = write(tmp_path / "outside.py", PY)
    (root / "out" / "link.py").symlink_to(outside)
    result = run_cli("regen", cwd=root)
    assert result.code == 2
    assert result.err.startswith("out/link.py:1: is a symbolic link")
    assert outside.read_text() == PY


@pytest.mark.parametrize("key", ["schema", "templates", "audit_log"])
def test_config_paths_outside_the_project_are_refused(
    run_cli: RunCli, tmp_path: Path, key: str
) -> None:
    root = make_project(tmp_path / "p")
    text = (root / "pyproject.toml").read_text()
    text = (
        text.replace('schema = "schema.yaml"', 'schema = "../schema.yaml"')
        if key == "schema"
        else text + f'{key} = "../x"\n'
    )
    (root / "pyproject.toml").write_text(text)
    write(root / "out" / "m.py", PY)
    result = run_cli("check", cwd=root)
    assert result.code == 2
    assert "is outside the project" in result.err
    assert result.err.startswith("pyproject.toml:")


def test_a_cleaner_needs_imports_and_its_dataclass_in_the_same_file(
    run_cli: RunCli, tmp_path: Path
) -> None:
    root = make_project(tmp_path / "p")
    complete = (
        "# [[[cog sc.python.imports() ]]]\n# [[[end]]]\n"
        '# [[[cog sc.python.dataclass(table="customer") ]]]\n# [[[end]]]\n'
        '# [[[cog sc.python.cleaner("customer") ]]]\n# [[[end]]]\n'
    )  # by keyword or by position: the same call
    write(root / "out" / "a.py", complete)
    alone = '\n# [[[cog sc.python.cleaner("customer") ]]]\n# [[[end]]]\n'
    write(root / "out" / "b.py", "# [[[cog sc.python.imports() ]]]\n# [[[end]]]\n" + alone)
    write(
        root / "out" / "c.py", '# [[[cog sc.python.dataclass("customer") ]]]\n# [[[end]]]\n' + alone
    )
    before = snapshot(root)
    result = run_cli("regen", cwd=root)
    assert result.code == 2
    assert result.err.splitlines()[:2] == [
        "out/b.py:4:10: sc.python.cleaner('customer') needs sc.python.dataclass('customer')"
        " in this file",
        "out/c.py:4:10: sc.python.cleaner('customer') needs sc.python.imports() in this file",
    ]
    assert snapshot(root) == before
    (root / "out" / "b.py").unlink()
    (root / "out" / "c.py").unlink()
    assert run_cli("regen", cwd=root).code == 0
    assert "def clean_customer(raw: Mapping[str, object])" in (root / "out" / "a.py").read_text()


def test_every_marker_error_is_said_at_its_own_line_in_one_run(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """A table gone from the schema: each marker naming it, in every file, at its own
    line, not once at sc.python.imports(); and every safe-mode refusal of a file."""
    root = make_project(tmp_path / "p")
    write(
        root / "out" / "a.py",
        "# [[[cog sc.python.imports() ]]]\n# [[[end]]]\n\n\n"
        '# [[[cog sc.python.dataclass("gone") ]]]\n# [[[end]]]\n\n\n'
        '# [[[cog sc.python.validator("gone") ]]]\n# [[[end]]]\n',
    )
    write(
        root / "out" / "b.sql",
        '-- [[[cog sc.sql.create_table("nope") ]]]\n-- [[[end]]]\n'
        '-- [[[cog sc.sql.create_table("nope2") ]]]\n-- [[[end]]]\n',
    )
    write(
        root / "out" / "c.py",
        '# [[[cog import os ]]]\n# [[[end]]]\n# [[[cog open("x") ]]]\n# [[[end]]]\n'
        '# [[[cog sc.sql.ddl("mysql") ]]]\n# [[[end]]]\n',  # said beside safe mode's refusals
    )
    result = run_cli("check", cwd=root)
    assert result.code == 2
    assert result.err.splitlines()[:-1] == [
        "out/a.py:5:30: unknown table 'gone'; if 'gone' left the schema, remove this region",
        "out/a.py:9:30: unknown table 'gone'; if 'gone' left the schema, remove this region",
        "out/b.sql:1:31: unknown table 'nope'; if 'nope' left the schema, remove this region",
        "out/b.sql:3:31: unknown table 'nope2'; if 'nope2' left the schema, remove this region",
        "out/c.py:1:10: marker code not allowed: only sc.* calls are allowed, found an import"
        " (safe mode; other code runs only with allow_code = true in the config and "
        "--allow-code or SCHEMACOG_ALLOW_CODE=1)",
        "out/c.py:3:10: marker code not allowed: only sc.* functions can be called, "
        "found name 'open'",
        "out/c.py:5:21: unknown dialect 'mysql'; did you mean 'mariadb'?",
    ]


def test_a_region_that_uses_a_class_defined_further_down_is_an_error_at_its_line(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """Python runs a module top to bottom: a cleaner above its dataclass, or a dataclass
    above the enum it types a field with, would import with a NameError. Each such call
    is said at its own line, nothing is written, and the right order renders."""
    root = make_project(tmp_path / "p")
    regions = {
        "imports": "sc.python.imports()",
        "cleaner": 'sc.python.cleaner("order")',
        "dataclass": 'sc.python.dataclass("order")',
        "enum": 'sc.python.enum("order_status")',
    }

    def body(order: list[str]) -> str:
        return "\n\n".join(f"# [[[cog {regions[name]} ]]]\n# [[[end]]]" for name in order) + "\n"

    path = write(root / "out" / "m.py", body(["imports", "cleaner", "dataclass", "enum"]))
    before = snapshot(root)
    result = run_cli("regen", cwd=root)
    assert result.code == 2
    assert result.err.splitlines()[:2] == [
        "out/m.py:4:10: sc.python.cleaner('order') uses Order and OrderStatus, which "
        "sc.python.dataclass('order') (line 7) and sc.python.enum('order_status') (line 10) "
        "define further down: move this region below them",
        "out/m.py:7:10: sc.python.dataclass('order') uses OrderStatus, which "
        "sc.python.enum('order_status') defines further down (line 10): "
        "move this region below that one",
    ]
    assert snapshot(root) == before
    path.write_text(body(["imports", "enum", "dataclass", "cleaner"]), encoding="utf-8")
    assert run_cli("regen", cwd=root).code == 0


def test_a_refused_block_causes_no_second_error_in_another_region(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """A misspelled argument of the dataclass: one error, not also 'the cleaner needs
    sc.python.dataclass' (the block safe mode refused is that dataclass)."""
    root = make_project(tmp_path / "p")
    write(
        root / "out" / "m.py",
        "# [[[cog sc.python.imports() ]]]\n# [[[end]]]\n\n\n"
        '# [[[cog sc.python.dataclass(tabel="customer") ]]]\n# [[[end]]]\n\n\n'
        '# [[[cog sc.python.cleaner("customer") ]]]\n# [[[end]]]\n',
    )
    result = run_cli("check", cwd=root)
    assert result.code == 2
    assert result.err.splitlines()[:-1] == [
        "out/m.py:5:30: sc.python.dataclass() has no argument 'tabel'; did you mean 'table'?"
    ]


def test_an_unknown_argument_value_is_an_error_at_that_argument(
    run_cli: RunCli, tmp_path: Path
) -> None:
    root = make_project(tmp_path / "p")
    write(root / "out" / "s.sql", '-- [[[cog sc.sql.ddl(dialect="postgresql") ]]]\n-- [[[end]]]\n')
    write(
        root / "out" / "t.sql",
        '-- [[[cog sc.sql.create_table("customer", "SQLite") ]]]\n-- [[[end]]]\n',
    )
    result = run_cli("check", cwd=root)
    assert result.err.splitlines()[:-1] == [
        "out/s.sql:1:22: unknown dialect 'postgresql'; did you mean 'postgres'?",
        "out/t.sql:1:43: unknown dialect 'SQLite'; did you mean 'sqlite'?",
    ]
    write(root / "out" / "t.sql", '-- [[[cog sc.sql.create_table("customers") ]]]\n-- [[[end]]]\n')
    write(root / "out" / "s.sql", "")
    assert run_cli("check", cwd=root).err.splitlines()[0] == (
        "out/t.sql:1:31: unknown table 'customers'; did you mean 'customer'? "
        "(or remove this region, if 'customers' left the schema)"
    )
    bad = run_cli("verify", "--engines", "postgresql", cwd=root)
    assert bad.err.startswith("--engines:1: unknown engine 'postgresql'; did you mean 'postgres'?")


def test_an_enum_gone_from_the_schema_is_one_error_at_its_marker(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """Not also 'used here but not generated in this file' at sc.python.imports()."""
    root = make_project(tmp_path / "p")
    write(
        root / "out" / "m.py",
        "# [[[cog sc.python.imports() ]]]\n# [[[end]]]\n\n\n"
        '# [[[cog sc.python.enum("order_state") ]]]\n# [[[end]]]\n\n\n'
        '# [[[cog sc.python.dataclass("order") ]]]\n# [[[end]]]\n',
    )
    result = run_cli("check", cwd=root)
    assert result.code == 2
    assert result.err.splitlines()[:-1] == [
        "out/m.py:5:25: unknown enum 'order_state'; did you mean 'order_status'? "
        "(or remove this region, if 'order_state' left the schema)"
    ]
