# [[[cog sc.template("link.j2") ]]]
# [[[end]]]
