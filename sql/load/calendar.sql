-- The calendar's first and last day: a date outside it has the unknown date member (key 0).
SELECT min(full_date) AS first_day, max(full_date) AS last_day FROM dw.dim_date;
