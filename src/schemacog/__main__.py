"""`python -m schemacog` is the `schemacog` command.

``python -m`` puts the current folder first on ``sys.path``; the project in it may come
from an untrusted pull request, so nothing is imported from there (a ``cogapp.py`` or
``yaml.py`` beside the schema is never what runs).
"""

import os
import sys

if sys.path and sys.path[0] in ("", os.getcwd()):
    del sys.path[0]

# imported once the project folder has left sys.path
from schemacog.cli import main

raise SystemExit(main())
