# [[[cog eval("open('CANARY', 'w')") ]]]
# [[[end]]]
