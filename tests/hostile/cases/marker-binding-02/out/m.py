# [[[cog sc.python.columns(tabel="thing") ]]]
# [[[end]]]
