# [[[cog sc.template("t.j2") ]]]
# [[[end]]]
