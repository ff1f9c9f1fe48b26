-- Retention: archived copies older than :days days, by the warehouse's own record of when it
-- archived them (never the file's modification time, which an export copied with cp -p keeps).
SELECT file_id, archived_to, status
FROM etl.source_file
WHERE archived_at < now() - make_interval(days => :days)
  AND archived_to IS NOT NULL AND purged_at IS NULL AND returned_at IS NULL
ORDER BY file_id;
