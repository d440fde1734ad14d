# [[[cog sc.python.columns(**{'table': 'thing'}) ]]]
# [[[end]]]
