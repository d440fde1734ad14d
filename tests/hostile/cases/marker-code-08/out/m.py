# [[[cog sc.python.columns.__globals__['os'].system('touch CANARY') ]]]
# [[[end]]]
