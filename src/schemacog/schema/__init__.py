"""The schema layer: safe YAML loading, the format's keys, values, patterns and rules.

The validator (``validate``) builds the model, collecting every error.
"""
