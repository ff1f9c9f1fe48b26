-- load --reprocess NAME: the newest file of that name whose archived copy is still there.
SELECT file_id, file_name, sha256, status, archived_to
FROM etl.source_file
WHERE file_name = ? AND sha256 IS NOT NULL AND archived_to IS NOT NULL
  AND purged_at IS NULL AND returned_at IS NULL AND status IN ('loaded', 'duplicate', 'rejected')
ORDER BY file_id DESC
LIMIT 1;
