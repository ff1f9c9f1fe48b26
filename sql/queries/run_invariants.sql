-- The run's reconciliation, over the requests the run's files touched (etl.run_touched) and
-- nothing else, so its cost follows what changed, not what the warehouse holds: if a touched
-- request's newest version stands, it is in the facts once (the facts' primary key) holding that
-- version; if it is Vervallen, it is not in the facts; no two of them share a key; its fact
-- points at members that exist; and none of its bridge rows is astray (without its fact, or at a
-- member that does not exist). The whole warehouse is warehouse_invariants.sql (`verify`).
-- Shaped for both sizes: a few requests are index lookups; a bulk load's million are merge
-- joins in key order, and members are probed in hashed lists of the (small) dimensions.
WITH touched AS MATERIALIZED (
    SELECT v.request_key, v.status_code, v.last_modified
    FROM etl.request_version v
    WHERE v.request_pseudonym IN (SELECT request_pseudonym FROM etl.run_touched)
    ORDER BY v.request_key
),
checked AS MATERIALIZED (
    SELECT t.request_key, t.status_code, t.last_modified,
           f.request_key AS fact_key,
           f.last_modified AS fact_version,
           f.request_key IS NOT NULL
               AND NOT (f.received_date_key IN (SELECT date_key FROM dw.dim_date)
                        AND f.closed_date_key IN (SELECT date_key FROM dw.dim_date)
                        AND f.channel_key IN (SELECT channel_key FROM dw.dim_channel)
                        AND f.requester_key IN (SELECT requester_key FROM dw.dim_requester)
                        AND f.follow_up_key IN (SELECT follow_up_key FROM dw.dim_follow_up)
                        AND f.status_key IN (SELECT status_key FROM dw.dim_status)) AS missing_member
    FROM touched t
    LEFT JOIN dw.fact_request f ON f.request_key = t.request_key
)
SELECT count(*) AS requests,
       count(*) FILTER (WHERE status_code <> 'WITHDRAWN' AND fact_key IS NULL) AS missing_from_facts,
       count(*) FILTER (WHERE status_code = 'WITHDRAWN' AND fact_key IS NOT NULL) AS withdrawn_in_facts,
       count(*) FILTER (WHERE fact_key IS NOT NULL AND fact_version <> last_modified) AS out_of_step,
       count(*) FILTER (WHERE missing_member) AS facts_with_missing_members,
       count(*) - count(DISTINCT request_key) AS sharing_a_key,
       (SELECT count(*) FROM checked c JOIN dw.bridge_request_phenomenon b ON b.request_key = c.request_key
         WHERE c.fact_key IS NULL OR b.phenomenon_key NOT IN (SELECT phenomenon_key FROM dw.dim_phenomenon))
     + (SELECT count(*) FROM checked c JOIN dw.bridge_request_help_question b ON b.request_key = c.request_key
         WHERE c.fact_key IS NULL OR b.help_question_key NOT IN (SELECT help_question_key FROM dw.dim_help_question))
     + (SELECT count(*) FROM checked c JOIN dw.bridge_request_support b ON b.request_key = c.request_key
         WHERE c.fact_key IS NULL OR b.support_key NOT IN (SELECT support_key FROM dw.dim_support)) AS bridge_rows_astray
FROM checked;
