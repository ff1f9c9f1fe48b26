-- The first rejected rows of a file, for the summary (all of them stay in etl.reject).
SELECT line_number, column_name, reason
FROM etl.reject
WHERE file_id = ?
ORDER BY line_number, reject_id
LIMIT ?;
