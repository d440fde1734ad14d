# [[[cog sc.python.columns(open('CANARY', 'w')) ]]]
# [[[end]]]
