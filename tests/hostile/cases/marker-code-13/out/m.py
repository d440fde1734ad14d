# [[[cog sc.python.columns('thing'); import os ]]]
# [[[end]]]
