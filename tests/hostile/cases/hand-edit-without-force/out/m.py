# [[[cog sc.python.columns("thing") ]]]
THING_COLUMNS: tuple[str, ...] = ("edited",)
# [[[end]]] (sum: AAAAAAAAAA)
