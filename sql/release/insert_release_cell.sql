INSERT INTO report.release_cell (release_id, table_id, category, status, published_count, published_percent, base_count,
                                 true_count, revised, row_order)
VALUES (:release, :table, :category, :status, :published_count, :published_percent, :base_count, :true_count, :revised, :row_order);
