"""A KemenPANRB Laporan Hasil Evaluasi (LHE) SPBE: page text and tables in, the official result out.

Pure: no file is opened here (read.py does that). The layout read is the one of the LHEs of 2021-2024
(Kota Bandar Lampung, ../shared/real/):
- year and kind from the running head "EVALUASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK TAHUN 2024", or
  "PEMANTAUAN SISTEM ... TAHUN 2022" for the pemantauan report of the year between two evaluations;
- government, index and predicate from the page "INDEKS SPBE – PEMERINTAH KOTA BANDAR LAMPUNG", "(Baik)"
  and the row "SPBE | 2,98" of its table "Nilai Indeks SPBE, Domain, dan Aspek";
- the level per indicator from the table "No | Indikator | Nilai Tingkat Kematangan [year]" and its
  continuation on the next pages; the pemantauan report has one column per year (2021 and 2022).
What is parsed is checked against the framework of that year (known indicator numbers, all of them, levels
1-5, the predicate of the printed index). Anything else - a scan without text, another layout, a PDF that is
no LHE - is refused with an `LheError` whose message tells the admin what to do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.rules import Framework, Region, RulesError, framework_for_year, load_regions

KIND_LABELS = {"evaluasi": "Evaluasi", "pemantauan": "Pemantauan"}
MIN_TEXT_CHARS = 200  # below this over all pages the PDF has no usable text layer (a scan or a photo)
LEVEL_MAX = 5

_HEAD = re.compile(
    r"\b(PEMANTAUAN DAN EVALUASI|PEMANTAUAN|EVALUASI) SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK TAHUN (20\d\d)\b"
)
_INDEX_HEAD = re.compile(r"INDEKS SPBE\s*[–—-]\s*([A-Z][A-Z .,/()'-]+?)\s*$", re.MULTILINE)
_PREDICATE = re.compile(r"\(\s*(Memuaskan|Sangat Baik|Baik|Cukup|Kurang)\s*\)", re.IGNORECASE)
_DECIMAL = re.compile(r"^\s*(\d)[,.](\d{1,2})\s*$")
_YEAR = re.compile(r"\b(20\d\d)\b")
_SMALL_WORDS = {"dan", "di", "ke", "dari", "serta", "untuk", "atau"}


class LheError(ValueError):
    """Why a file cannot be read as an LHE: a message in Bahasa Indonesia that says what to do."""


@dataclass(frozen=True)
class PageContent:
    """What the PDF reader found on one page: its text and its tables (rows of cells, None = empty)."""

    number: int  # 1-based, as the admin counts pages
    text: str
    tables: tuple[tuple[tuple[str | None, ...], ...], ...] = ()


@dataclass(frozen=True)
class OfficialLevel:
    no: int
    level: int
    page: int  # the page of the report that states it


@dataclass(frozen=True)
class LheReport:
    year: int
    kind: str  # evaluasi | pemantauan
    government: str  # "Kota Bandar Lampung"
    government_code: str | None  # Kemendagri code when the government is a region of rules/regions.csv
    index: float  # as printed (two decimals)
    predicate: str  # as printed, in the framework's spelling ("Baik")
    index_page: int
    framework: str  # id of the framework the levels were checked against
    levels: tuple[OfficialLevel, ...]  # the report year's level of every indicator, by number
    earlier: tuple[tuple[int, tuple[OfficialLevel, ...]], ...] = ()  # other years' columns (pemantauan: 2021)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    def level_map(self) -> dict[int, int]:
        return {lv.no: lv.level for lv in self.levels}


def government_key(name: str) -> str:
    """A government's name folded for comparison: "PEMERINTAH KOTA BANDAR LAMPUNG", "Kota Bandar  Lampung"
    and "Kota Bandar Lampung" are one government."""
    folded = " ".join(name.casefold().replace(".", ". ").split())
    folded = re.sub(r"^pemerintah\s+", "", folded)
    for short, full in (("pemkot", "kota"), ("pemkab", "kabupaten"), ("kab.", "kabupaten"), ("pemprov", "provinsi"),
                        ("prov.", "provinsi")):  # fmt: skip
        if folded.startswith(short + " "):
            folded = full + folded[len(short) :]
    return " ".join(folded.replace(".", " ").split())


def _title(words: str) -> str:
    parts = words.lower().split()
    return " ".join(w if (i and w in _SMALL_WORDS) else w[:1].upper() + w[1:] for i, w in enumerate(parts))


def government_name(raw: str, regions: Sequence[Region]) -> tuple[str, str | None]:
    """The government as the official list writes it ("Kota Bandar Lampung", code "18.71"), else title case."""
    key = government_key(raw)
    for region in regions:
        if government_key(region.full_name) == key or government_key(region.name) == key:
            return region.full_name, region.code
    return _title(key), None


def _clean(cell: str | None) -> str:
    return " ".join((cell or "").split())


def _decimal(cell: str | None) -> float | None:
    match = _DECIMAL.match(cell or "")
    return None if match is None else float(f"{match[1]}.{match[2]}")


def _whole(cell: str | None) -> int | None:
    text = _clean(cell)
    return int(text) if text.isdigit() and len(text) <= 2 else None


def _year_and_kind(pages: Sequence[PageContent]) -> tuple[int, str]:
    heads = [(m[1], int(m[2])) for page in pages for m in _HEAD.finditer(" ".join(page.text.split()))]
    if not heads:
        raise LheError(
            "Berkas ini bukan Laporan Hasil Evaluasi SPBE yang dikenal: judul 'EVALUASI SISTEM PEMERINTAHAN "
            "BERBASIS ELEKTRONIK TAHUN …' tidak ditemukan. Gunakan PDF LHE asli dari KemenPANRB."
        )
    years = sorted({year for _, year in heads})
    if len(years) > 1:
        raise LheError(f"Judul laporan menyebut beberapa tahun ({', '.join(map(str, years))}); tahun LHE tidak pasti.")
    kind = "pemantauan" if any(word == "PEMANTAUAN" for word, _ in heads) else "evaluasi"
    return years[0], kind


def _index_in_tables(page: PageContent) -> float | None:
    for table in page.tables:
        for row in table:
            cells = [_clean(c) for c in row if _clean(c)]
            if len(cells) == 2 and cells[0].upper() == "SPBE" and _decimal(cells[1]) is not None:
                return _decimal(cells[1])
    return None


def _index_in_text(page: PageContent) -> float | None:
    for line in page.text.splitlines():
        match = re.fullmatch(r"\s*SPBE\s+(\d[,.]\d{1,2})\s*", line)
        if match:
            return _decimal(match[1])
    return None


@dataclass(frozen=True)
class _IndexPage:
    government: str
    code: str | None
    index: float
    predicate: str
    page: int


def _government_and_index(pages: Sequence[PageContent], year: int, regions: Sequence[Region]) -> _IndexPage:
    """The page "INDEKS SPBE – PEMERINTAH …": government, printed index and predicate."""
    for page in pages:
        head = _INDEX_HEAD.search(page.text)
        if head is None:
            continue
        index = _index_in_tables(page)
        index = _index_in_text(page) if index is None else index
        predicate = _PREDICATE.search(page.text)
        if index is None or predicate is None:
            raise LheError(
                f"Halaman {page.number} memuat judul indeks, tetapi nilai Indeks SPBE atau predikatnya tidak "
                "terbaca dari tabelnya. Tata letak LHE ini belum dikenal."
            )
        header_year = re.search(r"Nama Indeks\s+Nilai\s+(20\d\d)", page.text)
        if header_year and int(header_year[1]) != year:
            raise LheError(f"Tabel indeks halaman {page.number} untuk tahun {header_year[1]}, bukan {year}.")
        name, code = government_name(head[1], regions)
        return _IndexPage(name, code, index, predicate[1], page.number)
    raise LheError(
        "Halaman 'INDEKS SPBE – PEMERINTAH …' dengan nilai indeks tidak ditemukan; berkas ini bukan LHE SPBE "
        "dengan tata letak yang dikenal."
    )


def _level_columns(row: tuple[str | None, ...], year: int) -> dict[int, int] | None:
    """Column -> year of a header row "No | Indikator | Nilai Tingkat Kematangan [year] …", else None."""
    cells = [_clean(c) for c in row]
    if not cells or cells[0].lower() != "no" or not any(c.lower() == "indikator" for c in cells):
        return None
    columns = {}
    for i, cell in enumerate(cells):
        if "tingkat kematangan" in cell.lower():
            found = _YEAR.search(cell)
            columns[i] = int(found[1]) if found else year
    return columns or None


def _row_levels(row, columns: dict[int, int], page: int) -> list[tuple[int, OfficialLevel]] | None:
    """(year, level) of a data row "18 | Tingkat Kematangan … | 3", None for a row that carries no data."""
    no = _whole(row[0]) if row else None
    values = {year: _clean(row[i]) if i < len(row) else "" for i, year in columns.items()}
    if no is None:
        if any(values.values()):
            raise LheError(f"Baris tabel tingkat kematangan tanpa nomor indikator di halaman {page}.")
        return None
    found = []
    for year, value in values.items():
        if not value.isdigit():
            raise LheError(
                f"Tingkat indikator {no} tahun {year} di halaman {page} tidak terbaca ({value or 'kosong'})."
            )
        found.append((year, OfficialLevel(no, int(value), page)))
    return found


def _continues(table, width: int) -> bool:
    """A table without a header that carries on the level table of the previous page."""
    return bool(table) and len(table[0]) == width and _whole(table[0][0]) is not None


def _level_tables(pages: Sequence[PageContent], year: int) -> dict[int, dict[int, OfficialLevel]]:
    """Year -> indicator -> level, from the level table and its continuations."""
    found: dict[int, dict[int, OfficialLevel]] = {}
    columns: dict[int, int] | None = None
    width = 0
    for page in pages:
        for table in page.tables:
            rows = list(table)
            header = next((c for c in (_level_columns(r, year) for r in rows[:3]) if c), None)
            if header:
                columns, width = header, len(rows[0])
                rows = rows[next(i for i, r in enumerate(rows) if _level_columns(r, year)) + 1 :]
            elif columns is None or not _continues(rows, width):
                columns = None
                continue
            for row in rows:
                for row_year, level in _row_levels(row, columns, page.number) or ():
                    known = found.setdefault(row_year, {}).get(level.no)
                    if known and known.level != level.level:
                        raise LheError(
                            f"Indikator {level.no} tahun {row_year} bertingkat {known.level} di halaman "
                            f"{known.page} dan {level.level} di halaman {level.page}."
                        )
                    found[row_year].setdefault(level.no, level)
    return found


def _checked_levels(levels: dict[int, OfficialLevel], framework: Framework, year: int) -> tuple[OfficialLevel, ...]:
    known = {i.no for i in framework.indicators}
    unknown = sorted(set(levels) - known)
    missing = sorted(known - set(levels))
    if unknown:
        raise LheError(f"Nomor indikator {', '.join(map(str, unknown))} tidak dikenal dalam kerangka {framework.id}.")
    if missing:
        raise LheError(
            f"Tingkat kematangan tahun {year} tidak terbaca untuk {len(missing)} indikator "
            f"({', '.join(map(str, missing))}); LHE ini tidak dapat dimuat sebagian."
        )
    wrong = [lv for lv in levels.values() if not framework.level_floor <= lv.level <= LEVEL_MAX]
    if wrong:
        shown = ", ".join(f"indikator {lv.no} = {lv.level} (hlm. {lv.page})" for lv in wrong)
        raise LheError(f"Tingkat di luar {framework.level_floor}–{LEVEL_MAX}: {shown}.")
    return tuple(levels[no] for no in sorted(levels))


def _framework(year: int) -> Framework:
    try:
        return framework_for_year(year)
    except RulesError as exc:
        raise LheError(f"LHE tahun {year} tidak dapat diperiksa: {exc}") from exc


def parse_lhe(pages: Sequence[PageContent], regions: Sequence[Region] | None = None) -> LheReport:
    """The official result an LHE states, checked against the framework of its year; LheError otherwise."""
    if sum(len(p.text.strip()) for p in pages) < MIN_TEXT_CHARS:
        raise LheError(
            "Berkas ini tidak memiliki lapisan teks (hasil pindai atau foto), sehingga tabelnya tidak dapat "
            "dibaca. Gunakan PDF LHE asli yang diterima dari KemenPANRB."
        )
    year, kind = _year_and_kind(pages)
    framework = _framework(year)
    head = _government_and_index(pages, year, load_regions() if regions is None else regions)
    by_year = _level_tables(pages, year)
    if year not in by_year:
        raise LheError(
            f"Tabel 'Nilai Tingkat Kematangan' per indikator tahun {year} tidak ditemukan atau tidak terbaca "
            "(hasil pindai atau tata letak lain)."
        )
    expected = framework.predicate(head.index)
    if expected.casefold() != head.predicate.casefold():
        shown = f"{head.index:.2f}".replace(".", ",")
        raise LheError(
            f"Predikat tercetak '{head.predicate}' tidak sesuai dengan indeks {shown} (seharusnya '{expected}')."
        )
    return LheReport(
        year=year,
        kind=kind,
        government=head.government,
        government_code=head.code,
        index=head.index,
        predicate=expected,
        index_page=head.page,
        framework=framework.id,
        levels=_checked_levels(by_year[year], framework, year),
        earlier=_earlier(by_year, year),
    )


def _earlier(
    by_year: dict[int, dict[int, OfficialLevel]], year: int
) -> tuple[tuple[int, tuple[OfficialLevel, ...]], ...]:
    """Earlier years' columns (a pemantauan report repeats the previous year's levels): kept when complete
    and valid, for comparison only; they are the earlier LHE's to state."""
    kept = []
    for earlier in sorted(y for y in by_year if y < year):
        try:
            kept.append((earlier, _checked_levels(by_year[earlier], _framework(earlier), earlier)))
        except LheError:
            continue
    return tuple(kept)
