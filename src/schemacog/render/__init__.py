"""The render layer: text from the model.

Python, cleaners, Markdown and Mermaid, and SQL per dialect.
"""
