"""SQL engines: adapters that connect, run DDL and read catalogs; the dialect registry.

``backends`` pairs each dialect with the adapter that runs it.
"""
