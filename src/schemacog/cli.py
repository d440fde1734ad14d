"""The ``schemacog`` command line: argparse, one exit-code map, errors one per line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from schemacog import __version__

EXIT_OK = 0
EXIT_DRIFT = 1  # check found drift; verify found a failing check
EXIT_ERROR = 2  # a user mistake (schema, config, usage): nothing was written


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        """Usage errors exit 2 like every other user mistake (argparse's own code too)."""
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handlers: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
        "validate": _validate,
        "schema-json": _schema_json,
    }
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    from schemacog.errors import SchemacogError

    try:
        return handlers[args.command](args, sys.stdout)
    except SchemacogError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def _schema_path(given: str | None) -> tuple[Path, str]:
    """The schema to use and how to show its path: the argument, else the config's."""
    if given is not None:
        return Path(given), given
    from schemacog.config import find_pyproject, load_config
    from schemacog.errors import ConfigError, Pos, Problem

    pyproject = find_pyproject(Path.cwd())
    if pyproject is None:
        message = "no schema given and no pyproject.toml with [tool.schemacog] above here"
        raise ConfigError([Problem(Pos(".", 1), message)])
    config = load_config(pyproject, _shown(pyproject))
    return config.schema_path, _shown(config.schema_path)


def _shown(path: Path) -> str:
    """``path`` relative to the working folder when it is below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    from schemacog.validate import load_schema

    path, shown = _schema_path(args.schema)
    schema = load_schema(path, shown)
    columns = sum(len(t.columns) for t in schema.tables)
    print(
        f"{shown}: {_count(len(schema.tables), 'table')}, {_count(columns, 'column')}, "
        f"{_count(len(schema.enums), 'enum')}",
        file=out,
    )
    return EXIT_OK


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _schema_json(args: argparse.Namespace, out: TextIO) -> int:
    from importlib.resources import files

    out.write(files("schemacog").joinpath("schema.json").read_text(encoding="utf-8"))
    return EXIT_OK
