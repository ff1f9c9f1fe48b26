-- Schema mart: the warehouse at request level, for named staff. Readable by this database's
-- analyst role (<database>_analyst, R__roles_and_grants.sql), which holds no right on dw: a view
-- runs with its owner's rights. It is pseudonymised special-category personal data (beliefs,
-- suspicions); BI tools and dashboards read schema released instead (R__released_views.sql).
--
-- Rules for these views, because dashboards depend on them:
--  * Columns may be added at the end of a view, never renamed, retyped or removed.
--    CREATE OR REPLACE VIEW refuses anything else, which is the point: a breaking change needs
--    a DROP VIEW in a versioned migration and a line in the release notes.
--  * Nothing that leads back to a person or a source row: no request number, no pseudonym, no
--    source file or line, no version timestamp, no exact dates (months are the finest grain).
--    request_id is a pseudonymous number derived from the warehouse's surrogate key with a
--    secret (etl.request_id_salt, V32): in no case-number or load order, the same in every view.
--  * Every view and column has a COMMENT (BI tools show it; sql/data-dictionary.md is
--    generated from them; MartCommentsTest fails on a missing one).
--  * Dimensions are LEFT JOINed on their primary key, so PostgreSQL drops the join of every
--    dimension a query does not use.
-- Flyway reapplies this file whenever it changes (after all versioned migrations).

------------------------------------------------------------------------------------------------
-- request_id: the first 52 bits of SHA-256(salt || request_key), the same expression in every
-- view that has the column, so that joins between mart views on request_id still work. The salt
-- is read in a scalar subquery (evaluated once per query, and not at all when request_id is not
-- selected). Computed per row, so a join on request_id is a hash join over computed values: at
-- helpline volumes (hundreds of requests a year) that costs nothing measurable; at 300,000
-- requests such a join takes 3-4 times as long as on request_key (V32 has the figures).
------------------------------------------------------------------------------------------------

------------------------------------------------------------------------------------------------
-- One row per request
------------------------------------------------------------------------------------------------

CREATE OR REPLACE VIEW mart.request AS
SELECT ('x' || left(encode(sha256((SELECT k.salt FROM etl.request_id_salt k) || int8send(f.request_key)), 'hex'), 13))::bit(52)::bigint
                                             AS request_id,
       f.request_count,
       rd.year                               AS received_year,
       rd.half_year                          AS received_half_year,
       rd.year_half_label                    AS received_half_year_label,
       rd.quarter                            AS received_quarter,
       rd.year_quarter_label                 AS received_quarter_label,
       rd.month                              AS received_month,
       rd.year_month_label                   AS received_month_label,
       rd.month_name_nl                      AS received_month_name_nl,
       rd.month_name_en                      AS received_month_name_en,
       make_date(rd.year, rd.month, 1)       AS received_month_start,
       cd.year                               AS closed_year,
       cd.half_year                          AS closed_half_year,
       cd.year_half_label                    AS closed_half_year_label,
       cd.quarter                            AS closed_quarter,
       cd.year_quarter_label                 AS closed_quarter_label,
       cd.month                              AS closed_month,
       cd.year_month_label                   AS closed_month_label,
       cd.month_name_nl                      AS closed_month_name_nl,
       cd.month_name_en                      AS closed_month_name_en,
       make_date(cd.year, cd.month, 1)       AS closed_month_start,
       st.status_code,
       cs.label_nl                           AS status_label_nl,
       cs.label_en                           AS status_label_en,
       st.status_code = 'CLOSED'             AS is_closed,
       ch.channel_code,
       cc.label_nl                           AS channel_label_nl,
       cc.label_en                           AS channel_label_en,
       ch.report_group                       AS channel_group_code,
       cg.label_nl                           AS channel_group_label_nl,
       cg.label_en                           AS channel_group_label_en,
       rq.requester_type_code,
       ct.label_nl                           AS requester_type_label_nl,
       ct.label_en                           AS requester_type_label_en,
       rq.work_domain_code,
       cw.label_nl                           AS work_domain_label_nl,
       cw.label_en                           AS work_domain_label_en,
       fu.follow_up_code,
       cf.label_nl                           AS follow_up_label_nl,
       cf.label_en                           AS follow_up_label_en,
       f.conversations,
       f.days_to_close
FROM dw.fact_request f
LEFT JOIN dw.dim_date rd      ON rd.date_key = f.received_date_key
LEFT JOIN dw.dim_date cd      ON cd.date_key = f.closed_date_key
LEFT JOIN dw.dim_status st    ON st.status_key = f.status_key
LEFT JOIN dw.dim_channel ch   ON ch.channel_key = f.channel_key
LEFT JOIN dw.dim_requester rq ON rq.requester_key = f.requester_key
LEFT JOIN dw.dim_follow_up fu ON fu.follow_up_key = f.follow_up_key
-- Labels from the one code list (V40); on its primary key, so unused ones are not joined either.
LEFT JOIN dw.code_list cs ON cs.dimension = 'status' AND cs.code = st.status_code
LEFT JOIN dw.code_list cc ON cc.dimension = 'channel' AND cc.code = ch.channel_code
LEFT JOIN dw.code_list cg ON cg.dimension = 'first_contact' AND cg.code = ch.report_group
LEFT JOIN dw.code_list ct ON ct.dimension = 'requester_type' AND ct.code = rq.requester_type_code
LEFT JOIN dw.code_list cw ON cw.dimension = 'work_domain' AND cw.code = rq.work_domain_code
LEFT JOIN dw.code_list cf ON cf.dimension = 'follow_up' AND cf.code = fu.follow_up_code;

COMMENT ON VIEW mart.request IS
    'One row per help or advice request in its newest known state (withdrawn requests are absent): REQUEST LEVEL, pseudonymised '
    'special-category personal data (beliefs; possibly suspicions of crimes; GDPR articles 9 and 10), for named staff only '
    '(role <database>_analyst); most requests are unique on a few of these columns. Never copy it outside the organisation; '
    'figures for others come from schema released. '
    'One row per request, '
    'with every dimension as code, Dutch label and English label, and the received and closed dates as year, half-year, quarter and month. '
    'Join the request_phenomenon, request_help_question and request_support views on request_id. '
    'Labels and row order come from mart.code_list, as in the period reports. '
    'The period reports (jobs/reports/helpline.yml) count the requests received in the period (received_* columns) '
    'that are closed (is_closed) and did not come in by chat (channel_group_code <> ''CHAT''); filter on the same three to reproduce their totals.';
COMMENT ON COLUMN mart.request.request_id IS 'Identifies the request within this warehouse: a pseudonymous number, not the case number, in no case-number or load order, '
    'the same for as long as the warehouse exists. Join key for the other mart views (request_phenomenon, request_help_question, request_support).';
COMMENT ON COLUMN mart.request.request_count IS 'Always 1: sum it to count requests.';
COMMENT ON COLUMN mart.request.received_year IS 'Year the request came in.';
COMMENT ON COLUMN mart.request.received_half_year IS 'Half-year the request came in: 1 (January to June) or 2 (July to December).';
COMMENT ON COLUMN mart.request.received_half_year_label IS 'Year and half-year the request came in, e.g. 2024-H1.';
COMMENT ON COLUMN mart.request.received_quarter IS 'Quarter the request came in, 1 to 4.';
COMMENT ON COLUMN mart.request.received_quarter_label IS 'Year and quarter the request came in, e.g. 2024-Q2.';
COMMENT ON COLUMN mart.request.received_month IS 'Month the request came in, 1 to 12.';
COMMENT ON COLUMN mart.request.received_month_label IS 'Year and month the request came in, e.g. 2024-04.';
COMMENT ON COLUMN mart.request.received_month_name_nl IS 'Month the request came in, Dutch name (april).';
COMMENT ON COLUMN mart.request.received_month_name_en IS 'Month the request came in, English name (April).';
COMMENT ON COLUMN mart.request.received_month_start IS 'First day of the month the request came in: a date for time axes (the day itself is not published).';
COMMENT ON COLUMN mart.request.closed_year IS 'Year the request was closed; empty if not closed.';
COMMENT ON COLUMN mart.request.closed_half_year IS 'Half-year the request was closed (1 or 2); empty if not closed.';
COMMENT ON COLUMN mart.request.closed_half_year_label IS 'Year and half-year the request was closed, e.g. 2024-H1; empty if not closed.';
COMMENT ON COLUMN mart.request.closed_quarter IS 'Quarter the request was closed, 1 to 4; empty if not closed.';
COMMENT ON COLUMN mart.request.closed_quarter_label IS 'Year and quarter the request was closed, e.g. 2024-Q2; empty if not closed.';
COMMENT ON COLUMN mart.request.closed_month IS 'Month the request was closed, 1 to 12; empty if not closed.';
COMMENT ON COLUMN mart.request.closed_month_label IS 'Year and month the request was closed, e.g. 2024-04; empty if not closed.';
COMMENT ON COLUMN mart.request.closed_month_name_nl IS 'Month the request was closed, Dutch name; empty if not closed.';
COMMENT ON COLUMN mart.request.closed_month_name_en IS 'Month the request was closed, English name; empty if not closed.';
COMMENT ON COLUMN mart.request.closed_month_start IS 'First day of the month the request was closed; empty if not closed.';
COMMENT ON COLUMN mart.request.status_code IS 'Status: OPEN, IN_PROGRESS or CLOSED.';
COMMENT ON COLUMN mart.request.status_label_nl IS 'Status, Dutch label (Open, In behandeling, Afgesloten).';
COMMENT ON COLUMN mart.request.status_label_en IS 'Status, English label (Open, In progress, Closed).';
COMMENT ON COLUMN mart.request.is_closed IS 'True if the request is closed (status CLOSED). Period reports count closed requests.';
COMMENT ON COLUMN mart.request.channel_code IS 'Medium of first contact: PHONE, EMAIL, CHAT, IN_PERSON, OTHER or UNKNOWN.';
COMMENT ON COLUMN mart.request.channel_label_nl IS 'Medium of first contact, Dutch label (Telefoon, E-mail, Chat, Persoonlijk, Anders, Onbekend).';
COMMENT ON COLUMN mart.request.channel_label_en IS 'Medium of first contact, English label (Phone, Email, Chat, In person, Other, Unknown).';
COMMENT ON COLUMN mart.request.channel_group_code IS 'Medium as the infographic groups it: PHONE, EMAIL, CHAT or OTHER (in person, other and unknown).';
COMMENT ON COLUMN mart.request.channel_group_label_nl IS 'Medium group, Dutch label, as in the period reports (Telefoon, E-mail, Chat, Anders (persoonlijk, overig of onbekend)).';
COMMENT ON COLUMN mart.request.channel_group_label_en IS 'Medium group, English label, as in the period reports (Phone, Email, Chat, Other (in person, other or unknown)).';
COMMENT ON COLUMN mart.request.requester_type_code IS 'Requester type: PROFESSIONAL, CITIZEN or UNKNOWN.';
COMMENT ON COLUMN mart.request.requester_type_label_nl IS 'Requester type, Dutch label, as in the period reports (Professional, Niet-professional (burger)).';
COMMENT ON COLUMN mart.request.requester_type_label_en IS 'Requester type, English label, as in the period reports (Professional, Not professional (citizen)).';
COMMENT ON COLUMN mart.request.work_domain_code IS 'Work domain of a professional: SECURITY, EDUCATION, CARE, SOCIAL, MUNICIPALITY, YOUTH, OTHER or UNKNOWN; NOT_APPLICABLE for citizens.';
COMMENT ON COLUMN mart.request.work_domain_label_nl IS 'Work domain, Dutch label (Veiligheidsdomein, Onderwijs, Zorg, …).';
COMMENT ON COLUMN mart.request.work_domain_label_en IS 'Work domain, English label (Security, Education, Care, …).';
COMMENT ON COLUMN mart.request.follow_up_code IS 'Follow-up: CONSULTATION, ADDITIONAL (additional support) or UNKNOWN; NOT_APPLICABLE if not closed.';
COMMENT ON COLUMN mart.request.follow_up_label_nl IS 'Follow-up, Dutch label (Consultatie, Aanvullende ondersteuning).';
COMMENT ON COLUMN mart.request.follow_up_label_en IS 'Follow-up, English label (Consultation, Additional support).';
COMMENT ON COLUMN mart.request.conversations IS 'Conversations held; empty if not recorded.';
COMMENT ON COLUMN mart.request.days_to_close IS 'Days from received to closed; empty if not closed.';

------------------------------------------------------------------------------------------------
-- One row per request and value of a multi-valued attribute
------------------------------------------------------------------------------------------------

CREATE OR REPLACE VIEW mart.request_phenomenon AS
SELECT ('x' || left(encode(sha256((SELECT k.salt FROM etl.request_id_salt k) || int8send(b.request_key)), 'hex'), 13))::bit(52)::bigint
                           AS request_id,
       p.phenomenon_code,
       c.label_nl          AS phenomenon_label_nl,
       c.label_en          AS phenomenon_label_en
FROM dw.bridge_request_phenomenon b
LEFT JOIN dw.dim_phenomenon p ON p.phenomenon_key = b.phenomenon_key
LEFT JOIN dw.code_list c ON c.dimension = 'phenomenon' AND c.code = p.phenomenon_code;

COMMENT ON VIEW mart.request_phenomenon IS
    'One row per request and phenomenon (form of extremism) it touches. Every request has at least one row (UNKNOWN if none was recorded), '
    'so counts per phenomenon add up to more than the number of requests. Join mart.request on request_id.';
COMMENT ON COLUMN mart.request_phenomenon.request_id IS 'The request: mart.request.request_id.';
COMMENT ON COLUMN mart.request_phenomenon.phenomenon_code IS 'Phenomenon: JIHADISM, RIGHT_WING, LEFT_WING, ANTI_INSTITUTIONAL, CONSPIRACY, MIXED, OTHER or UNKNOWN.';
COMMENT ON COLUMN mart.request_phenomenon.phenomenon_label_nl IS 'Phenomenon, Dutch label (Jihadisme, Rechts-extremisme, …).';
COMMENT ON COLUMN mart.request_phenomenon.phenomenon_label_en IS 'Phenomenon, English label (Jihadism, Right-wing extremism, …).';

CREATE OR REPLACE VIEW mart.request_help_question AS
SELECT ('x' || left(encode(sha256((SELECT k.salt FROM etl.request_id_salt k) || int8send(b.request_key)), 'hex'), 13))::bit(52)::bigint
                           AS request_id,
       h.help_question_code,
       c.label_nl          AS help_question_label_nl,
       c.label_en          AS help_question_label_en
FROM dw.bridge_request_help_question b
LEFT JOIN dw.dim_help_question h ON h.help_question_key = b.help_question_key
LEFT JOIN dw.code_list c ON c.dimension = 'help_question' AND c.code = h.help_question_code;

COMMENT ON VIEW mart.request_help_question IS
    'One row per request and help question asked. Every request has at least one row (UNKNOWN if none was recorded), '
    'so counts per question add up to more than the number of requests. Join mart.request on request_id.';
COMMENT ON COLUMN mart.request_help_question.request_id IS 'The request: mart.request.request_id.';
COMMENT ON COLUMN mart.request_help_question.help_question_code IS 'Help question: IS_CONCERNING, STAY_IN_CONTACT, HELP_OR_REFER, INFORMATION, OTHER or UNKNOWN.';
COMMENT ON COLUMN mart.request_help_question.help_question_label_nl IS 'Help question, Dutch label (Is de situatie zorgelijk?, …).';
COMMENT ON COLUMN mart.request_help_question.help_question_label_en IS 'Help question, English label (Is the situation worrying?, …).';

CREATE OR REPLACE VIEW mart.request_support AS
SELECT ('x' || left(encode(sha256((SELECT k.salt FROM etl.request_id_salt k) || int8send(b.request_key)), 'hex'), 13))::bit(52)::bigint
                           AS request_id,
       s.support_code,
       c.label_nl          AS support_label_nl,
       c.label_en          AS support_label_en
FROM dw.bridge_request_support b
LEFT JOIN dw.dim_support s ON s.support_key = b.support_key
LEFT JOIN dw.code_list c ON c.dimension = 'additional_support' AND c.code = s.support_code;

COMMENT ON VIEW mart.request_support IS
    'One row per request and type of additional support it received. Only requests with follow-up ADDITIONAL have rows; '
    'one may have several. Join mart.request on request_id.';
COMMENT ON COLUMN mart.request_support.request_id IS 'The request: mart.request.request_id.';
COMMENT ON COLUMN mart.request_support.support_code IS 'Additional support: FORSA, FAMILY, LIV or MENTAL_HEALTH.';
COMMENT ON COLUMN mart.request_support.support_label_nl IS 'Additional support, Dutch label (Individuele begeleiding (Forsa), Familieondersteuning, …).';
COMMENT ON COLUMN mart.request_support.support_label_en IS 'Additional support, English label (Individual guidance (Forsa), Family support, …).';

------------------------------------------------------------------------------------------------
-- Monthly counts. Requests are counted in the month they came in; a month without requests of
-- a channel (or requester) has no row. Shaped as "each calendar day, then that day's facts":
-- a filter on the period (received_year = 2024) narrows the days before any fact is read, only
-- days between the first and the last received date are visited, and each day's facts come from
-- an index-only scan of fact_request_received_bi_idx (V11). Counting per day in a subquery first
-- reads every fact whatever the filter; one GROUP BY over the joined facts is slower over all
-- years. V11 has the figures.
------------------------------------------------------------------------------------------------

CREATE OR REPLACE VIEW mart.monthly_requests_by_channel AS
SELECT d.year                                AS received_year,
       d.month                               AS received_month,
       d.year_month_label                    AS received_month_label,
       make_date(d.year, d.month, 1)         AS received_month_start,
       ch.channel_code,
       cc.label_nl                           AS channel_label_nl,
       cc.label_en                           AS channel_label_en,
       ch.report_group                       AS channel_group_code,
       sum(n.requests)::bigint               AS requests,
       sum(n.closed_requests)::bigint        AS closed_requests
FROM dw.dim_date d
CROSS JOIN LATERAL (SELECT f.channel_key,
                           count(*)                                          AS requests,
                           count(*) FILTER (WHERE st.status_code = 'CLOSED') AS closed_requests
                    FROM dw.fact_request f
                    JOIN dw.dim_status st ON st.status_key = f.status_key
                    WHERE f.received_date_key = d.date_key
                    GROUP BY f.channel_key) n
JOIN dw.dim_channel ch ON ch.channel_key = n.channel_key
LEFT JOIN dw.code_list cc ON cc.dimension = 'channel' AND cc.code = ch.channel_code
WHERE d.date_key = 0
   OR d.date_key BETWEEN (SELECT min(received_date_key) FROM dw.fact_request)
                     AND (SELECT max(received_date_key) FROM dw.fact_request)
GROUP BY d.year, d.month, d.year_month_label, ch.channel_key, cc.dimension, cc.code;

COMMENT ON VIEW mart.monthly_requests_by_channel IS
    'Requests per month they came in and medium of first contact. A month without requests of a medium has no row; '
    'requests with an unknown received date form one row with an empty month.';
COMMENT ON COLUMN mart.monthly_requests_by_channel.received_year IS 'Year the requests came in.';
COMMENT ON COLUMN mart.monthly_requests_by_channel.received_month IS 'Month the requests came in, 1 to 12.';
COMMENT ON COLUMN mart.monthly_requests_by_channel.received_month_label IS 'Year and month the requests came in, e.g. 2024-04.';
COMMENT ON COLUMN mart.monthly_requests_by_channel.received_month_start IS 'First day of that month: a date for time axes.';
COMMENT ON COLUMN mart.monthly_requests_by_channel.channel_code IS 'Medium of first contact: PHONE, EMAIL, CHAT, IN_PERSON, OTHER or UNKNOWN.';
COMMENT ON COLUMN mart.monthly_requests_by_channel.channel_label_nl IS 'Medium of first contact, Dutch label.';
COMMENT ON COLUMN mart.monthly_requests_by_channel.channel_label_en IS 'Medium of first contact, English label.';
COMMENT ON COLUMN mart.monthly_requests_by_channel.channel_group_code IS 'Medium as the infographic groups it: PHONE, EMAIL, CHAT or OTHER.';
COMMENT ON COLUMN mart.monthly_requests_by_channel.requests IS 'Number of requests (any status) that came in that month through that medium.';
COMMENT ON COLUMN mart.monthly_requests_by_channel.closed_requests IS 'Of those, the number now closed.';

CREATE OR REPLACE VIEW mart.monthly_requests_by_requester AS
SELECT d.year                                AS received_year,
       d.month                               AS received_month,
       d.year_month_label                    AS received_month_label,
       make_date(d.year, d.month, 1)         AS received_month_start,
       rq.requester_type_code,
       ct.label_nl                           AS requester_type_label_nl,
       ct.label_en                           AS requester_type_label_en,
       rq.work_domain_code,
       cw.label_nl                           AS work_domain_label_nl,
       cw.label_en                           AS work_domain_label_en,
       sum(n.requests)::bigint               AS requests,
       sum(n.closed_requests)::bigint        AS closed_requests
FROM dw.dim_date d
CROSS JOIN LATERAL (SELECT f.requester_key,
                           count(*)                                          AS requests,
                           count(*) FILTER (WHERE st.status_code = 'CLOSED') AS closed_requests
                    FROM dw.fact_request f
                    JOIN dw.dim_status st ON st.status_key = f.status_key
                    WHERE f.received_date_key = d.date_key
                    GROUP BY f.requester_key) n
JOIN dw.dim_requester rq ON rq.requester_key = n.requester_key
LEFT JOIN dw.code_list ct ON ct.dimension = 'requester_type' AND ct.code = rq.requester_type_code
LEFT JOIN dw.code_list cw ON cw.dimension = 'work_domain' AND cw.code = rq.work_domain_code
WHERE d.date_key = 0
   OR d.date_key BETWEEN (SELECT min(received_date_key) FROM dw.fact_request)
                     AND (SELECT max(received_date_key) FROM dw.fact_request)
GROUP BY d.year, d.month, d.year_month_label, rq.requester_key, ct.dimension, ct.code, cw.dimension, cw.code;

COMMENT ON VIEW mart.monthly_requests_by_requester IS
    'Requests per month they came in, requester type and work domain. A month without requests of a requester has no row; '
    'requests with an unknown received date form one row with an empty month.';
COMMENT ON COLUMN mart.monthly_requests_by_requester.received_year IS 'Year the requests came in.';
COMMENT ON COLUMN mart.monthly_requests_by_requester.received_month IS 'Month the requests came in, 1 to 12.';
COMMENT ON COLUMN mart.monthly_requests_by_requester.received_month_label IS 'Year and month the requests came in, e.g. 2024-04.';
COMMENT ON COLUMN mart.monthly_requests_by_requester.received_month_start IS 'First day of that month: a date for time axes.';
COMMENT ON COLUMN mart.monthly_requests_by_requester.requester_type_code IS 'Requester type: PROFESSIONAL, CITIZEN or UNKNOWN.';
COMMENT ON COLUMN mart.monthly_requests_by_requester.requester_type_label_nl IS 'Requester type, Dutch label.';
COMMENT ON COLUMN mart.monthly_requests_by_requester.requester_type_label_en IS 'Requester type, English label.';
COMMENT ON COLUMN mart.monthly_requests_by_requester.work_domain_code IS 'Work domain of a professional (SECURITY, EDUCATION, …, UNKNOWN); NOT_APPLICABLE for citizens.';
COMMENT ON COLUMN mart.monthly_requests_by_requester.work_domain_label_nl IS 'Work domain, Dutch label.';
COMMENT ON COLUMN mart.monthly_requests_by_requester.work_domain_label_en IS 'Work domain, English label.';
COMMENT ON COLUMN mart.monthly_requests_by_requester.requests IS 'Number of requests (any status) that came in that month from that requester type and work domain.';
COMMENT ON COLUMN mart.monthly_requests_by_requester.closed_requests IS 'Of those, the number now closed.';

------------------------------------------------------------------------------------------------
-- The code list: every category of every dimension with its labels, description and order, the
-- one source of the period reports' labels and row order. LEFT JOIN from it to keep categories
-- without requests (a 0 in a report) in a dashboard.
------------------------------------------------------------------------------------------------

CREATE OR REPLACE VIEW mart.code_list AS
SELECT dimension,
       code,
       sort_order,
       label_nl,
       label_en,
       description_nl,
       description_en,
       report_row
FROM dw.code_list;

COMMENT ON VIEW mart.code_list IS
    'Every category of every dimension: code, Dutch and English label, description and position, as the period reports show them. '
    'The reports list a table''s categories in sort_order, every report_row category included even when its count is 0 '
    '(UNKNOWN only when it occurs). Their population: requests received in the period, closed, not by chat '
    '(mart.request: is_closed and channel_group_code <> ''CHAT''). Dimension first_contact is the medium as the reports group it '
    '(mart.request.channel_group_code); channel is the medium as registered (channel_code).';
COMMENT ON COLUMN mart.code_list.dimension IS
    'The dimension: total, requester_type, work_domain, first_contact, channel, phenomenon, help_question, follow_up, additional_support or status.';
COMMENT ON COLUMN mart.code_list.code IS 'The category''s code, as in the other mart views (e.g. PROFESSIONAL, PHONE).';
COMMENT ON COLUMN mart.code_list.sort_order IS 'Position of the category in a table of its dimension (the period reports'' row order); unknown and not applicable last.';
COMMENT ON COLUMN mart.code_list.label_nl IS 'Dutch label, as the Dutch workbooks and the infographic print it.';
COMMENT ON COLUMN mart.code_list.label_en IS 'English label, as the English workbooks print it.';
COMMENT ON COLUMN mart.code_list.description_nl IS 'What the category means, in Dutch.';
COMMENT ON COLUMN mart.code_list.description_en IS 'What the category means, in English.';
COMMENT ON COLUMN mart.code_list.report_row IS 'True if the category is a row of the period reports'' tables; false for not-applicable members and for dimensions the reports do not tabulate (channel, status).';

COMMENT ON SCHEMA mart IS
    'The warehouse at request level for named staff: views with readable names and Dutch and English labels, readable by '
    'this database''s analyst role (<database>_analyst unless configured). Pseudonymised special-category personal data '
    '(beliefs; possibly suspicions of crimes). No request number, pseudonym or lineage: request_id is a pseudonymous number '
    'in no case-number or load order. BI tools read schema released instead.';

-- Who may read these views: R__roles_and_grants.sql (the analyst tier of this database).
