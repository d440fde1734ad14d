# [[[cog (x := open('CANARY', 'w')) ]]]
# [[[end]]]
