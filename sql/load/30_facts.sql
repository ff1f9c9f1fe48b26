-- A request whose newest state is Vervallen leaves the facts, bridges first. Only a request the
-- warehouse knew can have a fact: a new key has none.
DELETE FROM dw.bridge_request_phenomenon b
USING known_winner w
WHERE b.request_key = w.request_key AND w.status_code = 'WITHDRAWN';

DELETE FROM dw.bridge_request_help_question b
USING known_winner w
WHERE b.request_key = w.request_key AND w.status_code = 'WITHDRAWN';

DELETE FROM dw.bridge_request_support b
USING known_winner w
WHERE b.request_key = w.request_key AND w.status_code = 'WITHDRAWN';

DELETE FROM dw.fact_request f
USING known_winner w
WHERE f.request_key = w.request_key AND w.status_code = 'WITHDRAWN';

-- A request new to the warehouse: a plain insert, in key order (appends to the primary key). Its
-- key is fresh from the sequence, so a conflict would be a fault, and fails the file; so does a
-- status without a member other than Vervallen (status_key may not be empty).
INSERT INTO dw.fact_request (
    request_key, received_date_key, closed_date_key, channel_key, requester_key,
    follow_up_key, status_key, conversations, days_to_close, last_modified)
SELECT request_key, received_date_key, closed_date_key, channel_key, requester_key,
       follow_up_key, status_key, conversations, days_to_close, last_modified
FROM file_winner
WHERE known_key IS NULL AND status_code <> 'WITHDRAWN'
ORDER BY request_key;

-- A known request gets its new state, or comes back from Vervallen under its old key.
INSERT INTO dw.fact_request AS f (
    request_key, received_date_key, closed_date_key, channel_key, requester_key,
    follow_up_key, status_key, conversations, days_to_close, last_modified)
SELECT request_key, received_date_key, closed_date_key, channel_key, requester_key,
       follow_up_key, status_key, conversations, days_to_close, last_modified
FROM known_winner
WHERE status_code <> 'WITHDRAWN'
ORDER BY request_key
ON CONFLICT (request_key) DO UPDATE
SET received_date_key = EXCLUDED.received_date_key,
    closed_date_key   = EXCLUDED.closed_date_key,
    channel_key       = EXCLUDED.channel_key,
    requester_key     = EXCLUDED.requester_key,
    follow_up_key     = EXCLUDED.follow_up_key,
    status_key        = EXCLUDED.status_key,
    conversations     = EXCLUDED.conversations,
    days_to_close     = EXCLUDED.days_to_close,
    last_modified     = EXCLUDED.last_modified;
