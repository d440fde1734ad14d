"""Models generated from schema/schema.yaml: run `schemacog regen` after editing the schema."""

# [[[cog sc.python.imports() ]]]
# [[[end]]]


# [[[cog sc.python.enum("status") ]]]
# [[[end]]]


# [[[cog sc.python.dataclass("account") ]]]
# [[[end]]]


# [[[cog sc.python.validator("account") ]]]
# [[[end]]]


# [[[cog sc.python.dataclass("note") ]]]
# [[[end]]]
