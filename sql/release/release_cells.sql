-- A release's cells as published (no true counts: for the notes of a later version).
SELECT table_id, category, status, published_count
FROM report.release_cell
WHERE release_id = :release
ORDER BY table_id, row_order;
