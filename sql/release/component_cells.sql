SELECT release_id, table_id, category, status, true_count, combines
FROM report.release_cell
WHERE release_id = ANY (?)
ORDER BY release_id, table_id, row_order
