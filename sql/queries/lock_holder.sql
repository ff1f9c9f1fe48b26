-- Who holds the warehouse's run lock (the table lock on etl.run_lock that WarehouseLock takes).
SELECT coalesce(nullif(a.application_name, ''), 'pid ' || a.pid) || ' on ' || coalesce(host(a.client_addr), 'local socket'),
       coalesce(to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS TZ'), 'unknown')
FROM pg_locks l
JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'relation'
  AND l.relation = 'etl.run_lock'::regclass
  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND l.mode = 'ShareRowExclusiveLock'
  AND l.granted
  AND l.pid <> pg_backend_pid()
LIMIT 1;
