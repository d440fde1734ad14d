# [[[cog [open('CANARY', 'w') for _ in 'x'] ]]]
# [[[end]]]
