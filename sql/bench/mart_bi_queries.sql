-- Typical BI queries over the mart (MartQueryBenchmark times each with EXPLAIN ANALYZE).
-- One query per block, each after a line "-- query: <name>".

-- query: requests_by_month_and_channel_all_years
SELECT received_month_label, channel_label_en, count(*)
FROM mart.request
GROUP BY received_month_label, channel_label_en;

-- query: requests_by_month_and_channel_one_year
SELECT received_month_start, channel_group_label_en, sum(request_count)
FROM mart.request
WHERE received_year = 2024
GROUP BY received_month_start, channel_group_label_en;

-- query: requests_in_one_month
SELECT count(*)
FROM mart.request
WHERE received_month_label = '2024-04';

-- query: infographic_closed_by_requester_half_year_no_chat
SELECT requester_type_label_nl, work_domain_label_nl, count(*)
FROM mart.request
WHERE received_half_year_label = '2024-H1' AND is_closed AND channel_code <> 'CHAT'
GROUP BY requester_type_label_nl, work_domain_label_nl;

-- query: infographic_phenomena_half_year
SELECT p.phenomenon_label_en, count(*)
FROM mart.request r
JOIN mart.request_phenomenon p USING (request_id)
WHERE r.received_half_year_label = '2024-H1' AND r.is_closed
GROUP BY p.phenomenon_label_en;

-- query: infographic_support_half_year
SELECT s.support_label_en, count(*)
FROM mart.request r
JOIN mart.request_support s USING (request_id)
WHERE r.received_half_year_label = '2024-H1' AND r.is_closed
GROUP BY s.support_label_en;

-- query: one_phenomenon_by_quarter_all_years
SELECT r.received_quarter_label, count(*)
FROM mart.request_phenomenon p
JOIN mart.request r USING (request_id)
WHERE p.phenomenon_code = 'LEFT_WING'
GROUP BY r.received_quarter_label;

-- query: one_help_question_by_channel_one_year
SELECT r.channel_label_en, count(*)
FROM mart.request_help_question q
JOIN mart.request r USING (request_id)
WHERE q.help_question_code = 'INFORMATION' AND r.received_year = 2024
GROUP BY r.channel_label_en;

-- query: monthly_requests_by_channel_one_year
SELECT *
FROM mart.monthly_requests_by_channel
WHERE received_year = 2024;

-- query: monthly_requests_by_requester_all_years
SELECT *
FROM mart.monthly_requests_by_requester;
