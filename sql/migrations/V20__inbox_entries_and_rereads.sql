-- Every inbox entry gets a status, a file can be read again once its mapping was fixed, and
-- retention goes by the warehouse's own record of when a file was archived.
--
-- * status 'waiting': a file still being written (its size or modification time changed while
--   the load looked at it); it stays in the inbox for the next run.
-- * sha256 may be NULL: entries that were never read (a link, a named pipe, a folder, a file
--   that is no export, one still being written) have no fingerprint.
-- * mapping_sha256: the SHA-256 of jobs/mappings.yml a file was read with. The same bytes
--   delivered again after the mapping changed are read again when the earlier read had
--   rejected rows (fixing the mapping makes the row load).
-- * reprocess_of: a read of bytes that were loaded before (a changed mapping, or
--   `load --reprocess NAME`) points at the read it follows. The first read of some bytes is
--   unique, and each read has at most one successor: nothing is read twice by accident.
-- * archived_at: when the file was archived into processed/ or rejected/ (retention counts
--   from here, never from the file's modification time); purged_at: when retention deleted
--   the archived copy; returned_at: when `load --reprocess` put it back into the inbox.
-- * archive_problem: the file committed but could not be archived or removed from the inbox
--   afterwards (why, in words); NULL when all went well.

ALTER TABLE etl.source_file ALTER COLUMN sha256 DROP NOT NULL;

ALTER TABLE etl.source_file DROP CONSTRAINT source_file_status_check;
ALTER TABLE etl.source_file ADD CONSTRAINT source_file_status_check
    CHECK (status IN ('loaded', 'duplicate', 'rejected', 'ignored', 'waiting'));

ALTER TABLE etl.source_file
    ADD COLUMN mapping_sha256  text,
    ADD COLUMN reprocess_of    bigint REFERENCES etl.source_file (file_id),
    ADD COLUMN archived_at     timestamptz,
    ADD COLUMN purged_at       timestamptz,
    ADD COLUMN returned_at     timestamptz,
    ADD COLUMN archive_problem text;

-- Files archived before this migration: the best record the warehouse has of when is when it saw them.
UPDATE etl.source_file SET archived_at = seen_at WHERE archived_to IS NOT NULL;

DROP INDEX etl.source_file_loaded_sha256_uq;
CREATE UNIQUE INDEX source_file_first_read_uq ON etl.source_file (sha256)
    WHERE status = 'loaded' AND reprocess_of IS NULL;
CREATE UNIQUE INDEX source_file_next_read_uq ON etl.source_file (reprocess_of)
    WHERE status = 'loaded';
CREATE INDEX source_file_loaded_sha256_idx ON etl.source_file (sha256) WHERE status = 'loaded';
CREATE INDEX source_file_archived_at_idx ON etl.source_file (archived_at)
    WHERE purged_at IS NULL AND returned_at IS NULL AND archived_to IS NOT NULL;

COMMENT ON COLUMN etl.source_file.file_name IS 'The name as found in the inbox, with control characters and bytes that are not UTF-8 escaped (\n, \x..).';
COMMENT ON COLUMN etl.source_file.sha256 IS 'SHA-256 of exactly the bytes that were read; NULL for an entry that was not read.';
COMMENT ON COLUMN etl.source_file.mapping_sha256 IS 'SHA-256 of the value mappings (jobs/mappings.yml) the file was read with.';
COMMENT ON COLUMN etl.source_file.reprocess_of IS 'For a read of bytes loaded before (mapping changed, or load --reprocess): the read it follows.';
COMMENT ON COLUMN etl.source_file.archived_at IS 'When the file was archived (processed/ or rejected/); retention counts from here.';
COMMENT ON COLUMN etl.source_file.purged_at IS 'When retention deleted the archived copy.';
COMMENT ON COLUMN etl.source_file.returned_at IS 'When load --reprocess put the archived copy back into the inbox.';
COMMENT ON COLUMN etl.source_file.archive_problem IS 'The file was dealt with, but could not be archived or removed from the inbox afterwards: why.';
