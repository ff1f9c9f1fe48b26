-- Who may read this warehouse, and how much (issues 9 and 10). Two NOLOGIN roles of THIS
-- database (roles belong to the whole server, so the names carry the database's name):
--
--   <database>_reader   BI tools and dashboards: schema released only (the released cells of
--                       releases, never drafts, never a suppressed count). Nothing at request level.
--   <database>_analyst  named staff: schema mart (request level: pseudonymised special-category
--                       personal data; request_id in no case-number order) and schema released.
--
-- Logins get a tier, a connection limit and a statement timeout through one function, run as
-- the warehouse's role (or a superuser):
--     SELECT etl.add_reader_login('metabase', '<a password of 16+ characters>');            -- BI
--     SELECT etl.add_reader_login('j_jansen', '<a password of 16+ characters>', 'analyst');
-- (ALTER ROLE <tier> SET … would not reach a member logging in under its own name; the limits
-- are set on each login. Logins granted a tier by hand get them at the next migration through
-- etl.apply_reader_limits(), as far as this role may alter them; the others are named in a warning.)
--
-- Flyway placeholders (application.yml; empty = the default):
--   reader_role               WAREHOUSE_READER_ROLE               default <database>_reader
--   analyst_role              WAREHOUSE_ANALYST_ROLE              default <database>_analyst
--   reader_statement_timeout  WAREHOUSE_READER_STATEMENT_TIMEOUT  default 5min
--   reader_connection_limit   WAREHOUSE_READER_CONNECTION_LIMIT   default 4 (per login)
-- Flyway reruns this file when a value changes.

------------------------------------------------------------------------------------------------
-- 1. The settings, fixed in one function so that grants and logins agree
------------------------------------------------------------------------------------------------
DO $settings$
DECLARE
    reader_role text := coalesce(nullif(btrim('${reader_role}'), ''), current_database() || '_reader');
    analyst_role text := coalesce(nullif(btrim('${analyst_role}'), ''), current_database() || '_analyst');
    statement_timeout text := coalesce(nullif(btrim('${reader_statement_timeout}'), ''), '5min');
    connection_limit text := coalesce(nullif(btrim('${reader_connection_limit}'), ''), '4');
    current_timeout text := current_setting('statement_timeout');
BEGIN
    IF octet_length(reader_role) > 63 OR octet_length(analyst_role) > 63 THEN
        RAISE EXCEPTION 'role names % and % are longer than PostgreSQL''s 63 bytes', reader_role, analyst_role
            USING HINT = 'Set WAREHOUSE_READER_ROLE and WAREHOUSE_ANALYST_ROLE to shorter names.';
    END IF;
    IF reader_role = analyst_role OR reader_role = current_user OR analyst_role = current_user
            OR reader_role IN ('public', 'postgres') OR analyst_role IN ('public', 'postgres')
            OR reader_role LIKE 'pg\_%' OR analyst_role LIKE 'pg\_%' THEN
        RAISE EXCEPTION 'the reader role (%) and the analyst role (%) must be two roles of their own', reader_role, analyst_role;
    END IF;
    IF connection_limit !~ '^[0-9]{1,4}$' THEN
        RAISE EXCEPTION 'reader_connection_limit must be a number of connections, not %', connection_limit;
    END IF;
    -- Validated by PostgreSQL itself (units ms, s, min, h, d), then put back.
    PERFORM set_config('statement_timeout', statement_timeout, true);
    PERFORM set_config('statement_timeout', current_timeout, true);

    EXECUTE format($f$
        CREATE OR REPLACE FUNCTION etl.access_settings(OUT reader_role name, OUT analyst_role name,
                                                       OUT statement_timeout text, OUT connection_limit integer)
        LANGUAGE sql IMMUTABLE AS $body$ SELECT %L::name, %L::name, %L::text, %s::integer $body$
        $f$, reader_role, analyst_role, statement_timeout, connection_limit);
END
$settings$;

COMMENT ON FUNCTION etl.access_settings() IS
    'The names of this warehouse''s reader and analyst roles and the limits of their logins, as configured when the warehouse was last migrated.';

------------------------------------------------------------------------------------------------
-- 2. The two roles
------------------------------------------------------------------------------------------------
DO $roles$
DECLARE
    s record := etl.access_settings();
    tier record;
    r pg_catalog.pg_roles%ROWTYPE;
BEGIN
    FOR tier IN SELECT * FROM (VALUES
            (s.reader_role, format('BI tools and dashboards of warehouse database %s: reads schema released only, the released '
                || 'cells of releases (counts as released, markers for suppressed cells; no drafts); nothing at request level. '
                || 'Add a login with SELECT etl.add_reader_login(login, password).', current_database())),
            (s.analyst_role, format('Named staff of warehouse database %s: reads schema released and schema mart, which is REQUEST LEVEL: pseudonymised '
                || 'special-category personal data (beliefs; possibly suspicions of crimes; GDPR articles 9 and 10). Grant it only '
                || 'to named persons who need it, through SELECT etl.add_reader_login(login, password, ''analyst''), and review '
                || 'the list.', current_database()))) AS t(name, comment)
    LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = tier.name) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', tier.name);
            EXCEPTION
                WHEN duplicate_object OR unique_violation THEN
                    NULL;
                WHEN insufficient_privilege THEN
                    RAISE EXCEPTION 'cannot create role %: % may not create roles', tier.name, current_user
                        USING HINT = format('Have an administrator run once: CREATE ROLE %I NOLOGIN; GRANT %I TO %I WITH ADMIN OPTION; '
                                            'then start the warehouse again.', tier.name, tier.name, current_user);
            END;
        END IF;
        SELECT * INTO r FROM pg_catalog.pg_roles WHERE rolname = tier.name;
        IF r.rolcanlogin OR r.rolsuper OR r.rolcreatedb OR r.rolcreaterole OR r.rolreplication OR r.rolbypassrls THEN
            RAISE EXCEPTION 'role % exists but is not a plain NOLOGIN role', tier.name
                USING HINT = format('ALTER ROLE %I NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;', tier.name);
        END IF;
        IF EXISTS (SELECT FROM pg_catalog.pg_auth_members WHERE member = r.oid) THEN
            RAISE EXCEPTION 'role % is a member of other roles (%), which could give it more than its tier', tier.name,
                (SELECT string_agg(roleid::regrole::text, ', ') FROM pg_catalog.pg_auth_members WHERE member = r.oid);
        END IF;
        BEGIN
            EXECUTE format('COMMENT ON ROLE %I IS %L', tier.name, tier.comment);
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE WARNING 'cannot comment on role % (created by someone else): %', tier.name, tier.comment;
        END;
    END LOOP;
END
$roles$;

------------------------------------------------------------------------------------------------
-- 3. What each tier reads, and nothing else
------------------------------------------------------------------------------------------------
-- V12 made schema released; made here too if missing, so this file never depends on the order.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_namespace WHERE nspname = 'released') THEN
        CREATE SCHEMA released;
    END IF;
END
$$;

DO $grants$
DECLARE
    s record := etl.access_settings();
BEGIN
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I, %I, %I', current_database(), s.reader_role, s.analyst_role, current_user);
    EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('REVOKE TEMPORARY, CREATE ON DATABASE %I FROM %I, %I', current_database(), s.reader_role, s.analyst_role);

    -- BI tools: released, including what is created there later (by the migrating user).
    EXECUTE format('GRANT USAGE ON SCHEMA released TO %I, %I', s.reader_role, s.analyst_role);
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA released TO %I, %I', s.reader_role, s.analyst_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA released GRANT SELECT ON TABLES TO %I, %I', s.reader_role, s.analyst_role);

    -- Named staff: mart as well. The mart views run with their owner's rights, so they read dw
    -- for the analyst, who holds no right on dw itself.
    EXECUTE format('GRANT USAGE ON SCHEMA mart TO %I', s.analyst_role);
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA mart TO %I', s.analyst_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA mart GRANT SELECT ON TABLES TO %I', s.analyst_role);

    -- Nothing else (this also undoes grants made by hand). Writes: none anywhere.
    EXECUTE format('REVOKE ALL ON SCHEMA mart FROM %I', s.reader_role);
    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA mart FROM %I', s.reader_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA mart REVOKE ALL ON TABLES FROM %I', s.reader_role);
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA mart, released FROM %I, %I',
                   s.reader_role, s.analyst_role);
    EXECUTE format('REVOKE CREATE ON SCHEMA mart, released FROM %I, %I', s.reader_role, s.analyst_role);
    EXECUTE format('REVOKE ALL ON SCHEMA dw, etl, staging, batch, report FROM %I, %I', s.reader_role, s.analyst_role);
    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA dw, etl, staging, batch, report FROM %I, %I', s.reader_role, s.analyst_role);
    EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA dw, etl, staging, batch, report FROM %I, %I', s.reader_role, s.analyst_role);
    EXECUTE format('REVOKE ALL ON ALL FUNCTIONS IN SCHEMA dw, etl, staging, batch, report FROM %I, %I', s.reader_role, s.analyst_role);
    IF EXISTS (SELECT FROM pg_catalog.pg_namespace WHERE nspname = 'public') THEN
        REVOKE CREATE ON SCHEMA public FROM PUBLIC;
    END IF;
END
$grants$;

------------------------------------------------------------------------------------------------
-- 4. Logins: the only way in, with their limits
------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION etl.add_reader_login(login name, password text, tier text DEFAULT 'reader')
RETURNS text
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    s record := etl.access_settings();
    tier_role name := CASE tier WHEN 'reader' THEN s.reader_role WHEN 'analyst' THEN s.analyst_role END;
BEGIN
    IF tier_role IS NULL THEN
        RAISE EXCEPTION 'tier must be reader (BI tools: schema released) or analyst (named staff: schema mart), not %', tier;
    END IF;
    IF login IS NULL OR login !~ '^[a-z_][a-z0-9_]{0,62}$' THEN
        RAISE EXCEPTION 'a login name is lower-case letters, digits and _, not %', login;
    END IF;
    IF password IS NULL OR (length(password) < 16 AND password NOT LIKE 'SCRAM-SHA-256$%') THEN
        RAISE EXCEPTION 'give the login a password of at least 16 characters (or a SCRAM-SHA-256 verifier)';
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = login) THEN
        RAISE EXCEPTION 'role % exists already', login
            USING HINT = 'Choose another name; a role made by hand gets the limits only if GRANTed a tier and this role may alter it.';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS '
                   'CONNECTION LIMIT %s PASSWORD %L IN ROLE %I', login, s.connection_limit, password, tier_role);
    EXECUTE format('ALTER ROLE %I IN DATABASE %I SET statement_timeout = %L', login, current_database(), s.statement_timeout);
    RETURN format('%s may now log in to %s as %s: %s connections at most, statements end after %s', login,
                  current_database(), tier_role, s.connection_limit, s.statement_timeout);
END
$fn$;

COMMENT ON FUNCTION etl.add_reader_login(name, text, text) IS
    'Creates a login for a BI tool (tier reader: schema released) or a named analyst (tier analyst: schema mart, request level), '
    'with this warehouse''s connection limit and statement timeout. Run it as the warehouse''s role or a superuser.';

CREATE OR REPLACE FUNCTION etl.apply_reader_limits()
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    s record := etl.access_settings();
    m record;
    applied integer := 0;
BEGIN
    FOR m IN SELECT r.rolname FROM pg_catalog.pg_roles r
             WHERE r.rolcanlogin AND NOT r.rolsuper AND r.rolname <> current_user
               AND (pg_has_role(r.oid, s.reader_role, 'USAGE') OR pg_has_role(r.oid, s.analyst_role, 'USAGE'))
    LOOP
        BEGIN
            EXECUTE format('ALTER ROLE %I CONNECTION LIMIT %s', m.rolname, s.connection_limit);
            EXECUTE format('ALTER ROLE %I IN DATABASE %I SET statement_timeout = %L', m.rolname, current_database(), s.statement_timeout);
            applied := applied + 1;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE WARNING 'login % can read this warehouse but % may not set its limits', m.rolname, current_user
                USING HINT = format('As its owner or a superuser: ALTER ROLE %I CONNECTION LIMIT %s; ALTER ROLE %I IN DATABASE %I SET statement_timeout = %L;',
                                    m.rolname, s.connection_limit, m.rolname, current_database(), s.statement_timeout);
        END;
    END LOOP;
    RETURN applied;
END
$fn$;

COMMENT ON FUNCTION etl.apply_reader_limits() IS
    'Sets the connection limit and statement timeout on every login that holds the reader or analyst role (run by every migration of this file).';

REVOKE ALL ON FUNCTION etl.add_reader_login(name, text, text), etl.apply_reader_limits(), etl.access_settings() FROM PUBLIC;

SELECT etl.apply_reader_limits();
