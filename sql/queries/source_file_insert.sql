INSERT INTO etl.source_file (file_name, sha256, size_bytes, status, reason, job_execution_id, mapping_sha256, reprocess_of)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
RETURNING file_id;
