# [[[cog sc.template(".private/t.j2") ]]]
# [[[end]]]
