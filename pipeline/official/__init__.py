"""Official results: KemenPANRB's Laporan Hasil Evaluasi (LHE) SPBE, read into typed records.

lhe.py    pure: page text and tables -> LheReport (year, government, kind, index, level per indicator)
read.py   the PDF at the edge (pdfplumber) -> pages for lhe.py
"""
