# [[[cog sc.python.columns("thing", table="thing") ]]]
# [[[end]]]
