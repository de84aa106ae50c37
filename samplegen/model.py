"""A tiny document model shared by the PDF, scan and DOCX writers.

A document is a list of blocks; each writer lays blocks out its own way
(reportlab flowables, typed lines on a page image, python-docx paragraphs).
Helpers below build the recurring pieces of Indonesian regional regulations
(PermenPANRB-era Perkada form: heading, NOMOR … TAHUN …, TENTANG, Menimbang,
Mengingat, MEMUTUSKAN, BAB/Pasal, Ditetapkan/Diundangkan, Berita Daerah).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Blk:
    """One layout block.

    kind:
      center    centred line(s) (``bold``)
      para      justified paragraph, indented by ``level``
      item      hanging item: ``marker`` + text, indented by ``level``
      labeled   two-column row "Menimbang : a. text" (``label`` only on the first row)
      sign      lines set in the right half of the page (signature blocks)
      left      lines set flush left without justification
      table     ``rows`` (first row = header when ``bold``), relative ``widths``
      kop       letterhead: ``rows`` = (office lines...), ``text`` = address line
      space     vertical space of ``level`` lines
      pagebreak new page
      heading   bold left heading
      scanpage  a scanned page image inside a text PDF (``text`` = key in a render registry)
    """

    kind: str
    text: str = ""
    bold: bool = False
    marker: str = ""
    label: str = ""
    level: int = 0
    rows: tuple = ()
    widths: tuple = ()
    size: float | None = None


@dataclass
class Doc:
    """A document: blocks plus PDF/DOCX metadata."""

    title: str
    blocks: list[Blk]
    author: str = "Pemerintah Kota Sukamaju"
    subject: str = ""
    page: str = "F4"  # "F4" (215x330 mm, usual for regulations) or "A4"
    page_numbers: bool = True  # "- 2 -" at the top from page 2, as in Perkada
    footer: str = ""  # e.g. a JDIH watermark line
    font_size: float = 11.5
    extra: dict = field(default_factory=dict)


# --- block helpers ------------------------------------------------------------------


def C(text: str, bold: bool = False, size: float | None = None) -> Blk:
    return Blk("center", text, bold=bold, size=size)


def P(text: str, level: int = 0) -> Blk:
    return Blk("para", text, level=level)


def I(marker: str, text: str, level: int = 0) -> Blk:  # noqa: E743 - short helper name on purpose
    return Blk("item", text, marker=marker, level=level)


def LB(label: str, marker: str, text: str) -> Blk:
    return Blk("labeled", text, label=label, marker=marker)


def SIGN(*lines: str) -> Blk:
    return Blk("sign", rows=tuple(lines))


def LEFT(*lines: str) -> Blk:
    return Blk("left", rows=tuple(lines))


def TABLE(rows: list[list[str]], widths: list[float], header: bool = True, size: float = 9) -> Blk:
    return Blk("table", rows=tuple(tuple(r) for r in rows), widths=tuple(widths), bold=header, size=size)


def KOP(*office: str, address: str) -> Blk:
    return Blk("kop", address, rows=tuple(office))


def SP(n: int = 1) -> Blk:
    return Blk("space", level=n)


def PB() -> Blk:
    return Blk("pagebreak")


def H(text: str) -> Blk:
    return Blk("heading", text, bold=True)


def bab(num: str, title: str) -> list[Blk]:
    return [SP(), C(f"BAB {num}", bold=True), C(title, bold=True)]


def bagian(ordinal: str, title: str) -> list[Blk]:
    return [SP(), C(f"Bagian {ordinal}", bold=True), C(title, bold=True)]


def paragraf(num: int, title: str) -> list[Blk]:
    return [SP(), C(f"Paragraf {num}"), C(title)]


def pasal(n: int, *content: Blk | str) -> list[Blk]:
    out = [SP(), C(f"Pasal {n}")]
    for c in content:
        out.append(P(c) if isinstance(c, str) else c)
    return out


def ayat(n: int, text: str) -> Blk:
    return I(f"({n})", text)


def huruf(letter: str, text: str, level: int = 1) -> Blk:
    return I(f"{letter}.", text, level=level)


def angka(n: int, text: str, level: int = 0) -> Blk:
    return I(f"{n}.", text, level=level)


def letters(items: list[str], level: int = 1) -> list[Blk]:
    return [huruf(chr(ord("a") + i), t, level) for i, t in enumerate(items)]


# --- regulation frame -----------------------------------------------------------------


@dataclass
class Signer:
    office: str  # "WALI KOTA SUKAMAJU"
    name: str  # capitals, no academic titles (UU 12/2011 Lampiran II)
    place: str = "Sukamaju"
    date: str = ""  # "12 Juni 2023"; "" for a draft


def perkada(
    *,
    head: list[str],
    kind: str,
    number: str | None,
    year: str,
    tentang: list[str],
    menimbang: list[str],
    mengingat: list[str],
    menetapkan: str,
    body: list[Blk],
    signer: Signer,
    sekda: Signer | None,
    berita: str,
    berita_number: str | None,
    draft: bool = False,
    salinan: list[str] | None = None,
) -> list[Blk]:
    """Blocks of a Peraturan Kepala Daerah (Perwali/Perbup) in the usual order.

    ``draft`` writes the RANCANGAN markers seen in real drafts: the word
    RANCANGAN above the title, a blank number, blank day/month in both dates,
    no ``ttd`` and a blank Berita Daerah number/year.
    """
    office_comma = signer.office + ","
    out: list[Blk] = [C(h, bold=True) for h in head]
    out.append(SP())
    if draft:
        out.append(C("RANCANGAN", bold=True))
    out.append(C(kind, bold=True))
    out.append(C(f"NOMOR {number} TAHUN {year}" if number else f"NOMOR            TAHUN {year}", bold=True))
    out += [SP(), C("TENTANG", bold=True)]
    out += [C(t, bold=True) for t in tentang]
    out += [SP(), C("DENGAN RAHMAT TUHAN YANG MAHA ESA", bold=True), SP(), C(office_comma, bold=True), SP()]
    for i, t in enumerate(menimbang):
        out.append(LB("Menimbang" if i == 0 else "", f"{chr(97 + i)}.", t))
    out.append(SP())
    for i, t in enumerate(mengingat):
        out.append(LB("Mengingat" if i == 0 else "", f"{i + 1}.", t))
    out += [SP(), C("MEMUTUSKAN:", bold=True), SP(), LB("Menetapkan", "", menetapkan)]
    out += body
    out.append(SP())
    if draft:
        out.append(
            SIGN(
                f"Ditetapkan di {signer.place}",
                f"pada tanggal                          {year}",
                "",
                office_comma,
                "",
                "",
                "",
                signer.name,
            )
        )
    else:
        out.append(
            SIGN(
                f"Ditetapkan di {signer.place}",
                f"pada tanggal {signer.date}",
                "",
                office_comma,
                "",
                "ttd",
                "",
                signer.name,
            )
        )
    if sekda:
        out.append(SP())
        if draft:
            out.append(
                LEFT(
                    f"Diundangkan di {sekda.place}",
                    f"pada tanggal                          {year}",
                    sekda.office + ",",
                    "",
                    "",
                    "",
                    sekda.name,
                )
            )
        else:
            out.append(
                LEFT(
                    f"Diundangkan di {sekda.place}",
                    f"pada tanggal {sekda.date}",
                    sekda.office + ",",
                    "",
                    "ttd",
                    "",
                    sekda.name,
                )
            )
    out.append(SP())
    if draft or not berita_number:
        out.append(LEFT(f"{berita.upper()} TAHUN           NOMOR"))
    else:
        out.append(LEFT(f"{berita.upper()} TAHUN {year} NOMOR {berita_number}"))
    if salinan:
        out += [SP(), LEFT(*salinan)]
    return out
