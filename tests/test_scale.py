"""A province's folder: what keeps time and memory near linear in the number of documents.

Near-duplicate candidates come from an index of sketch hashes with prefix filtering, never from a table of
all pairs, and find exactly the pairs that counting every shared hash of every pair would find (so the
judgement is the same). The judgement's input is read in chunks. Speed and memory themselves are measured
in bench/throughput.py --scale, not here.
"""

from __future__ import annotations

import random

import pytest

from pipeline.judge import flags
from pipeline.judge.analysis import analyze, analyzer_for, to_json
from pipeline.model import AnalysisKey, AnalysisRow, ContentKey, Document, FileRecord, FileRow, Method, Page, Status
from pipeline.store import judgement as stored
from pipeline.store.connection import session
from pipeline.store.contents import page_texts, save_extractions
from pipeline.store.files import save_files
from pipeline.store.runs import start_run
from tests.evidence_factory import REGULATION_LINES


def _pairs_by_counting(sketches: list[set[int]], common_shingle: int) -> set[tuple[int, int]]:
    """The definition: every pair's count of shared hashes that are in at most `common_shingle` sketches."""
    holders: dict[int, int] = {}
    for hashes in sketches:
        for value in hashes:
            holders[value] = holders.get(value, 0) + 1
    found = set()
    for i, a in enumerate(sketches):
        for j in range(i + 1, len(sketches)):
            shared = sum(1 for value in a & sketches[j] if holders[value] <= common_shingle)
            if shared >= flags.CANDIDATE_SHARE * min(len(a), len(sketches[j])):
                found.add((i, j))
    return found


@pytest.mark.parametrize("seed", range(40))
def test_the_candidate_index_finds_exactly_the_pairs_that_counting_every_pair_finds(seed):
    rng = random.Random(seed)
    universe = rng.randint(5, 300)
    sketches = [set(rng.sample(range(universe), rng.randint(1, min(32, universe)))) for _ in range(rng.randint(2, 90))]
    common_shingle = rng.choice([2, 6, 64])
    found = [tuple(sorted(pair)) for pair in flags._candidates(sketches, common_shingle)]
    assert len(found) == len(set(found))  # no pair twice
    assert set(found) == _pairs_by_counting(sketches, common_shingle)


def test_distinct_documents_make_no_candidates_and_copies_make_theirs():
    rng = random.Random(7)
    words = [f"kata{n}" for n in range(3000)]
    texts = [" ".join(rng.choice(words) for _ in range(300)) for _ in range(400)]
    sketches = [set(flags.sketch(t)) for t in texts]
    copies = [set(flags.sketch(t.replace("kata1 ", "kata2 ", 1))) for t in texts[:5]]
    found = {tuple(sorted(p)) for p in flags._candidates(sketches + copies, flags.COMMON_SHINGLE_MIN)}
    assert found == {(n, 400 + n) for n in range(5)}


def _stored_folder(db, paths: list[str]) -> None:
    """A folder as a run stores it: files, their extractions (one shared content) and analyses."""
    analyzer = analyzer_for(2025)
    text = "\n".join(REGULATION_LINES)
    document = Document("pdf", Status.OK, (Page(1, Method.TEXT_LAYER, text), Page(2, Method.TEXT_LAYER, "Pasal 2")))
    with session(db) as con:
        run_id = start_run(con, root="/x", region=None, year=2025, claims=None, version="v")
        rows = [
            FileRow(
                FileRecord(p, p.split("/")[0], 10, 0.0, "s", "pdf"), "pdf", "v", "pdf", Status.OK, (), run_id, run_id
            )
            for p in paths
        ]
        save_files(con, rows, run_id)
        analyses = [
            AnalysisRow(
                AnalysisKey("s", "pdf", "v", p.rsplit("/", 1)[-1]),
                analyzer.version,
                to_json(analyze([text, "Pasal 2"], p.rsplit("/", 1)[-1], analyzer)),
            )
            for p in paths
        ]
        save_extractions(con, [(ContentKey("s", "pdf"), document)], "v", run_id, analyses)


def test_the_judgements_input_is_read_in_chunks_in_path_order(tmp_path, monkeypatch):
    paths = [f"OPD{n % 3}/perwali_{n}.pdf" for n in range(7)]
    db = tmp_path / "spbe.duckdb"
    _stored_folder(db, paths)
    monkeypatch.setattr(stored, "LOAD_CHUNK", 2)
    with session(db) as con:
        docs = list(stored.iter_analyzed(con, analyzer_for(2025).version))
    assert [d.path for d in docs] == sorted(paths)
    assert all(d.analysis is not None and d.pages == 2 for d in docs)


def test_a_content_under_two_names_gives_each_of_its_pages_once(tmp_path):
    """Re-analysis from stored text (a rules change) reads a batch of keys: a content filed under two names
    is in the batch twice, and its text must still be its own pages, once each."""
    db = tmp_path / "spbe.duckdb"
    _stored_folder(db, ["A/perwali.pdf", "B/salinan_perwali.pdf"])
    keys = [AnalysisKey("s", "pdf", "v", "perwali.pdf"), AnalysisKey("s", "pdf", "v", "salinan_perwali.pdf")]
    with session(db) as con:
        texts = page_texts(con, keys)
    assert [len(pages) for pages in texts.values()] == [2, 2]
    assert texts[keys[0]][1] == "Pasal 2"
