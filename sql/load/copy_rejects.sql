COPY etl.reject (file_id, line_number, column_name, column_value, reason) FROM STDIN
