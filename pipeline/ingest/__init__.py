"""Bringing a folder in: find every file (`discover`), decide what must be read and each file's final
status (`inventory`), and read a group of files where it runs (`read`: extract, protect, analyse).

May import: pipeline.model, pipeline.settings, pipeline.rules, pipeline.extract, pipeline.privacy,
pipeline.judge.
"""
