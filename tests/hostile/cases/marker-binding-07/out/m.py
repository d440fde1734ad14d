# [[[cog sc.template("t.j2", x={"\ud800": 1}) ]]]
# [[[end]]]
