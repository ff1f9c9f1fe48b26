-- How many touched requests the files waiting for the run's reconciliation wrote, and how many
-- etl.run_touched holds: fewer means PostgreSQL crashed and emptied the unlogged list. Files as
-- large as the warehouse list nothing and ask for the whole warehouse (requests -1). And about
-- how many requests the warehouse holds (the planner's own estimate, from the table's size),
-- to choose between checking the touched requests and checking everything.
SELECT (SELECT count(*) FROM etl.run_touched_file) AS files,
       (SELECT coalesce(sum(requests), 0) FROM etl.run_touched_file WHERE requests >= 0) AS expected,
       (SELECT count(*) FROM etl.run_touched_file WHERE requests < 0) AS everything,
       (SELECT count(*) FROM etl.run_touched) AS listed,
       (SELECT CASE WHEN c.reltuples > 0 AND c.relpages > 0
                    THEN c.reltuples / c.relpages * (pg_relation_size(c.oid) / current_setting('block_size')::int)
                    ELSE pg_relation_size(c.oid) / 120 END::bigint
        FROM pg_class c WHERE c.oid = 'etl.request_version'::regclass) AS requests_estimate;
