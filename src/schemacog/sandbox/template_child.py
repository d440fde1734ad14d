"""Renders the user templates of a run in one child process with CPU, memory and output limits.

Run as ``python -I -m schemacog.sandbox.template_child``; reads one JSON request per line
on stdin and writes one JSON answer per line on stdout, until stdin closes. Jinja's
sandbox stops unsafe attribute access but bounds neither time nor memory (``{{ "x" *
10**9 }}``): the parent sets rlimits and a deadline for the whole run, and this child
refuses output past ``MAX_OUTPUT`` characters in all (every template of the run
together). Each schema is loaded once.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

__all__ = ["MAX_OUTPUT", "main"]

MAX_OUTPUT = 10 * 1024 * 1024


def main() -> int:
    from schemacog.errors import SchemacogError
    from schemacog.model import Schema
    from schemacog.sandbox.user_templates import TemplateError, render
    from schemacog.schema.validate import load_schema

    schemas: dict[tuple[str, str], Schema] = {}
    produced = 0  # characters of output of every template so far
    for line in sys.stdin:
        request = json.loads(line)
        name = request["name"]
        answer: dict[str, Any]
        try:
            key = (request["schema"], request["schema_shown"])
            if key not in schemas:
                schemas[key] = load_schema(Path(key[0]), key[1])
            text = render(Path(request["folder"]), name, schemas[key], request["literals"])
        except (TemplateError, SchemacogError) as exc:
            answer = {"error": str(exc)}
        except MemoryError:
            answer = {"error": f"template {name!r} ran out of memory"}
        else:
            produced += len(text)
            if produced > MAX_OUTPUT:
                limit = MAX_OUTPUT // 2**20
                message = (
                    f"template {name!r} produced more than {limit} MB "
                    "(the limit of all templates of a run together)"
                )
                answer = {"error": message}
            else:
                answer = {"text": text}
        text = ""
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
