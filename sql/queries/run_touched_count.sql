-- How many touched requests the files waiting for the run's reconciliation wrote, and how many
-- etl.run_touched holds: fewer means PostgreSQL crashed and emptied the unlogged list.
SELECT (SELECT count(*) FROM etl.run_touched_file) AS files,
       (SELECT coalesce(sum(requests), 0) FROM etl.run_touched_file) AS expected,
       (SELECT count(*) FROM etl.run_touched) AS listed;
