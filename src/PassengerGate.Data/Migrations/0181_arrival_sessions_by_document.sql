-- "One passenger, one outcome" (issue 8) looks up every earlier session of the document just read, on every session.
-- Without an index that lookup read the whole arrival_sessions table each time: measured under `pgate load` on
-- 2026-12-01, one sequential scan and about 14,000 rows returned per session with 14,000 sessions stored, growing
-- with every passenger (docs/performance.md "Whole sessions under load"). Purged rows have no document number.
CREATE INDEX arrival_sessions_document ON arrival_sessions (document_number, updated_at DESC)
    WHERE document_number IS NOT NULL;
