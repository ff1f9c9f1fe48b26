-- The true counts of a report's population, every table at once, in one pass over the period's
-- facts and one join per bridge (issue 12: per-table queries over a temporary population took
-- ~15 s for a year of 160,000+ requests; this takes well under a second).
--
-- Population: requests received in the period (:from_key .. :to_key, yyyymmdd) in the wanted
-- status, through a channel the definition does not exclude (:excluded_channels, comma-separated).
-- Its facts come from an index-only scan of fact_request_received_bi_idx, keys only.
--
-- Each row: a dimension's category (its code), the requester type and follow-up of the requests
-- counted (the two things a table may restrict its population to, ReportDefinition's `where`),
-- and how many requests. A table's count of a category is the sum of its rows that pass the
-- table's `where`; its base is the sum of the 'total' rows that do. Multi-valued dimensions count
-- a request once in every category it touches (a bridge holds a member once per request).
-- Which categories a table shows, with which labels, in which order: categories.sql.
WITH population AS MATERIALIZED (
    SELECT f.request_key, f.channel_key, f.requester_key, f.follow_up_key
    FROM dw.fact_request f
    WHERE f.received_date_key BETWEEN :from_key AND :to_key
      AND f.status_key IN (SELECT status_key FROM dw.dim_status WHERE status_code = :status)
      AND f.channel_key NOT IN (SELECT channel_key FROM dw.dim_channel
                                WHERE channel_code = ANY (string_to_array(:excluded_channels, ',')))
),
single AS (
    SELECT ch.report_group AS first_contact, rq.requester_type_code, rq.work_domain_code, fu.follow_up_code, g.requests
    FROM (SELECT channel_key, requester_key, follow_up_key, count(*) AS requests
          FROM population
          GROUP BY channel_key, requester_key, follow_up_key) g
    JOIN dw.dim_channel ch ON ch.channel_key = g.channel_key
    JOIN dw.dim_requester rq ON rq.requester_key = g.requester_key
    JOIN dw.dim_follow_up fu ON fu.follow_up_key = g.follow_up_key
),
-- Requests get their keys in order of received date (load/10_latest_versions.sql), so a
-- period's keys lie close together: the bridges are read for that range only rather than whole.
key_range AS MATERIALIZED (
    SELECT min(request_key) AS low, max(request_key) AS high FROM population
),
multi AS (
    SELECT 'phenomenon' AS dimension, b.phenomenon_key AS member_key, p.requester_key, p.follow_up_key, count(*) AS requests
    FROM population p
    JOIN dw.bridge_request_phenomenon b ON b.request_key = p.request_key
    WHERE b.request_key BETWEEN (SELECT low FROM key_range) AND (SELECT high FROM key_range)
    GROUP BY b.phenomenon_key, p.requester_key, p.follow_up_key
    UNION ALL
    SELECT 'help_question', b.help_question_key, p.requester_key, p.follow_up_key, count(*)
    FROM population p
    JOIN dw.bridge_request_help_question b ON b.request_key = p.request_key
    WHERE b.request_key BETWEEN (SELECT low FROM key_range) AND (SELECT high FROM key_range)
    GROUP BY b.help_question_key, p.requester_key, p.follow_up_key
    UNION ALL
    SELECT 'additional_support', b.support_key, p.requester_key, p.follow_up_key, count(*)
    FROM population p
    JOIN dw.bridge_request_support b ON b.request_key = p.request_key
    WHERE b.request_key BETWEEN (SELECT low FROM key_range) AND (SELECT high FROM key_range)
    GROUP BY b.support_key, p.requester_key, p.follow_up_key
)
SELECT 'total' AS dimension, 'TOTAL' AS code, requester_type_code, follow_up_code, sum(requests) AS requests
FROM single GROUP BY requester_type_code, follow_up_code
UNION ALL
SELECT 'requester_type', requester_type_code, requester_type_code, follow_up_code, sum(requests)
FROM single GROUP BY requester_type_code, follow_up_code
UNION ALL
SELECT 'first_contact', first_contact, requester_type_code, follow_up_code, sum(requests)
FROM single GROUP BY first_contact, requester_type_code, follow_up_code
UNION ALL
SELECT 'work_domain', work_domain_code, requester_type_code, follow_up_code, sum(requests)
FROM single WHERE requester_type_code = 'PROFESSIONAL' GROUP BY work_domain_code, requester_type_code, follow_up_code
UNION ALL
SELECT 'follow_up', follow_up_code, requester_type_code, follow_up_code, sum(requests)
FROM single GROUP BY follow_up_code, requester_type_code
UNION ALL
SELECT m.dimension,
       coalesce(p.phenomenon_code, h.help_question_code, s.support_code),
       rq.requester_type_code, fu.follow_up_code, sum(m.requests)
FROM multi m
JOIN dw.dim_requester rq ON rq.requester_key = m.requester_key
JOIN dw.dim_follow_up fu ON fu.follow_up_key = m.follow_up_key
LEFT JOIN dw.dim_phenomenon p ON m.dimension = 'phenomenon' AND p.phenomenon_key = m.member_key
LEFT JOIN dw.dim_help_question h ON m.dimension = 'help_question' AND h.help_question_key = m.member_key
LEFT JOIN dw.dim_support s ON m.dimension = 'additional_support' AND s.support_key = m.member_key
GROUP BY m.dimension, 2, rq.requester_type_code, fu.follow_up_code;
