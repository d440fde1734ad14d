# [[[cog sc.template("../secret.txt") ]]]
# [[[end]]]
