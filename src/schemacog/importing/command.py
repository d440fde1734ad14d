"""``schemacog import URL [-o FILE] [--tables T1,T2]``: the schema of a live database.

The schema goes to stdout, or to FILE (never over an existing file, written whole or
not at all); each loss is a comment at its place in it and a line on stderr; a summary
ends stderr. Exit 0: exact; 1: something could not be represented; 2: an error.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
from pathlib import Path
from typing import TextIO

from schemacog.errors import printable
from schemacog.importing.build import Imported, ImportError_, import_catalog
from schemacog.importing.connect import ConnectError, read_database, without_history
from schemacog.naming import HISTORY_TABLE
from schemacog.schema.loader import MAX_FILE_BYTES

__all__ = ["ImportFailed", "import_database", "run_import"]

ImportFailed = (ConnectError, ImportError_)  # what a caller reports as one line, exit 2


def import_database(url: str, tables: list[str] | None = None, *, infer: bool = False) -> Imported:
    """The imported schema of ``url`` (ConnectError, ImportError_ on a mistake);
    ``infer``: guesses from the first rows, each reported."""
    opened = read_database(url, infer=infer)
    catalog = without_history(opened.catalog)
    imported = import_catalog(opened.dialect, catalog, opened.name, tables, opened.samples)
    if catalog is opened.catalog:
        return imported
    return dataclasses.replace(imported, left_out=(HISTORY_TABLE,))


def _tables(text: str | None) -> list[str] | None:
    if text is None:
        return None
    names = [name.strip() for name in text.split(",")]
    if not all(names):
        raise ImportError_("--tables lists table names separated by commas (one is empty)")
    return names


def _write_new(path: Path, text: str) -> None:
    """``text`` as a new file at ``path``: refused if it exists, never half-written."""
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    temporary = Path(name)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(handle, 0o666 & ~umask)  # as a file the user makes (mkstemp's is 0600)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except BaseException:
        temporary.unlink()
        raise
    try:
        os.link(temporary, path)  # fails if path exists, even if made meanwhile
    finally:
        temporary.unlink()


def _check_target(path: Path) -> None:
    """A new file in an existing folder, never in a repository's own ``.git``."""
    if ".git" in path.parts:
        raise ImportError_(f"{printable(str(path))} is inside .git: import writes no file there")
    if not path.parent.is_dir():
        raise ImportError_(f"no folder '{printable(str(path.parent))}' to write the schema in")


def run_import(
    url: str, output: str | None, tables: str | None, out: TextIO, *, infer: bool = False
) -> int:
    try:
        if output == "":
            raise ImportError_("-o names no file")
        if output is not None and (Path(output).exists() or Path(output).is_symlink()):
            raise ImportError_(f"{printable(output)} exists: import writes a new file only")
        if output is not None:
            _check_target(Path(output))
        imported = import_database(url, _tables(tables), infer=infer)
        size = len(imported.text.encode("utf-8"))
        if size > MAX_FILE_BYTES:  # validate would refuse the file
            raise ImportError_(
                f"the schema would take {size:,} bytes, more than the "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB a schema file may: import fewer "
                "tables (--tables)"
            )
    except (ConnectError, ImportError_) as exc:
        print(f"schemacog import: {printable(str(exc))}", file=sys.stderr)
        return 2
    what = "stdout" if output is None else printable(output)
    try:  # written first: a failure is one line, before any loss is said
        if output is None:
            out.write(imported.text)
            out.flush()
        else:
            _write_new(Path(output), imported.text)
    except FileExistsError:
        print(f"schemacog import: {what} exists: import writes a new file only", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"schemacog import: cannot write {what}: {exc.strerror}", file=sys.stderr)
        return 2
    for loss in imported.losses:
        print(printable(loss), file=sys.stderr)
    schema = imported.schema
    columns = sum(len(t.columns) for t in schema.tables)
    losses = len(imported.losses)
    print(
        f"schemacog import: {len(schema.tables)} table(s), {columns} column(s), "
        f"{len(schema.enums)} enum(s); "
        + (f"{losses} loss(es), each a comment in the schema" if losses else "exact")
        + "".join(f"; {name} left out (migrate apply's history)" for name in imported.left_out),
        file=sys.stderr,
    )
    return 1 if losses else 0
