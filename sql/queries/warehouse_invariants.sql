-- The whole warehouse (`verify`, and the schedule's verify nights): every request whose newest
-- version is not Vervallen is in the facts, once, in that version; nothing else is; every key is
-- a request's own; and no fact or bridge row points at a member (or fact) that does not exist.
-- Its cost grows with the warehouse; a run checks only what it touched (run_invariants.sql).
WITH versions AS (
    SELECT count(*) AS requests,
           count(*) FILTER (WHERE status_code <> 'WITHDRAWN') AS current_versions,
           count(*) - count(DISTINCT request_key) AS sharing_a_key
    FROM etl.request_version
),
standing AS (
    -- One pass over both: each standing version against its fact.
    SELECT count(f.request_key) AS facts,
           count(*) FILTER (WHERE f.request_key IS NULL) AS missing_from_facts,
           count(*) FILTER (WHERE v.request_key IS NULL) AS facts_without_current_version,
           count(*) FILTER (WHERE v.last_modified <> f.last_modified) AS out_of_step
    FROM (SELECT request_key, last_modified FROM etl.request_version WHERE status_code <> 'WITHDRAWN') v
    FULL JOIN dw.fact_request f ON f.request_key = v.request_key
)
SELECT versions.requests, versions.current_versions, standing.facts,
       standing.missing_from_facts, standing.facts_without_current_version, standing.out_of_step,
       versions.sharing_a_key,
       (SELECT count(*) FROM dw.fact_request f
          LEFT JOIN dw.dim_date rd ON rd.date_key = f.received_date_key
          LEFT JOIN dw.dim_date cd ON cd.date_key = f.closed_date_key
          LEFT JOIN dw.dim_channel ch ON ch.channel_key = f.channel_key
          LEFT JOIN dw.dim_requester rq ON rq.requester_key = f.requester_key
          LEFT JOIN dw.dim_follow_up fu ON fu.follow_up_key = f.follow_up_key
          LEFT JOIN dw.dim_status st ON st.status_key = f.status_key
         WHERE rd.date_key IS NULL OR cd.date_key IS NULL OR ch.channel_key IS NULL OR rq.requester_key IS NULL
            OR fu.follow_up_key IS NULL OR st.status_key IS NULL) AS facts_with_missing_members,
       (SELECT count(*) FROM dw.bridge_request_phenomenon b
          LEFT JOIN dw.fact_request f ON f.request_key = b.request_key
          LEFT JOIN dw.dim_phenomenon d ON d.phenomenon_key = b.phenomenon_key
         WHERE f.request_key IS NULL OR d.phenomenon_key IS NULL)
     + (SELECT count(*) FROM dw.bridge_request_help_question b
          LEFT JOIN dw.fact_request f ON f.request_key = b.request_key
          LEFT JOIN dw.dim_help_question d ON d.help_question_key = b.help_question_key
         WHERE f.request_key IS NULL OR d.help_question_key IS NULL)
     + (SELECT count(*) FROM dw.bridge_request_support b
          LEFT JOIN dw.fact_request f ON f.request_key = b.request_key
          LEFT JOIN dw.dim_support d ON d.support_key = b.support_key
         WHERE f.request_key IS NULL OR d.support_key IS NULL) AS bridge_rows_astray
FROM versions, standing;
