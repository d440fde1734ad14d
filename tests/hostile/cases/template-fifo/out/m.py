# [[[cog sc.template("p.j2") ]]]
# [[[end]]]
