# [[[cog sc.template("notes.txt") ]]]
# [[[end]]]
