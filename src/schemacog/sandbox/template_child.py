"""Renders one user template in a child process with CPU, memory and output limits.

Run as ``python -I -m schemacog.sandbox.template_child``; reads a JSON request on stdin, writes a
JSON answer on stdout. Jinja's sandbox stops unsafe attribute access but bounds neither
time nor memory (``{{ "x" * 10**9 }}``): the parent sets rlimits and a timeout, and this
child refuses output over ``MAX_OUTPUT`` characters.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

__all__ = ["MAX_OUTPUT", "main"]

MAX_OUTPUT = 10 * 1024 * 1024


def main() -> int:
    request = json.loads(sys.stdin.read())
    from schemacog.errors import SchemacogError
    from schemacog.sandbox.user_templates import TemplateError, render
    from schemacog.schema.validate import load_schema

    try:
        schema = load_schema(Path(request["schema"]), request["schema_shown"])
        text = render(Path(request["folder"]), request["name"], schema, request["literals"])
    except (TemplateError, SchemacogError) as exc:
        json.dump({"error": str(exc)}, sys.stdout)
        return 0
    except MemoryError:
        json.dump({"error": f"template {request['name']!r} ran out of memory"}, sys.stdout)
        return 0
    if len(text) > MAX_OUTPUT:
        message = f"template {request['name']!r} produced more than {MAX_OUTPUT // 2**20} MB"
        json.dump({"error": message}, sys.stdout)
        return 0
    json.dump({"text": text}, sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
