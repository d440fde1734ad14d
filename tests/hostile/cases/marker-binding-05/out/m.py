# [[[cog sc.python.columns("\ud800") ]]]
# [[[end]]]
