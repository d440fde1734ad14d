# [[[cog sc.template(".env.j2") ]]]
# [[[end]]]
