# [[[cog sc.template("t.j2", x="a\udcffb") ]]]
# [[[end]]]
