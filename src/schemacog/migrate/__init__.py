"""Migrations: from one schema to the next, planned per dialect, guarded, as SQL.

``sources`` reads the OLD schema (a file, ``git:REV``, ``empty``); ``matching`` pairs
OLD's tables, columns, enums, values and indexes with NEW's by name and declared
``renamed_from``; ``changes`` classifies each change (safe, tightening, lossy,
destructive, refused); ``data_checks`` writes the checks that fail before any change;
``plan`` assembles the steps of one dialect; ``script`` prints them.
"""
