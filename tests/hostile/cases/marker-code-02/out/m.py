# [[[cog open('CANARY', 'w') ]]]
# [[[end]]]
