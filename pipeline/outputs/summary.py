"""The short summary printed at the end of `spbe run`, in Bahasa Indonesia."""

from __future__ import annotations

from pipeline.outputs.labels import flag_label
from pipeline.privacy.personal_data import redact_name, shipped_rules

MAX_LISTED_FAILURES = 20
TOP_GAPS = 5


def format_summary(summary) -> str:
    c = summary.counts
    lines = [
        "",
        f"Run #{summary.run_id} selesai dalam {summary.seconds:.1f} detik.",
        f"  Berkas: {c['files_seen']} (baru {c['files_new']}, berubah {c['files_changed']}, "
        f"tetap {c['files_unchanged']}, dihapus {c['files_removed']})",
        f"  Dibaca ulang: {c['files_extracted']} berkas, {c['ocr_pages']} halaman OCR",
        f"  Status: ok {summary.by_status.get('ok', 0)}, gagal {c['files_failed']}, "
        f"tidak didukung {c['files_unsupported']}",
    ]
    judgement = getattr(summary, "judgement", None)
    if judgement is not None:
        flagged: dict[str, int] = {}
        for doc in judgement.documents.values():
            for code in dict.fromkeys(doc.flag_codes):
                flagged[code] = flagged.get(code, 0) + 1
        evidence = judgement.evidence
        line = f"  Indeks SPBE menurut eviden: {evidence.value:.2f} ({evidence.predicate})"
        if judgement.claimed is not None:
            line += f"; penilaian mandiri: {judgement.claimed.value:.2f} ({judgement.claimed.predicate})"
        lines.append(line)
        if flagged:
            lines.append(
                "  Tanda eviden lemah: " + ", ".join(f"{flag_label(k)} {v}" for k, v in sorted(flagged.items()))
            )
    gaps = getattr(summary, "gaps", [])[:TOP_GAPS]
    if gaps:
        lines.append(f"  {len(gaps)} celah yang paling menurunkan indeks:")
        for gap in gaps:
            claimed = f"klaim {gap.claimed_level}" if gap.claimed_level is not None else f"target {gap.target_level}"
            lines.append(
                f"    - Indikator {gap.no} ({claimed}, eviden {gap.evidence_level}): -{gap.cost:.3f} indeks"
                f" — {gap.name}"
            )
    if summary.failures:
        lines.append("  Berkas bermasalah:")
        rules = shipped_rules()  # a NIK or NIP in a file name is shown redacted, as everywhere
        for path, code, message in summary.failures[:MAX_LISTED_FAILURES]:
            lines.append(f"    - {redact_name(path, rules)} ({flag_label(code)}): {redact_name(message, rules)}")
        if len(summary.failures) > MAX_LISTED_FAILURES:
            lines.append(f"    ... dan {len(summary.failures) - MAX_LISTED_FAILURES} lainnya (lihat ekspor JSON)")
    lines.append(f"  Hasil tersimpan di {summary.db}; ekspor: spbe export --db {summary.db} --json hasil.json")
    return "\n".join(lines)
