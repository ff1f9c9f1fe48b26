-- The layout of every report table: each category of the code lists (zero or not), its labels
-- and its place, per dimension. Counting is counts.sql; the rows, their labels and their order
-- come from the one code list the mart reads too (V40__code_list.sql, mart.code_list).
SELECT dimension, code, label_nl, label_en, sort_order AS sort
FROM dw.code_list
WHERE report_row
ORDER BY dimension, sort, code;
