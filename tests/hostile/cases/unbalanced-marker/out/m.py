# [[[cog sc.python.columns('thing') ]]]
