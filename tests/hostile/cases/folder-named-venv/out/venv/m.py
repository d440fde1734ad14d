# [[[cog sc.python.columns("nope") ]]]
# [[[end]]]
