# [[[cog exec("open('CANARY', 'w')") ]]]
# [[[end]]]
