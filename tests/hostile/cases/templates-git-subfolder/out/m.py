# [[[cog sc.template("x.j2") ]]]
# [[[end]]]
