-- The received dates of the requests the warehouse holds; `report` refuses a period outside them.
SELECT min(d.full_date) AS first_received, max(d.full_date) AS last_received
FROM dw.fact_request f
JOIN dw.dim_date d ON d.date_key = f.received_date_key
WHERE f.received_date_key > 0;
