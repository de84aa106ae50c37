"""What people and programs read: the JSON export (a public contract), the readiness report (HTML,
XLSX), the run summary, and the one table of Indonesian labels and suggested actions (`labels`).

May import: pipeline.model, pipeline.rules, pipeline.privacy, pipeline.judge, pipeline.store.
"""
