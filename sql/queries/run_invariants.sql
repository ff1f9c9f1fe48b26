-- The run's reconciliation, over the requests the run's files touched (etl.run_touched) and
-- nothing else, so its cost follows what changed, not what the warehouse holds: each touched
-- request has a version; if that version stands it is in the facts once (the facts' primary key),
-- holding that version; if it is Vervallen it is not in the facts; its fact points at members
-- that exist; no bridge row of it is astray (without its fact, or at a member that does not
-- exist); and no two of them share a key. The full check of the whole warehouse is
-- warehouse_invariants.sql (`verify`).
WITH touched AS MATERIALIZED (
    SELECT t.request_pseudonym, v.request_key, v.status_code, v.last_modified
    FROM (SELECT DISTINCT request_pseudonym FROM etl.run_touched) t
    LEFT JOIN etl.request_version v ON v.request_pseudonym = t.request_pseudonym
),
checked AS MATERIALIZED (
    SELECT t.request_key, t.status_code, t.last_modified,
           f.request_key AS fact_key,
           f.last_modified AS fact_version,
           f.request_key IS NOT NULL
               AND (rd.date_key IS NULL OR cd.date_key IS NULL OR ch.channel_key IS NULL OR rq.requester_key IS NULL
                    OR fu.follow_up_key IS NULL OR st.status_key IS NULL) AS missing_member
    FROM touched t
    LEFT JOIN dw.fact_request f ON f.request_key = t.request_key
    LEFT JOIN dw.dim_date rd ON rd.date_key = f.received_date_key
    LEFT JOIN dw.dim_date cd ON cd.date_key = f.closed_date_key
    LEFT JOIN dw.dim_channel ch ON ch.channel_key = f.channel_key
    LEFT JOIN dw.dim_requester rq ON rq.requester_key = f.requester_key
    LEFT JOIN dw.dim_follow_up fu ON fu.follow_up_key = f.follow_up_key
    LEFT JOIN dw.dim_status st ON st.status_key = f.status_key
)
SELECT count(*) AS requests,
       count(*) FILTER (WHERE request_key IS NULL) AS without_version,
       count(*) FILTER (WHERE status_code <> 'WITHDRAWN' AND fact_key IS NULL) AS missing_from_facts,
       count(*) FILTER (WHERE status_code = 'WITHDRAWN' AND fact_key IS NOT NULL) AS withdrawn_in_facts,
       count(*) FILTER (WHERE fact_key IS NOT NULL AND fact_version <> last_modified) AS out_of_step,
       count(*) FILTER (WHERE missing_member) AS facts_with_missing_members,
       count(request_key) - count(DISTINCT request_key) AS sharing_a_key,
       (SELECT count(*) FROM checked c
          JOIN dw.bridge_request_phenomenon b ON b.request_key = c.request_key
          LEFT JOIN dw.dim_phenomenon d ON d.phenomenon_key = b.phenomenon_key
         WHERE c.fact_key IS NULL OR d.phenomenon_key IS NULL)
     + (SELECT count(*) FROM checked c
          JOIN dw.bridge_request_help_question b ON b.request_key = c.request_key
          LEFT JOIN dw.dim_help_question d ON d.help_question_key = b.help_question_key
         WHERE c.fact_key IS NULL OR d.help_question_key IS NULL)
     + (SELECT count(*) FROM checked c
          JOIN dw.bridge_request_support b ON b.request_key = c.request_key
          LEFT JOIN dw.dim_support d ON d.support_key = b.support_key
         WHERE c.fact_key IS NULL OR d.support_key IS NULL) AS bridge_rows_astray
FROM checked;
