-- One row per file with its extraction joined: what exports and reports read.
CREATE VIEW documents AS
SELECT f.path, f.opd, f.extension, f.size, f.sha256, f.format, f.status, f.error_code, f.error,
       f.problems, f.first_seen_run, f.changed_run, f.last_seen_run,
       coalesce(e.pages, 0) AS pages, coalesce(e.ocr_pages, 0) AS ocr_pages, e.ocr_confidence,
       e.seconds AS extract_seconds, f.extractor_version
FROM files f
LEFT JOIN extractions e
       ON e.sha256 = f.sha256 AND e.name_class = f.name_class AND e.extractor_version = f.extractor_version;
