# [[[cog sc.template("/etc/passwd") ]]]
# [[[end]]]
