# [[[cog sc.python.columns("thing") ]]]
# [[[end]]]
