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
case("template-import", "execution", "not found", files=tmpl("{% import 'os' as os %}"), config='templates = "templates"\n')

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
