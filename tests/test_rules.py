"""The rule files load, are internally consistent, and reproduce the published Indeks SPBE arithmetic.

Reference: shared/reference/spbe-framework.md (§2 weights, §3 index and predicates, §5 level criteria).
The index arithmetic here uses ONLY the YAML weights, independently of pipeline.judge.scoring.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import fields
from pathlib import Path

import pytest
import yaml

from pipeline.rules import (
    KINDS,
    RULES_DIR,
    RulesError,
    framework_for_year,
    load_applications,
    load_common,
    load_framework,
    load_instansi,
    read_rules_file,
)
from tests.references import REFERENCE, present

FRAMEWORK_FILE = RULES_DIR / "permenpanrb-59-2020.yaml"

# Kota Bandar Lampung, LHE 2024 (reference §3.1): levels of indicators 1..47 and the published figures.
BANDAR_LAMPUNG_2024 = [
    3,
    2,
    3,
    3,
    3,
    3,
    3,
    3,
    3,
    3,
    1,
    1,
    2,
    2,
    3,
    2,
    3,
    3,
    3,
    4,
    3,
    3,
    3,
    3,
    3,
    1,
    1,
    3,
    3,
    4,
    1,
    4,
    4,
    4,
    4,
    5,
    4,
    3,
    3,
    5,
    3,
    4,
    3,
    4,
    2,
    2,
    2,
]
PUBLISHED_ASPECTS = {"A1": 2.90, "A2": 1.50, "A3": 2.75, "A4": 3.50, "A5": 2.50, "A6": 2.67, "A7": 3.90, "A8": 2.83}
PUBLISHED_DOMAINS = {"D1": 2.90, "D2": 2.40, "D3": 2.55, "D4": 3.48}

EXPECTED_KIND = {
    **{n: "policy" for n in range(1, 11)},
    11: "document",
    12: "document",
    **{n: "practice" for n in range(13, 29)},
    **{n: "audit" for n in range(29, 32)},
    **{n: "service" for n in range(32, 48)},
}


# --- a tiny, independent normaliser -------------------------------------------------------------------


def simple(text: str) -> str:
    """Lower case, accents stripped, punctuation -> space, single spaces."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    return re.sub(r"[^0-9a-z]+", " ", text).strip()


def has_words(phrase: str, words: str) -> bool:
    """Whether `words` occurs in `phrase` as whole words."""
    return f" {words} " in f" {phrase} "


def rewrite(text: str, synonyms: dict[str, tuple[str, ...]]) -> str:
    """Apply the synonym table the way the matcher does: whole words, longest variant first, one pass."""
    pairs = {v: c for c, vs in synonyms.items() for v in vs if v != c}
    if not pairs:
        return text
    pattern = re.compile(
        r"(?<![0-9a-z])(?:" + "|".join(re.escape(v) for v in sorted(pairs, key=len, reverse=True)) + r")(?![0-9a-z])"
    )
    return pattern.sub(lambda m: pairs[m.group(0)], text)


# --- fixtures -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def framework():
    return load_framework(FRAMEWORK_FILE)


@pytest.fixture(scope="module")
def common():
    return load_common()


# Parts of rules that are not phrases: file-name fragments and placeholder marks (literal) and screen labels
# (read as written).
NOT_PHRASES = {"file_name", "screen", "placeholders", "label"}  # label: text shown to the admin


def _parts(where: str, record) -> list[tuple[str, str]]:
    out = []
    for f in fields(record):
        value = getattr(record, f.name)
        if f.name in NOT_PHRASES:
            continue
        if isinstance(value, dict):
            out += [(f"{where}.{f.name}.{k}", p) for k, phrases in value.items() for p in phrases]
        else:
            out += [(f"{where}.{f.name}", p) for p in value]
    return out


def rule_phrases(framework, common):
    """(where, phrase) for every phrase compared with text: normalised by the matcher, or spelled out by the
    facts reader from the synonyms."""
    out = []
    for ind in framework.indicators:
        out += [(f"indicator {ind.no} phrase", p) for p in ind.phrases]
        out += [(f"indicator {ind.no} negative", p) for p in ind.negative]
        for level, cue in ind.levels.items():
            out += [(f"indicator {ind.no} level {level}", p) for p in (*cue.all_of, *cue.any_of)]
    for level, cue in framework.service_levels.items():
        out += [(f"service level {level}", p) for p in (*cue.all_of, *cue.any_of)]
    for doc_type, cues in common.doc_types.items():
        out += _parts(f"doc_type {doc_type}", cues)
    for name in ("draft_markers", "signature_markers", "revoke_phrases"):
        out += _parts(name, getattr(common, name))
    out += [("review_phrases", p) for p in common.review_phrases]
    return out


# --- loading and structure ----------------------------------------------------------------------------


def test_both_files_load(framework, common):
    assert framework.id == "permenpanrb-59-2020" == FRAMEWORK_FILE.stem
    assert framework.assessment_years == (2021, 2026)
    assert framework.level_floor == 1
    assert common.synonyms and common.doc_types


def test_47_indicators_numbered_1_to_47(framework):
    assert [i.no for i in framework.indicators] == list(range(1, 48))


def test_structure_matches_the_regulation(framework):
    assert [d.id for d in framework.domains] == ["D1", "D2", "D3", "D4"]
    assert [a.id for a in framework.aspects] == [f"A{n}" for n in range(1, 9)]
    spans = {
        "A1": range(1, 11),
        "A2": range(11, 15),
        "A3": range(15, 19),
        "A4": range(19, 21),
        "A5": range(21, 29),
        "A6": range(29, 32),
        "A7": range(32, 42),
        "A8": range(42, 48),
    }
    for aspect, numbers in spans.items():
        assert [i.no for i in framework.indicators if i.aspect == aspect] == list(numbers)
    for ind in framework.indicators:
        assert ind.scale == ("process" if ind.no <= 31 else "service")
        assert ind.kind == EXPECTED_KIND[ind.no]
        assert ind.subject and ind.name.startswith("Tingkat Kematangan")
    assert framework.scales["process"] == {
        1: "Rintisan",
        2: "Terkelola",
        3: "Terdefinisi",
        4: "Terpadu dan Terukur",
        5: "Optimum",
    }
    assert framework.scales["service"] == {
        1: "Informasi",
        2: "Interaksi",
        3: "Transaksi",
        4: "Kolaborasi",
        5: "Optimum",
    }


def test_names_and_weights_match_the_reference_csv(framework):
    csv = present(REFERENCE / "spbe-indicators-2020.csv")
    rows = [line.split(",") for line in csv.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    for row in rows:
        ind = framework.indicator(int(row[0]))
        assert ind.name == row[3]
        assert ind.weight == pytest.approx(float(row[4]))


def test_weights_nest_and_sum_to_100(framework):
    assert sum(i.weight for i in framework.indicators) == pytest.approx(100.0)
    assert sum(d.weight for d in framework.domains) == pytest.approx(100.0)
    for aspect in framework.aspects:
        assert sum(i.weight for i in framework.indicators if i.aspect == aspect.id) == pytest.approx(aspect.weight)


def test_evidence_types_are_known_doc_types(framework, common):
    known = set(common.doc_types)
    assert known == {
        "perwali",
        "perbup",
        "pergub",
        "perda",
        "sk",
        "surat_edaran",
        "arsitektur",
        "peta_rencana",
        "laporan",
        "notulen",
        "daftar_hadir",
        "sop",
        "screenshot",
        "anggaran",
        "other",
        "permen",  # instansi pusat: Peraturan Menteri (Koordinator)
        "kepmen",  # Keputusan Menteri (Koordinator)
        "perban",  # Peraturan (Kepala) Badan
        "perlem",  # Peraturan (Kepala) Lembaga
    }
    for ind in framework.indicators:
        assert ind.evidence_types, ind.no
        assert set(ind.evidence_types) <= known, (ind.no, set(ind.evidence_types) - known)
    assert set(common.activity_types) <= known and set(common.regulation_types) <= known
    assert set(common.heading_types) <= known and set(common.lampiran_types) <= known
    assert set(common.revoke_phrases.cites) <= set(common.regulation_types)
    for doc_type, cues in common.doc_types.items():
        assert cues.title, doc_type


def test_policy_indicators_take_regulations_and_neighbours_differ_by_type(framework, common):
    for no in range(1, 11):
        assert set(framework.indicator(no).evidence_types) == set(common.regulation_types)
    assert "arsitektur" in framework.indicator(11).evidence_types
    assert "arsitektur" not in framework.indicator(1).evidence_types
    assert "peta_rencana" in framework.indicator(12).evidence_types
    for no in range(32, 48):
        assert "screenshot" in framework.indicator(no).evidence_types


def test_every_level_cue_says_what_is_missing(framework):
    for ind in framework.indicators:
        assert set(ind.levels) <= {2, 3, 4, 5}
        for level, cue in ind.levels.items():
            assert cue.missing.strip(), (ind.no, level)
            assert cue.min_of <= max(1, len(cue.any_of)), (ind.no, level)
        if ind.kind == "service":
            assert not ind.levels, ind.no
        else:
            assert set(ind.levels) == {2, 3, 4, 5}, ind.no
    assert set(framework.service_levels) == {2, 3, 4, 5}
    assert all(cue.missing.strip() for cue in framework.service_levels.values())


def test_level_cues_follow_the_framework(framework):
    # §5.1: complete architecture domains at level 3, review at level 4, revision at level 5.
    one = framework.indicator(1)
    assert set(one.levels[3].all_of) == {
        "proses bisnis",
        "data dan informasi",
        "infrastruktur spbe",
        "aplikasi spbe",
        "keamanan spbe",
        "layanan spbe",
    }
    assert set(framework.indicator(9).levels[3].all_of) == {"audit infrastruktur", "audit aplikasi", "audit keamanan"}
    for no in (1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12):
        assert framework.indicator(no).levels[4].needs_review, no
        assert framework.indicator(no).levels[5].needs_revision, no
    # Indicator 3 quirk: partial data chain at 3, full chain at 4, revision after review at 5.
    three = framework.indicator(3)
    assert three.levels[3].any_of and set(three.levels[4].all_of) == set(three.levels[3].any_of)
    assert three.levels[5].needs_review and three.levels[5].needs_revision
    for no in range(29, 32):
        assert "auditor eksternal" in framework.indicator(no).levels[4].any_of
    assert framework.service_levels[5].needs_review


# --- phrases are normalised and canonical -------------------------------------------------------------


def test_synonym_table_is_normalised_and_idempotent(common):
    seen: dict[str, str] = {}
    for canonical, variants in common.synonyms.items():
        assert canonical == simple(canonical), canonical
        assert rewrite(canonical, common.synonyms) == canonical, f"canonical {canonical!r} contains a variant"
        for variant in variants:
            assert variant == simple(variant), variant
            assert variant != canonical, variant
            assert variant not in common.synonyms, f"{variant!r} is both a variant and a canonical form"
            assert seen.setdefault(variant, canonical) == canonical, f"{variant!r} listed under two canonical forms"
    assert "sistem pemerintahan berbasis elektronik" in common.synonyms["spbe"]
    assert "e government" in common.synonyms["spbe"]
    assert (
        rewrite(simple("Peraturan Walikota tentang Sistem Pemerintahan Berbasis Elektronik"), common.synonyms)
        == "peraturan wali kota tentang spbe"
    )
    assert rewrite(simple("SK Walikota"), common.synonyms) == "keputusan wali kota"


def test_every_phrase_is_normalised_and_canonical(framework, common):
    variants = {v for vs in common.synonyms.values() for v in vs}
    for where, phrase in rule_phrases(framework, common):
        assert phrase == simple(phrase), f"{where}: {phrase!r} is not normalised"
        bad = [v for v in variants if has_words(phrase, v)]
        assert not bad, f"{where}: {phrase!r} contains synonym variant(s) {bad}; use the canonical form"


def test_phrases_are_specific(framework):
    too_generic = {"spbe", "aplikasi", "layanan", "data", "sistem", "elektronik", "pemerintah daerah", "laporan"}
    for ind in framework.indicators:
        assert len(ind.phrases) >= 2, ind.no
        assert not set(ind.phrases) & too_generic, ind.no
        assert len(set(ind.phrases)) == len(ind.phrases), ind.no


def test_aliases_carry_the_official_variants(framework):
    assert (
        "Tingkat Kematangan Kebijakan Internal Audit Teknologi Informasi dan Komunikasi"
        in framework.indicator(9).aliases
    )
    assert "Tingkat Kematangan Tim Koordinasi SPBE Instansi Pusat/Pemerintah Daerah" in framework.indicator(19).aliases
    assert "Tingkat Kematangan Layanan Kearsipan" in framework.indicator(37).aliases
    for no, sector in ((45, 1), (46, 2), (47, 3)):
        assert f"Tingkat Kematangan Layanan Publik Sektoral {sector}" in framework.indicator(no).aliases


# --- index arithmetic and predicates ------------------------------------------------------------------


def indices(framework, levels: dict[int, int]):
    aspects = {
        a.id: sum(i.weight * levels[i.no] for i in framework.indicators if i.aspect == a.id) / a.weight
        for a in framework.aspects
    }
    domains = {
        d.id: sum(aspects[a.id] * a.weight for a in framework.aspects if a.domain == d.id) / d.weight
        for d in framework.domains
    }
    index = sum(domains[d.id] * d.weight for d in framework.domains) / 100
    return aspects, domains, index


def test_bandar_lampung_2024_vector_reproduces_the_published_figures(framework):
    aspects, domains, index = indices(framework, dict(enumerate(BANDAR_LAMPUNG_2024, start=1)))
    for aspect, published in PUBLISHED_ASPECTS.items():
        assert aspects[aspect] == pytest.approx(published, abs=0.005), aspect
    for domain, published in PUBLISHED_DOMAINS.items():
        assert domains[domain] == pytest.approx(published, abs=0.005), domain
    assert index == pytest.approx(2.9795, abs=1e-9)
    assert f"{index:.2f}" == "2.98"
    # Flat form: the weights nest, so the index is also Σ(weight·level)/100.
    flat = sum(i.weight * BANDAR_LAMPUNG_2024[i.no - 1] for i in framework.indicators) / 100
    assert flat == pytest.approx(index)
    assert framework.predicate(index) == "Baik"


def test_p59_worked_example_at_domain_level(framework):
    weights = {d.id: d.weight for d in framework.domains}
    index = (3.70 * weights["D1"] + 3.40 * weights["D2"] + 3.00 * weights["D3"] + 3.20 * weights["D4"]) / 100
    assert round(index, 2) == 3.28


@pytest.mark.parametrize(
    "index, predicate",
    [
        (2.98, "Baik"),
        (4.2, "Memuaskan"),
        (5.0, "Memuaskan"),
        (4.19, "Sangat Baik"),
        (3.5, "Sangat Baik"),
        (2.6, "Baik"),
        (2.59, "Cukup"),
        (1.8, "Cukup"),
        (1.79, "Kurang"),
        (1.0, "Kurang"),
    ],
)
def test_predicates(framework, index, predicate):
    assert framework.predicate(index) == predicate


# --- malformed rules and framework selection ----------------------------------------------------------


def _write(tmp_path: Path, data, name: str) -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_unknown_key_in_an_indicator_raises(tmp_path):
    data = yaml.safe_load(FRAMEWORK_FILE.read_text(encoding="utf-8"))
    data["indicators"][0]["phrasez"] = ["arsitektur spbe"]
    with pytest.raises(RulesError, match="phrasez"):
        load_framework(_write(tmp_path, data, "broken.yaml"))


def test_unknown_key_in_a_level_cue_raises(tmp_path):
    data = yaml.safe_load(FRAMEWORK_FILE.read_text(encoding="utf-8"))
    data["indicators"][0]["levels"][3]["alll_of"] = ["proses bisnis"]
    with pytest.raises(RulesError, match="alll_of"):
        load_framework(_write(tmp_path, data, "broken.yaml"))


def test_wrong_weight_raises(tmp_path):
    data = yaml.safe_load(FRAMEWORK_FILE.read_text(encoding="utf-8"))
    data["indicators"][0]["weight"] = 1.4
    with pytest.raises(RulesError, match="A1"):
        load_framework(_write(tmp_path, data, "broken.yaml"))


def test_unknown_key_in_common_raises(tmp_path):
    data = yaml.safe_load((RULES_DIR / "common.yaml").read_text(encoding="utf-8"))
    data["thresholds"]["match_scor"] = 90
    with pytest.raises(RulesError, match="match_scor"):
        load_common(_write(tmp_path, data, "common.yaml"))


# A rules file with a key written twice: YAML would silently keep the last one.
DUPLICATES = [
    ("common.yaml", "  alur kerja:", "  alur kerja: [work flow]", "alur kerja"),  # a synonym
    ("common.yaml", "activity_types:", "activity_types: [laporan]", "activity_types"),  # a top-level key
    ("common.yaml", "  perwali:", "    title: [perwali]", "title"),  # inside a doc type
    ("permenpanrb-59-2020.yaml", "    weight: 1.30", "    weight: 1.40", "weight"),  # inside an indicator
]


@pytest.mark.parametrize("name, after, duplicate, key", DUPLICATES)
def test_a_key_written_twice_is_refused_with_file_key_and_line(tmp_path, name, after, duplicate, key):
    lines = (RULES_DIR / name).read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(after)) + 1
    if key == "title":
        at += 1  # below the type's own title line
    lines.insert(at, duplicate)
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    load = load_common if name == "common.yaml" else load_framework
    with pytest.raises(RulesError) as refused:
        load(path)
    message = str(refused.value)
    assert name in message and repr(key) in message and f"baris {at + 1}" in message, message


def test_the_same_key_in_different_mappings_is_no_duplicate(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("a: {title: [x]}\nb: {title: [y]}\n", encoding="utf-8")
    assert read_rules_file(path) == {"a": {"title": ["x"]}, "b": {"title": ["y"]}}


@pytest.mark.parametrize("path", sorted(RULES_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_the_shipped_rules_files_have_no_key_written_twice(path):
    assert read_rules_file(path) == yaml.safe_load(path.read_text(encoding="utf-8"))
    loaders = {"common.yaml": load_common, "applications.yaml": load_applications, "instansi.yaml": load_instansi}
    load = loaders.get(path.name, load_framework)
    assert load(path)


def test_a_facts_list_naming_an_unknown_doc_type_raises(tmp_path):
    data = yaml.safe_load((RULES_DIR / "common.yaml").read_text(encoding="utf-8"))
    data["heading_types"].append("laporann")
    with pytest.raises(RulesError, match="laporann"):
        load_common(_write(tmp_path, data, "common.yaml"))


def test_kind_is_validated(tmp_path):
    data = yaml.safe_load(FRAMEWORK_FILE.read_text(encoding="utf-8"))
    data["indicators"][0]["kind"] = "regulation"
    with pytest.raises(RulesError):
        load_framework(_write(tmp_path, data, "broken.yaml"))
    assert "regulation" not in KINDS


def test_framework_for_year():
    assert framework_for_year(2025).id == "permenpanrb-59-2020"
    assert framework_for_year(2021).id == "permenpanrb-59-2020"
    with pytest.raises(RulesError):
        framework_for_year(2020)


# --- phrases against real-looking text (normalised with the project normaliser and matcher) ------------


@pytest.mark.parametrize(
    "no, text, expected",
    [
        (1, "Peraturan Walikota Nomor 8 Tahun 2024 tentang Arsitektur Sistem Pemerintahan Berbasis Elektronik", True),
        (5, "SOP Pengelolaan Data Center Diskominfo", True),
        (9, "Kebijakan Audit Teknologi Informasi dan Komunikasi", True),
        (12, "Road Map SPBE Kota 2024-2028", True),
        (42, "Aplikasi SP4N-LAPOR! pengaduan masyarakat", True),
        (42, "Layanan Pengadaan Secara Elektronik (LPSE) pengadaan barang", False),
        (39, "Laporan Hasil Audit oleh Aparat Pengawasan Intern Pemerintah", False),
        (36, "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", False),
        (38, "Badan Pengelolaan Keuangan dan Aset Daerah", False),
        (46, "Urusan pendidikan, kesehatan, pekerjaan umum", False),
        (24, "Daftar aset tetap barang milik daerah", False),
    ],
)
def test_phrases_link_the_subject_and_not_near_misses(framework, common, no, text, expected):
    from pipeline.judge.matching import contains
    from pipeline.judge.normalize import Normalizer

    normalised = Normalizer(common.synonyms)(text)
    found = any(contains(p, normalised, common.thresholds.match_score) for p in framework.indicator(no).phrases)
    assert found is expected, (no, normalised)


@pytest.mark.parametrize(
    "title, vetoed",
    [
        ("Peraturan Wali Kota Nomor 15 Tahun 2023 tentang Sistem Pemerintahan Berbasis Elektronik", True),
        ("Peraturan Bupati Nomor 81 Tahun 2021 tentang Penyelenggaraan SPBE", True),
        ("Peraturan Wali Kota Nomor 8 Tahun 2024 tentang Arsitektur SPBE", False),
        ("Peraturan Wali Kota Nomor 9 Tahun 2024 tentang Peta Rencana SPBE", False),
    ],
)
def test_umbrella_regulation_is_not_the_architecture_or_roadmap_document(framework, common, title, vetoed):
    from pipeline.judge.matching import contains
    from pipeline.judge.normalize import Normalizer

    normalised = Normalizer(common.synonyms)(title)
    for no in (11, 12):
        hit = any(contains(n, normalised, common.thresholds.match_score) for n in framework.indicator(no).negative)
        assert hit is vetoed, (no, normalised)
    assert not framework.indicator(1).negative and not framework.indicator(2).negative


def test_every_document_type_has_a_label_for_the_admin(common):
    assert all(
        cues.label and cues.label != t for t, cues in common.doc_types.items() if t not in ("laporan", "notulen")
    )
