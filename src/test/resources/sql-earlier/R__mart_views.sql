-- Schema mart: the warehouse as BI tools (Metabase, Power BI, Superset) see it. Readable by role
-- warehouse_reader (V10), which holds no right on dw: a view runs with its owner's rights.
--
-- Rules for these views, because dashboards depend on them:
--  * Columns may be added at the end of a view, never renamed, retyped or removed.
--    CREATE OR REPLACE VIEW refuses anything else, which is the point: a breaking change needs
--    a DROP VIEW in a versioned migration and a line in the release notes.
--  * Nothing that leads back to a person or a source row: no request number, no pseudonym, no
--    source file or line, no version timestamp, no exact dates (months are the finest grain).
--    request_id is the warehouse's surrogate key.
--  * Every view and column has a COMMENT (BI tools show it; sql/data-dictionary.md is
--    generated from them; MartCommentsTest fails on a missing one).
--  * Dimensions are LEFT JOINed on their primary key, so PostgreSQL drops the join of every
--    dimension a query does not use.
-- Flyway reapplies this file whenever it changes (after all versioned migrations).

------------------------------------------------------------------------------------------------
-- One row per request
------------------------------------------------------------------------------------------------

CREATE OR REPLACE VIEW mart.request AS
SELECT f.request_key                         AS request_id,
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
       st.label_nl                           AS status_label_nl,
       st.label_en                           AS status_label_en,
       st.status_code = 'CLOSED'             AS is_closed,
       ch.channel_code,
       ch.label_nl                           AS channel_label_nl,
       ch.label_en                           AS channel_label_en,
       ch.report_group                       AS channel_group_code,
       CASE ch.report_group WHEN 'PHONE' THEN 'Telefoon' WHEN 'EMAIL' THEN 'E-mail'
                            WHEN 'CHAT' THEN 'Chat' ELSE 'Anders' END
                                             AS channel_group_label_nl,
       CASE ch.report_group WHEN 'PHONE' THEN 'Phone' WHEN 'EMAIL' THEN 'Email'
                            WHEN 'CHAT' THEN 'Chat' ELSE 'Other' END
                                             AS channel_group_label_en,
       rq.requester_type_code,
       rq.requester_type_nl                  AS requester_type_label_nl,
       rq.requester_type_en                  AS requester_type_label_en,
       rq.work_domain_code,
       rq.work_domain_nl                     AS work_domain_label_nl,
       rq.work_domain_en                     AS work_domain_label_en,
       fu.follow_up_code,
       fu.label_nl                           AS follow_up_label_nl,
       fu.label_en                           AS follow_up_label_en,
       f.conversations,
       f.days_to_close
FROM dw.fact_request f
LEFT JOIN dw.dim_date rd      ON rd.date_key = f.received_date_key
LEFT JOIN dw.dim_date cd      ON cd.date_key = f.closed_date_key
LEFT JOIN dw.dim_status st    ON st.status_key = f.status_key
LEFT JOIN dw.dim_channel ch   ON ch.channel_key = f.channel_key
LEFT JOIN dw.dim_requester rq ON rq.requester_key = f.requester_key
LEFT JOIN dw.dim_follow_up fu ON fu.follow_up_key = f.follow_up_key;

COMMENT ON VIEW mart.request IS
    'One row per help or advice request in its newest known state (withdrawn requests are absent), '
    'with every dimension as code, Dutch label and English label, and the received and closed dates as year, half-year, quarter and month. '
    'Join the request_phenomenon, request_help_question and request_support views on request_id.';
COMMENT ON COLUMN mart.request.request_id IS 'Identifies the request within this warehouse (a surrogate number, not the case number). Join key for the other mart views.';
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
COMMENT ON COLUMN mart.request.channel_label_nl IS 'Medium of first contact, Dutch label (Telefoon, E-mail, Chat, Persoonlijk, Anders).';
COMMENT ON COLUMN mart.request.channel_label_en IS 'Medium of first contact, English label (Phone, Email, Chat, In person, Other).';
COMMENT ON COLUMN mart.request.channel_group_code IS 'Medium as the infographic groups it: PHONE, EMAIL, CHAT or OTHER (in person, other and unknown).';
COMMENT ON COLUMN mart.request.channel_group_label_nl IS 'Medium group, Dutch label (Telefoon, E-mail, Chat, Anders).';
COMMENT ON COLUMN mart.request.channel_group_label_en IS 'Medium group, English label (Phone, Email, Chat, Other).';
COMMENT ON COLUMN mart.request.requester_type_code IS 'Requester type: PROFESSIONAL, CITIZEN or UNKNOWN.';
COMMENT ON COLUMN mart.request.requester_type_label_nl IS 'Requester type, Dutch label (Professional, Burger).';
COMMENT ON COLUMN mart.request.requester_type_label_en IS 'Requester type, English label (Professional, Citizen).';
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
SELECT b.request_key       AS request_id,
       p.phenomenon_code,
       p.label_nl          AS phenomenon_label_nl,
       p.label_en          AS phenomenon_label_en
FROM dw.bridge_request_phenomenon b
LEFT JOIN dw.dim_phenomenon p ON p.phenomenon_key = b.phenomenon_key;

COMMENT ON VIEW mart.request_phenomenon IS
    'One row per request and phenomenon (form of extremism) it touches. Every request has at least one row (UNKNOWN if none was recorded), '
    'so counts per phenomenon add up to more than the number of requests. Join mart.request on request_id.';
COMMENT ON COLUMN mart.request_phenomenon.request_id IS 'The request: mart.request.request_id.';
COMMENT ON COLUMN mart.request_phenomenon.phenomenon_code IS 'Phenomenon: JIHADISM, RIGHT_WING, LEFT_WING, ANTI_INSTITUTIONAL, CONSPIRACY, MIXED, OTHER or UNKNOWN.';
COMMENT ON COLUMN mart.request_phenomenon.phenomenon_label_nl IS 'Phenomenon, Dutch label (Jihadisme, Rechts-extremisme, …).';
COMMENT ON COLUMN mart.request_phenomenon.phenomenon_label_en IS 'Phenomenon, English label (Jihadism, Right-wing extremism, …).';

CREATE OR REPLACE VIEW mart.request_help_question AS
SELECT b.request_key       AS request_id,
       h.help_question_code,
       h.label_nl          AS help_question_label_nl,
       h.label_en          AS help_question_label_en
FROM dw.bridge_request_help_question b
LEFT JOIN dw.dim_help_question h ON h.help_question_key = b.help_question_key;

COMMENT ON VIEW mart.request_help_question IS
    'One row per request and help question asked. Every request has at least one row (UNKNOWN if none was recorded), '
    'so counts per question add up to more than the number of requests. Join mart.request on request_id.';
COMMENT ON COLUMN mart.request_help_question.request_id IS 'The request: mart.request.request_id.';
COMMENT ON COLUMN mart.request_help_question.help_question_code IS 'Help question: IS_CONCERNING, STAY_IN_CONTACT, HELP_OR_REFER, INFORMATION, OTHER or UNKNOWN.';
COMMENT ON COLUMN mart.request_help_question.help_question_label_nl IS 'Help question, Dutch label (Is de situatie zorgelijk?, …).';
COMMENT ON COLUMN mart.request_help_question.help_question_label_en IS 'Help question, English label (Is the situation worrying?, …).';

CREATE OR REPLACE VIEW mart.request_support AS
SELECT b.request_key       AS request_id,
       s.support_code,
       s.label_nl          AS support_label_nl,
       s.label_en          AS support_label_en
FROM dw.bridge_request_support b
LEFT JOIN dw.dim_support s ON s.support_key = b.support_key;

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
       ch.label_nl                           AS channel_label_nl,
       ch.label_en                           AS channel_label_en,
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
WHERE d.date_key = 0
   OR d.date_key BETWEEN (SELECT min(received_date_key) FROM dw.fact_request)
                     AND (SELECT max(received_date_key) FROM dw.fact_request)
GROUP BY d.year, d.month, d.year_month_label, ch.channel_key;

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
       rq.requester_type_nl                  AS requester_type_label_nl,
       rq.requester_type_en                  AS requester_type_label_en,
       rq.work_domain_code,
       rq.work_domain_nl                     AS work_domain_label_nl,
       rq.work_domain_en                     AS work_domain_label_en,
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
WHERE d.date_key = 0
   OR d.date_key BETWEEN (SELECT min(received_date_key) FROM dw.fact_request)
                     AND (SELECT max(received_date_key) FROM dw.fact_request)
GROUP BY d.year, d.month, d.year_month_label, rq.requester_key;

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
-- Published cells of the period reports, as readers of the workbooks saw them. The true count
-- of a suppressed cell stays in report.published_cell, which this role cannot read.
------------------------------------------------------------------------------------------------

CREATE OR REPLACE VIEW mart.published_cell AS
SELECT p.publication_id,
       p.definition_name,
       p.period_label,
       p.period_start,
       p.period_end,
       p.language,
       p.written_at::date AS written_on,
       c.table_id,
       c.category,
       c.status,
       c.published_count,
       c.published_percent,
       CASE c.status WHEN 'published' THEN c.published_count::text
                     WHEN 'primary' THEN '< ' || p.threshold
                     ELSE '[c]' END AS shown_as
FROM report.publication p
JOIN report.published_cell c ON c.publication_id = p.publication_id;

COMMENT ON VIEW mart.published_cell IS 'Every cell of every period report written, as it was published (suppressed cells without their count). One row per publication, table and category.';
COMMENT ON COLUMN mart.published_cell.publication_id IS 'The publication (one written report) the cell belongs to.';
COMMENT ON COLUMN mart.published_cell.definition_name IS 'The report definition (jobs/reports/<name>.yml), e.g. helpline.';
COMMENT ON COLUMN mart.published_cell.period_label IS 'The reporting period as written, e.g. 2024-H1.';
COMMENT ON COLUMN mart.published_cell.period_start IS 'First day of the period (requests received from).';
COMMENT ON COLUMN mart.published_cell.period_end IS 'Last day of the period (requests received until), inclusive.';
COMMENT ON COLUMN mart.published_cell.language IS 'Language of the workbook: nl or en.';
COMMENT ON COLUMN mart.published_cell.written_on IS 'The day the report was written.';
COMMENT ON COLUMN mart.published_cell.table_id IS 'The table of the report, e.g. requester, first_contact.';
COMMENT ON COLUMN mart.published_cell.category IS 'The row of the table: a code of the contract, e.g. PROFESSIONAL, PHONE; TOTAL for the total.';
COMMENT ON COLUMN mart.published_cell.status IS 'published, primary (a small count shown as < threshold) or secondary (hidden as [c] to protect a small count).';
COMMENT ON COLUMN mart.published_cell.published_count IS 'The count as published; empty when suppressed.';
COMMENT ON COLUMN mart.published_cell.published_percent IS 'The percentage of the table''s base as published; empty when suppressed or not shown.';
COMMENT ON COLUMN mart.published_cell.shown_as IS 'What the workbook shows: the count, < 5 or [c].';

-- Last, so that it covers every view above, new ones included.
GRANT USAGE ON SCHEMA mart TO warehouse_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA mart TO warehouse_reader;
