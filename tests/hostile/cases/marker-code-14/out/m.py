# [[[cog breakpoint() ]]]
# [[[end]]]
