SELECT file_id, file_name, archived_to
FROM etl.source_file
WHERE sha256 = ? AND status = 'loaded';
