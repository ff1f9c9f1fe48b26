-- mart.published_cell showed every report written, drafts included, to the analyst tier (and,
-- before the tiers, to every BI login). Drafts are internal working documents (issue 10): what
-- leaves the organisation is a release, and BI tools read the released cells from schema
-- released (R__released_views.sql: released.release, released.cell). The view goes; nothing
-- replaces it in mart. A versioned migration, because removing a column or view from mart breaks
-- dashboards (R__mart_views.sql's rules).
DROP VIEW IF EXISTS mart.published_cell;
