-- Whether the register holds a release's file with these bytes.
SELECT EXISTS (SELECT 1 FROM report.release_file
               WHERE (file_name = :file AND file_sha256 = :sha256) OR (cells_name = :file AND cells_sha256 = :sha256));
