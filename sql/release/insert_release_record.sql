INSERT INTO report.release_record (record_sha, cells)
VALUES (:sha, string_to_array(:cells, ','))
ON CONFLICT (record_sha) DO NOTHING;
