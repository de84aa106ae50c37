"""Draft penjelasan per indicator, in the assessors' form (Pedoman MenPANRB 3/2024 Bab III B; reference §5.5).

A penjelasan holds a FAKTA part (what exists, in which file and on which page) and an ANALISIS part (which
level criterion it meets, what the next level lacks). The drafts are built from the stored judgement only
(the export's documents and indicators): every name, number, page and quotation comes from a stored fact
or match, so nothing is said that the evidence does not show. Pure: export dicts in, text out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import PurePosixPath
from typing import Any

from pipeline.rules import Common, Framework, Indicator

MAX_FILES = 3  # files named per indicator; the rest are counted
QUOTE_CHARS = 140
# How the Pedoman's templates open the FAKTA sentence, per kind of indicator (reference §5.5).
# The subjects already say "Kebijakan Internal …" (1-10) and "Layanan …" (32-47).
_OPENING = {
    "policy": "{subject} ditetapkan dalam",
    "document": "Dokumen {subject} tersedia dalam",
    "practice": "Penerapan {subject} terdokumentasi dalam",
    "audit": "Pelaksanaan {subject} terdokumentasi dalam",
    "service": "{subject} dibuktikan dengan",
}
_NO_EVIDENCE = "Belum ada eviden sah"  # how the judgement's next step opens when nothing counts


def _type_label(doc_type: str | None, common: Common) -> str:
    cues = common.doc_types.get(doc_type or "")
    return cues.label if cues and cues.label else "dokumen"


def _quote(snippet: str | None) -> str:
    text = " ".join((snippet or "").split())
    if not text:
        return ""
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def _cited(doc: Mapping[str, Any], match: Mapping[str, Any], common: Common) -> str:
    """'Peraturan Wali Kota Nomor 8 Tahun 2024 tentang Arsitektur SPBE (berkas 1.b.Perwali.pdf, halaman 3:
    "…")': only the parts the document's stored facts hold."""
    parts = [_type_label(doc.get("doc_type"), common)]
    if doc.get("number"):
        parts.append(f"Nomor {doc['number']}")
    if doc.get("year"):
        parts.append(f"Tahun {doc['year']}")
    title = " ".join((doc.get("title") or "").split())
    if title:
        parts.append(f"tentang {title}" if doc.get("number") else f'"{title}"')
    where = f"berkas {PurePosixPath(doc['path']).name}"
    if match.get("page"):
        where += f", halaman {match['page']}"
    quote = _quote(match.get("snippet"))
    if quote:
        where += f': "{quote}"'
    return f"{' '.join(parts)} ({where})"


def _supporting(indicator: Mapping[str, Any], documents: Mapping[str, Mapping[str, Any]]) -> list[tuple[dict, dict]]:
    """(document, its leveled match) for the indicator's evidence, best level first."""
    found = []
    for path in indicator.get("evidence") or []:
        doc = documents.get(path)
        if doc is None:
            continue
        match = next((m for m in doc.get("indicators") or [] if m.get("no") == indicator["no"]), None)
        if match is not None:
            found.append((dict(doc), dict(match)))
    found.sort(key=lambda item: (-(item[1].get("level") or 0), item[0]["path"]))
    seen: set[tuple] = set()
    unique = []
    for doc, match in found:  # one regulation filed under several indicators is named once
        same = (doc.get("doc_type"), doc.get("number"), doc.get("year")) if doc.get("number") else (doc.get("sha256"),)
        if same not in seen:
            seen.add(same)
            unique.append((doc, match))
    return unique


def _fakta(rule: Indicator, support: Sequence[tuple[dict, dict]], common: Common) -> str:
    opening = _OPENING.get(rule.kind, _OPENING["practice"]).format(subject=rule.subject)
    named = [_cited(doc, match, common) for doc, match in support[:MAX_FILES]]
    more = len(support) - len(named)
    text = f"{opening} " + "; ".join(named)
    if more > 0:
        text += f"; dan {more} berkas lain"
    return text + "."


def _analisis(indicator: Mapping[str, Any], rule: Indicator, framework: Framework, best: Mapping[str, Any]) -> str:
    level = indicator["evidence_level"]
    label = framework.scales.get(rule.scale, {}).get(level, "")
    text = f"Eviden memenuhi kriteria tingkat {level}" + (f" ({label})" if label else "")
    if best.get("reason"):
        text += f": {best['reason']}"
    text += "."
    if indicator.get("next_step") and level < 5:
        text += f" Yang belum ada: {indicator['next_step']}"
    return text


def draft(
    indicator: Mapping[str, Any],
    documents: Mapping[str, Mapping[str, Any]],
    framework: Framework,
    common: Common,
) -> str:
    """The penjelasan draft of one indicator of the export."""
    rule = framework.indicator(indicator["no"])
    support = _supporting(indicator, documents)
    if not support or not indicator.get("evidence_level"):
        floor = framework.scales.get(rule.scale, {}).get(1, "")
        text = (
            f"FAKTA: {_NO_EVIDENCE} untuk {rule.subject} di folder eviden. ANALISIS: tanpa eviden, hanya "
            f"tingkat 1{f' ({floor})' if floor else ''} yang dapat diajukan."
        )
        step = indicator.get("next_step") or ""
        if step.startswith(_NO_EVIDENCE) and ". " in step:
            step = step.split(". ", 1)[1]  # the first sentence repeats the FAKTA
        return text + (f" {step}" if step else "")
    return f"FAKTA: {_fakta(rule, support, common)} ANALISIS: {_analisis(indicator, rule, framework, support[0][1])}"


def drafts(export: Mapping[str, Any], framework: Framework, common: Common) -> dict[int, str]:
    """Indicator number -> penjelasan draft, for every indicator of the export."""
    documents = {d["path"]: d for d in export.get("documents") or []}
    return {i["no"]: draft(i, documents, framework, common) for i in export.get("indicators") or []}
