-- The multi-valued attributes of each winning request, replaced as a whole. A request new to the
-- warehouse has nothing to replace.
DELETE FROM dw.bridge_request_phenomenon b
USING file_winner w
WHERE b.request_key = w.request_key AND w.known_key IS NOT NULL AND w.status_code <> 'WITHDRAWN';

DELETE FROM dw.bridge_request_help_question b
USING file_winner w
WHERE b.request_key = w.request_key AND w.known_key IS NOT NULL AND w.status_code <> 'WITHDRAWN';

DELETE FROM dw.bridge_request_support b
USING file_winner w
WHERE b.request_key = w.request_key AND w.known_key IS NOT NULL AND w.status_code <> 'WITHDRAWN';

-- In key order (file_winner's own order), so both indexes of a bridge are appended to.
-- A blank Verschijningsvormen means "unknown": the request still counts, under UNKNOWN.
INSERT INTO dw.bridge_request_phenomenon (request_key, phenomenon_key)
SELECT w.request_key, coalesce(p.phenomenon_key, 0)
FROM file_winner w
CROSS JOIN LATERAL unnest(CASE WHEN cardinality(w.phenomenon_codes) = 0 THEN ARRAY['UNKNOWN']
                               ELSE w.phenomenon_codes END) AS c(code)
LEFT JOIN dw.dim_phenomenon p ON p.phenomenon_code = c.code
WHERE w.status_code <> 'WITHDRAWN';

INSERT INTO dw.bridge_request_help_question (request_key, help_question_key)
SELECT w.request_key, coalesce(h.help_question_key, 0)
FROM file_winner w
CROSS JOIN LATERAL unnest(CASE WHEN cardinality(w.help_question_codes) = 0 THEN ARRAY['UNKNOWN']
                               ELSE w.help_question_codes END) AS c(code)
LEFT JOIN dw.dim_help_question h ON h.help_question_code = c.code
WHERE w.status_code <> 'WITHDRAWN';

INSERT INTO dw.bridge_request_support (request_key, support_key)
SELECT w.request_key, s.support_key
FROM file_winner w
CROSS JOIN LATERAL unnest(w.support_codes) AS c(code)
JOIN dw.dim_support s ON s.support_code = c.code
WHERE w.status_code <> 'WITHDRAWN';
