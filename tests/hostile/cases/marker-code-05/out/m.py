# [[[cog f'{open("CANARY", "w")}' ]]]
# [[[end]]]
