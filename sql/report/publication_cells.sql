SELECT table_id, category, status, published_count, published_percent, true_count
FROM report.published_cell
WHERE publication_id = :publication
ORDER BY table_id, category;
