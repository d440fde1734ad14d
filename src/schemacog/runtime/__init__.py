"""Code that generated files carry: standard library only, imports nothing of schemacog."""
