-- What this file changed, for the run's reconciliation: it proves these requests, and only
-- these, are in order once all files are in (RunReconciliationTasklet).
INSERT INTO etl.run_touched (file_id, request_pseudonym)
SELECT file_id, request_pseudonym
FROM file_winner;

INSERT INTO etl.run_touched_file (file_id, requests)
SELECT file_id, count(*)
FROM file_winner
GROUP BY file_id;
