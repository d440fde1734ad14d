"""Bad schemas, one file per case, each with the exact error lines ``validate`` must print.

Every ``tests/data/bad_schemas/*.yaml`` is one case, found by the test on its own: adding
a case is adding a file. A case file is the schema as it is fed to the loader, then a
separator line and the expected errors, one ``# line:col: message`` per line::

    schemacog: 2
    name: t
    tables: {}
    # ==== expect ====
    # 1:12: unsupported schema format version 2; this schemacog reads 'schemacog: 1'

Only the bytes before the separator are loaded, so the schema's line numbers are the
file's own and the expected lines need no offset (the path, ``bad.yaml``, is prefixed by
the test). A case file is bytes, not text: it may hold invalid UTF-8 on purpose. Every
case also runs through ``main`` in ``test_cli.py`` to prove no traceback reaches the user.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from conftest import TESTS

FOLDER = TESTS / "data" / "bad_schemas"
SEPARATOR = b"# ==== expect ====\n"


@dataclass(frozen=True)
class BadSchema:
    name: str  # the file's stem
    data: bytes  # the schema, exactly as the loader reads it
    expected: list[str]  # "line:col: message"


def read_case(path: Path) -> BadSchema:
    data, separator, tail = path.read_bytes().partition(SEPARATOR)
    lines = tail.decode("utf-8").splitlines()
    if not separator or not lines or not all(line.startswith("# ") for line in lines):
        raise ValueError(f"{path}: want the schema, {SEPARATOR!r}, then '# line:col: message's")
    return BadSchema(path.stem, data, [line.removeprefix("# ") for line in lines])


CASES = [read_case(path) for path in sorted(FOLDER.glob("*.yaml"))]
