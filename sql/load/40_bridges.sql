-- The multi-valued attributes of each winning request, replaced as a whole.
CREATE TEMP TABLE winner_request ON COMMIT DROP AS
SELECT f.request_key, w.phenomenon_codes, w.help_question_codes, w.support_codes
FROM file_winner w
JOIN dw.fact_request f ON f.request_pseudonym = w.request_pseudonym;

DELETE FROM dw.bridge_request_phenomenon b USING winner_request r WHERE b.request_key = r.request_key;
DELETE FROM dw.bridge_request_help_question b USING winner_request r WHERE b.request_key = r.request_key;
DELETE FROM dw.bridge_request_support b USING winner_request r WHERE b.request_key = r.request_key;

-- A blank Verschijningsvormen means "unknown": the request still counts, under UNKNOWN.
INSERT INTO dw.bridge_request_phenomenon (request_key, phenomenon_key)
SELECT r.request_key, coalesce(p.phenomenon_key, 0)
FROM winner_request r
CROSS JOIN LATERAL unnest(CASE WHEN cardinality(r.phenomenon_codes) = 0 THEN ARRAY['UNKNOWN']
                               ELSE r.phenomenon_codes END) AS c(code)
LEFT JOIN dw.dim_phenomenon p ON p.phenomenon_code = c.code;

INSERT INTO dw.bridge_request_help_question (request_key, help_question_key)
SELECT r.request_key, coalesce(h.help_question_key, 0)
FROM winner_request r
CROSS JOIN LATERAL unnest(CASE WHEN cardinality(r.help_question_codes) = 0 THEN ARRAY['UNKNOWN']
                               ELSE r.help_question_codes END) AS c(code)
LEFT JOIN dw.dim_help_question h ON h.help_question_code = c.code;

INSERT INTO dw.bridge_request_support (request_key, support_key)
SELECT r.request_key, s.support_key
FROM winner_request r
CROSS JOIN LATERAL unnest(r.support_codes) AS c(code)
JOIN dw.dim_support s ON s.support_code = c.code;
