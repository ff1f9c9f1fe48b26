-- The newest read of these bytes that loaded (a later read, after the mapping changed or on
-- load --reprocess, follows the one before it).
SELECT file_id, file_name, archived_to, rows_rejected, mapping_sha256, returned_at IS NOT NULL OR purged_at IS NOT NULL AS gone
FROM etl.source_file
WHERE sha256 = ? AND status = 'loaded'
ORDER BY file_id DESC
LIMIT 1;
