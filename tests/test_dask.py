"""Scale-out: `spbe run --dask-address` extracts on an existing Dask cluster and writes here.

A real 2-worker `distributed.LocalCluster` (worker processes), the real Prefect API
of the test harness, real Tesseract on the workers; the result must equal a local run's.
"""

from __future__ import annotations

import json
import sys

import pytest

from spbe import cli
from tests.evidence_factory import docx_file, scan_image, scanned_pdf, text_pdf

pytestmark = pytest.mark.slow

# What legitimately differs between two runs of the same folder.
RUN_SPECIFIC = {"run_id", "started_at", "finished_at", "seconds", "extracted_at", "db", "generated_at", "root"}


def _folder(root):
    text_pdf(root / "Diskominfo" / "perwali_spbe.pdf", pages=2)
    scanned_pdf(root / "Setda" / "sk_tim_scan.pdf", [scan_image()])
    docx_file(root / "Bappeda" / "notulen.docx", ["NOTULEN RAPAT", "Pembahasan Arsitektur SPBE Kota Sukamaju."])
    (root / "Bappeda" / "catatan.txt").write_text("Catatan rapat koordinasi SPBE.", encoding="utf-8")
    return root


def _stable(value):
    if isinstance(value, dict):
        return {k: _stable(v) for k, v in value.items() if k not in RUN_SPECIFIC}
    if isinstance(value, list):
        return [_stable(v) for v in value]
    return value


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


@pytest.fixture(scope="module")
def both_runs(tmp_path_factory, prefect_backend, cluster):
    base = tmp_path_factory.mktemp("dask")
    folder = _folder(base / "eviden")
    exports = {}
    for name, extra in (("local", []), ("dask", ["--dask-address", cluster.scheduler_address])):
        db = base / f"{name}.duckdb"
        code = cli.main(
            ["run", str(folder), "--db", str(db), "--region", "Kota Sukamaju", "--year", "2025", "--quiet", *extra]
        )
        assert code == 0
        out = base / f"{name}.json"
        assert cli.main(["export", "--db", str(db), "--json", str(out)]) == 0
        exports[name] = json.loads(out.read_text(encoding="utf-8"))
    return exports


def test_a_run_on_dask_gives_the_same_export_as_a_local_run(both_runs):
    assert _stable(both_runs["dask"]) == _stable(both_runs["local"])


def test_a_run_on_dask_reads_every_file_including_ocr(both_runs):
    documents = {d["path"]: d for d in both_runs["dask"]["documents"]}
    assert set(documents) == {
        "Diskominfo/perwali_spbe.pdf",
        "Setda/sk_tim_scan.pdf",
        "Bappeda/notulen.docx",
        "Bappeda/catatan.txt",
    }
    assert all(d["status"] == "ok" for d in documents.values())


def test_extraction_ran_in_the_dask_worker_processes(both_runs, cluster):
    from distributed import Client

    with Client(cluster) as client:
        loaded = client.run(lambda: "pipeline.extract.extractor" in sys.modules)
    assert len(loaded) == 2 and any(loaded.values())


def test_an_unreachable_dask_scheduler_stops_the_run_with_a_clear_message(tmp_path, prefect_backend, capsys):
    folder = _folder(tmp_path / "eviden")
    code = cli.main(
        ["run", str(folder), "--db", str(tmp_path / "x.duckdb"), "--quiet", "--dask-address", "tcp://127.0.0.1:9"]
    )
    assert code == cli.EXIT_CANNOT_RUN
    assert "Dask" in capsys.readouterr().err
