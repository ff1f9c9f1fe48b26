-- Which staged rows become the request's current state.
-- Staging holds exactly one file (it is truncated before each file), so no file filter is needed.

-- Within the file: the newest row per request wins; on equal timestamps the later line wins.
CREATE TEMP TABLE file_winner ON COMMIT DROP AS
SELECT DISTINCT ON (request_pseudonym) *
FROM staging.request_row
ORDER BY request_pseudonym, last_modified DESC, line_number DESC;

-- Across files: a row only wins if it is strictly newer than the version the warehouse already
-- holds. An older row delivered late, or the same row delivered again, changes nothing.
DELETE FROM file_winner w
USING etl.request_version v
WHERE v.request_pseudonym = w.request_pseudonym
  AND v.last_modified >= w.last_modified;

CREATE UNIQUE INDEX ON file_winner (request_pseudonym);
ANALYZE file_winner;
