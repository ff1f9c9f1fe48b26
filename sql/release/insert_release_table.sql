INSERT INTO report.release_table (release_id, table_id, dimension, requires, table_order, title_nl, title_en, base_cell, adds_up)
VALUES (:release, :table, :dimension, string_to_array(:requires, ','), :table_order, :title_nl, :title_en, :base_cell, :adds_up);
