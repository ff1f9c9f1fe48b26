-- The pieces of the joint model: each request of the component with its record, grouped by the
-- releases that hold exactly that record (0: the new report). One row per piece and record.
WITH m AS (
    SELECT release_id, request_key, record_sha FROM report.release_member WHERE release_id = ANY (?)
    UNION ALL
    SELECT 0, request_key, record_sha FROM pg_temp.candidate_member
)
SELECT signature, record_sha, count(*) AS requests
FROM (SELECT array_agg(release_id ORDER BY release_id) AS signature, record_sha
      FROM m GROUP BY request_key, record_sha) r
GROUP BY signature, record_sha
ORDER BY signature, record_sha
