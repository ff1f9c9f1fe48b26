-- A file at least as large as the warehouse touches (nearly) all of it: rather than listing a
-- million requests, it asks the run's reconciliation to check the whole warehouse (requests -1),
-- which is the cheaper proof at that size (RunReconciliationTasklet).
INSERT INTO etl.run_touched_file (file_id, requests)
SELECT file_id, -1
FROM file_winner
LIMIT 1;
