-- A request whose newest state is Vervallen leaves the facts, bridges first.
DELETE FROM dw.bridge_request_phenomenon b
USING dw.fact_request f, file_winner w
WHERE b.request_key = f.request_key AND f.request_pseudonym = w.request_pseudonym AND w.status_code = 'WITHDRAWN';

DELETE FROM dw.bridge_request_help_question b
USING dw.fact_request f, file_winner w
WHERE b.request_key = f.request_key AND f.request_pseudonym = w.request_pseudonym AND w.status_code = 'WITHDRAWN';

DELETE FROM dw.bridge_request_support b
USING dw.fact_request f, file_winner w
WHERE b.request_key = f.request_key AND f.request_pseudonym = w.request_pseudonym AND w.status_code = 'WITHDRAWN';

DELETE FROM dw.fact_request f
USING file_winner w
WHERE f.request_pseudonym = w.request_pseudonym
  AND w.status_code = 'WITHDRAWN';

-- Every other winner is inserted or replaces the request's previous state. Codes are resolved
-- to surrogate keys here; an unresolvable code falls back to the unknown member rather than
-- losing the request (the extract step only lets codes of the mapping through).
INSERT INTO dw.fact_request AS f (
    request_pseudonym, received_date_key, closed_date_key, channel_key, requester_key,
    follow_up_key, status_key, conversations, days_to_close, last_modified, source_file_id, source_line)
SELECT w.request_pseudonym,
       coalesce(rd.date_key, 0),
       CASE WHEN w.closed_date IS NULL THEN -1 ELSE coalesce(cd.date_key, 0) END,
       coalesce(ch.channel_key, 0),
       coalesce(rq.requester_key, 0),
       CASE WHEN w.follow_up_code IS NULL AND w.status_code <> 'CLOSED' THEN -1
            ELSE coalesce(fu.follow_up_key, 0) END,
       st.status_key,
       w.conversations,
       w.closed_date - w.received_date,
       w.last_modified,
       w.file_id,
       w.line_number
FROM file_winner w
JOIN dw.dim_status st ON st.status_code = w.status_code
LEFT JOIN dw.dim_date rd ON rd.full_date = w.received_date
LEFT JOIN dw.dim_date cd ON cd.full_date = w.closed_date
LEFT JOIN dw.dim_channel ch ON ch.channel_code = w.channel_code
LEFT JOIN dw.dim_requester rq ON rq.requester_type_code = w.requester_type_code
                             AND rq.work_domain_code = w.work_domain_code
LEFT JOIN dw.dim_follow_up fu ON fu.follow_up_code = w.follow_up_code
WHERE w.status_code <> 'WITHDRAWN'
ON CONFLICT (request_pseudonym) DO UPDATE
SET received_date_key = EXCLUDED.received_date_key,
    closed_date_key   = EXCLUDED.closed_date_key,
    channel_key       = EXCLUDED.channel_key,
    requester_key     = EXCLUDED.requester_key,
    follow_up_key     = EXCLUDED.follow_up_key,
    status_key        = EXCLUDED.status_key,
    conversations     = EXCLUDED.conversations,
    days_to_close     = EXCLUDED.days_to_close,
    last_modified     = EXCLUDED.last_modified,
    source_file_id    = EXCLUDED.source_file_id,
    source_line       = EXCLUDED.source_line;
