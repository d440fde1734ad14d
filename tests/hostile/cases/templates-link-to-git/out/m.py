# [[[cog sc.template("config") ]]]
# [[[end]]]
