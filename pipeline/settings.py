"""Extraction settings: one validated record instead of loose keyword arguments.

The values are part of what a stored extraction means, so they feed
`EXTRACTOR_VERSION`: change a default and every file is read again.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

# Bump when extraction code changes what text it produces for the same bytes.
EXTRACTION_CODE_VERSION = "3"  # 2: OCR at the resolution the text needs (issue 15); 3: screen text enlarged


@dataclass(frozen=True)
class ExtractSettings:
    ocr_languages: str = "ind+eng"
    ocr_dpi: int = 300  # render resolution for PDF pages that need OCR; a scan is rendered at its own if lower
    # Page images are scaled down until their body text has about this x-height in pixels (cap height ~20 px),
    # never up (pipeline.extract.ocr.fit_to_text); 0: read at ocr_dpi / the image's own size, as before issue 15
    ocr_xheight_px: float = 14.0
    ocr_psm: int = 3  # automatic layout; better than 6 on noisy scans (measured-baselines.md)
    ocr_page_timeout_s: float = 120.0  # one Tesseract call; a page that hits it gets no text, the file a problem
    ocr_low_confidence: float = 60.0  # below this mean word confidence, check orientation (OSD) and retry
    max_file_bytes: int = 300_000_000
    max_pages: int = 2_000
    max_image_pixels: int = 180_000_000  # ~ A0 at 300 dpi; larger images are decompression bombs
    # Hostile files (issue 6): a whole file may take this long; pages read by then are kept.
    work_dir: str | None = None  # where OCR page images are written (None: the system temp dir); the flow
    # uses a folder beside the database that it empties at each start, so a killed run leaves no images behind
    file_timeout_s: float = 900.0  # ~300 scanned pages at 3 s; text-layer pages take ~1 ms
    max_unzipped_bytes: int = 500_000_000  # declared size of all DOCX/XLSX members together (zip bombs)
    max_zip_ratio: float = 200.0  # uncompressed/compressed of one large member; zlib tops out near 1030
    min_text_layer_chars: int = 25  # fewer non-space characters on a PDF page: treat as image, OCR it
    min_plausible_ratio: float = 0.6  # share of word-like tokens for a text layer to count as readable

    def __post_init__(self) -> None:
        if not 70 <= self.ocr_dpi <= 600:
            raise ValueError(f"ocr_dpi must be 70..600, got {self.ocr_dpi}")
        if self.ocr_xheight_px != 0 and not 8 <= self.ocr_xheight_px <= 60:
            raise ValueError(f"ocr_xheight_px must be 0 (off) or 8..60, got {self.ocr_xheight_px}")
        if self.ocr_page_timeout_s <= 0:
            raise ValueError("ocr_page_timeout_s must be positive")
        if self.file_timeout_s <= 0:
            raise ValueError("file_timeout_s must be positive")
        if self.max_unzipped_bytes <= 0 or self.max_zip_ratio <= 1:
            raise ValueError("max_unzipped_bytes must be positive and max_zip_ratio above 1")

    def fingerprint(self) -> str:
        """Short stable text of the settings that change extracted text."""
        keys = (
            "ocr_languages",
            "ocr_dpi",
            "ocr_xheight_px",
            "ocr_psm",
            "ocr_low_confidence",
            "min_text_layer_chars",
            "min_plausible_ratio",
        )
        return ",".join(f"{f.name}={getattr(self, f.name)}" for f in fields(self) if f.name in keys)


DEFAULT_SETTINGS = ExtractSettings()
