-- Synthetic facts for measuring BI queries (MartQueryBenchmark; never run by the load or the
-- tests): :requests requests received 2016-01-01 … 2025-12-31, inserted in order of arrival as
-- the nightly loads would, with the shares of the 2024-H1 infographic and about 1.4 phenomena,
-- 1.5 help questions and (for additional support) 1.5 support types per request.
-- Run on an empty warehouse migrated to V40 (MartQueryBenchmark migrates the rest afterwards,
-- V50 included, which takes the pseudonyms and keys from here). Deterministic: setseed.

SELECT setseed(0.42);

CREATE TEMP TABLE synthetic ON COMMIT DROP AS
SELECT i,
       date '2016-01-01' + ((i - 1)::bigint * 3653 / :requests)::int AS received,
       random() AS r_channel, random() AS r_requester, random() AS r_status, random() AS r_follow_up,
       random() AS r_days, random() AS r_phenomena, random() AS r_questions, random() AS r_support
FROM generate_series(1, :requests) AS g(i);

INSERT INTO dw.fact_request (request_pseudonym, received_date_key, closed_date_key, channel_key,
    requester_key, follow_up_key, status_key, conversations, days_to_close, last_modified,
    source_file_id, source_line)
SELECT sha256(int8send(i)),
       to_char(received, 'YYYYMMDD')::int,
       CASE WHEN r_status < 0.85 THEN to_char(received + (r_days * 60)::int, 'YYYYMMDD')::int ELSE -1 END,
       CASE WHEN r_channel < 0.55 THEN 1 WHEN r_channel < 0.85 THEN 2 WHEN r_channel < 0.93 THEN 3
            WHEN r_channel < 0.97 THEN 4 ELSE 5 END,
       CASE WHEN r_requester < 0.31 THEN 1 ELSE 10 + (r_requester * 1000)::int % 8 END,
       CASE WHEN r_status >= 0.85 THEN -1 WHEN r_follow_up < 0.67 THEN 1 ELSE 2 END,
       CASE WHEN r_status < 0.85 THEN 3 WHEN r_status < 0.95 THEN 2 ELSE 1 END,
       1 + (r_days * 5)::int,
       CASE WHEN r_status < 0.85 THEN (r_days * 60)::int END,
       received + time '12:00',
       1 + i / 5000,
       2 + i % 5000
FROM synthetic
ORDER BY i;

-- Each fact's newest version, as the load keeps it (V50 refuses facts without one).
INSERT INTO etl.request_version (request_pseudonym, last_modified, status_code, file_id, line_number)
SELECT request_pseudonym, last_modified, s.status_code, source_file_id, source_line
FROM dw.fact_request f
JOIN dw.dim_status s USING (status_key);

-- request_key equals i: the warehouse is empty and the identity counts rows in insertion order.
INSERT INTO dw.bridge_request_phenomenon (request_key, phenomenon_key)
SELECT DISTINCT f.request_key, p.k
FROM synthetic s
JOIN dw.fact_request f ON f.request_key = s.i
CROSS JOIN LATERAL (VALUES ((s.r_phenomena * 997)::int % 8),
                           (CASE WHEN s.r_phenomena < 0.4 THEN 1 + (s.r_phenomena * 991)::int % 7 END)) AS p(k)
WHERE p.k IS NOT NULL;

INSERT INTO dw.bridge_request_help_question (request_key, help_question_key)
SELECT DISTINCT f.request_key, q.k
FROM synthetic s
JOIN dw.fact_request f ON f.request_key = s.i
CROSS JOIN LATERAL (VALUES (1 + (s.r_questions * 997)::int % 5),
                           (CASE WHEN s.r_questions < 0.5 THEN 1 + (s.r_questions * 991)::int % 3 END)) AS q(k)
WHERE q.k IS NOT NULL;

INSERT INTO dw.bridge_request_support (request_key, support_key)
SELECT DISTINCT f.request_key, t.k
FROM synthetic s
JOIN dw.fact_request f ON f.request_key = s.i
CROSS JOIN LATERAL (VALUES (1 + (s.r_support * 997)::int % 4),
                           (CASE WHEN s.r_support < 0.5 THEN 1 + (s.r_support * 991)::int % 4 END)) AS t(k)
WHERE t.k IS NOT NULL AND f.follow_up_key = 2;
