-- What personal data (NIK, NIP, phone, e-mail) a content's raw text held: counts and pages, never the
-- values. Stored page text is redacted. NULL marks an extraction stored before redaction existed; the
-- next run scans and redacts its stored text in place (pipeline.personal_data.protect), without re-OCR.
ALTER TABLE extractions ADD COLUMN personal_data JSON;
