x = 1
# [[[cog sc.python.columns("thing") ]]]
# [[[end]]]
y = 'ÿ'
