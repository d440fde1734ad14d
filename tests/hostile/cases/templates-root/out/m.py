# [[[cog sc.template(".env") ]]]
# [[[end]]]
