INSERT INTO report.release_file (release_id, language, file_name, file_sha256, cells_name, cells_sha256)
VALUES (:release, :language, :file, :sha256, :cells_name, :cells_sha256);
