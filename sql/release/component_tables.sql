SELECT release_id, table_id, dimension, requires, base_cell
FROM report.release_table
WHERE release_id = ANY (?)
ORDER BY release_id, table_order
