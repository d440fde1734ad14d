# [[[cog sc.docs.erd(*["x"]) ]]]
# [[[end]]]
