# [[[cog sc.python.columns(table="thing", table="thing") ]]]
# [[[end]]]
