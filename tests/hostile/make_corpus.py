"""Writes tests/hostile/<case>/: one hostile input per folder, with its expected error."""
import json, shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent
TINY = """schemacog: 1
name: tiny
enums:
  mood: {values: {calm: Calm., busy: Busy.}}
tables:
  thing:
    description: A thing.
    columns:
      id: {type: integer, primary_key: true}
      label: {type: string, max_length: 20}
      mood: {type: enum, enum: mood, default: calm}
"""
OK_PY = '# [[[cog sc.python.columns("thing") ]]]\n# [[[end]]]\n'
cases = []

def case(name, cls, expect, files=None, schema=TINY, config="", command="regen", setup=None):
    cases.append(dict(name=name, cls=cls, expect=expect, files=files or {"out/m.py": OK_PY}, schema=schema, config=config, command=command, setup=setup))

def marker(code):
    return {"out/ok.py": OK_PY, "out/m.py": f"# [[[cog {code} ]]]\n# [[[end]]]\n"}

def tmpl(source, call='sc.template("t.j2")'):
    return {"out/ok.py": OK_PY, "out/m.py": f"# [[[cog {call} ]]]\n# [[[end]]]\n", "templates/t.j2": source}

# 1. code execution from data -----------------------------------------------------
case("yaml-python-object-tag", "execution", "YAML tags are not allowed",
     schema=TINY + "  evil: !!python/object/apply:os.system ['touch CANARY']\n")
case("yaml-python-name-tag", "execution", "YAML tags are not allowed",
     schema=TINY.replace("description: A thing.", "description: !!python/name:os.system"))
case("yaml-local-tag", "execution", "YAML tags are not allowed",
     schema=TINY.replace("description: A thing.", "description: !shell touch CANARY"))
for i, code in enumerate([
    "import os; os.system('touch CANARY')",
    "__import__('os').system('touch CANARY')",
    "open('CANARY', 'w')",
    "(lambda: open('CANARY', 'w'))()",
    "[open('CANARY', 'w') for _ in 'x']",
    "f'{open(\"CANARY\", \"w\")}'",
    "(x := open('CANARY', 'w'))",
    "getattr(sc, 'python')",
    "sc.python.columns.__globals__['os'].system('touch CANARY')",
    "sc.__class__.__base__.__subclasses__()",
    "eval(\"open('CANARY', 'w')\")",
    "exec(\"open('CANARY', 'w')\")",
    "sc.python.columns(open('CANARY', 'w'))",
    "sc.python.columns('thing'); import os",
    "breakpoint()",
    "sc.python.columns(**{'table': 'thing'})",
]):
    case(f"marker-code-{i:02d}", "execution", "marker code not allowed", files=marker(code))
for i, source in enumerate([
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.system('touch CANARY') }}",
    "{{ lipsum.__globals__['os'].system('touch CANARY') }}",
    "{{ self._TemplateReference__context }}",
    "{{ '{0.__class__.__mro__}'.format(schema) }}",
    "{{ schema|attr('__class__') }}",
    "{{ schema.tables[0].columns[0].__reduce_ex__(2) }}",
    "{{ schema.tables[0].examples.__class__ }}",
]):
    case(f"template-escape-{i:02d}", "execution", "unsafe", files=tmpl(source), config='templates = "templates"\n')
case("template-undefined", "execution", "is undefined", files=tmpl("{{ os.environ }}"), config='templates = "templates"\n')
case("template-import", "execution", "does not end in a template suffix", files=tmpl("{% import 'os' as os %}"), config='templates = "templates"\n')

# 2. escape from the repo ------------------------------------------------------------
case("template-dotdot", "escape", "leaves the templates folder", files=tmpl("x", 'sc.template("../secret.txt")') | {"secret.txt": "secret"}, config='templates = "templates"\n')
case("template-absolute", "escape", "must be relative", files=tmpl("x", 'sc.template("/etc/passwd")'), config='templates = "templates"\n')
case("template-include-dotdot", "escape", "leaves the templates folder", files=tmpl("{% include '../secret.txt' %}") | {"secret.txt": "secret"}, config='templates = "templates"\n')
case("template-symlink", "escape", "leaves the templates folder", files=tmpl("x", 'sc.template("link.j2")') | {"secret.txt": "secret"}, config='templates = "templates"\n', setup={"symlink": ["templates/link.j2", "../secret.txt"]})
case("templates-folder-outside", "escape", "is outside the project", files=tmpl("x"), config='templates = "../elsewhere"\n')
case("schema-outside", "escape", "is outside the project", config='schema = "../schema.yaml"\n')
case("glob-dotdot", "escape", "must stay inside the project", config='files = ["../**/*"]\n')
case("glob-absolute", "escape", "must stay inside the project", config='files = ["/etc/*"]\n')
case("marked-file-symlink", "escape", "is a symbolic link", files={"secret.txt": OK_PY}, setup={"symlink": ["out/link.py", "../secret.txt"]})
case("audit-log-outside", "escape", "is outside the project", config='audit_log = "../audit.jsonl"\n')

# 3. injection ---------------------------------------------------------------------------
for i, (where, text) in enumerate([
    ("description", '"one\\rtwo"'), ("description", '"nul\\0byte"'), ("description", '"line\\Lsep"'),
    ("description", '"next\\Nline"'), ("description", '"bidi \\u202e gnp.exe"'), ("description", "'ends ]]] here'"),
    ("description", "'fake [[[end]]] marker'"), ("description", "'fake [[[cog marker'"),
]):
    case(f"injection-{i:02d}", "injection", "not allowed in schema strings",
         schema=TINY.replace("description: A thing.", f"description: {text}"))
case("injection-enum-value", "injection", "is not allowed in schema strings",
     schema=TINY.replace("busy: Busy.", '"a\\tb": Tab.'))
case("injection-default", "injection", "not allowed in schema strings",
     schema=TINY.replace("label: {type: string, max_length: 20}", "label: {type: string, max_length: 20, default: 'x ]]] y'}"))
case("injection-pattern-newline", "injection", "not allowed in schema strings",
     schema=TINY.replace("label: {type: string, max_length: 20}", 'label: {type: string, pattern: "a\\u2029b"}'))
case("injection-template-output-marker", "injection", "contains cog's marker", files=tmpl("x\n# [[[end]]]\n"), config='templates = "templates"\n')

# 4. bounded work -------------------------------------------------------------------------
bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'] + [f"{c}: &{c} [" + ", ".join(f"*{chr(ord(c)-1)}" for _ in range(9)) + "]" for c in "bcdefghi"]
case("yaml-alias-bomb", "bounded", "YAML aliases are not allowed", schema="\n".join(bomb) + "\n")
case("yaml-deep-nesting", "bounded", "nesting", schema="schemacog: 1\nname: x\ntables: " + "[" * 10000 + "]" * 10000 + "\n")
case("yaml-huge-integer", "bounded", "is too large", schema=TINY.replace("max_length: 20", "max_length: " + "9" * 5000))
case("schema-over-10mb", "bounded", "larger than the 10 MB limit", setup={"pad_schema": 10 * 1024 * 1024 + 1})
case("too-many-columns", "bounded", "the limit is 1017",
     schema="schemacog: 1\nname: x\ntables:\n  wide:\n    columns:\n" + "".join(f"      c{i}: {{type: integer}}\n" for i in range(1601)))
case("too-many-tables", "bounded", "a mapping with more than 10000 entries", setup={"many_tables": 10001})
case("wide-mapping-10mb", "bounded", "a mapping with more than 10000 entries", setup={"many_tables": 200000})
for i, pattern in enumerate(["^(a+)+$", "^(a*)*b$", "^([a-zA-Z0-9]+\\\\s?)*$", "(x+x+)+y"]):
    case(f"regex-catastrophic-{i}", "bounded", "exponential time",
         schema=TINY.replace("label: {type: string, max_length: 20}", f'label: {{type: string, pattern: "{pattern}"}}'))
case("marker-huge-literal", "bounded", "longer than 10000 characters", files=marker("sc.python.columns('" + "x" * 20000 + "')"))
case("marker-deep-nesting", "bounded", "marker code not allowed", files=marker("sc.python.columns(" + "[" * 500 + "]" * 500 + ")"))
case("marked-file-over-10mb", "bounded", "larger than the 10 MB limit", setup={"pad_marked": 10 * 1024 * 1024 + 1})
case("template-huge-output", "bounded", "produced more than 10 MB", files=tmpl('{{ "x" * 10**8 }}'), config='templates = "templates"\n')

# 5. lost or half-written files -------------------------------------------------------------
case("read-only-file", "files", "is read-only", setup={"chmod": ["out/m.py", 0o444]})
case("one-bad-file-of-many", "files", "unknown table 'nope'", files={f"out/f{i}.py": (OK_PY if i != 6 else '# [[[cog sc.python.columns("nope") ]]]\n# [[[end]]]\n') for i in range(10)})
case("unbalanced-marker", "files", "missing '[[[end]]]'", files={"out/m.py": "# [[[cog sc.python.columns('thing') ]]]\n"})
case("hand-edit-without-force", "files", "hand edit", config="checksum = true\n",
     files={"out/m.py": '# [[[cog sc.python.columns("thing") ]]]\nTHING_COLUMNS: tuple[str, ...] = ("edited",)\n# [[[end]]] (sum: AAAAAAAAAA)\n'})

# 6. encoding faults --------------------------------------------------------------------------
case("invalid-utf8", "encoding", "invalid UTF-8 byte 0xff", files={"out/m.py": b"x = 1\n" + OK_PY.encode() + b"y = '\xff'\n"})
case("utf16-le-bom", "encoding", "UTF-16 files are not supported", files={"out/m.py": b"\xff\xfe" + OK_PY.encode("utf-16-le")})
case("utf16-no-bom", "encoding", "UTF-16 files are not supported", files={"out/m.py": OK_PY.encode("utf-16-le")})
case("nul-byte", "encoding", "NUL byte in a marked file", files={"out/m.py": OK_PY.encode() + b"x = '\x00'\n"})
case("mixed-line-endings", "encoding", "mixed line endings", files={"out/m.py": b"a = 1\r\n" + OK_PY.encode()})
case("lone-carriage-return", "encoding", "carriage return without line feed", files={"out/m.py": b"a = 1\rb = 2\n" + OK_PY.encode()})
case("invalid-utf8-schema", "encoding", "invalid UTF-8 byte 0xe9", schema=None, files={"out/m.py": OK_PY, "schema.yaml": b"schemacog: 1\nname: x\ndescription: caf\xe9\ntables: {}\n"})

# issue 17, item 11 ----------------------------------------------------------------------
# file names that would forge a line of output; text shows them with repr-like escapes
# (the github and json formats: tests/engine/test_output_escaping.py)
NOPE = '# [[[cog sc.python.columns("nope") ]]]\n# [[[end]]]\n'
for i, (name, shown) in enumerate([
    ("out/a\n::error file=x.py,line=1::forged.py", "out/a\\n::error file=x.py,line=1::forged.py:1:28: unknown table"),
    ("out/b\nout/ok.py:1:1: forged.py", "out/b\\nout/ok.py:1:1: forged.py:1:28: unknown table"),
    ("out/c\r::warning ::forged.py", "out/c\\r::warning ::forged.py:1:28: unknown table"),
    ("out/d%0A,:e.py", "out/d%0A,:e.py:1:28: unknown table"),
    ("out/f\x1b[2Jg.py", "out/f\\x1b[2Jg.py:1:28: unknown table"),
    ("out/h\u202egnp.py", "out/h\\u202egnp.py:1:28: unknown table"),
    ("out/i\u2028j.py", "out/i\\u2028j.py:1:28: unknown table"),
]):
    case(f"output-file-name-{i}", "injection", shown, files={"out/ok.py": OK_PY, name: NOPE})
# (an undecodable file name is tested in tests/engine/test_output_escaping.py: committed
# here, it would break the tools that read the repository's file list as UTF-8)

# issue 17, item 12 ----------------------------------------------------------------------
# marker calls that do not bind: each an error at the argument before anything renders
for i, (code, expect) in enumerate([
    ('sc.python.columns(table="thing", table="thing")', "out/m.py:1:43: sc.python.columns() got 'table' twice"),
    ('sc.python.columns("thing", table="thing")', "out/m.py:1:37: sc.python.columns() got 'table' twice"),
    ('sc.python.columns(tabel="thing")', "out/m.py:1:28: sc.python.columns() has no argument 'tabel'"),
    ('sc.python.columns(["thing"])', "out/m.py:1:28: sc.python.columns(): 'table' must be a string"),
    ('sc.sql.ddl(dialect=["sqlite"])', "out/m.py:1:21: sc.sql.ddl(): 'dialect' must be a string or None"),
    ('sc.python.columns("\\ud800")', "out/m.py:1:28: marker code not allowed: string argument holds a lone surrogate U+D800"),
    ('sc.template("t.j2", x="a\\udcffb")', "out/m.py:1:32: marker code not allowed: string argument holds a lone surrogate U+DCFF"),
    ('sc.template("t.j2", x={"\\ud800": 1})', "out/m.py:1:33: marker code not allowed: string argument holds a lone surrogate"),
    ('sc.template("t.j2", x=1, x=2)', "out/m.py:1:35: sc.template() got 'x' twice"),
    ('sc.template("t.j2", x=' + "9" * 45 + ")", "out/m.py:1:32: marker code not allowed: integer argument too large"),
    ('sc.docs.erd(*["x"])', "out/m.py:1:22: marker code not allowed: arguments must be literals, found starred"),
]):
    case(f"marker-binding-{i:02d}", "execution", expect, files=tmpl("{{ x }}\n", code), config='templates = "templates"\n')

# issue 17, item 13 ----------------------------------------------------------------------
# template output a marked file may not hold, made by the template's own string escapes
for i, (escape, code) in enumerate([("\\r", "000D"), ("\\r\\n", "000D"), ("\\x00", "0000"), ("\\ud800", "D800"), ("\\u2028", "2028"), ("\\x1b", "001B")]):
    case(f"template-output-char-{i}", "injection", f"out/m.py:1:10: rendered line 1 holds character U+{code}",
         files=tmpl('a{{ "' + escape + '" }}b\n'), config='templates = "templates"\n')
# enum values that look alike (Cyrillic, Greek, NFKC fullwidth)
for i, lookalike in enumerate(["\u0441alm", "\u0421ALM", "\u03bfops", "\uff43alm"]):
    values = "{values: {calm: Calm., busy: Busy., oops: , " + lookalike + ": Twin.}}"
    case(f"enum-lookalike-{i}", "injection", "looks like",
         schema=TINY.replace("{values: {calm: Calm., busy: Busy.}}", values))
# issue 17, items 3, 7, 8 -----------------------------------------------------------------
# every path schemacog opens: inside the root, never in .git/, a regular file, no link where it writes
T = 'templates = "templates"\n'
MARKED_SCHEMA = TINY + '# [[[cog sc.python.columns("thing") ]]]\n# [[[end]]]\n'
for name, setup, expect in [
    ("lock-symlink-out", {"symlink": [".schemacog.lock", "../CANARY"]}, "is a symbolic link"),
    ("lock-symlink-inside", {"symlink": [".schemacog.lock", "out/m.py"]}, "is a symbolic link"),
    ("lock-dangling-symlink", {"symlink": [".schemacog.lock", "nowhere/CANARY"]}, "is a symbolic link"),
    ("lock-fifo", {"fifo": [".schemacog.lock"]}, "is a FIFO"),
    ("lock-folder", {"mkdir": [".schemacog.lock"]}, "is a folder"),
]:
    case(name, "escape", expect, setup=setup)
for name, log, setup, expect in [
    ("audit-log-in-git", ".git/config", {"mkdir": [".git"]}, "is inside .git/"),
    ("audit-log-in-git-case", ".GIT/hooks/post-checkout", None, "is inside .git/"),
    ("audit-log-through-link-to-git", "meta/config", {"mkdir": [".git"], "symlink": ["meta", ".git"]}, "goes through meta"),
    ("audit-log-folder", "out", None, "is a folder"),
    ("audit-log-symlink", "audit.jsonl", {"symlink": ["audit.jsonl", "../CANARY"]}, "is a symbolic link"),
    ("audit-log-symlink-inside", "audit.jsonl", {"symlink": ["audit.jsonl", "out/m.py"]}, "is a symbolic link"),
    ("audit-log-through-folder-link", "logs/audit.jsonl", {"mkdir": ["real"], "symlink": ["logs", "real"]}, "goes through logs"),
    ("audit-log-fifo", "audit.jsonl", {"fifo": ["audit.jsonl"]}, "is a FIFO"),
    ("audit-log-missing-folder", "no/such/audit.jsonl", None, "folder that does not exist"),
    ("audit-log-is-the-schema", "schema.yaml", None, "is the project's schema"),
    ("audit-log-is-pyproject", "pyproject.toml", None, "is the project's pyproject.toml"),
    ("audit-log-hidden", ".audit.jsonl", None, "is hidden"),
    ("audit-log-in-hidden-folder", ".github/audit.jsonl", {"mkdir": [".github"]}, "is hidden"),
    ("audit-log-without-suffix", "README.md", None, "does not end in .jsonl or .log"),
]:
    case(name, "escape", expect, config=f'audit_log = "{log}"\n', setup=setup)
case("audit-log-is-a-marked-file", "escape", "is one of the files of [tool.schemacog]", files={"out/m.py": OK_PY, "out/audit.log": OK_PY}, config='audit_log = "out/audit.log"\n')
for name, schema_key, setup, expect in [
    ("schema-hidden", ".env", None, "is hidden"),
    ("schema-in-hidden-folder", ".config/schema.yaml", {"mkdir": [".config"]}, "is hidden"),
    ("schema-link-to-hidden", "s.yaml", {"symlink": ["s.yaml", ".env"]}, "is hidden"),
    ("schema-without-suffix", "notes.txt", None, "does not end in .yaml or .yml"),
    ("schema-link-without-suffix", "s.yaml", {"symlink": ["s.yaml", "notes.txt"]}, "does not end in .yaml or .yml"),
]:
    case(name, "escape", expect, files={"out/m.py": OK_PY, ".env": "TOKEN=CANARY-TOKEN\n", "notes.txt": "TOKEN: CANARY-TOKEN\n"},
         config=f'schema = "{schema_key}"\n', command="check", setup=setup)
secret = {".git/config": "[http]\n\textraheader = AUTHORIZATION: basic CANARY-TOKEN\n", ".env": "TOKEN=CANARY-TOKEN\n"}
for name, folder, call, expect, setup in [
    ("templates-git", ".git", 'sc.template("config")', "is inside .git/", None),
    ("templates-git-subfolder", ".git/hooks", 'sc.template("x.j2")', "is inside .git/", None),
    ("templates-link-to-git", "tpl", 'sc.template("config")', "is inside .git/", {"symlink": ["tpl", ".git"]}),
    ("templates-root", ".", 'sc.template(".env")', "is the project root itself", None),
    ("templates-root-spelled-out", "out/..", 'sc.template(".env")', "is outside the project", None),
    ("templates-root-through-link", "tpl", 'sc.template(".env")', "is the project root itself", {"symlink": ["tpl", "."]}),
    ("templates-hidden", ".secrets", 'sc.template("t.j2")', "is hidden", {"mkdir": [".secrets"]}),
    ("templates-a-file", "schema.yaml", 'sc.template("t.j2")', "is a file", None),
]:
    case(name, "escape", expect, files={"out/m.py": f"# [[[cog {call} ]]]\n# [[[end]]]\n", **secret},
         config=f'templates = "{folder}"\n', command="check", setup=setup)
for name, files, call, expect, setup in [
    ("template-without-suffix", {"templates/notes.txt": "CANARY-TOKEN"}, 'sc.template("notes.txt")', "does not end in a template suffix", None),
    ("template-include-without-suffix", {"templates/t.j2": "{% include 'notes.txt' %}", "templates/notes.txt": "CANARY-TOKEN"}, 'sc.template("t.j2")', "does not end in a template suffix", None),
    ("template-hidden-file", {"templates/.env.j2": "CANARY-TOKEN"}, 'sc.template(".env.j2")', "is hidden", None),
    ("template-in-hidden-folder", {"templates/.private/t.j2": "CANARY-TOKEN"}, 'sc.template(".private/t.j2")', "is hidden", None),
    ("template-link-without-suffix", {"templates/notes.txt": "CANARY-TOKEN"}, 'sc.template("t.j2")', "does not end in a template suffix", {"symlink": ["templates/t.j2", "notes.txt"]}),
    ("template-fifo", {"templates/keep.j2": "x"}, 'sc.template("p.j2")', "is a FIFO", {"fifo": ["templates/p.j2"]}),
    ("template-folder", {"templates/d.j2/x.j2": "x"}, 'sc.template("d.j2")', "is a folder", None),
]:
    case(name, "escape", expect, files={"out/m.py": f"# [[[cog {call} ]]]\n# [[[end]]]\n", **files},
         config=T, command="check", setup=setup)
case("schema-matched-by-files", "files", "is the project's schema and holds a cog marker", schema=MARKED_SCHEMA, config='files = ["**/*"]\n')
case("schema-matched-by-files-link", "files", "is a symbolic link", schema=MARKED_SCHEMA, config='files = ["out/**/*"]\n', setup={"symlink": ["out/s.yaml", "../schema.yaml"]})
case("schema-fifo", "bounded", "is a FIFO", schema=None, config='schema = "pipe.yaml"\n', setup={"fifo": ["pipe.yaml"]})
case("schema-folder", "files", "is a folder", schema=None, config='schema = "out"\n')
case("schema-in-git", "escape", "is inside .git/", config='schema = ".git/schema.yaml"\n', setup={"mkdir": [".git"]})
case("marked-file-fifo", "bounded", "is a FIFO", setup={"fifo": ["out/p.py"]})
case("marked-file-dangling-symlink", "escape", "is a symbolic link", setup={"symlink": ["out/gone.py", "../nowhere.py"]})
# discovery: one walk, no folder link followed, nothing matched skipped silently
case("symlink-loop-in-files", "bounded", "is a symbolic link", setup={"symlink": ["out/loop", "."]})
case("symlink-loop-pair", "bounded", "is a symbolic link", setup={"mkdir": ["out/a"], "symlink": ["out/a/b", ".."]})
case("symlinked-folder-alias", "files", "is a symbolic link", files={"out/real/m.py": OK_PY}, setup={"symlink": ["out/alias", "real"]})
case("symlinked-folder-outside", "escape", "is a symbolic link", files={"elsewhere/m.py": OK_PY}, setup={"symlink": ["out/ext", "../elsewhere"]})
BAD_PY = '# [[[cog sc.python.columns("nope") ]]]\n# [[[end]]]\n'
for name, extra in [
    ("fake-pyvenv-empty", {"out/pkg/pyvenv.cfg": ""}),
    ("fake-pyvenv-home-only", {"out/pkg/pyvenv.cfg": "home = /usr/bin\n"}),
    ("fake-pyvenv-no-home", {"out/pkg/pyvenv.cfg": "version = 3.11\n", "out/pkg/bin/python": ""}),
]:
    case(name, "files", "unknown table 'nope'", files={"out/ok.py": OK_PY, "out/pkg/m.py": BAD_PY, **extra}, command="check")
for folder in ("venv", "env", "virtualenv"):
    case(f"folder-named-{folder}", "files", "unknown table 'nope'", files={"out/ok.py": OK_PY, f"out/{folder}/m.py": BAD_PY}, command="check")
case("glob-with-dot-part", "files", "unknown table 'nope'", files={"out/ok.py": OK_PY, "out/m.py": BAD_PY}, config='files = ["./out/**/*"]\n', command="check")
case("non-utf8-file-name", "encoding", "file name is not valid UTF-8", setup={"raw_names": [["out/\\xff.py", OK_PY]]})
case("non-utf8-folder-name", "encoding", "folder name is not valid UTF-8", setup={"raw_names": [["out/\\xfe/m.py", OK_PY]]})
case("non-utf8-file-name-check", "encoding", "file name is not valid UTF-8", command="check", setup={"raw_names": [["out/caf\\xe9.py", OK_PY]]})
# issue 17, item 10: output and work amplification -----------------------------------------
DICTIONARY = "<!-- [[[cog sc.docs.dictionary() ]]] -->\n<!-- [[[end]]] -->\n"
case("docs-dictionary-amplified", "bounded", "this region makes the run's output larger than its bound",
     files={f"out/d{i:02d}.md": DICTIONARY * 12 for i in range(50)}, setup={"docs_schema": [150, 20]})
case("globs-20000", "bounded", "20000 globs in files and exclude; the limit is 1000",
     config="files = [" + ", ".join(f'"out/**/*{i}"' for i in range(20000)) + "]\n")
case("pyproject-50mb", "bounded", "larger than the 1 MB limit of a pyproject.toml", setup={"pad_pyproject": 50 * 1024 * 1024})
case("toml-arrays-5000-deep", "bounded", "pyproject.toml:4:72: arrays and inline tables nested deeper than 64",
     config="deep = " + "[" * 5000 + "]" * 5000 + "\n")
case("toml-inline-tables-5000-deep", "bounded", "arrays and inline tables nested deeper than 64",
     config="deep = " + "{a = " * 5000 + "1" + "}" * 5000 + "\n")
case("toml-deep-in-another-table", "bounded", "arrays and inline tables nested deeper than 64",
     setup={"pad_pyproject_text": "\n[tool.other]\ns = \"[[[\" # [[[\nx = " + "[" * 100 + "]" * 100 + "\n"})
# issue 17, item 4 -----------------------------------------------------------------------
# regular-expression denial of service: every class of slow pattern is refused at its line,
# with and without an example row holding an attack value (validate must not hang on it)
LABEL = "label: {type: string, max_length: 20}"
ATTACK = "a" * 40 + "!"
REGEX_CLASSES = [
    # a bounded repeat of a repeat: exponential
    ("regex17-bounded-repeat-of-repeat", "^(a+){25}$", "exponential time"),
    ("regex17-bounded-optional-group", "^(a?){28}a{28}$", "exponential time"),
    ("regex17-repeat-of-open-group", "^(.*a){20}$", "exponential time"),
    # adjacent overlapping repeats: degree 3 and more
    ("regex17-three-overlapping", "^a*a*a*$", "can try more than 100000000 ways"),
    ("regex17-partly-overlapping-classes", "^[a-z]*[a-z0-9]*[0-9a-z]*!$", "can try more than 100000000 ways"),
    ("regex17-separated-by-optional", "^a*b?a*b?a*$", "can try more than 100000000 ways"),
    # unanchored: the search's start is one more repeat
    ("regex17-unanchored-two", "a*a*b", "can try more than 100000000 ways"),
    ("regex17-unanchored-classes", "[a-z]+[a-z0-9]+x", "can try more than 100000000 ways"),
    # a bounded ambiguous part times a repeat that gives back every place
    ("regex17-ambiguous-before-repeat", "^(a|a){16}.*x$", "can try more than 100000000 ways"),
    # a repeated group's iteration, at every start
    ("regex17-unanchored-group", "(?:aa|b)*$", "can try more than 100000000 ways"),
]
for name, pattern, expect in REGEX_CLASSES:
    schema = TINY.replace(LABEL, f"label: {{type: string, pattern: {json.dumps(pattern)}}}")
    case(name, "bounded", expect, schema=schema)
    rows = f"    examples:\n      - {{id: 1, label: {json.dumps(ATTACK)}}}\n"
    case(name + "-example", "bounded", expect, schema=schema + rows, command="validate")
# degree 2 is fast only up to the implied 10,000 characters
case("regex17-long-max-length-degree-2", "bounded", "max_length 20000 is too long for pattern",
     schema=TINY.replace(LABEL, 'label: {type: string, pattern: "^(.*),(.*)$", max_length: 20000}'))
case("regex17-pattern-longer-than-implied", "bounded", "needs at least 10002 characters",
     schema=TINY.replace(LABEL, 'label: {type: string, pattern: "^' + 'ab' * 5001 + '$"}'))
case("regex17-min-length-over-implied", "bounded", "the max_length a pattern implies",
     schema=TINY.replace(LABEL, 'label: {type: string, pattern: "^[a-z]+$", min_length: 10001}'))

shutil.rmtree(ROOT / "cases", ignore_errors=True)
for c in cases:
    folder = ROOT / "cases" / c["name"]
    folder.mkdir(parents=True)
    for name, content in c["files"].items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    if c["schema"] is not None:
        (folder / "schema.yaml").write_text(c["schema"], encoding="utf-8")
    meta = {"class": c["cls"], "command": c["command"], "expect": c["expect"], "config": c["config"]}
    if c["setup"]:
        meta["setup"] = c["setup"]
    (folder / "case.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
print(len(cases), "cases")
from collections import Counter
print(Counter(c["cls"] for c in cases))
