-- Schema released: what BI tools and dashboards read (role <database>_reader; the analyst tier
-- too). The released cells of releases (report.release*, V30), as readers of the workbooks saw
-- them, and nothing else:
--  * no true count of a suppressed cell (report.release_cell.true_count), not even through a
--    percentage or a base: those are shown only where the workbook showed them;
--  * nothing at request level (report.release_member, report.release_record, dw, mart);
--  * no drafts (report.publication, report.published_cell): they are internal working documents;
--  * no personal data: not who released (report.release.released_by is an OS user name), not
--    the data state (file names of exports).
-- The views run with their owner's rights (the reader holds no right on report or dw) and are
-- security barriers: a condition a reader adds is applied to what the view shows, never pushed
-- below it to rows or columns the view hides.
--
-- Rules, as for mart (R__mart_views.sql): columns are only ever added at the end; every view
-- and column has a COMMENT (sql/data-dictionary.md is generated from them; MartCommentsTest);
-- whatever is created in schema released is readable by the reader tier (R__roles_and_grants.sql
-- grants it by default), so put nothing else here. ReleasedViewsTest plays the reader.
-- Flyway reapplies this file whenever it changes (after all versioned migrations).

------------------------------------------------------------------------------------------------
-- One row per release (a version of a definition and period)
------------------------------------------------------------------------------------------------

CREATE OR REPLACE VIEW released.release WITH (security_barrier) AS
SELECT r.release_id,
       r.definition_name,
       r.period_label,
       r.period_start,
       r.period_end,
       r.version,
       r.version = max(r.version) OVER (PARTITION BY r.definition_name, r.period_start, r.period_end) AS is_current,
       (r.released_at AT TIME ZONE 'Europe/Amsterdam')::date AS released_on,
       r.data_as_of,
       r.threshold,
       (SELECT f.file_name FROM report.release_file f WHERE f.release_id = r.release_id AND f.language = 'nl') AS file_name_nl,
       (SELECT f.file_name FROM report.release_file f WHERE f.release_id = r.release_id AND f.language = 'en') AS file_name_en
FROM report.release r;

COMMENT ON VIEW released.release IS
    'One row per release: a version of a report definition''s period as published outside the organisation. '
    'A period released again (a correction) is a new version; is_current marks the newest. '
    'Join released.cell on release_id for its cells.';
COMMENT ON COLUMN released.release.release_id IS 'Identifies the release (one version of a definition and period). Join key for released.cell.';
COMMENT ON COLUMN released.release.definition_name IS 'The report definition (jobs/reports/<name>.yml), e.g. helpline.';
COMMENT ON COLUMN released.release.period_label IS 'The reporting period as written, e.g. 2024-H1.';
COMMENT ON COLUMN released.release.period_start IS 'First day of the period (requests received from).';
COMMENT ON COLUMN released.release.period_end IS 'Last day of the period (requests received until), inclusive.';
COMMENT ON COLUMN released.release.version IS 'Version of this definition and period: 1 for the first release, 2 for the first correction, and so on.';
COMMENT ON COLUMN released.release.is_current IS 'True for the newest version of its definition and period: filter on it to show each period once.';
COMMENT ON COLUMN released.release.released_on IS 'The day it was released (Europe/Amsterdam), as on the workbook''s cover.';
COMMENT ON COLUMN released.release.data_as_of IS 'The newest change to a request it counts (Europe/Amsterdam local time), as on the workbook''s cover.';
COMMENT ON COLUMN released.release.threshold IS 'Counts below this were published as < threshold (e.g. < 5); shown_as in released.cell says so.';
COMMENT ON COLUMN released.release.file_name_nl IS 'File name of the Dutch workbook; empty if none was released.';
COMMENT ON COLUMN released.release.file_name_en IS 'File name of the English workbook; empty if none was released.';

------------------------------------------------------------------------------------------------
-- One row per released cell
------------------------------------------------------------------------------------------------

CREATE OR REPLACE VIEW released.cell WITH (security_barrier) AS
SELECT r.release_id,
       r.definition_name,
       r.period_label,
       r.period_start,
       r.period_end,
       r.version,
       r.version = max(r.version) OVER (PARTITION BY r.definition_name, r.period_start, r.period_end) AS is_current,
       t.table_id,
       t.table_order,
       t.title_nl                            AS table_title_nl,
       t.title_en                            AS table_title_en,
       t.dimension,
       c.category,
       c.row_order,
       coalesce(c.label_nl, l.label_nl, c.category) AS label_nl,
       coalesce(c.label_en, l.label_en, c.category) AS label_en,
       CASE WHEN c.status = 'published' THEN c.published_count::text
            WHEN c.status = 'primary' THEN '< ' || r.threshold
            ELSE '[c]' END                   AS shown_as,
       CASE WHEN c.status = 'published' THEN c.published_count END AS published_count,
       -- A percentage of a suppressed base would give the base back (count / percentage).
       CASE WHEN c.status = 'published' AND b.status = 'published' THEN c.published_percent END AS published_percent,
       CASE WHEN b.status = 'published' THEN b.published_count END AS base_count,
       CASE WHEN b.status = 'published' THEN b.published_count::text
            WHEN b.status = 'primary' THEN '< ' || r.threshold
            WHEN b.status IS NOT NULL THEN '[c]' END AS base_shown_as,
       -- One status for primary and secondary suppression: a reader learns the kind from the sign
       -- the workbook shows (shown_as) and from nothing more. shown_as follows the workbook's rule
       -- (primary < threshold, secondary [c]); should the workbook ever sign them otherwise, the
       -- release should store what it shows (as cells.csv's shown) and this view show that.
       CASE WHEN c.status = 'published' THEN 'published' ELSE 'suppressed' END AS status,
       c.revised
FROM report.release_cell c
JOIN report.release r ON r.release_id = c.release_id
JOIN report.release_table t ON t.release_id = c.release_id AND t.table_id = c.table_id
-- The table's base as published: base_cell is table.CATEGORY of a cell of the same release.
LEFT JOIN report.release_cell b ON b.release_id = c.release_id
                               AND b.table_id = split_part(t.base_cell, '.', 1)
                               AND b.category = substr(t.base_cell, strpos(t.base_cell, '.') + 1)
LEFT JOIN dw.code_list l ON l.dimension = t.dimension AND l.code = c.category;

COMMENT ON VIEW released.cell IS
    'Every cell of every release, as the workbooks show it: one row per release, table and category. '
    'A suppressed cell has no count, percentage or base here, only its sign (shown_as: < 5 for a small count, '
    '[c] for a cell withheld to protect one). Filter on is_current to show each period once, in its newest version; '
    'order by table_order and row_order to list tables and rows as the workbook does.';
COMMENT ON COLUMN released.cell.release_id IS 'The release the cell belongs to: released.release.release_id.';
COMMENT ON COLUMN released.cell.definition_name IS 'The report definition (jobs/reports/<name>.yml), e.g. helpline.';
COMMENT ON COLUMN released.cell.period_label IS 'The reporting period as written, e.g. 2024-H1.';
COMMENT ON COLUMN released.cell.period_start IS 'First day of the period (requests received from).';
COMMENT ON COLUMN released.cell.period_end IS 'Last day of the period (requests received until), inclusive.';
COMMENT ON COLUMN released.cell.version IS 'Version of the release of this definition and period: 1, then 2 for the first correction, and so on.';
COMMENT ON COLUMN released.cell.is_current IS 'True if the cell belongs to the newest version of its definition and period.';
COMMENT ON COLUMN released.cell.table_id IS 'The table of the report, e.g. requester, first_contact (jobs/reports/<name>.yml).';
COMMENT ON COLUMN released.cell.table_order IS 'Position of the table in the workbook, from 1.';
COMMENT ON COLUMN released.cell.table_title_nl IS 'Title of the table in the Dutch workbook (without the period).';
COMMENT ON COLUMN released.cell.table_title_en IS 'Title of the table in the English workbook (without the period).';
COMMENT ON COLUMN released.cell.dimension IS 'What the table counts: total, requester_type, first_contact, work_domain, phenomenon, help_question, follow_up or additional_support.';
COMMENT ON COLUMN released.cell.category IS 'The row of the table: a code of the code list, e.g. PROFESSIONAL, PHONE; TOTAL for the total.';
COMMENT ON COLUMN released.cell.row_order IS 'Position of the row in its table, as in the workbook.';
COMMENT ON COLUMN released.cell.label_nl IS 'The row''s Dutch label, as the Dutch workbook printed it (a recoded group row names what it combines).';
COMMENT ON COLUMN released.cell.label_en IS 'The row''s English label, as the English workbook printed it (a recoded group row names what it combines).';
COMMENT ON COLUMN released.cell.shown_as IS 'What the workbook shows as the count: the number, < 5 (with the release''s threshold) for a small count, or [c] for a cell withheld to protect a small count.';
COMMENT ON COLUMN released.cell.published_count IS 'The count as published; empty when suppressed. Sum it only over cells that are all published.';
COMMENT ON COLUMN released.cell.published_percent IS 'The percentage of the table''s base as published (0 to 100, one decimal); empty when suppressed, when the base is suppressed, and for the total.';
COMMENT ON COLUMN released.cell.base_count IS 'The base (n) of the table''s percentages, as published; empty when the base is suppressed.';
COMMENT ON COLUMN released.cell.base_shown_as IS 'The base (n) as the workbook shows it: the number, < 5 or [c].';
COMMENT ON COLUMN released.cell.status IS 'published, or suppressed (its count withheld; shown_as says how it was shown).';
COMMENT ON COLUMN released.cell.revised IS 'True if the cell shows something else than in the previous version of the same period (marked [r] in the workbook).';

COMMENT ON SCHEMA released IS
    'What BI tools and dashboards read (role <database>_reader): the released cells of releases, as the workbooks show them '
    '(released.release, released.cell). No drafts, no true count of a suppressed cell, nothing at request level.';

-- Who may read these views: R__roles_and_grants.sql (both tiers of this database).
