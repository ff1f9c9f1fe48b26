-- Two things BI tools need from the star schema (shared/design/architecture.md: dw → mart):
--   1. descriptions: COMMENT ON every table and column of dw. Metabase, Power BI and Superset
--      show them beside the names, and sql/data-dictionary.md is generated from them.
--   2. the role warehouse_reader (NOLOGIN): it may read the views of schema mart and nothing
--      else, and write nothing. Operators give a login user access with two lines:
--          CREATE ROLE metabase LOGIN PASSWORD '…';
--          GRANT warehouse_reader TO metabase;
--      The mart views run with their owner's rights, so they read dw for the reader, who holds
--      no right on dw itself.

------------------------------------------------------------------------------------------------
-- 1. Descriptions of dw
------------------------------------------------------------------------------------------------

COMMENT ON SCHEMA dw IS
    'The star schema: one fact row per request in its current state, its dimensions and bridges. '
    'Loaded only by the warehouse''s load job. BI tools read schema mart, not this one.';

COMMENT ON TABLE dw.dim_date IS
    'Calendar dimension (2000-01-01 to 2059-12-31), role-played as received date and closed date. '
    'Key 0 is an unknown date, key -1 is not applicable (a request that is not closed); both have no calendar attributes.';
COMMENT ON COLUMN dw.dim_date.date_key IS 'Surrogate key: the date as a number yyyymmdd; 0 = unknown, -1 = not applicable.';
COMMENT ON COLUMN dw.dim_date.full_date IS 'The calendar date; empty for keys 0 and -1.';
COMMENT ON COLUMN dw.dim_date.year IS 'Calendar year, e.g. 2024.';
COMMENT ON COLUMN dw.dim_date.half_year IS 'Half of the calendar year: 1 (January to June) or 2 (July to December).';
COMMENT ON COLUMN dw.dim_date.quarter IS 'Calendar quarter, 1 to 4.';
COMMENT ON COLUMN dw.dim_date.month IS 'Month number, 1 to 12.';
COMMENT ON COLUMN dw.dim_date.month_name_nl IS 'Month name in Dutch, e.g. april.';
COMMENT ON COLUMN dw.dim_date.month_name_en IS 'Month name in English, e.g. April.';
COMMENT ON COLUMN dw.dim_date.iso_week IS 'ISO 8601 week number, 1 to 53. Around New Year it belongs to the ISO year, which can differ from column year.';
COMMENT ON COLUMN dw.dim_date.day_of_week IS 'ISO day of the week: 1 = Monday … 7 = Sunday.';
COMMENT ON COLUMN dw.dim_date.year_half_label IS 'Year and half-year as text, e.g. 2024-H1; sorts chronologically.';
COMMENT ON COLUMN dw.dim_date.year_quarter_label IS 'Year and quarter as text, e.g. 2024-Q2; sorts chronologically.';
COMMENT ON COLUMN dw.dim_date.year_month_label IS 'Year and month as text, e.g. 2024-04; sorts chronologically.';

COMMENT ON TABLE dw.dim_channel IS
    'Medium of first contact (export column Eerste contact), with the groups the infographic reports.';
COMMENT ON COLUMN dw.dim_channel.channel_key IS 'Surrogate key; 0 = unknown.';
COMMENT ON COLUMN dw.dim_channel.channel_code IS 'Code: UNKNOWN, PHONE, EMAIL, CHAT, IN_PERSON or OTHER.';
COMMENT ON COLUMN dw.dim_channel.label_nl IS 'Dutch label, as in the case system (Telefoon, E-mail, Chat, Persoonlijk, Anders).';
COMMENT ON COLUMN dw.dim_channel.label_en IS 'English label.';
COMMENT ON COLUMN dw.dim_channel.report_group IS 'Group the infographic reports: PHONE, EMAIL, CHAT or OTHER (in person, other and unknown).';

COMMENT ON TABLE dw.dim_requester IS
    'Who asked: the requester type (export column Type aanvrager) and, for professionals, the work domain (Werkterrein).';
COMMENT ON COLUMN dw.dim_requester.requester_key IS 'Surrogate key: 0 = unknown, 1 = citizen, 10 to 17 = professional by work domain (10: work domain unknown).';
COMMENT ON COLUMN dw.dim_requester.requester_type_code IS 'Code: PROFESSIONAL, CITIZEN or UNKNOWN.';
COMMENT ON COLUMN dw.dim_requester.requester_type_nl IS 'Requester type, Dutch label (Professional, Burger).';
COMMENT ON COLUMN dw.dim_requester.requester_type_en IS 'Requester type, English label (Professional, Citizen).';
COMMENT ON COLUMN dw.dim_requester.work_domain_code IS 'Professional''s work domain: SECURITY, EDUCATION, CARE, SOCIAL, MUNICIPALITY, YOUTH, OTHER or UNKNOWN; NOT_APPLICABLE for citizens.';
COMMENT ON COLUMN dw.dim_requester.work_domain_nl IS 'Work domain, Dutch label.';
COMMENT ON COLUMN dw.dim_requester.work_domain_en IS 'Work domain, English label.';

COMMENT ON TABLE dw.dim_follow_up IS
    'Follow-up of a closed request (export column Opvolging): consultation (advice in one to three conversations) or additional support.';
COMMENT ON COLUMN dw.dim_follow_up.follow_up_key IS 'Surrogate key; -1 = not applicable (request not closed), 0 = unknown.';
COMMENT ON COLUMN dw.dim_follow_up.follow_up_code IS 'Code: CONSULTATION, ADDITIONAL, UNKNOWN or NOT_APPLICABLE.';
COMMENT ON COLUMN dw.dim_follow_up.label_nl IS 'Dutch label.';
COMMENT ON COLUMN dw.dim_follow_up.label_en IS 'English label.';

COMMENT ON TABLE dw.dim_status IS
    'Status of a request (export column Status). Withdrawn requests (Vervallen) leave the facts, so they have no member.';
COMMENT ON COLUMN dw.dim_status.status_key IS 'Surrogate key.';
COMMENT ON COLUMN dw.dim_status.status_code IS 'Code: OPEN, IN_PROGRESS or CLOSED.';
COMMENT ON COLUMN dw.dim_status.label_nl IS 'Dutch label (Open, In behandeling, Afgesloten).';
COMMENT ON COLUMN dw.dim_status.label_en IS 'English label.';

COMMENT ON TABLE dw.dim_phenomenon IS
    'Form of extremism a request touches (export column Verschijningsvormen); a request has one or more, through dw.bridge_request_phenomenon.';
COMMENT ON COLUMN dw.dim_phenomenon.phenomenon_key IS 'Surrogate key; 0 = unknown (the export left the column blank).';
COMMENT ON COLUMN dw.dim_phenomenon.phenomenon_code IS 'Code: JIHADISM, RIGHT_WING, LEFT_WING, ANTI_INSTITUTIONAL, CONSPIRACY, MIXED, OTHER or UNKNOWN.';
COMMENT ON COLUMN dw.dim_phenomenon.label_nl IS 'Dutch label.';
COMMENT ON COLUMN dw.dim_phenomenon.label_en IS 'English label.';

COMMENT ON TABLE dw.dim_help_question IS
    'Question the requester asked (export column Hulpvragen); a request has one or more, through dw.bridge_request_help_question.';
COMMENT ON COLUMN dw.dim_help_question.help_question_key IS 'Surrogate key; 0 = unknown (the export left the column blank).';
COMMENT ON COLUMN dw.dim_help_question.help_question_code IS 'Code: IS_CONCERNING, STAY_IN_CONTACT, HELP_OR_REFER, INFORMATION, OTHER or UNKNOWN.';
COMMENT ON COLUMN dw.dim_help_question.label_nl IS 'Dutch label.';
COMMENT ON COLUMN dw.dim_help_question.label_en IS 'English label.';

COMMENT ON TABLE dw.dim_support IS
    'Type of additional support (export column Aanvullende ondersteuning); a request with follow-up ADDITIONAL has one or more, through dw.bridge_request_support.';
COMMENT ON COLUMN dw.dim_support.support_key IS 'Surrogate key.';
COMMENT ON COLUMN dw.dim_support.support_code IS 'Code: FORSA, FAMILY, LIV or MENTAL_HEALTH.';
COMMENT ON COLUMN dw.dim_support.label_nl IS 'Dutch label.';
COMMENT ON COLUMN dw.dim_support.label_en IS 'English label.';

COMMENT ON TABLE dw.fact_request IS
    'One row per help or advice request in its newest known state. Withdrawn requests (Vervallen) are absent. '
    'Every dimension key is filled: unknown or not-applicable members stand in for missing values.';
COMMENT ON COLUMN dw.fact_request.request_key IS 'Surrogate key of the request, assigned when the warehouse first saw it. Exposed in mart as request_id.';
COMMENT ON COLUMN dw.fact_request.request_pseudonym IS 'HMAC-SHA256 of the request number (Verzoeknummer) under the pseudonym key: the natural key. Never exposed in mart.';
COMMENT ON COLUMN dw.fact_request.received_date_key IS 'Day the request came in (Datum binnenkomst): dw.dim_date in the received role; 0 if the date is outside the calendar.';
COMMENT ON COLUMN dw.fact_request.closed_date_key IS 'Day the request was closed (Datum afgesloten): dw.dim_date in the closed role; -1 if not closed.';
COMMENT ON COLUMN dw.fact_request.channel_key IS 'Medium of first contact: dw.dim_channel.';
COMMENT ON COLUMN dw.fact_request.requester_key IS 'Requester type and work domain: dw.dim_requester.';
COMMENT ON COLUMN dw.fact_request.follow_up_key IS 'Follow-up: dw.dim_follow_up; -1 if the request is not closed.';
COMMENT ON COLUMN dw.fact_request.status_key IS 'Status: dw.dim_status.';
COMMENT ON COLUMN dw.fact_request.conversations IS 'Conversations held (Aantal gesprekken); empty if the export left it blank.';
COMMENT ON COLUMN dw.fact_request.days_to_close IS 'Days from received to closed; empty if not closed.';
COMMENT ON COLUMN dw.fact_request.last_modified IS 'Version of the source row (Laatst gewijzigd): the newest version wins. Lineage; never exposed in mart.';
COMMENT ON COLUMN dw.fact_request.source_file_id IS 'Lineage: the file (etl.source_file) the current version came from. Never exposed in mart.';
COMMENT ON COLUMN dw.fact_request.source_line IS 'Lineage: line (CSV) or row (XLSX) of the current version in that file. Never exposed in mart.';
COMMENT ON COLUMN dw.fact_request.request_count IS 'Always 1: an additive measure, so that BI tools can sum requests.';

COMMENT ON TABLE dw.bridge_request_phenomenon IS
    'Which phenomena each request touches: one row per request and phenomenon; a request with none recorded has the unknown member.';
COMMENT ON COLUMN dw.bridge_request_phenomenon.request_key IS 'The request: dw.fact_request.';
COMMENT ON COLUMN dw.bridge_request_phenomenon.phenomenon_key IS 'The phenomenon: dw.dim_phenomenon.';

COMMENT ON TABLE dw.bridge_request_help_question IS
    'Which questions each request asked: one row per request and help question; a request with none recorded has the unknown member.';
COMMENT ON COLUMN dw.bridge_request_help_question.request_key IS 'The request: dw.fact_request.';
COMMENT ON COLUMN dw.bridge_request_help_question.help_question_key IS 'The help question: dw.dim_help_question.';

COMMENT ON TABLE dw.bridge_request_support IS
    'Which additional support each request received: one row per request and support type; requests without additional support have no row.';
COMMENT ON COLUMN dw.bridge_request_support.request_key IS 'The request: dw.fact_request.';
COMMENT ON COLUMN dw.bridge_request_support.support_key IS 'The support type: dw.dim_support.';

COMMENT ON SCHEMA mart IS
    'The warehouse as BI tools see it: views with readable names and Dutch and English labels, readable by role warehouse_reader. '
    'No request number, pseudonym or lineage: request_id is a surrogate.';

------------------------------------------------------------------------------------------------
-- 2. The role warehouse_reader
------------------------------------------------------------------------------------------------

-- Roles belong to the cluster, not the database: another warehouse (or a test database) in the
-- same cluster may have created it already, possibly at the same moment. A migrating user
-- without CREATEROLE can have an administrator create it beforehand.
DO $$
DECLARE
    r pg_catalog.pg_roles%ROWTYPE;
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'warehouse_reader') THEN
        BEGIN
            CREATE ROLE warehouse_reader NOLOGIN;
        EXCEPTION
            WHEN duplicate_object OR unique_violation THEN
                NULL;
            WHEN insufficient_privilege THEN
                RAISE EXCEPTION 'cannot create role warehouse_reader: % may not create roles', current_user
                    USING HINT = 'Have an administrator run once: CREATE ROLE warehouse_reader NOLOGIN; then start the warehouse again.';
        END;
    END IF;
    SELECT * INTO r FROM pg_catalog.pg_roles WHERE rolname = 'warehouse_reader';
    IF r.rolcanlogin OR r.rolsuper OR r.rolcreatedb OR r.rolcreaterole OR r.rolreplication OR r.rolbypassrls THEN
        RAISE EXCEPTION 'role warehouse_reader exists but is not a plain NOLOGIN role'
            USING HINT = 'ALTER ROLE warehouse_reader NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS; log in as the users it is granted to instead.';
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.pg_auth_members WHERE member = r.oid) THEN
        RAISE EXCEPTION 'role warehouse_reader is a member of other roles (%), which could give it more than schema mart',
            (SELECT string_agg(roleid::regrole::text, ', ') FROM pg_catalog.pg_auth_members WHERE member = r.oid)
            USING HINT = 'REVOKE those roles FROM warehouse_reader.';
    END IF;
END
$$;

-- Reading: the views of mart (R__mart_views.sql grants them again whenever it changes), and
-- whatever the migrating user creates in mart later.
DO $$
BEGIN
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO warehouse_reader', current_database());
END
$$;
GRANT USAGE ON SCHEMA mart TO warehouse_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA mart GRANT SELECT ON TABLES TO warehouse_reader;

-- Nothing else: no other schema of ours (this undoes a grant made by hand, too).
REVOKE ALL ON SCHEMA dw, etl, staging, batch, report FROM warehouse_reader;
REVOKE ALL ON ALL TABLES IN SCHEMA dw, etl, staging, batch, report FROM warehouse_reader;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA dw, etl, staging, batch, report FROM warehouse_reader;

-- Writing nothing. PostgreSQL has no "deny": what PUBLIC may do, every role may do, so the
-- writes PUBLIC is allowed by default are taken from PUBLIC here.
--  * TEMP on the database: temporary tables and functions. The warehouse's own user keeps it
--    (the load creates temporary tables); nobody else needs it.
--  * CREATE on schema public (PUBLIC's default before PostgreSQL 15, kept by upgrades).
--  * Large objects: anybody may create them (lo_creat, lo_create, lo_from_bytea). Only a
--    superuser can revoke these built-in functions; the embedded warehouse migrates as one.
-- These change nothing unless the migrating user owns the database (or is a superuser):
-- PostgreSQL then warns and carries on, and the operator should do the same by hand.
DO $$
BEGIN
    EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO %I', current_database(), current_user);
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    IF EXISTS (SELECT FROM pg_catalog.pg_namespace WHERE nspname = 'public') THEN
        REVOKE CREATE ON SCHEMA public FROM PUBLIC;
    END IF;
    IF (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
        REVOKE EXECUTE ON FUNCTION pg_catalog.lo_creat(integer), pg_catalog.lo_create(oid),
            pg_catalog.lo_from_bytea(oid, bytea) FROM PUBLIC;
    ELSE
        RAISE WARNING 'not a superuser: large objects can still be created by every role, warehouse_reader included'
            USING HINT = 'As a superuser: REVOKE EXECUTE ON FUNCTION lo_creat(integer), lo_create(oid), lo_from_bytea(oid, bytea) FROM PUBLIC;';
    END IF;
END
$$;
