-- The whole warehouse (`verify`, the schedule's verify nights, and a run that touched about as
-- many requests as the warehouse holds): every request whose newest version is not Vervallen
-- is in the facts, once, in that version; nothing else is; every key is a request's own; and
-- no fact or bridge row points at a member (or fact) that does not exist. Its cost grows with
-- the warehouse: one pass over versions and facts, one over the bridges (1,000,000 requests:
-- ~2.5 s on 2 cores); a run otherwise checks only what it touched (run_invariants.sql).
WITH keys AS (
    SELECT count(*) AS requests,
           count(*) FILTER (WHERE status_code <> 'WITHDRAWN') AS current_versions
    FROM etl.request_version
),
shared AS (
    SELECT coalesce(sum(n - 1), 0) AS sharing_a_key
    FROM (SELECT count(*) AS n FROM etl.request_version GROUP BY request_key HAVING count(*) > 1) s
),
standing AS (
    -- One pass over both: each standing version against its fact, and each fact's members.
    SELECT count(f.request_key) AS facts,
           count(*) FILTER (WHERE f.request_key IS NULL) AS missing_from_facts,
           count(*) FILTER (WHERE v.request_key IS NULL) AS facts_without_current_version,
           count(*) FILTER (WHERE v.last_modified <> f.last_modified) AS out_of_step,
           count(*) FILTER (WHERE f.request_key IS NOT NULL
                              AND NOT (f.received_date_key IN (SELECT date_key FROM dw.dim_date)
                                       AND f.closed_date_key IN (SELECT date_key FROM dw.dim_date)
                                       AND f.channel_key IN (SELECT channel_key FROM dw.dim_channel)
                                       AND f.requester_key IN (SELECT requester_key FROM dw.dim_requester)
                                       AND f.follow_up_key IN (SELECT follow_up_key FROM dw.dim_follow_up)
                                       AND f.status_key IN (SELECT status_key FROM dw.dim_status))) AS facts_with_missing_members
    FROM (SELECT request_key, last_modified FROM etl.request_version WHERE status_code <> 'WITHDRAWN') v
    FULL JOIN dw.fact_request f ON f.request_key = v.request_key
),
bridges AS (
    -- One pass over all bridge rows, against the facts once.
    SELECT count(*) AS bridge_rows_astray
    FROM (SELECT request_key, phenomenon_key IN (SELECT phenomenon_key FROM dw.dim_phenomenon) AS member
          FROM dw.bridge_request_phenomenon
          UNION ALL
          SELECT request_key, help_question_key IN (SELECT help_question_key FROM dw.dim_help_question)
          FROM dw.bridge_request_help_question
          UNION ALL
          SELECT request_key, support_key IN (SELECT support_key FROM dw.dim_support)
          FROM dw.bridge_request_support) b
    LEFT JOIN dw.fact_request f ON f.request_key = b.request_key
    WHERE f.request_key IS NULL OR NOT b.member
)
SELECT keys.requests, keys.current_versions, standing.facts,
       standing.missing_from_facts, standing.facts_without_current_version, standing.out_of_step,
       shared.sharing_a_key, standing.facts_with_missing_members, bridges.bridge_rows_astray
FROM keys, shared, standing, bridges;
