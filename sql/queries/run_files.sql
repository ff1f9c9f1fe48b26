-- The inbox entries one job execution dealt with, in the order it met them.
SELECT file_id, file_name, sha256, status, rows_read, rows_loaded, rows_superseded, rows_rejected,
       professionals_without_work_domain, reason, ignored_columns, archived_to, archive_problem
FROM etl.source_file
WHERE job_execution_id = ?
ORDER BY file_id;
