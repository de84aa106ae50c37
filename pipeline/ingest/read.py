"""Everything done to a file where it is read: extract, redact personal data, analyse.

One call per group of files, wherever the group runs (a worker process, a
thread, a Dask worker): only redacted text and the per-document analysis
leave it. Prefect-free on purpose, so that worker processes import it fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.extract import errors
from pipeline.extract.extractor import extract
from pipeline.ingest.discover import printable
from pipeline.judge.analysis import analyze_json, analyzer_for
from pipeline.model import Document, Status
from pipeline.privacy.personal_data import PersonalData, protect
from pipeline.privacy.personal_data import to_json as personal_json
from pipeline.settings import ExtractSettings


@dataclass(frozen=True)
class ReadFile:
    """One file as read: its document (text redacted), its analysis and what personal data it held."""

    document: Document
    analysis: str  # analysis.analyze_json: "null" when there is no text
    personal: str  # personal_data.to_json: counts and pages, never the values


def read_files(paths: list[Path], settings: ExtractSettings, year: int) -> list[ReadFile]:
    analyzer = analyzer_for(year)
    results = []
    for path in paths:
        # a page the machine failed to read (errors.MACHINE_CODES) is why the file was not read: shown first
        document, found = protect(errors.machine_first(extract(path, settings)), analyzer.common)
        results.append(
            ReadFile(
                document,
                analyze_json([p.text for p in document.pages], printable(path.name), analyzer),
                personal_json(found),
            )
        )
    return results


def analyze_stored(texts: list[tuple[str, list[str]]], year: int) -> list[str]:
    """Analyses (analyze_json) of (file name, page texts) already stored: the rules changed, or a known
    content appeared under a new name."""
    analyzer = analyzer_for(year)
    return [analyze_json(pages, file_name, analyzer) for file_name, pages in texts]


def crashed(path: Path, why: str) -> ReadFile:
    """The record of a file whose reader process died: failed, with nothing read."""
    document = Document("unknown", Status.FAILED, problems=(errors.reader_crashed(why),))
    return ReadFile(document, "null", personal_json(PersonalData()))  # "null": analyze_json's form for no text


def warm(year: int) -> None:
    """Load and compile the year's rules, so a worker's first file does not pay for it."""
    analyzer_for(year)
