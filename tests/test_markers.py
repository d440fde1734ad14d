"""The marker API under stock cog: errors, imports across files, user templates."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cogapp import Cog  # type: ignore[import-untyped]
from cogapp.cogapp import CogError  # type: ignore[import-untyped]
from conftest import TESTS
from goldens import CASES, CASES_DIR

from schemacog.engine.config import Config
from schemacog.markers import MarkerContext, activated
from schemacog.markers import python as sc_python
from schemacog.markers import sql as sc_sql
from schemacog.markers import template as sc_template
from schemacog.sandbox import user_templates
from schemacog.schema.validate import load_schema_text

SHOP = CASES_DIR / "shop" / "schema.yaml"


def project(tmp_path: Path, extra: str = "") -> Path:
    (tmp_path / "schema.yaml").write_bytes(SHOP.read_bytes())
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.schemacog]\nschema = "schema.yaml"\nfiles = ["*"]\n{extra}', encoding="utf-8"
    )
    return tmp_path


def cog(path: Path) -> str:
    Cog().callable_main(["cog", "-r", "-p", "import schemacog.markers as sc", str(path)])
    return path.read_text(encoding="utf-8")


def test_unknown_table_is_a_positioned_cog_error(tmp_path: Path) -> None:
    path = project(tmp_path) / "m.py"
    path.write_text('x = 1\n# [[[cog sc.python.dataclass("custmer") ]]]\n# [[[end]]]\n')
    with pytest.raises(
        CogError, match=r"m.py:2: unknown table 'custmer'; did you mean 'customer'\?"
    ):
        cog(path)


def test_unknown_dialect_is_a_positioned_cog_error(tmp_path: Path) -> None:
    path = project(tmp_path) / "t.sql"
    path.write_text('-- [[[cog sc.sql.ddl(dialect="postgre") ]]]\n-- [[[end]]]\n')
    with pytest.raises(CogError, match=r"unknown dialect 'postgre'; did you mean 'postgres'\?"):
        cog(path)


def test_default_dialect_comes_from_the_config(tmp_path: Path) -> None:
    path = project(tmp_path, 'dialect = "mariadb"\n') / "t.sql"
    path.write_text('-- [[[cog sc.sql.create_table("order") ]]]\n-- [[[end]]]\n')
    assert "CREATE TABLE `order` (" in cog(path)


def test_enum_from_another_module_needs_python_enums_module(tmp_path: Path) -> None:
    path = project(tmp_path) / "m.py"
    path.write_text(
        "# [[[cog sc.python.imports() ]]]\n# [[[end]]]\n"
        '# [[[cog sc.python.dataclass("order") ]]]\n# [[[end]]]\n'
    )
    with pytest.raises(
        CogError, match="enum 'order_status' is used here but not generated in this file"
    ):
        cog(path)
    path = project(tmp_path, 'python_enums_module = "shop.enums"\n') / "m.py"
    path.write_text(
        "# [[[cog sc.python.imports() ]]]\n# [[[end]]]\n"
        '# [[[cog sc.python.dataclass("order") ]]]\n# [[[end]]]\n'
    )
    assert "\nfrom shop.enums import OrderStatus\n" in cog(path)


def test_create_table_region_matches_the_ddl_block(tmp_path: Path) -> None:
    path = project(tmp_path) / "t.sql"
    path.write_text(
        '-- [[[cog sc.sql.create_table("customer", dialect="postgres") ]]]\n-- [[[end]]]\n'
    )
    region = cog(path).split("\n", 1)[1].rsplit("-- [[[end]]]", 1)[0]
    assert region in (CASES_DIR / "shop" / "ddl.postgres.sql").read_text(encoding="utf-8")


def test_create_enum_is_empty_where_the_dialect_declares_enums_inline(tmp_path: Path) -> None:
    schema = load_schema_text(SHOP.read_text(encoding="utf-8"))
    context = MarkerContext(schema, None, "x.sql", 1, emit=False)
    with activated(context):
        assert sc_sql.create_enum("order_status", dialect="mariadb") == ""
        assert sc_sql.create_enum("order_status", dialect="postgres").startswith("CREATE TYPE")
        assert sc_python.columns("order").startswith("ORDER_COLUMNS: tuple[str, ...] = (")


def templates_project(tmp_path: Path) -> Path:
    root = project(tmp_path, 'templates = "templates"\n')
    (root / "templates").mkdir()
    return root


def render_template(root: Path, name: str, **literals: object) -> str:
    from schemacog.engine.config import load_config

    config: Config = load_config(root / "pyproject.toml")
    schema = load_schema_text((root / "schema.yaml").read_text(encoding="utf-8"))
    with activated(MarkerContext(schema, config, "f.txt", 3, emit=False)):
        return sc_template(name, **literals)


def test_user_template_sees_the_schema_and_literals(tmp_path: Path) -> None:
    root = templates_project(tmp_path)
    (root / "templates" / "list.j2").write_text(
        "{% for t in schema.tables %}{{ prefix }}{{ t.name }}\n{% endfor %}", encoding="utf-8"
    )
    text = render_template(root, "list.j2", prefix="- ")
    assert text.splitlines()[:2] == ["- customer", "- product"]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{{ missing }}", "'missing' is undefined"),
        ("{{ schema.__class__ }}", "unsafe"),
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "unsafe"),
        ("{{ schema.tables[0].examples[0].values.update({}) }}", "unsafe"),
        ("{{ schema.tables.append(1) }}", "has no attribute 'append'"),
        ("{% include '../outside.j2' %}", "leaves the templates folder"),
        ("{{ ']]]' }}", "contains cog's marker ']]]'"),
    ],
)
def test_user_template_refusals(tmp_path: Path, source: str, message: str) -> None:
    root = templates_project(tmp_path)
    (root / "outside.j2").write_text("secret", encoding="utf-8")
    (root / "templates" / "t.j2").write_text(source, encoding="utf-8")
    with pytest.raises(Exception, match=message) as caught:
        render_template(root, "t.j2")
    assert str(caught.value).startswith("f.txt:3: ")


@pytest.mark.parametrize("name", ["../outside.j2", "/etc/passwd", "link.j2"])
def test_template_paths_outside_the_folder_are_refused(tmp_path: Path, name: str) -> None:
    root = templates_project(tmp_path)
    (root / "outside.j2").write_text("secret", encoding="utf-8")
    (root / "templates" / "link.j2").symlink_to(root / "outside.j2")
    with pytest.raises(Exception, match="templates folder") as caught:
        render_template(root, name)
    assert "secret" not in str(caught.value)


RENDER_ALL = """
import hashlib, sys, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from goldens import renderers
for case in sys.argv[2:]:
    with tempfile.TemporaryDirectory() as tmp:
        for name, render in sorted(renderers(case, Path(tmp)).items()):
            print(case, name, hashlib.sha256(render().encode()).hexdigest())
"""


@pytest.mark.parametrize("seed", ["0", "1", "12345"])
def test_output_does_not_depend_on_hash_seed(seed: str) -> None:
    tests = TESTS
    result = subprocess.run(
        [sys.executable, "-c", RENDER_ALL, str(tests), *CASES],
        env={**os.environ, "PYTHONHASHSEED": seed},
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    for line in result.stdout.splitlines():
        case, name, digest = line.split()
        golden = (CASES_DIR / case / name).read_bytes()
        assert hashlib.sha256(golden).hexdigest() == digest, (case, name)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ('{{ "x" * 10**8 }}', "produced more than 10 MB"),
        ('{{ "x" * 10**10 }}', "ran out of memory"),
        ("{% for i in range(10**9) %}{% endfor %}", "Range too big"),
    ],
)
def test_user_templates_are_bounded(tmp_path: Path, source: str, message: str) -> None:
    root = templates_project(tmp_path)
    (root / "templates" / "t.j2").write_text(source, encoding="utf-8")
    with pytest.raises(Exception, match=message):
        render_template(root, "t.j2")


def test_a_template_that_spins_runs_out_of_cpu_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CPU-time rlimit ends it; lowered from 10 s to 1 s here (the same limit, sooner)."""
    monkeypatch.setattr(user_templates, "CPU_SECONDS", 1)
    root = templates_project(tmp_path)
    source = "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"
    (root / "templates" / "t.j2").write_text(source, encoding="utf-8")
    with pytest.raises(
        Exception,
        match=r"ran out of CPU time or memory \(limits of all templates of a run together: 1 s CPU",
    ):
        render_template(root, "t.j2")


def test_templates_folder_outside_the_project_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "p"
    root.mkdir()
    project(root, 'templates = "../elsewhere"\n')
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "t.j2").write_text("secret", encoding="utf-8")
    with pytest.raises(Exception, match="is outside the project"):
        render_template(root, "t.j2")


def test_stock_cog_sees_a_schema_edit_in_the_same_process(tmp_path: Path) -> None:
    path = project(tmp_path) / "m.py"
    path.write_text('# [[[cog sc.python.columns("customer") ]]]\n# [[[end]]]\n')
    assert "nickname" not in cog(path)
    schema = tmp_path / "schema.yaml"
    text = schema.read_text(encoding="utf-8")
    anchor = "      id:"
    edited = text.replace(anchor, "      nickname: {type: text, nullable: true}\n" + anchor, 1)
    assert edited != text
    schema.write_text(edited, encoding="utf-8")
    os.utime(schema, ns=(1, 1))  # a new mtime even on a coarse clock
    assert '"nickname"' in cog(path)
