# [[[cog sc.template("t.j2", x=1, x=2) ]]]
# [[[end]]]
