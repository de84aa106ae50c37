"""Personal data in extracted text (NIK, NIP, phone numbers, e-mail): scan, redact before anything
is stored, and the `personal_data` flag with its thresholds from rules/common.yaml.

May import: pipeline.model, pipeline.rules.
"""
