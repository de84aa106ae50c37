"""Can this machine OCR? Tesseract on PATH, its version, and the language data the pipeline reads with.

`spbe run` (and every ingest flow run, e.g. one `spbe schedule` starts) asks before any work:
one `tesseract --version` and one `tesseract --list-langs` (which honours TESSDATA_PREFIX), about
20 ms together, cached per process. When something is missing the run does not start, with a
message naming it and the Debian packages that bring it; otherwise every scanned page would be
recorded as its document's failure.

The check runs for every folder, also one that needs no OCR at all: whether a folder needs OCR is
only known by reading it (a PDF page's text layer decides, page by page), and stored extractions are
keyed by the Tesseract version (`extractor_version`), so a run without Tesseract would file the whole
folder under another version and read all of it again once Tesseract is back. A nightly service
should also say so the first night the server breaks, not the night a scan arrives.

During a run, `missing_language_data` tells an OCR call whether the language files are still
there: when `ind` is gone Tesseract reads with English alone, exits 0 and only warns on stderr, so a
page read in that state must not be trusted.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache

import pytesseract

__all__ = [
    "Engine",
    "EngineUnavailable",
    "INSTALL_COMMAND",
    "engine_problem",
    "engine_status",
    "missing_language_data",
    "needed_languages",
    "require_engine",
]

#: Tesseract 4 brought the LSTM models that Debian's tesseract-ocr-ind/-eng ship.
MIN_VERSION = (4, 0)
#: Seconds one question to Tesseract may take (it answers in milliseconds).
QUERY_TIMEOUT_S = 8.0
PACKAGES = ("tesseract-ocr", "tesseract-ocr-ind", "tesseract-ocr-eng", "tesseract-ocr-osd")
INSTALL_COMMAND = "apt-get install " + " ".join(PACKAGES)
LANGUAGE_NAMES = {"ind": "ind (Bahasa Indonesia)", "eng": "eng (Bahasa Inggris)", "osd": "osd (deteksi arah halaman)"}
_VERSION = re.compile(r"tesseract\s+v?(\d+)\.(\d+)(?:\.(\d+))?", re.IGNORECASE)
_TESSDATA = re.compile(r'languages in "(.*?)"')


class EngineUnavailable(Exception):
    """The OCR engine cannot read pages on this machine; `message` says what is missing, in Indonesian."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Engine:
    """What the check found."""

    command: str  # what is run: "tesseract", or a path configured in pytesseract
    path: str | None  # the executable found on PATH; None when there is none
    version: str = ""  # "5.3.0"; "" when it could not be asked
    tessdata: str = ""  # the folder Tesseract loads languages from
    languages: frozenset[str] = frozenset()
    error: str = ""  # why Tesseract could not be asked (technical)

    @property
    def version_tuple(self) -> tuple[int, ...]:
        found = _VERSION.search(f"tesseract {self.version}")
        return tuple(int(x) for x in found.groups() if x is not None) if found else ()


def needed_languages(ocr_languages: str = "ind+eng") -> tuple[str, ...]:
    """The languages a run reads with ("ind+eng" of the settings) plus `osd` for page orientation."""
    return tuple(dict.fromkeys([*filter(None, ocr_languages.split("+")), "osd"]))


def engine_status(*, fresh: bool = False) -> Engine:
    """The engine as this process sees it (PATH, TESSDATA_PREFIX), asked once per environment; `fresh`
    asks again (a long-lived process, e.g. one serving the nightly schedule, must not trust yesterday)."""
    if fresh:
        _ask.cache_clear()
    command = str(pytesseract.pytesseract.tesseract_cmd)
    return _ask(command, os.environ.get("PATH", ""), os.environ.get("TESSDATA_PREFIX", ""))


@lru_cache(maxsize=8)
def _ask(command: str, search_path: str, tessdata_prefix: str) -> Engine:
    path = shutil.which(command, path=search_path or None)
    if path is None:
        return Engine(command, None)
    try:
        version = _run(path, "--version")
        listing = _run(path, "--list-langs")
    except (OSError, subprocess.SubprocessError) as exc:
        return Engine(command, path, error=f"{type(exc).__name__}: {exc}")
    found = _VERSION.search(version)
    folder = _TESSDATA.search(listing)
    lines = listing.splitlines()
    start = next((i + 1 for i, line in enumerate(lines) if line.startswith("List of available languages")), 0)
    languages = frozenset(line.strip() for line in lines[start:] if line.strip())
    version_text = ".".join(g for g in found.groups() if g) if found else ""
    return Engine(command, path, version_text, folder.group(1) if folder else "", languages)


def _run(path: str, flag: str) -> str:
    done = subprocess.run(
        [path, flag],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=QUERY_TIMEOUT_S,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    if done.returncode != 0:
        raise subprocess.SubprocessError(
            f"{flag}: exit {done.returncode}: {(done.stderr or done.stdout).strip()[:300]}"
        )
    return done.stdout + "\n" + done.stderr  # Tesseract 3 printed its version on stderr


def engine_problem(ocr_languages: str = "ind+eng", *, fresh: bool = False) -> str | None:
    """What keeps this machine from OCR, in Bahasa Indonesia with how to fix it; None when it can OCR."""
    engine = engine_status(fresh=fresh)
    tail = " Pemeriksaan tidak dijalankan, sehingga tidak ada berkas yang ditandai gagal."
    if engine.path is None:
        return (
            f"Mesin OCR Tesseract tidak ditemukan (perintah '{engine.command}' tidak ada di PATH), sehingga "
            f"halaman pindaian tidak dapat dibaca. Pasang dengan: {INSTALL_COMMAND}.{tail}"
        )
    if engine.error:
        return (
            f"Mesin OCR Tesseract di {engine.path} tidak dapat dijalankan ({engine.error}). "
            f"Pasang ulang dengan: {INSTALL_COMMAND}.{tail}"
        )
    if engine.version_tuple[:2] < MIN_VERSION:
        return (
            f"Mesin OCR Tesseract di {engine.path} versi {engine.version or 'tidak dikenal'} terlalu lama; "
            f"diperlukan versi {'.'.join(map(str, MIN_VERSION))} atau lebih baru. Pasang dengan: {INSTALL_COMMAND}.{tail}"
        )
    missing = [language for language in needed_languages(ocr_languages) if language not in engine.languages]
    if missing:
        return _languages_message(engine, missing) + tail
    return None


def _languages_message(engine: Engine, missing: list[str]) -> str:
    names = ", ".join(LANGUAGE_NAMES.get(language, language) for language in missing)
    packages = " ".join(f"tesseract-ocr-{language}" for language in missing)
    where = engine.tessdata or "folder data Tesseract"
    prefix = os.environ.get("TESSDATA_PREFIX")
    message = (
        f"Data bahasa Tesseract tidak lengkap: {names} tidak ada di {where}"
        f"{' (TESSDATA_PREFIX)' if prefix else ''}. Pasang dengan: apt-get install {packages}"
    )
    if prefix:
        files = ", ".join(f"{language}.traineddata" for language in missing)
        message += f", atau arahkan TESSDATA_PREFIX ke folder yang memuat {files}"
    return message + "."


def require_engine(ocr_languages: str = "ind+eng", *, fresh: bool = False) -> Engine:
    """The engine, or `EngineUnavailable` with the message of `engine_problem`."""
    problem = engine_problem(ocr_languages, fresh=fresh)
    if problem:
        raise EngineUnavailable(problem)
    return engine_status()


def missing_language_data(languages: str) -> tuple[str, ...]:
    """Languages of `languages` ("ind+eng", "osd") without their data file in Tesseract's folder now
    (`-l ind` loads exactly <tessdata>/ind.traineddata): removed during the run, or never there where
    no check stopped the run first (a Dask worker). A stat per language: cheap enough for every page;
    () when the engine could not say where its data is."""
    tessdata = engine_status().tessdata
    if not tessdata:
        return ()
    return tuple(
        language
        for language in filter(None, languages.split("+"))
        if not os.path.isfile(os.path.join(tessdata, f"{language}.traineddata"))
    )
