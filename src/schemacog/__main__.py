"""`python -m schemacog` is the `schemacog` command."""

from schemacog.cli import main

raise SystemExit(main())
