"""``schemacog verify``: prove the generated code works before anyone relies on it.

Steps, each ok / failed / skipped: the generated files are up to date; generated Python
compiles, holds no unsafe calls, is ruff-clean, imports (in an isolated child process);
each engine's DDL executes in a throwaway database; every example row is accepted and
every invalid row refused by the Python validator, the pydantic model, the generated
cleaners (examples written out as raw text) and every engine able to enforce a rule the
row breaks. A skipped engine is reported, never hidden, and
``--require`` turns skips into failures.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final
from urllib.parse import quote as url_quote

from schemacog.db import engines
from schemacog.db.backends import BACKENDS, DIALECTS, VERIFY_ORDER
from schemacog.db.urls import UrlError, parse_url
from schemacog.engine import registry
from schemacog.engine.files import SourceFile
from schemacog.engine.process import Project, render_tree
from schemacog.engine.scan import cog_blocks, literal_calls
from schemacog.errors import SchemacogError, printable
from schemacog.model import BrokenRule, Example, InvalidExample, Schema, Table, Value
from schemacog.naming import cleaner_function, model_class, validator_function
from schemacog.render import python, python_imports, python_needs
from schemacog.render.sql.ddl import constraint_names, creation_order, render_ddl
from schemacog.render.sql.dialects import Dialect
from schemacog.render.sql.literals import quote
from schemacog.sandbox.codec import encode
from schemacog.sandbox.isolation import isolation
from schemacog.schema.rules import (
    FOREIGN_KEY,
    PRIMARY_KEY,
    UNIQUE,
)
from schemacog.verify import cleaner as verify_cleaner
from schemacog.verify.enforced import enforcer
from schemacog.verify.python import (
    compile_errors,
    hand_written_line,
    module_names,
    region_lines,
    ruff_problems,
    run_isolated,
    unsafe_calls,
)

__all__ = [
    "KEY_RULES",
    "MAX_DETAIL_LINES",
    "MAX_LINE_CHARS",
    "Options",
    "Step",
    "exit_code",
    "json_report",
    "row_totals",
    "text_report",
    "verify",
]

OK, FAILED, SKIPPED = "ok", "failed", "skipped"
KEY_RULES = frozenset({PRIMARY_KEY, UNIQUE, FOREIGN_KEY})


@dataclass
class Step:
    name: str
    status: str = OK
    details: list[str] = field(default_factory=list)
    rows: int = 0  # example rows it tried (the summary totals them per layer or engine)
    layer: str = ""  # "python" or the engine's name, for the summary

    def fail(self, detail: str) -> None:
        self.status = FAILED
        self.details.append(detail)


@dataclass(frozen=True)
class Options:
    engines: tuple[str, ...] = VERIFY_ORDER
    dsn_postgres: str | None = None
    dsn_mariadb: str | None = None
    require: bool = False
    allow_code: bool = False  # --allow-code: a project's allow_code = true takes effect

    def url(self, engine: str) -> str | None:
        """The connection given for ``engine`` (on the command line), if any."""
        return {"postgres": self.dsn_postgres, "mariadb": self.dsn_mariadb}.get(engine)


def _row_label(table: Table, item: Example | InvalidExample, kind: str) -> str:
    return f"{table.name} {kind} at {item.pos}"


def _broken(
    item: InvalidExample,
    enforceable: Callable[[BrokenRule], bool],
    names: Mapping[tuple[str, ...], str] | None = None,
    table: str = "",
) -> list[str]:
    """The rules ``item`` breaks that are enforced, by their constraint's name if known."""
    found = []
    for rule in item.broken:
        if not enforceable(rule):
            continue
        said = f"{rule.kind} ({', '.join(rule.columns)})"
        name = (names or {}).get(_constraint_key(rule, table))
        found.append(f"{name} ({rule.kind} of {', '.join(rule.columns)})" if name else said)
    return found


def _rule_label(rule: BrokenRule, table: str) -> str:
    if rule.check is not None:
        return f"check {rule.check} of {table}"
    return f"{rule.kind} of {table}({', '.join(rule.columns)})"


# the prefix of a key's constraint name (ddl.constraint_names); every other rule is a CHECK
_KEY_PREFIXES = {UNIQUE: "uq", FOREIGN_KEY: "fk"}


def _constraint_key(rule: BrokenRule, table: str) -> tuple[str, ...]:
    """The key of ``ddl.constraint_names`` of the constraint a broken rule is."""
    kind, columns = rule.kind, rule.columns
    if rule.check is not None:
        return ("ck", table, rule.check)  # a table's check, by its name
    if kind == PRIMARY_KEY:
        return ("pk", table)  # one per table: no columns in its name
    if kind in _KEY_PREFIXES:
        return (_KEY_PREFIXES[kind], table, *columns)
    return ("ck", table, *columns, kind)


# --- Python ---------------------------------------------------------------------


def _python_steps(project: Project, steps: list[Step], stale: Collection[str]) -> None:
    python_files = [f for f in project.files if f.path.suffix == ".py"]
    compiled, unsafe = Step("python compiles"), Step("no unsafe calls in generated python")
    for source in python_files:
        errors = compile_errors(source.shown, source.text)
        for finding in errors:
            compiled.fail(str(finding))
        if errors:  # its calls cannot be read: never an ok for it
            unsafe.fail(f"{source.shown}: not checked: it does not compile")
            continue
        generated = region_lines(cog_blocks(source.text))
        for finding in unsafe_calls(source.shown, source.text, generated):
            unsafe.fail(str(finding))
    files = f"{len(python_files)} file(s)"
    for step in (compiled, unsafe):
        if not python_files:
            step.status = SKIPPED
            step.details.append("no Python files")
        elif step.status == OK:
            step.details.append(files)
    steps += [compiled, unsafe]
    ruff = ruff_problems([f.path for f in python_files]) if python_files else None
    if ruff is None:
        reason = "ruff is not installed (pip install 'schemacog[verify]')"
        for name in ("ruff format --check", "ruff check"):
            steps.append(Step(name, SKIPPED, [reason if python_files else "no Python files"]))
    else:
        for name, problem in (("ruff format --check", ruff[0]), ("ruff check", ruff[1])):
            steps.append(Step(name, FAILED, [problem]) if problem else Step(name, OK, [files]))
    if compiled.status != FAILED:
        _python_layers(project, python_files, steps, stale)
    else:
        cleaners = any(_cleaner_calls(source) for source in python_files)
        because = "the generated Python does not compile"
        steps.append(Step("python imports (isolated)", FAILED, [f"not run: {because}"]))
        _not_run(steps, _PYTHON_ROWS[: 2 + cleaners], because)


# The name verify calls in a module that provides a layer's generated code.
_LAYER_NAMES: dict[registry.Layer, Callable[[str], str]] = {
    registry.Layer.VALIDATOR: validator_function,
    registry.Layer.MODEL: model_class,
    registry.Layer.CLEANER: cleaner_function,
}


@dataclass
class _Layers:
    """Which module defines each layer (validator, model, cleaner) of each table."""

    modules: list[tuple[Path, str]] = field(default_factory=list)  # file, text that runs
    shown: list[str] = field(default_factory=list)
    cleaners_not_imported: bool = False
    # the marked files not imported: file -> (as shown, why)
    left_out: dict[Path, tuple[str, str]] = field(default_factory=dict)
    builtin_for: list[str] = field(default_factory=list)  # tables the built-in layers serve
    root: Path = Path()  # the project's root, which module names are relative to
    found: dict[registry.Layer, dict[str, tuple[int, str]]] = field(
        default_factory=lambda: {layer: {} for layer in registry.Layer}
    )

    def add(self, layer: registry.Layer, table: str, module: int) -> None:
        self.found[layer].setdefault(table, (module, _LAYER_NAMES[layer](table)))

    @property
    def validator(self) -> dict[str, tuple[int, str]]:
        return self.found[registry.Layer.VALIDATOR]

    @property
    def model(self) -> dict[str, tuple[int, str]]:
        return self.found[registry.Layer.MODEL]

    @property
    def cleaner(self) -> dict[str, tuple[int, str]]:
        return self.found[registry.Layer.CLEANER]


def _find_layers(python_files: Sequence[SourceFile], stale: Collection[str]) -> _Layers:
    """The modules to import: files whose code is all generated, as schemacog renders it
    (a file that differs from the render holds text schemacog did not write)."""
    layers = _Layers()
    for source in python_files:
        blocks = cog_blocks(source.text)
        hand_written = hand_written_line(source.text, blocks)
        if hand_written is not None or source.shown in stale:
            specs = [registry.spec_of(c) for block in blocks for c in literal_calls(block)]
            if specs:
                why = (
                    "it differs from the schema: run schemacog regen"
                    if source.shown in stale
                    else f"code outside its regions at line {hand_written}"
                )
                layers.left_out[source.path.resolve()] = (source.shown, why)
                layers.cleaners_not_imported |= any(
                    spec is not None and spec.layer is registry.Layer.CLEANER for spec in specs
                )
            continue
        index = len(layers.modules)
        layers.modules.append((source.path.resolve(), source.text))
        layers.shown.append(source.shown)
        for call in (c for block in blocks for c in literal_calls(block)):
            spec, table = registry.spec_of(call), registry.subject_of(call)
            if spec is not None and spec.layer is not None and isinstance(table, str):
                layers.add(spec.layer, table, index)
    return layers


def _builtin_module(schema: Schema, folder: Path) -> Path:
    needs = python_needs.Needs()
    regions = []
    for enum in schema.enums:
        needs.add(python.enum_needs(schema, enum))
        regions.append(python.render_enum(schema, enum))
    for table in schema.tables:
        for need, render in (
            (python.pydantic_needs, python.render_pydantic),
            (python.validator_needs, python.render_validator),
        ):
            needs.add(need(schema, table))
            regions.append(render(schema, table))
    imports, _ = python_imports.import_block(needs, None)
    path = folder / "schemacog_builtin_layers.py"
    path.write_text(imports + "\n\n" + "\n".join(regions), encoding="utf-8")
    return path


def _python_layers(
    project: Project, python_files: Sequence[SourceFile], steps: list[Step], stale: Collection[str]
) -> None:
    schema = project.schema
    layers = _find_layers(python_files, stale)
    layers.root = project.config.root.resolve()
    enums_module = project.config.python_enums_module
    known = module_names([path for path, _ in layers.modules], layers.root)
    if enums_module and enums_module not in known:  # else the child would import any module
        said = f"python_enums_module {enums_module!r} is not a generated module of the project"
        why = _why_left_out(enums_module, layers)
        if why is not None:
            said += f" ({why})"
        steps.append(Step("python imports (isolated)", FAILED, [said]))
        _not_run(steps, _row_steps(layers), "the generated Python did not import")
        return
    with tempfile.TemporaryDirectory() as folder:
        missing = [
            t.name
            for t in schema.tables
            if t.name not in layers.validator or t.name not in layers.model
        ]
        if missing:
            builtin = len(layers.modules)
            builtin_path = _builtin_module(schema, Path(folder))
            layers.modules.append((builtin_path, builtin_path.read_text(encoding="utf-8")))
            layers.shown.append(_BUILTIN)
            layers.builtin_for = missing
            for table in missing:
                layers.add(registry.Layer.VALIDATOR, table, builtin)
                layers.add(registry.Layer.MODEL, table, builtin)
        requests, expectations = _python_rows(schema, layers)
        cleaner_requests, cleaner_expected, skipped = verify_cleaner.requests(
            schema, layers.cleaner, _example_rows(schema)
        )
        answer = run_isolated(layers.modules, requests + cleaner_requests, layers.root)
    imported = Step("python imports (isolated)")
    if answer.failure:
        imported.fail(answer.failure)
    for shown, result in zip(layers.shown, answer.imports, strict=False):
        if result["error"]:
            error = result["error"].rstrip()
            absent = re.search(r"No module named '(pydantic|typing_extensions)'", error)
            hint = (
                f" ({absent[1]} is not installed: pip install 'schemacog[verify]')"
                if absent
                else ""
            )
            imported.fail(f"{shown}: import failed{hint}:\n{error}{_left_out(error, layers)}")
    if imported.status == OK:
        own = [shown for shown in layers.shown if shown != _BUILTIN]
        said = (
            f"{len(own)} module(s) of the project: {', '.join(own)}"
            if own
            else ("no module of the project")
        )
        if layers.builtin_for:
            said += f"; the built-in renderers stand in for {', '.join(layers.builtin_for)}"
        imported.details.append(said)
    imported.details.append(isolation().summary)  # how the child that ran them was isolated
    if layers.left_out:  # what only generated code may do; said, never silent
        shown = ", ".join(f"{file} ({why})" for file, why in layers.left_out.values())
        imported.details.append(f"not imported, as not all their code is generated: {shown}")
    steps.append(imported)
    names = _row_steps(layers)
    if imported.status != OK:
        _not_run(steps, names, "the generated Python did not import")
        return
    if not answer.rows:
        for name in names:
            steps.append(Step(name, SKIPPED, ["the schema has no examples"], layer="python"))
        return
    for layer in ("validator", "pydantic"):
        step = Step(f"examples in python {layer}", layer="python")
        tried = sum(1 for row in answer.rows if row is not None and layer in row)
        step.rows = tried
        for (label, expect_accept, broken), row in zip(expectations, answer.rows, strict=False):
            if row is None or layer not in row:
                continue
            outcome = row[layer]
            accepted = not outcome if layer == "validator" else outcome is None
            if expect_accept and not accepted:
                step.fail(f"{label}: {layer} refused it: {outcome}")
            if not expect_accept and accepted:
                step.fail(f"{label}: {layer} accepted it, but it breaks {', '.join(broken)}")
        if step.status == OK:
            step.details.append(f"{tried} row(s) as expected")
        steps.append(step)
    if layers.cleaners_not_imported and not layers.cleaner:
        reason = "no module with sc.python.cleaner regions is imported (see the imports step)"
        steps.append(Step("examples in python cleaner", SKIPPED, [reason], layer="python"))
    if layers.cleaner:
        step = Step("examples in python cleaner", layer="python", rows=len(cleaner_requests))
        for problem in verify_cleaner.problems(cleaner_expected, answer.rows[len(requests) :]):
            step.fail(problem)
        if not cleaner_requests:  # nothing tried is never ok
            step.status = SKIPPED
            if not skipped:
                tables = ", ".join(sorted(layers.cleaner))
                step.details.append(f"no example of a table with a cleaner ({tables})")
        elif step.status == OK:
            step.details.append(f"{len(cleaner_requests)} row(s) as expected")
        if skipped:
            step.details.append(f"{skipped} read differently by design, not tried")
        steps.append(step)


_BUILTIN = "(built-in renderers)"


def _why_left_out(name: str, layers: _Layers) -> str | None:
    """``app/enums.py: why`` when the module ``name`` is a marked file left out, else None."""
    file = module_names(list(layers.left_out), layers.root).get(name)
    if file is None:
        return None
    shown, why = layers.left_out[Path(file)]
    return f"{shown}: {why}"


def _left_out(error: str, layers: _Layers) -> str:
    """Why a module the failed import named is not there: it was left out, and why."""
    absent = re.search(r"No module named '([\w.]+)'", error)
    why = _why_left_out(absent[1], layers) if absent else None
    return f"\n({absent[1]} is not imported: {why})" if absent and why else ""


# the steps that try rows in the generated Python, in order
_PYTHON_ROWS = (
    "examples in python validator",
    "examples in python pydantic",
    "examples in python cleaner",
)


def _row_steps(layers: _Layers) -> Sequence[str]:
    """The row steps of the Python layers this project has (the cleaner's when it has one)."""
    return _PYTHON_ROWS[: 2 + bool(layers.cleaner or layers.cleaners_not_imported)]


def _not_run(steps: list[Step], names: Sequence[str], because: str) -> None:
    """Steps that could not run since one they depend on failed: failed, with why."""
    steps += [Step(name, FAILED, [f"not run: {because}"], layer="python") for name in names]


def _cleaner_calls(source: SourceFile) -> bool:
    """Does the file hold an ``sc.python.cleaner`` region (whether it compiles or not)?"""
    return any(
        spec is not None and spec.layer is registry.Layer.CLEANER
        for block in cog_blocks(source.text)
        for spec in map(registry.spec_of, literal_calls(block))
    )


def _python_rows(
    schema: Schema, layers: _Layers
) -> tuple[list[dict[str, Any]], list[tuple[str, bool, list[str]]]]:
    """Each row once per layer, with what the layer must do: (label, accept?, rules broken)."""
    requests: list[dict[str, Any]] = []
    expectations: list[tuple[str, bool, list[str]]] = []

    def add(table: Table, row: dict[str, Value], label: str, broken: list[str]) -> None:
        (validator_module, validator), (model_module, model) = (
            layers.validator[table.name],
            layers.model[table.name],
        )
        for module, function, cls in ((validator_module, validator, ""), (model_module, "", model)):
            requests.append(
                {"module": module, "validator": function, "model": cls, "row": _encoded(row)}
            )
            expectations.append((label, not broken, broken))

    for table, row, label, broken in _example_rows(schema):
        add(table, row, label, broken)
    return requests, expectations


def _example_rows(schema: Schema) -> list[tuple[Table, dict[str, Value], str, list[str]]]:
    """(table, typed row, label, rules broken) of every example and of every invalid
    example that breaks a rule one row can break (key rules need the database)."""
    rows: list[tuple[Table, dict[str, Value], str, list[str]]] = []
    for table in schema.tables:
        identity = [c.name for c in table.columns if c.identity]
        for number, example in enumerate(table.examples, start=1):
            row = {**dict.fromkeys(identity, number), **example.values}
            rows.append((table, row, _row_label(table, example, "example"), []))
        for invalid in table.invalid_examples:
            broken = _broken(invalid, lambda rule: rule.kind not in KEY_RULES)
            if broken:
                label = _row_label(table, invalid, "invalid example")
                rows.append((table, dict(invalid.values), label, broken))
    return rows


def _encoded(row: dict[str, Value]) -> dict[str, Any]:
    return {key: encode(value) for key, value in row.items()}


# --- SQL ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Given:
    """The connection given for an engine, and what gave it (None: nothing did)."""

    connection: str | None = None
    source: str | None = None


def _settings(name: str, options: Options) -> _Given:
    """The connection given for an engine: its command-line flag, else its environment
    variable, else the variables its driver reads (libpq's ``PGHOST``, ...); never the
    project's config (it is part of the code under review)."""
    backend = BACKENDS[name]
    flag = options.url(name)
    if flag is not None:
        return _Given(flag.strip(), f"--dsn-{name}")
    variable = backend.url_variable
    if variable and variable in os.environ:
        return _Given(os.environ[variable].strip(), variable)
    read = [v for v in backend.driver_variables if v in os.environ]
    empty = [v for v in read if not os.environ[v].strip()]
    if empty:  # a CI secret that is missing: said, never a silent skip
        return _Given("", empty[0])
    return _Given(None, ", ".join(read)) if read else _Given()


# the order regions run in: enums, then tables (in creation order), then the rest (templates)
_RANKS: Final = {registry.Reads.ENUM: 0, registry.Reads.TABLE: 1}


@dataclass(frozen=True)
class _Region:
    """An output region of a SQL file, as schemacog renders it: what runs, and where."""

    where: str  # path:line of its marker
    text: str
    ddl: bool  # an sc.sql.ddl region (the whole schema)
    own: bool  # schemacog's own SQL: no call of the region is a user template
    rank: tuple[int, int, int]  # enums, then tables in creation order, then the rest


def _sql_regions(project: Project, dialect: str, rendered: Mapping[str, str]) -> list[_Region]:
    """The regions of ``dialect`` in the project's SQL files, read from the text schemacog
    renders for each file (``rendered``: the new text of a file that is not up to date),
    never from what the file holds around them (a user template's region holds its
    output, rendered in the sandbox)."""
    order, _ = creation_order(project.schema, DIALECTS[dialect])
    position = {table.name: index for index, table in enumerate(order)}
    found = []
    default = project.config.dialect
    for number, source in enumerate(f for f in project.files if f.path.suffix == ".sql"):
        text = rendered.get(source.shown, source.text)
        for block in cog_blocks(text):
            calls = literal_calls(block)
            specs = [registry.spec_of(call) for call in calls]
            if not calls or any(spec is None or not spec.sql for spec in specs):
                continue  # a docs or Python region in a .sql file is never run as SQL
            if {str(registry.dialect_of(c, default) or default) for c in calls} != {dialect}:
                continue
            subject = registry.subject_of(calls[0])
            reads = {spec.reads for spec in specs if spec is not None}
            kind = max(_RANKS.get(read, len(_RANKS)) for read in reads)
            rank = (kind, position.get(str(subject), 0), number)
            ddl = any(spec is not None and spec.name == "ddl" for spec in specs)
            own = not any(spec is not None and spec.user_text for spec in specs)
            where = f"{source.shown}:{block.line}"
            found.append(_Region(where, "\n".join(block.output) + "\n", ddl, own, rank))
    return found


def _scripts(project: Project, dialect: str, rendered: Mapping[str, str]) -> list[list[_Region]]:
    """What runs, each in a database of its own: every ``sc.sql.ddl`` region alone, then
    the other regions of the dialect together in dependency order; ``sc.sql.ddl`` when
    the project has no SQL of the dialect."""
    regions = _sql_regions(project, dialect, rendered)
    scripts = [[region] for region in regions if region.ddl]
    rest = sorted((r for r in regions if not r.ddl), key=lambda region: region.rank)
    if rest:
        scripts.append(rest)
    if not scripts:
        scripts.append([_builtin_ddl(project.schema, dialect)])
    return scripts


def _builtin_ddl(schema: Schema, dialect: str) -> _Region:
    ddl = render_ddl(schema, dialect)
    return _Region(f"sc.sql.ddl(dialect={dialect!r})", ddl, True, True, (0, 0, 0))


def _sql_steps(
    project: Project, options: Options, steps: list[Step], rendered: Mapping[str, str]
) -> None:
    schema = project.schema
    for name in options.engines:
        dialect = DIALECTS[name]
        ddl_step = Step(f"sql {name}: DDL executes", layer=name)
        given = _settings(name, options)
        # the first script's database stays open for the examples; each other one is
        # dropped as soon as its script ran (a project of many regions holds one or two
        # connections, never one per region)
        opened: list[tuple[engines.Engine, Sequence[_Region]]] = []
        try:
            for script in _scripts(project, name, rendered):
                try:
                    engine = _connect(name, given)
                except engines.EngineUnavailable as exc:
                    if opened:  # the server answered before: a failure, never a skip
                        ddl_step.fail(f"{script[0].where}: {exc}")
                    else:
                        ddl_step = _unreachable(ddl_step.name, name, exc, options, given)
                    break
                if opened:  # dropped after its script, even when the run is stopped in it
                    try:
                        _run_script(engine, script, ddl_step)
                    finally:
                        _close(engine, ddl_step)
                else:  # kept for the examples, closed at the end (below)
                    opened.append((engine, script))
                    _run_script(engine, script, ddl_step)
            if opened:  # who ran it, said after what it ran
                ddl_step.details.append(f"SQL runs {opened[0][0].session}")
            target = _for_examples(opened, schema, name, given, ddl_step)
            try:
                rows = _engine_rows(schema, target, dialect) if target is not None else None
            except engines.EngineSpent as exc:  # many statements, each under its bound
                rows = Step(f"examples in {name}", FAILED, [str(exc)], layer=name)
        finally:
            for engine, _ in opened:
                _close(engine, ddl_step)
        steps.append(ddl_step)
        if rows is not None and ddl_step.status == OK:
            steps.append(rows)
        else:  # never left out: failed (or skipped) with the step it needed
            why = f"not run: {ddl_step.name} {ddl_step.status}"
            steps.append(Step(f"examples in {name}", ddl_step.status, [why], layer=name))


def _close(engine: engines.Engine, step: Step) -> None:
    """Drop the throwaway database; what the server says when it cannot fails the step."""
    try:
        engine.close()
    except Exception as exc:
        step.fail(f"the throwaway database was not dropped: {str(exc).strip()[:500]}")


def _connect(name: str, given: _Given) -> engines.Engine:
    if given.connection == "":
        raise engines.EngineUnavailable(
            f"{given.source} is set but empty: give a connection, or unset it for the local server"
        )
    return BACKENDS[name].connect(given.connection)


def _unreachable(step: str, name: str, exc: Exception, options: Options, given: _Given) -> Step:
    """Settings given but no engine is a failure; none given and no local server, a skip
    (a failure with --require)."""
    variable = BACKENDS[name].url_variable
    said = [str(exc)]
    if isinstance(exc, engines.DriverMissing):
        pass  # the message says what to install
    elif given.source is None and variable:
        said.insert(0, f"no local server, and none given (--dsn-{name} or {variable})")
    elif given.source is not None and given.connection is None:  # the driver's variables
        said.insert(0, f"the connection the driver reads from {given.source} failed:")
    failed = options.require or given.source is not None
    return Step(step, FAILED if failed else SKIPPED, said, layer=name)


def _has_table(engine: engines.Engine, table: str) -> bool:
    try:
        engine.run_script(f"SELECT 1 FROM {quote(DIALECTS[engine.dialect], table)} WHERE 1 = 0")
    except Exception:
        return False
    return True


def _run_script(engine: engines.Engine, script: Sequence[_Region], step: Step) -> None:
    """Each region of ``script`` in turn: an error names the region that made it."""
    for region in script:
        if not region.own and engine.not_limited:
            step.fail(
                f"{region.where}: not run: a user template's SQL runs only in a session "
                f"that cannot reach beyond its throwaway database, and this connection's "
                f"cannot: {engine.not_limited}"
            )
            return
        said = [line for line in region.text.splitlines() if not line.lstrip().startswith("--")]
        if not "".join(said).strip():  # an empty region (an enum that is a CHECK here)
            step.details.append(f"0 statement(s): {region.where}")
            continue
        try:
            engine.run_script(region.text)
        except Exception as exc:
            step.fail(f"{region.where}: {exc}")
            return
        step.details.append(f"{_statements(region.text)} statement(s): {region.where}")


def _for_examples(
    opened: list[tuple[engines.Engine, Sequence[_Region]]],
    schema: Schema,
    name: str,
    given: _Given,
    step: Step,
) -> engines.Engine | None:
    """The database the examples go into (None when the DDL step did not pass): the first
    script's when it creates every table an example needs (an ``sc.sql.ddl`` region
    does), else one of the schema's own DDL, which the step then names."""
    if step.status != OK:
        return None
    engine, script = opened[0]
    needed = [t.name for t in schema.tables if t.examples or t.invalid_examples]
    missing = [] if any(region.ddl for region in script) else needed
    missing = [t for t in missing if not _has_table(engine, t)]
    if not missing:
        return engine
    builtin = _builtin_ddl(schema, name)
    try:
        engine = _connect(name, given)
    except engines.EngineUnavailable as exc:
        step.fail(f"{builtin.where}, for the examples: {exc}")
        return None
    opened.append((engine, [builtin]))
    _run_script(engine, [builtin], step)
    if step.status == OK:
        shown = ", ".join(missing)
        step.details[-1] += f", for the examples (the regions create no table {shown})"
        return engine
    return None


def _statements(sql: str) -> int:
    """How many statements a generated script holds: each ends a line with ``;``."""
    return sum(
        1 for line in sql.splitlines() if line.rstrip().endswith(";") and not line.startswith("--")
    )


def _declared_refusal(
    dialect: Dialect,
    table: Table,
    values: Mapping[str, Value],
    refused: set[tuple[str, tuple[Value, ...]]],
    present: set[tuple[str, tuple[Value, ...]]],
) -> bool:
    """Does the DDL say that ``dialect`` refuses this valid row: one naming itself, or a
    row refused so (``refused``), or, through a deferrable key the engine checks at each
    statement, a row not inserted yet (not in ``present``)?"""
    for fk in table.foreign_keys:
        named = tuple(values.get(c) for c in fk.columns)
        if None in named:
            continue
        itself = fk.ref_table == table.name and named == tuple(
            values.get(c) for c in fk.ref_columns
        )
        if (itself and not dialect.row_references_itself) or (fk.ref_table, named) in refused:
            return True
        if fk.deferrable and dialect.no_deferral and (fk.ref_table, named) not in present:
            return True
    return False


def _engine_rows(schema: Schema, engine: engines.Engine, dialect: Dialect) -> Step:
    step = Step(f"examples in {engine.dialect}", layer=engine.dialect)
    if not any(table.examples or table.invalid_examples for table in schema.tables):
        step.status = SKIPPED
        step.details.append("the schema has no examples")
        return step
    order, _ = creation_order(schema, dialect)
    enforced_in = enforcer(dialect, schema)
    names = constraint_names(schema, dialect.name)
    accepted = refused = declared_refusals = unenforced = 0
    not_enforced: dict[str, None] = {}  # rules an invalid example breaks that this engine cannot
    # in one transaction, so that deferrable foreign keys are checked at its commit; an
    # engine that defers none loads them with its checks off, as its DDL says
    examples = [(table, example) for table in order for example in table.examples]
    deferred = any(fk.deferrable for table in order for fk in table.foreign_keys)
    checks = not (deferred and dialect.no_deferral is not None)
    together = engine.insert_together(
        [(table, example.values) for table, example in examples], foreign_key_checks=checks
    )
    if together.checks_off:
        step.details.append(f"examples loaded with foreign key checks off ({dialect.no_deferral})")
    declined: set[tuple[str, tuple[Value, ...]]] = set()  # keys of rows refused as declared
    present: set[tuple[str, tuple[Value, ...]]] = set()  # keys of rows stored
    for (table, example), error in zip(examples, together.errors, strict=True):
        keys = {
            (table.name, tuple(example.values.get(c) for c in key))
            for key in (table.primary_key, *table.unique_keys)
        }
        declared = _declared_refusal(dialect, table, example.values, declined, present)
        if error is None:
            present |= keys
        elif declared:
            label = _row_label(table, example, "example")
            step.details.append(f"{label}: refused by {dialect.title}, as its DDL says")
            declined |= keys
            declared_refusals += 1
        else:
            step.fail(
                f"{_row_label(table, example, 'example')}: {engine.dialect} refused it: {error}"
            )
        accepted += error is None
    if together.commit is not None:
        step.fail(f"the examples, at commit: {engine.dialect} refused them: {together.commit}")
        accepted = 0
    for table in order:
        for invalid in table.invalid_examples:
            enforceable = enforced_in(table, invalid.values)
            broken = _broken(invalid, enforceable, names, table.name)
            for rule in invalid.broken:
                if not enforceable(rule):
                    not_enforced[_rule_label(rule, table.name)] = None
            error = engine.insert(table, invalid.values)
            label = _row_label(table, invalid, "invalid example")
            if broken and error is None:
                step.fail(
                    f"{label}: {engine.dialect} accepted it, but it breaks {', '.join(broken)}"
                )
            refused += error is not None
            unenforced += error is None and not broken  # accepted: no rule it breaks is here
    step.rows = accepted + refused + declared_refusals + unenforced
    if step.status == OK:
        also = f", {declared_refusals} refused as its DDL says" if declared_refusals else ""
        also += f", {unenforced} accepted as not enforced (below)" if unenforced else ""
        step.details.append(f"{accepted} accepted, {refused} refused{also}")
    if not_enforced:  # said, never silently skipped (the DDL's comments say why)
        step.details.append(f"not enforced by {dialect.title}: {', '.join(not_enforced)}")
    return step


# --- the command -----------------------------------------------------------------


def verify(cwd: Path, options: Options) -> list[Step]:
    """Every step on the project of ``cwd``; SchemacogError for a config or schema error."""
    outcome = render_tree([], cwd, allow_code=options.allow_code)
    if outcome.problems:
        raise SchemacogError(outcome.problems)
    steps: list[Step] = []
    for project in outcome.projects:
        fresh = Step("generated files are up to date")
        edited = {region.path for region in outcome.hand_edits}
        for result in outcome.results:
            if result.source in project.files:
                shown = result.source.shown
                fix = "regen --force: it holds a hand edit" if shown in edited else "regen"
                fresh.fail(f"{shown}: differs from the schema (run schemacog {fix})")
        if not project.files:
            fresh.status = SKIPPED
            fresh.details.append("no marked files")
        elif fresh.status == OK:
            fresh.details.append(f"{len(project.files)} file(s)")
        steps.append(fresh)
        _python_steps(project, steps, {r.source.shown for r in outcome.results})
        rendered = {
            result.source.shown: result.source.decode(result.new)
            for result in outcome.results
            if result.source in project.files
        }
        _sql_steps(project, options, steps, rendered)
    _redacted(steps, _secrets(options))
    return steps


def _secrets(options: Options) -> list[str]:
    """What no output may show: each connection given (flag or variable), its password,
    and libpq's PGPASSWORD; the longest first."""
    found: set[str] = set()
    for name, backend in BACKENDS.items():
        variable = backend.url_variable
        for value in (options.url(name), os.environ.get(variable) if variable else None):
            if not value or not value.strip():
                continue
            found.add(value.strip())
            password = re.search(r"password\s*=\s*('(?:[^'\\]|\\.)*'|\S+)", value)
            if password:
                found.add(password[1].strip("'"))
            try:
                parsed = parse_url(value.strip())
            except UrlError:
                continue
            if parsed.password:
                found |= {parsed.password, url_quote(parsed.password, safe="")}
    found.add(os.environ.get("PGPASSWORD", ""))
    return sorted((s for s in found if len(s) >= 3), key=len, reverse=True)


def _redacted(steps: list[Step], secrets: Sequence[str]) -> None:
    """Every secret in the steps' details replaced by ``***`` (a child's traceback or a
    driver's message can quote one)."""
    if not secrets:
        return
    pattern = re.compile("|".join(re.escape(secret) for secret in secrets))
    for step in steps:
        step.details = [pattern.sub("***", detail) for detail in step.details]


def exit_code(steps: Sequence[Step]) -> int:
    return 1 if any(step.status == FAILED for step in steps) else 0


def text_report(steps: Sequence[Step]) -> Iterator[str]:
    width = max(len(step.name) for step in steps)
    for step in steps:
        # each line on its own line, and nothing in it (a file name, what generated code
        # printed) can end it, forge another one or send the terminal an escape
        lines = "\n".join(_bounded(step.details)).split("\n") if step.details else [""]
        first, *rest = [printable(line) for line in lines]
        yield f"{step.name:<{width}}  {step.status:<7}  {first}".rstrip()
        for detail in rest:
            yield f"{'':<{width}}  {'':<7}  {detail}".rstrip()
    counts = {status: sum(s.status == status for s in steps) for status in (OK, FAILED, SKIPPED)}
    totals = ", ".join(f"{layer} {rows}" for layer, rows in row_totals(steps).items())
    yield (
        f"schemacog verify: {counts[OK]} ok, {counts[FAILED]} failed, {counts[SKIPPED]} skipped"
        + (f"; example rows tried: {totals}" if totals else "")
    )


def row_totals(steps: Sequence[Step]) -> dict[str, int]:
    """Example rows tried, per layer (``python``) and engine, in the order of the steps."""
    totals: dict[str, int] = {}
    for step in steps:
        if step.layer and step.rows:
            totals[step.layer] = totals.get(step.layer, 0) + step.rows
    return totals


# what a step may say: generated code's tracebacks and messages are its words, and a
# template that raises a 50 MB error must not flood a CI log
MAX_DETAIL_LINES: Final = 200
MAX_LINE_CHARS: Final = 2000


def _bounded(details: Sequence[str]) -> list[str]:
    """``details`` cut to ``MAX_DETAIL_LINES`` lines of at most ``MAX_LINE_CHARS``
    characters, saying how much was left out."""
    out: list[str] = []
    lines = 0
    for detail in details:
        kept = []
        for line in detail.split("\n"):
            if lines == MAX_DETAIL_LINES:
                break
            lines += 1
            cut = len(line) - MAX_LINE_CHARS
            kept.append(
                line if cut <= 0 else f"{line[:MAX_LINE_CHARS]} ... ({cut} more characters)"
            )
        if kept:
            out.append("\n".join(kept))
    total = sum(detail.count("\n") + 1 for detail in details)
    if total > lines:
        out.append(f"... {total - lines} more line(s) not shown")
    return out


def json_report(steps: Sequence[Step]) -> dict[str, Any]:
    return {
        "version": 1,
        "exit_code": exit_code(steps),
        "steps": [
            {"name": s.name, "status": s.status, "details": _bounded(s.details), "rows": s.rows}
            for s in steps
        ],
        "rows": row_totals(steps),
    }
