INSERT INTO report.published_cell (publication_id, table_id, category, status, published_count, published_percent, true_count)
VALUES (:publication, :table, :category, :status, :published_count, :published_percent, :true_count);
