-- The layout of every report table: each category of the code lists (zero or not), its labels
-- and its place, per dimension. Counting is counts.sql; this part only says what the rows are
-- called and in which order they stand, so it can come from elsewhere without touching counts.
SELECT 'total' AS dimension, 'TOTAL' AS code, 'Totaal' AS label_nl, 'Total' AS label_en, 0 AS sort
UNION ALL
SELECT 'requester_type', code, label_nl, label_en, sort
FROM (VALUES ('PROFESSIONAL', 'Professional', 'Professional', 1),
             ('CITIZEN', 'Niet-professional (burger)', 'Not professional (citizen)', 2),
             ('UNKNOWN', 'Onbekend', 'Unknown', 99)) AS v(code, label_nl, label_en, sort)
UNION ALL
SELECT 'first_contact', code, label_nl, label_en, sort
FROM (VALUES ('PHONE', 'Telefoon', 'Phone', 1),
             ('EMAIL', 'E-mail', 'Email', 2),
             ('CHAT', 'Chat', 'Chat', 3),
             ('OTHER', 'Anders (persoonlijk of overig)', 'Other (in person or other)', 4)) AS v(code, label_nl, label_en, sort)
UNION ALL
SELECT 'work_domain', work_domain_code, work_domain_nl, work_domain_en,
       CASE WHEN work_domain_code = 'UNKNOWN' THEN 99 ELSE requester_key END
FROM dw.dim_requester WHERE requester_type_code = 'PROFESSIONAL'
UNION ALL
SELECT 'phenomenon', phenomenon_code, label_nl, label_en, CASE WHEN phenomenon_key = 0 THEN 99 ELSE phenomenon_key END
FROM dw.dim_phenomenon
UNION ALL
SELECT 'help_question', help_question_code, label_nl, label_en, CASE WHEN help_question_key = 0 THEN 99 ELSE help_question_key END
FROM dw.dim_help_question
UNION ALL
SELECT 'follow_up', follow_up_code, label_nl, label_en, CASE WHEN follow_up_key = 0 THEN 99 ELSE follow_up_key END
FROM dw.dim_follow_up WHERE follow_up_key >= 0
UNION ALL
SELECT 'additional_support', support_code, label_nl, label_en, support_key
FROM dw.dim_support
ORDER BY dimension, sort, code;
