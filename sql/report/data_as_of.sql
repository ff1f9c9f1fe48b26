-- What the warehouse knew when the report was made: the newest row version loaded and the files behind it.
SELECT (SELECT max(last_modified) FROM etl.request_version) AS newest_version,
       (SELECT count(*) FROM etl.source_file WHERE status = 'loaded') AS files_loaded,
       (SELECT max(seen_at) FROM etl.source_file WHERE status = 'loaded') AS last_load;
