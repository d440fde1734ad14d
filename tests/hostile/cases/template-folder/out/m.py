# [[[cog sc.template("d.j2") ]]]
# [[[end]]]
