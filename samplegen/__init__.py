"""Generator of the fictional SPBE evidence folder (Kota Sukamaju) used by tests and demos.

`render` typesets and degrades page images (Pillow only, deterministic per seed);
the other modules write the sample folder, its labels and a self-assessment CSV.
Run ``python -m samplegen OUT_DIR --labels LABELS.yaml --claims CLAIMS.csv``.
"""
