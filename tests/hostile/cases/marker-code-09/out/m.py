# [[[cog sc.__class__.__base__.__subclasses__() ]]]
# [[[end]]]
