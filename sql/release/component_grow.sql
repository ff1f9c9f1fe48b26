-- The requests of releases just added to the component (?: their ids).
INSERT INTO pg_temp.component_key (request_key)
SELECT request_key FROM report.release_member WHERE release_id = ANY (?)
ON CONFLICT DO NOTHING
