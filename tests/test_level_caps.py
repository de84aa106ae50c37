"""Levels come only from documents whose type and status can evidence them (Pedoman MenPANRB 3/2024:
from level 2 on, evidence is "terdokumentasi secara formal")."""

from __future__ import annotations

from pipeline.judge.decide import DocInput, judge

RISK_PAPER = (
    "KEBIJAKAN MANAJEMEN RISIKO SPBE\n"
    "BAB I UMUM\nManajemen risiko SPBE dilaksanakan sesuai pedoman manajemen risiko SPBE di seluruh perangkat daerah.\n"
    "Program kerja manajemen risiko SPBE tahun 2025 telah disusun dan dilaksanakan. Profil risiko SPBE disusun.\n"
    "Register risiko SPBE dimutakhirkan. Pakta integritas ditandatangani oleh kepala perangkat daerah.\n"
)
SIGNATURE = "\nSukamaju, 2 Mei 2025\nSEKRETARIS DAERAH,\nttd\nBAMBANG SUTRISNO\n"


def level(text: str, no: int, framework, common) -> tuple[int, str]:
    doc = DocInput("kebijakan-risiko.docx", "x", "ok", (), (text,))
    result = judge([doc], framework, common, region="Kota Sukamaju", year=2025).documents["kebijakan-risiko.docx"]
    finding = result.levels.get(no)
    return (finding.level, finding.next_missing) if finding else (0, "")


def test_an_unsigned_paper_of_no_recognised_type_lifts_a_practice_no_higher_than_level_two(framework, common):
    got, next_missing = level(RISK_PAPER, 21, framework, common)
    assert 1 <= got <= 2
    assert "secara formal" in next_missing


def test_the_same_paper_signed_can_evidence_the_guideline_level(framework, common):
    signed, _ = level(RISK_PAPER + SIGNATURE, 21, framework, common)
    unsigned, _ = level(RISK_PAPER, 21, framework, common)
    assert signed == 3 > unsigned
