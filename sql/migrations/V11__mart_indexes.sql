-- Indexes for what BI tools ask of mart: counts by period and dimension. Measured with
-- MartQueryBenchmark (src/test/java/nl/helpline/warehouse/mart; the queries are
-- sql/bench/mart_bi_queries.sql) over 1,000,000 synthetic requests received 2016-2025
-- (1.36 M phenomenon, 1.40 M help-question, 0.40 M support rows), embedded PostgreSQL 17.6,
-- 2 shared cores, VACUUM ANALYZEd, warm cache; median of 7 EXPLAIN ANALYZE runs, and the
-- buffers read, which do not depend on the machine's load. Before → after this migration:
--
--   query (sql/bench/mart_bi_queries.sql)            ms before → after   buffers before → after
--   requests_by_month_and_channel_all_years           211.5 → 205.0        17173 → 17173   seq scan either way
--   requests_by_month_and_channel_one_year             47.8 →  47.1         3342 → 3342
--   requests_in_one_month                               2.7 →   2.8          493 → 371
--   infographic_closed_by_requester_half_year_no_chat  24.7 →  22.5         1785 → 1035
--   infographic_phenomena_half_year                   157.6 → 156.1        12758 → 10508
--   infographic_support_half_year                      59.6 →  53.5         5751 → 4251
--   one_phenomenon_by_quarter_all_years               238.6 → 264.0        24549 → 19300   (*)
--   one_help_question_by_channel_one_year             127.3 →  55.6        17662 → 2604
--   monthly_requests_by_channel_one_year               34.3 →  29.4         3532 → 2023
--   monthly_requests_by_requester_all_years           371.2 → 300.9        34666 → 19590
--
-- (*) the one regression: a phenomenon shared by 13 % of the requests, over all years. The
-- planner reads it from the new index without parallel workers instead of scanning the bridge
-- in parallel; fewer buffers, more time on 2 cores. Rarer values, or a period, gain.
-- The monthly views' shape (R__mart_views.sql) mattered more than any index: counted per day
-- in a subquery first, monthly_requests_by_channel for one year took 260-300 ms (every fact
-- read, 71202 buffers); per calendar day with a lateral join it takes 29 ms.

-- Every period query through mart.request or the monthly views starts from the received dates
-- and needs a few dimension keys per fact: with these in the index, the facts of the chosen days
-- come from an index-only scan instead of the table (a plain index on received_date_key, which V1
-- had before, visits the table for each of them, and is no longer created: this one covers it). 39 MB at 1 M requests. Buffers per period query: -30 to -45 %;
-- time: -5 to -20 % (the table is small enough to be cached; the gain grows when it is not).
CREATE INDEX fact_request_received_bi_idx ON dw.fact_request (received_date_key, channel_key)
    INCLUDE (requester_key, status_key, follow_up_key, closed_date_key, request_key);
COMMENT ON INDEX dw.fact_request_received_bi_idx IS
    'BI: facts of a period with their dimension keys, index-only (mart.request filtered by period, mart.monthly_* views).';

-- "Requests with phenomenon / help question / support X": without these, the bridge is read
-- whole; their primary keys lead with request_key and only serve the join back to the facts.
-- one_help_question_by_channel_one_year: 127 → 56 ms, 17662 → 2604 buffers. 12-42 MB each.
CREATE INDEX bridge_request_phenomenon_by_phenomenon_idx
    ON dw.bridge_request_phenomenon (phenomenon_key, request_key);
COMMENT ON INDEX dw.bridge_request_phenomenon_by_phenomenon_idx IS
    'BI: requests with a given phenomenon (mart.request_phenomenon filtered by phenomenon).';

CREATE INDEX bridge_request_help_question_by_help_question_idx
    ON dw.bridge_request_help_question (help_question_key, request_key);
COMMENT ON INDEX dw.bridge_request_help_question_by_help_question_idx IS
    'BI: requests with a given help question (mart.request_help_question filtered by question).';

CREATE INDEX bridge_request_support_by_support_idx
    ON dw.bridge_request_support (support_key, request_key);
COMMENT ON INDEX dw.bridge_request_support_by_support_idx IS
    'BI: requests with a given type of additional support (mart.request_support filtered by support).';
