-- Counts of the population over one dimension, every category of the code list included (zero
-- or not), in the code list's order. :dimension picks the dimension; :where_requester_type and
-- :where_follow_up optionally restrict the population (empty string: no restriction).
-- Multi-valued dimensions count a request once in every category it touches.
WITH population AS (
    SELECT *
    FROM report_population
    WHERE (:where_requester_type = '' OR requester_type_code = :where_requester_type)
      AND (:where_follow_up = '' OR follow_up_code = :where_follow_up)
),
category AS (
    -- Labels and row order: the one code list the mart reads too (V40__code_list.sql).
    SELECT dimension, code, label_nl, label_en, sort_order AS sort
    FROM dw.code_list
    WHERE report_row
),
membership AS (
    SELECT 'total' AS dimension, 'TOTAL' AS code, p.request_key FROM population p
    UNION ALL
    SELECT 'requester_type', p.requester_type_code, p.request_key FROM population p
    UNION ALL
    SELECT 'first_contact', p.first_contact, p.request_key FROM population p
    UNION ALL
    SELECT 'work_domain', p.work_domain_code, p.request_key FROM population p WHERE p.requester_type_code = 'PROFESSIONAL'
    UNION ALL
    SELECT 'follow_up', p.follow_up_code, p.request_key FROM population p
    UNION ALL
    SELECT 'phenomenon', d.phenomenon_code, p.request_key
    FROM population p
    JOIN dw.bridge_request_phenomenon b ON b.request_key = p.request_key
    JOIN dw.dim_phenomenon d ON d.phenomenon_key = b.phenomenon_key
    UNION ALL
    SELECT 'help_question', d.help_question_code, p.request_key
    FROM population p
    JOIN dw.bridge_request_help_question b ON b.request_key = p.request_key
    JOIN dw.dim_help_question d ON d.help_question_key = b.help_question_key
    UNION ALL
    SELECT 'additional_support', d.support_code, p.request_key
    FROM population p
    JOIN dw.bridge_request_support b ON b.request_key = p.request_key
    JOIN dw.dim_support d ON d.support_key = b.support_key
)
SELECT c.code AS category, c.label_nl, c.label_en, count(DISTINCT m.request_key) AS count
FROM category c
LEFT JOIN membership m ON m.dimension = c.dimension AND m.code = c.code
WHERE c.dimension = :dimension
GROUP BY c.code, c.label_nl, c.label_en, c.sort
ORDER BY c.sort, c.code;
