"""Sessions: regen and check (the main job), verify, tests, lint, validate, bench.

Virtualenvs are reused between runs and created with uv when it is installed, so a
second ``nox -s tests`` starts in about a second.
"""

from __future__ import annotations

import os

import nox

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["lint", "tests"]

PYTHON = "3.11"


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The test suite on every core (pass pytest arguments after --, e.g. -- --update-goldens).

    ``-- -n0`` runs it in one process.
    """
    session.install("-e", ".[test]")
    session.run("pytest", "-n", "auto", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff check, ruff format --check and mypy --strict over src, tests, benchmarks."""
    session.install("-e", ".[dev]")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy", "--strict")


@nox.session(python=PYTHON)
def regen(session: nox.Session) -> None:
    """Rewrite every marked region under generated/ from schema/shop.yaml."""
    session.install("-e", ".")
    session.run("schemacog", "regen", *session.posargs)


@nox.session(python=PYTHON)
def check(session: nox.Session) -> None:
    """The drift check: fails with a diff when a generated region differs from the schema."""
    session.install("-e", ".")
    session.run("schemacog", "check", *session.posargs)


@nox.session(python=PYTHON)
def verify(session: nox.Session) -> None:
    """Run the generated code: Python layers, DDL and examples in all four engines.

    In CI (``CI`` set) a missing engine is a failure (``--require``).
    """
    session.install("-e", ".[verify]", "pydantic", "ruff>=0.17,<0.18")
    required = ["--require"] if os.environ.get("CI") else []
    session.run("schemacog", "verify", *required, *session.posargs)


@nox.session(python=PYTHON)
def fuzz(session: nox.Session) -> None:
    """Hypothesis fuzzing: the loader, validator and safe-mode checker (100k examples each),
    the agreement of every layer and engine (2,000 random schemas), pumped attacks on
    2,000 accepted patterns, and 300 random migrations on each real engine."""
    session.install("-e", ".[test]")
    session.env["SCHEMACOG_FUZZ_EXAMPLES"] = "100000"
    session.env["SCHEMACOG_AGREEMENT_EXAMPLES"] = "2000"
    session.env["SCHEMACOG_PUMP_EXAMPLES"] = "2000"
    session.env["SCHEMACOG_MIGRATION_EXAMPLES"] = "300"
    tests = ["tests/test_fuzz.py", "tests/render/test_agreement_property.py"]
    tests += ["tests/schema/test_pattern_pumping.py", "tests/migrate/test_migration_property.py"]
    session.run("pytest", *tests, "-q", "-p", "no:cacheprovider", *session.posargs)


@nox.session(python=PYTHON)
def validate(session: nox.Session) -> None:
    """Validate this repository's own schema (schema/shop.yaml)."""
    session.install("-e", ".")
    session.run("schemacog", "validate")


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Benchmarks: printed ratios against baselines measured in the same run."""
    session.install("-e", ".", "linkml")
    session.run("python", "benchmarks/bench_validate.py")
    session.run("python", "benchmarks/bench_migrate.py")
    session.run("python", "benchmarks/bench_import.py")
    session.run("python", "benchmarks/bench.py", *session.posargs)
