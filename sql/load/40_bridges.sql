-- The multi-valued attributes of each winning request, replaced as a whole. A request new to the
-- warehouse has nothing to replace.
DELETE FROM dw.bridge_request_phenomenon b
USING known_winner w
WHERE b.request_key = w.request_key AND w.status_code <> 'WITHDRAWN';

DELETE FROM dw.bridge_request_help_question b
USING known_winner w
WHERE b.request_key = w.request_key AND w.status_code <> 'WITHDRAWN';

DELETE FROM dw.bridge_request_support b
USING known_winner w
WHERE b.request_key = w.request_key AND w.status_code <> 'WITHDRAWN';

-- In key order (file_winner's own order), so both indexes of a bridge are appended to. The keys
-- were resolved while the file was read: a blank Verschijningsvormen or Hulpvragen is the
-- UNKNOWN member already, so the request still counts.
INSERT INTO dw.bridge_request_phenomenon (request_key, phenomenon_key)
SELECT w.request_key, k
FROM file_winner w
CROSS JOIN LATERAL unnest(w.phenomenon_keys) AS k
WHERE w.status_code <> 'WITHDRAWN';

INSERT INTO dw.bridge_request_help_question (request_key, help_question_key)
SELECT w.request_key, k
FROM file_winner w
CROSS JOIN LATERAL unnest(w.help_question_keys) AS k
WHERE w.status_code <> 'WITHDRAWN';

INSERT INTO dw.bridge_request_support (request_key, support_key)
SELECT w.request_key, k
FROM file_winner w
CROSS JOIN LATERAL unnest(w.support_keys) AS k
WHERE w.status_code <> 'WITHDRAWN';
