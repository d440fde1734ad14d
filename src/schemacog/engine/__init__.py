"""The engine layer: the marker API's registry, safe mode, the run over a project, config.

Also the one reach into cogapp (``cog_hook``), exact writes, discovery and reports.
"""
