-- Remember the winning version of each request, Vervallen included. New requests in key order
-- of the primary key (the pseudonym), so the index is written page by page; known ones are
-- updated in place (no indexed column changes: a HOT update where the page has room).
INSERT INTO etl.request_version (request_pseudonym, request_key, last_modified, status_code, file_id, line_number)
SELECT request_pseudonym, request_key, last_modified, status_code, file_id, line_number
FROM file_winner
WHERE known_key IS NULL
ORDER BY request_pseudonym;

UPDATE etl.request_version v
SET last_modified = w.last_modified,
    status_code   = w.status_code,
    file_id       = w.file_id,
    line_number   = w.line_number
FROM known_winner w
WHERE v.request_pseudonym = w.request_pseudonym;
