# [[[cog sc.sql.ddl(dialect=["sqlite"]) ]]]
# [[[end]]]
