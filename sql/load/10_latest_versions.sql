-- Which staged rows change the warehouse, each with everything the later statements write:
-- its request key, its dimension keys, and what the warehouse knew of the request before.
-- Staging holds exactly one file (it is truncated before each file), so no file filter is needed.

-- The planner must know whether it joins a thousand staged rows or a million: with statistics
-- of an earlier file it could read the whole version table for a small one.
ANALYZE staging.request_row (request_pseudonym);

-- Within the file: the newest row per request wins; on equal timestamps the later line wins.
-- Across files: a row only wins if it is strictly newer than the version the warehouse holds;
-- an older row delivered late, or the same row delivered again, changes nothing.
-- A request new to the warehouse gets its key here, in order of received date: the facts and
-- bridges of a period then lie close together, and inserts append to their indexes.
-- A status without a member (WITHDRAWN) leaves status_key empty: such requests leave the facts.
-- Codes are resolved to surrogate keys here; an unresolvable code falls back to the unknown
-- member rather than losing the request (the extract step only lets codes of the mapping through).
CREATE TEMP TABLE file_winner ON COMMIT DROP AS
SELECT coalesce(w.known_key, nextval('etl.request_key_seq')) AS request_key, w.*
FROM (
    SELECT s.request_pseudonym, s.file_id, s.line_number, s.last_modified, s.status_code,
           v.request_key AS known_key,
           v.status_code AS known_status,
           coalesce(rd.date_key, 0) AS received_date_key,
           CASE WHEN s.closed_date IS NULL THEN -1 ELSE coalesce(cd.date_key, 0) END AS closed_date_key,
           coalesce(ch.channel_key, 0) AS channel_key,
           coalesce(rq.requester_key, 0) AS requester_key,
           CASE WHEN s.follow_up_code IS NULL AND s.status_code <> 'CLOSED' THEN -1
                ELSE coalesce(fu.follow_up_key, 0) END AS follow_up_key,
           st.status_key,
           s.conversations,
           s.closed_date - s.received_date AS days_to_close,
           s.phenomenon_codes, s.help_question_codes, s.support_codes
    FROM (SELECT DISTINCT ON (request_pseudonym) *
          FROM staging.request_row
          ORDER BY request_pseudonym, last_modified DESC, line_number DESC) s
    LEFT JOIN etl.request_version v ON v.request_pseudonym = s.request_pseudonym
    LEFT JOIN dw.dim_status st ON st.status_code = s.status_code
    LEFT JOIN dw.dim_date rd ON rd.full_date = s.received_date
    LEFT JOIN dw.dim_date cd ON cd.full_date = s.closed_date
    LEFT JOIN dw.dim_channel ch ON ch.channel_code = s.channel_code
    LEFT JOIN dw.dim_requester rq ON rq.requester_type_code = s.requester_type_code
                                 AND rq.work_domain_code = s.work_domain_code
    LEFT JOIN dw.dim_follow_up fu ON fu.follow_up_code = s.follow_up_code
    WHERE v.request_pseudonym IS NULL OR v.last_modified < s.last_modified
    ORDER BY received_date_key, s.request_pseudonym
) w;

-- Statistics again, for the statements below: a file of new requests must not make them look
-- for old facts and bridges in the whole warehouse.
ANALYZE file_winner;
