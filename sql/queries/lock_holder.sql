-- Who holds the warehouse's advisory lock (the key's low and high 32 bits are objid and classid).
SELECT coalesce(nullif(a.application_name, ''), 'pid ' || a.pid) || ' on ' || coalesce(host(a.client_addr), 'local socket'),
       to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS TZ')
FROM pg_locks l
JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'advisory'
  AND l.granted
  AND ((l.classid::bigint << 32) | l.objid::bigint) = ?
LIMIT 1;
