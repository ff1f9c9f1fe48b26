UPDATE etl.source_file
SET encoding = ?, ignored_columns = ?, rows_read = ?, rows_loaded = ?, rows_superseded = ?, rows_rejected = ?,
    professionals_without_work_domain = ?, archived_to = ?
WHERE file_id = ?;
