-- Releases not yet in the component (?: its release ids) that hold a request of it. The
-- component starts as the new report's members.
SELECT DISTINCT m.release_id
FROM report.release_member m
WHERE m.request_key IN (SELECT request_key FROM pg_temp.candidate_member
                        UNION ALL
                        SELECT request_key FROM pg_temp.component_key)
  AND NOT (m.release_id = ANY (?))
ORDER BY m.release_id
