"""``schemacog verify``: the steps that run the generated code in Python and in every engine."""
