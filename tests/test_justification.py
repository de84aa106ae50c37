"""Penjelasan drafts in the assessors' form, from stored facts only."""

from __future__ import annotations

from pipeline.outputs.justification import draft, drafts


def document(path: str, **facts) -> dict:
    base = {
        "path": path,
        "sha256": path,
        "doc_type": "perwali",
        "number": "8",
        "year": 2024,
        "title": "ARSITEKTUR SPBE",
    }
    return {**base, **facts}


def leveled(no: int, level: int, page: int = 3, snippet: str = "Pasal 4 Arsitektur SPBE memuat domain") -> dict:
    return {"no": no, "level": level, "page": page, "snippet": snippet, "reason": "kebijakan telah ditetapkan"}


def indicator(no: int, level: int, evidence: list[str], next_step: str = "") -> dict:
    return {"no": no, "evidence_level": level, "evidence": evidence, "next_step": next_step}


def test_a_policy_draft_names_the_regulation_its_file_page_and_quote(framework, common):
    doc = document("Diskominfo/1.a.Perwali-8-2024.pdf", indicators=[leveled(1, 2)])
    text = draft(indicator(1, 2, [doc["path"]]), {doc["path"]: doc}, framework, common)
    assert text.startswith("FAKTA: Kebijakan Internal Arsitektur SPBE ditetapkan dalam Peraturan Wali Kota Nomor 8")
    assert "Tahun 2024 tentang ARSITEKTUR SPBE" in text
    assert "berkas 1.a.Perwali-8-2024.pdf, halaman 3" in text
    assert '"Pasal 4 Arsitektur SPBE memuat domain"' in text


def test_the_analysis_names_the_level_criterion_met_and_what_the_next_level_lacks(framework, common):
    doc = document("p.pdf", indicators=[leveled(1, 2)])
    text = draft(indicator(1, 2, ["p.pdf"], "Untuk tingkat 3, seluruh domain."), {"p.pdf": doc}, framework, common)
    assert "ANALISIS: Eviden memenuhi kriteria tingkat 2 (Terkelola): kebijakan telah ditetapkan." in text
    assert "Yang belum ada: Untuk tingkat 3, seluruh domain." in text


def test_a_draft_says_nothing_the_facts_do_not_hold(framework, common):
    doc = document("scan.pdf", number=None, year=None, title="", indicators=[leveled(21, 1, page=0, snippet="")])
    text = draft(indicator(21, 1, ["scan.pdf"]), {"scan.pdf": doc}, framework, common)
    assert "Nomor" not in text and "Tahun" not in text and "halaman" not in text and '"' not in text
    assert "berkas scan.pdf" in text


def test_an_indicator_without_valid_evidence_says_so_and_what_can_be_claimed(framework, common):
    text = draft(indicator(36, 0, [], "Belum ada eviden sah untuk X. Unggah tangkapan layar."), {}, framework, common)
    assert text.startswith("FAKTA: Belum ada eviden sah untuk Layanan Kepegawaian")
    assert "tingkat 1 (Informasi)" in text
    assert text.count("Belum ada eviden sah") == 1
    assert text.endswith("Unggah tangkapan layar.")


def test_copies_of_one_regulation_filed_under_several_indicators_are_named_once(framework, common):
    a = document("1/Perwali-8.pdf", indicators=[leveled(1, 2)])
    b = document("2/Perwali-8 (salinan).pdf", sha256="other", indicators=[leveled(1, 2)])
    text = draft(indicator(1, 2, [a["path"], b["path"]]), {a["path"]: a, b["path"]: b}, framework, common)
    assert text.count("Peraturan Wali Kota Nomor 8") == 1


def test_every_indicator_of_an_export_gets_a_draft(framework, common):
    export = {"documents": [], "indicators": [indicator(no, 0, []) for no in (1, 11, 21, 29, 36)]}
    assert set(drafts(export, framework, common)) == {1, 11, 21, 29, 36}
