-- The records the component's releases counted.
SELECT r.record_sha, r.cells
FROM report.release_record r
WHERE r.record_sha IN (SELECT record_sha FROM report.release_member WHERE release_id = ANY (?))
