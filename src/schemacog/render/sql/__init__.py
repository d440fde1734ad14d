"""SQL: the dialects as data (``dialects``) and the one DDL renderer (``ddl``)."""
