# [[[cog (lambda: open('CANARY', 'w'))() ]]]
# [[[end]]]
