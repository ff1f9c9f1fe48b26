-- The newest runs (nightly and load), with what their files and reports amounted to.
SELECT e.job_execution_id,
       i.job_name,
       e.start_time,
       e.end_time,
       e.status,
       e.exit_code,
       left(e.exit_message, 400) AS exit_message,
       coalesce(f.files_loaded, 0) AS files_loaded,
       coalesce(f.files_duplicate, 0) AS files_duplicate,
       coalesce(f.files_rejected, 0) AS files_rejected,
       coalesce(f.files_ignored, 0) AS files_ignored,
       coalesce(f.rows_loaded, 0) AS rows_loaded,
       coalesce(f.rows_rejected, 0) AS rows_rejected,
       (SELECT count(*) FROM report.publication p
         WHERE p.written_at >= e.start_time AND p.written_at <= coalesce(e.end_time, now())) AS reports_written
FROM batch.batch_job_execution e
JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id
LEFT JOIN (
    SELECT job_execution_id,
           count(*) FILTER (WHERE status = 'loaded') AS files_loaded,
           count(*) FILTER (WHERE status = 'duplicate') AS files_duplicate,
           count(*) FILTER (WHERE status = 'rejected') AS files_rejected,
           count(*) FILTER (WHERE status = 'ignored') AS files_ignored,
           sum(rows_loaded) AS rows_loaded,
           sum(rows_rejected) AS rows_rejected
    FROM etl.source_file
    GROUP BY job_execution_id
) f ON f.job_execution_id = e.job_execution_id
ORDER BY e.job_execution_id DESC
LIMIT :limit;
