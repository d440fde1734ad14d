a = 1b = 2
# [[[cog sc.python.columns("thing") ]]]
# [[[end]]]
