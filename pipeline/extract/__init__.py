"""Extraction: one file's bytes -> a `Document` of pages with text, method and confidence.

Holds format detection from the bytes (`detect`), one reader per format (`formats/`), Tesseract
(`ocr`), the typed failures with their Indonesian messages (`errors`) and the entry point that
never raises for a bad file (`extractor.extract`).

May import: pipeline.model, pipeline.settings.
"""
