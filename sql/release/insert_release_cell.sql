INSERT INTO report.release_cell (release_id, table_id, category, status, published_count, published_percent, base_count,
                                 true_count, revised, row_order, label_nl, label_en, combines)
VALUES (:release, :table, :category, :status, :published_count, :published_percent, :base_count, :true_count, :revised, :row_order,
        :label_nl, :label_en, string_to_array(:combines, ','));
