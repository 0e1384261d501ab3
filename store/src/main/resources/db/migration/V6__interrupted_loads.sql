-- A load whose process died is marked 'interrupted' (its partial rows removed) by the next ingest,
-- so the registry never claims a load is running when no loader holds its lock (IngestFiles).
ALTER TABLE ingest_files DROP CONSTRAINT ingest_files_status_check;
ALTER TABLE ingest_files
  ADD CONSTRAINT ingest_files_status_check CHECK (status IN ('loading', 'done', 'interrupted'));
