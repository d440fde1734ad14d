# [[[cog getattr(sc, 'python') ]]]
# [[[end]]]
