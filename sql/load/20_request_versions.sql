-- Remember the winning version of each request, Vervallen included.
INSERT INTO etl.request_version AS v (request_pseudonym, last_modified, status_code, file_id, line_number)
SELECT request_pseudonym, last_modified, status_code, file_id, line_number
FROM file_winner
ON CONFLICT (request_pseudonym) DO UPDATE
SET last_modified = EXCLUDED.last_modified,
    status_code   = EXCLUDED.status_code,
    file_id       = EXCLUDED.file_id,
    line_number   = EXCLUDED.line_number;
