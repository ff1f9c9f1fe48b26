-- Retention: what the nightly run forgets after :days days. Reject records of old files, and
-- Spring Batch metadata of old job executions (children first). Lineage of files
-- (etl.source_file) and the publication register are kept: they are small and they are the audit trail.
DELETE FROM etl.reject WHERE rejected_at < now() - make_interval(days => :days);
DELETE FROM batch.batch_step_execution_context WHERE step_execution_id IN (
    SELECT s.step_execution_id FROM batch.batch_step_execution s
    JOIN batch.batch_job_execution e ON e.job_execution_id = s.job_execution_id
    WHERE e.end_time < now() - make_interval(days => :days));
DELETE FROM batch.batch_step_execution WHERE job_execution_id IN (
    SELECT job_execution_id FROM batch.batch_job_execution WHERE end_time < now() - make_interval(days => :days));
DELETE FROM batch.batch_job_execution_context WHERE job_execution_id IN (
    SELECT job_execution_id FROM batch.batch_job_execution WHERE end_time < now() - make_interval(days => :days));
DELETE FROM batch.batch_job_execution_params WHERE job_execution_id IN (
    SELECT job_execution_id FROM batch.batch_job_execution WHERE end_time < now() - make_interval(days => :days));
DELETE FROM batch.batch_job_execution WHERE end_time < now() - make_interval(days => :days);
DELETE FROM batch.batch_job_instance i WHERE NOT EXISTS (
    SELECT 1 FROM batch.batch_job_execution e WHERE e.job_instance_id = i.job_instance_id);
