"""The ``schemacog`` command line: argparse, one exit-code map, errors one per line."""

from __future__ import annotations

import sys

from schemacog import __version__

__all__ = ["EXIT_DRIFT", "EXIT_ERROR", "EXIT_OK", "TYPE_CHECKING", "main"]

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)

if TYPE_CHECKING:  # the command line imports what a command needs when it runs
    import argparse
    from collections.abc import Callable, Sequence
    from pathlib import Path
    from typing import TextIO, TypeVar

    from schemacog.migrate.command import Project

    _Result = TypeVar("_Result")

EXIT_OK = 0
EXIT_DRIFT = 1  # check found drift; verify found a failing check
EXIT_ERROR = 2  # a user mistake (schema, config, usage): nothing was written


def _build_parser() -> argparse.ArgumentParser:
    import argparse
    from pathlib import Path

    class _Parser(argparse.ArgumentParser):
        def error(self, message: str) -> None:  # type: ignore[override]
            """Usage errors exit 2 like every other user mistake (argparse's own too)."""
            self.print_usage(sys.stderr)
            self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n")

    parser = _Parser(
        prog="schemacog",
        description="Keep Python, SQL and docs in step with one YAML schema.",
    )
    parser.add_argument("--version", action="version", version=f"schemacog {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    validate = commands.add_parser(
        "validate", help="check the schema file and print a one-line summary"
    )
    validate.add_argument(
        "schema",
        nargs="?",
        help="schema file (default: 'schema' of the nearest [tool.schemacog])",
    )
    commands.add_parser("schema-json", help="print the JSON Schema of the schema format")
    regen = commands.add_parser("regen", help="rewrite every marked region from the schema")
    regen.add_argument("paths", nargs="*", type=Path, help="limit the run to these files/folders")
    regen.add_argument("--diff", action="store_true", help="print a diff of what was rewritten")
    regen.add_argument(
        "--force", action="store_true", help="overwrite regions edited by hand (checksums)"
    )
    _allow_code_flag(regen)
    started = commands.add_parser(
        "init", help="scaffold a schema, the config table and an example file here"
    )
    started.add_argument(
        "--from-db",
        metavar="URL",
        help="start from a live database's schema (schemacog import), its state recorded "
        "as the first migration snapshot, 0001_baseline",
    )
    verify = commands.add_parser(
        "verify", help="run the generated code: Python, SQL engines, examples"
    )
    verify.add_argument(
        "--engines",
        help="comma-separated engines (default: all, in-memory ones first)",
    )
    verify.add_argument("--dsn-postgres", help="PostgreSQL conninfo or URL (default: local socket)")
    verify.add_argument(
        "--dsn-mariadb", help="mysql://user:password@host:port/ (default: local socket)"
    )
    verify.add_argument("--require", action="store_true", help="a skipped engine is a failure")
    _allow_code_flag(verify)
    verify.add_argument("--format", choices=("text", "json"), default="text")
    imported = commands.add_parser("import", help="write the schema of a live database")
    imported.add_argument(
        "url", help="sqlite:///file.db, duckdb:///file.duckdb, postgresql://..., mysql://..."
    )
    imported.add_argument("-o", "--output", help="a new file to write (default: stdout)")
    imported.add_argument("--tables", help="only these tables, separated by commas")
    imported.add_argument(
        "--infer",
        action="store_true",
        help="guess from the first rows: 0/1 integers as booleans, a few repeated texts as "
        "enums (each guess reported)",
    )
    diff_db = commands.add_parser(
        "diff-db", help="fail if a live database differs from what the schema's DDL creates"
    )
    diff_db.add_argument("url", help="the database, as import takes it")
    diff_db.add_argument("--dialect", help="the engine the URL must name")
    diff_db.add_argument(
        "--strict", action="store_true", help="tables only the database has fail too"
    )
    diff_db.add_argument(
        "--exact", action="store_true", help="constraint and index names, column order count"
    )
    diff_db.add_argument("--format", choices=("text", "json", "github"), default="text")
    check = commands.add_parser("check", help="fail if any marked region differs from the schema")
    check.add_argument("paths", nargs="*", type=Path, help="limit the run to these files/folders")
    check.add_argument("--format", choices=("text", "json", "github"), default="text")
    _allow_code_flag(check)
    migrate = commands.add_parser("migrate", help="plan the SQL that takes a database along")
    steps = migrate.add_subparsers(dest="migrate_command", metavar="STEP", parser_class=_Parser)
    planned = steps.add_parser("plan", help="print the migration from OLD to NEW")
    made = steps.add_parser("new", help="write the migration to the migrations folder")
    made.add_argument("name", help="what the migration does, as add_rating")
    for step in (planned, made):
        step.add_argument(
            "--from",
            dest="source",
            help="OLD: a schema file, git:REV (the configured schema at REV), or empty "
            "(default: the newest snapshot in the migrations folder)",
        )
        step.add_argument(
            "--allow-destructive",
            action="store_true",
            help="plan drops and lossy conversions too (else they exit 3)",
        )
    planned.add_argument("--to", help="NEW: a schema file (default: the configured schema)")
    planned.add_argument("--dialect", help="postgres, sqlite, duckdb or mariadb (default: config)")
    planned.add_argument("--format", choices=("sql", "json"), default="sql")
    made.add_argument(
        "--dialect",
        action="append",
        help="a dialect to write (repeat it; default: migration_dialects, else dialect)",
    )
    applied = steps.add_parser(
        "apply", help="run the pending migrations of the URL's dialect, in order, once each"
    )
    status = steps.add_parser(
        "status", help="which migrations a database has, and whether it is at the last one"
    )
    for step in (applied, status):
        step.add_argument("url", help="the database, as import takes it")
    applied.add_argument("--dry-run", action="store_true", help="say what would run; run nothing")
    applied.add_argument(
        "--baseline",
        metavar="NAME",
        help="record migrations up to NAME as applied without running them (the database "
        "must be at NAME's snapshot)",
    )
    applied.add_argument(
        "--resolve",
        metavar="NAME",
        help="the failed migration NAME was finished or undone by hand (checked against "
        "its snapshots)",
    )
    applied.add_argument(
        "--lock-timeout",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="how long to wait for another apply to end (default: 60)",
    )
    status.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def _allow_code_flag(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--allow-code",
        action="store_true",
        help="let a project's allow_code = true run its marker code (or SCHEMACOG_ALLOW_CODE=1)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments == ["--version"]:  # the common probe answers without loading argparse
        print(f"schemacog {__version__}")
        return EXIT_OK
    parser = _build_parser()
    args = parser.parse_args(arguments)
    handlers: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
        "validate": _validate,
        "schema-json": _schema_json,
        "regen": _regen,
        "check": _check,
        "init": _init,
        "verify": _verify,
        "migrate": _migrate,
        "import": _import,
        "diff-db": _diff_db,
    }
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    from schemacog.errors import SchemacogError

    try:
        return handlers[args.command](args, sys.stdout)
    except SchemacogError as exc:
        if getattr(args, "format", "text") not in ("text", "sql"):
            from schemacog.engine.process import Outcome
            from schemacog.engine.report import emit

            outcome = Outcome(problems=list(exc.problems))
            emit(
                sys.stdout,
                sys.stderr,
                outcome,
                fmt=args.format,
                command=args.command,
                status="error",
                exit_code=EXIT_ERROR,
            )
            return EXIT_ERROR
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # stdout closed early (| head): no traceback, nothing more
        import contextlib
        import os

        with contextlib.suppress(OSError):  # the interpreter's last flush goes nowhere
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # as a shell tool killed by SIGPIPE


def _schema_path(given: str | None) -> tuple[Path, str]:
    """The schema to use and how to show its path: the argument, else the config's."""
    from pathlib import Path

    if given is not None:
        return Path(given), given
    from schemacog.engine.config import find_pyproject, load_config
    from schemacog.errors import ConfigError, Pos, Problem

    pyproject = find_pyproject(Path.cwd())
    if pyproject is None:
        message = "no schema given and no pyproject.toml with [tool.schemacog] above here"
        raise ConfigError([Problem(Pos(".", 1), message)])
    config = load_config(pyproject, _shown(pyproject))
    return config.schema_path, _shown(config.schema_path)


def _shown(path: Path) -> str:
    """``path`` relative to the working folder when it is below it."""
    from pathlib import Path

    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    from schemacog.errors import printable
    from schemacog.schema.validate import load_schema

    path, shown = _schema_path(args.schema)
    schema = load_schema(path, shown)
    columns = sum(len(t.columns) for t in schema.tables)
    print(
        f"{printable(shown)}: {_count(len(schema.tables), 'table')}, {_count(columns, 'column')}, "
        f"{_count(len(schema.enums), 'enum')}",
        file=out,
    )
    return EXIT_OK


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _import(args: argparse.Namespace, out: TextIO) -> int:
    from schemacog.importing.command import run_import

    return run_import(args.url, args.output, args.tables, out, infer=args.infer)


def _diff_db(args: argparse.Namespace, out: TextIO) -> int:
    from schemacog.db.backends import DIALECTS
    from schemacog.drift.command import DiffFailed, DiffOptions, run_diff_db
    from schemacog.errors import Pos, Problem, SchemacogError, printable
    from schemacog.schema.validate import load_schema

    if args.dialect is not None and args.dialect not in DIALECTS:
        known = ", ".join(sorted(DIALECTS))
        print(f"schemacog diff-db: unknown dialect {args.dialect!r} ({known})", file=sys.stderr)
        return EXIT_ERROR
    project = _migration_project(True)
    if project.schema_path is None:
        raise SchemacogError([Problem(Pos(".", 1), "the configuration names no schema")])
    schema = load_schema(project.schema_path, project.schema_shown)
    options = DiffOptions(args.dialect, args.strict, args.exact, args.format)
    try:
        return _until_stopped(lambda: run_diff_db(args.url, schema, options, out))
    except DiffFailed as exc:
        print(f"schemacog diff-db: {printable(str(exc))}", file=sys.stderr)
        return EXIT_ERROR


def _schema_json(args: argparse.Namespace, out: TextIO) -> int:
    from importlib.resources import files

    out.write(files("schemacog.schema").joinpath("schema.json").read_text(encoding="utf-8"))
    return EXIT_OK


def _check(args: argparse.Namespace, out: TextIO) -> int:
    from pathlib import Path

    from schemacog.engine.process import render_tree
    from schemacog.engine.report import emit

    outcome = render_tree(args.paths, Path.cwd(), allow_code=args.allow_code)
    if outcome.problems:
        status, code = "error", EXIT_ERROR
    elif outcome.results or outcome.migration_drift:
        status, code = "drift", EXIT_DRIFT
    else:
        status, code = "clean", EXIT_OK
    emit(
        out,
        sys.stderr,
        outcome,
        fmt=args.format,
        command="check",
        status=status,
        exit_code=code,
        show_diff=status == "drift" and args.format == "text",
    )
    return code


def _regen(args: argparse.Namespace, out: TextIO) -> int:
    import contextlib
    from pathlib import Path

    from schemacog.engine.audit import append_audit
    from schemacog.engine.files import LOCK_NAME, Change, locked, write_all
    from schemacog.engine.process import project_roots, render_tree, shown
    from schemacog.engine.report import emit

    cwd = Path.cwd()
    with contextlib.ExitStack() as stack:
        for root in project_roots(args.paths, cwd):
            stack.enter_context(locked(root, shown(root / LOCK_NAME, cwd)))
        outcome = render_tree(args.paths, cwd, allow_code=args.allow_code)
        status = "error" if outcome.problems else ""
        if not status and outcome.hand_edits and not args.force:
            status = "hand_edit"
        if not status:
            changes = [Change(result.source, result.new) for result in outcome.results]
            done = write_all(changes)
            written = {id(change.source) for change in done.written}
            outcome.written = [r for r in outcome.results if id(r.source) in written]
            outcome.problems = done.problems
            status = "error" if outcome.problems else "written"
            # exactly what was written, also when a replace failed part way
            logged = append_audit(outcome)
            outcome.problems += logged
            status = "error" if outcome.problems else "written"
    code = EXIT_OK if status == "written" else EXIT_ERROR
    show_diff = args.diff and status == "written"
    emit(
        out,
        sys.stderr,
        outcome,
        fmt="text",
        command="regen",
        status=status,
        exit_code=code,
        show_diff=show_diff,
    )
    return code


def _init(args: argparse.Namespace, out: TextIO) -> int:
    from pathlib import Path

    from schemacog.engine.scaffold import Start, init

    if args.from_db is None:
        init(Path.cwd(), lambda line: print(line, file=out))
        return EXIT_OK
    from schemacog.errors import printable
    from schemacog.importing.command import ImportFailed, import_database

    try:
        imported = import_database(args.from_db)
    except ImportFailed as exc:
        print(f"schemacog init: {printable(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    for loss in imported.losses:
        print(printable(loss), file=sys.stderr)
    init(
        Path.cwd(),
        lambda line: print(line, file=out),
        Start(imported.text, imported.schema, imported.dialect),
    )
    if imported.losses:  # the schema's DDL is not the database's: no plan would apply
        print(
            f"schemacog init: no baseline recorded: the database differs from the schema's "
            f"DDL in {len(imported.losses)} way(s), said above, so a migration planned from "
            "the schema would not apply to it; once it matches (or on a database the "
            "schema's DDL made), run: schemacog migrate new baseline --from empty",
            file=sys.stderr,
        )
        return EXIT_DRIFT
    import argparse

    from schemacog.migrate.command import run

    baseline = argparse.Namespace(
        migrate_command="new",
        name="baseline",
        source="empty",
        allow_destructive=True,
        dialect=[imported.dialect],
    )
    code = run(baseline, _migration_project, out, sys.stderr)
    if code == EXIT_OK:
        print(
            "recorded the database's state as the baseline migration (the next migrate "
            "new plans from it); to record in the database that it has it, run: "
            "schemacog migrate apply URL --baseline baseline",
            file=out,
        )
    return code


def _until_stopped(work: Callable[[], _Result]) -> _Result:
    """``work()``, which a SIGTERM (a CI job cancelled) stops by an exception: its
    ``finally`` blocks run, so verify's and diff-db's throwaway users, roles, schemas,
    databases and child processes go with it (SIGKILL leaves them; their names start
    ``schemacog_``)."""
    import signal

    def stop(number: int, frame: object) -> None:
        raise SystemExit(128 + number)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: no handler can be set
        return work()
    try:
        return work()
    finally:
        signal.signal(signal.SIGTERM, previous)


def _verify(args: argparse.Namespace, out: TextIO) -> int:
    import json
    from pathlib import Path

    from schemacog.db.backends import BACKENDS, VERIFY_ORDER
    from schemacog.errors import Pos, Problem, SchemacogError
    from schemacog.verify.run import Options, exit_code, json_report, text_report, verify

    given = VERIFY_ORDER if args.engines is None else args.engines.split(",")
    chosen = tuple(name.strip() for name in given if name.strip())
    unknown = [name for name in chosen if name not in BACKENDS]
    if unknown or not chosen:
        from schemacog.render.sql.dialects import unknown_dialect

        written = unknown[0] if unknown else ""
        message = unknown_dialect(written).replace("unknown dialect", "unknown engine", 1)
        raise SchemacogError([Problem(Pos("--engines", 1), message)])
    for engine, dsn in (("postgres", args.dsn_postgres), ("mariadb", args.dsn_mariadb)):
        if dsn is not None and engine not in chosen:  # a connection given for nothing
            message = f"--dsn-{engine} is given but {engine} is not among --engines"
            raise SchemacogError([Problem(Pos(f"--dsn-{engine}", 1), message)])
    options = Options(
        chosen, args.dsn_postgres, args.dsn_mariadb, args.require, allow_code=args.allow_code
    )
    steps = _until_stopped(lambda: verify(Path.cwd(), options))
    if args.format == "json":
        # escaped as check's JSON is: no CI runner command anywhere in a line
        text = json.dumps(json_report(steps), indent=2).replace("##[", "#\\u0023[")
        out.write(text + "\n")
    else:
        for line in text_report(steps):
            print(line, file=out)
    return exit_code(steps)


def _migrate(args: argparse.Namespace, out: TextIO) -> int:
    from schemacog.migrate.command import run

    if args.migrate_command in ("apply", "status"):
        return _deploy(args, out)
    return run(args, _migration_project, out, sys.stderr)


def _deploy(args: argparse.Namespace, out: TextIO) -> int:
    """``migrate apply`` and ``migrate status``: a database's problems one line each on
    stderr, exit 2; another applier's lock, exit 1."""
    from schemacog.deploy.apply import ApplyOptions, run_apply
    from schemacog.deploy.status import run_status
    from schemacog.deploy.targets import Busy, TargetError
    from schemacog.drift.command import DiffFailed
    from schemacog.errors import printable

    project = _migration_project(False)
    command = f"schemacog migrate {args.migrate_command}"
    try:
        if args.migrate_command == "status":
            return _until_stopped(lambda: run_status(args.url, project, args.format, out))
        if not args.lock_timeout >= 0:  # NaN too
            print(f"{command}: --lock-timeout is a number of seconds, 0 or more", file=sys.stderr)
            return EXIT_ERROR
        options = ApplyOptions(args.dry_run, args.baseline, args.resolve, args.lock_timeout)
        return _until_stopped(lambda: run_apply(args.url, project, options, out, sys.stderr))
    except Busy as exc:
        print(f"{command}: {printable(str(exc))}: refused; nothing was changed", file=out)
        return EXIT_DRIFT
    except (TargetError, *DiffFailed) as exc:
        print(f"{command}: {printable(str(exc))}", file=sys.stderr)
        return EXIT_ERROR


def _migration_project(required: bool) -> Project:
    """What migrate reads of the nearest ``[tool.schemacog]``; without one (and not
    ``required``): the working folder, its ``migrations`` folder, no schema."""
    from pathlib import Path

    from schemacog.engine.config import find_pyproject, load_config
    from schemacog.errors import Pos, Problem, SchemacogError
    from schemacog.migrate.command import Project
    from schemacog.migrate.history import DEFAULT_FOLDER

    pyproject = find_pyproject(Path.cwd())
    if pyproject is None:
        if required:
            message = "no pyproject.toml with [tool.schemacog] above here"
            raise SchemacogError([Problem(Pos(".", 1), message)])
        folder = Path.cwd() / DEFAULT_FOLDER
        return Project(Path.cwd(), None, "", None, folder, DEFAULT_FOLDER, ())
    config = load_config(pyproject, _shown(pyproject))
    folder = config.root / (config.migrations or DEFAULT_FOLDER)
    return Project(
        config.root,
        config.schema_path,
        _shown(config.schema_path),
        config.dialect,
        folder,
        _shown(folder),
        config.migration_dialects,
    )
