"""Live databases along their migrations: ``migrate apply`` and ``migrate status``."""
