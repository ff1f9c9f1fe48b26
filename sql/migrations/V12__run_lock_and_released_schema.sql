-- Readers cannot block writers (issue 9), and a home for what BI tools may read (issue 10).
--
-- 1. The run lock. Runs used to hold a PostgreSQL advisory lock, and every role may take any
--    advisory key: a BI login holding the run's key made every run exit 4. A run now locks
--    this table (WarehouseLock: LOCK TABLE … IN SHARE ROW EXCLUSIVE MODE, held for the run).
--    Only the warehouse's own role has a right on it; the table holds no rows.
CREATE TABLE etl.run_lock (
    note text
);
COMMENT ON TABLE etl.run_lock IS
    'The run lock: a run (run, load, report, restart) holds a SHARE ROW EXCLUSIVE lock on this empty table while it works. '
    'No reader role has any right on it or on schema etl, so no reader can hold it.';
REVOKE ALL ON etl.run_lock FROM PUBLIC;

-- 2. Schema released: the released cells of publications, the only thing the BI tier reads
--    (R__roles_and_grants.sql grants it, and whatever is created in it later).
CREATE SCHEMA IF NOT EXISTS released;
COMMENT ON SCHEMA released IS
    'What BI tools and dashboards read (role <database>_reader): the released cells of publications, as released. '
    'Nothing at request level.';

-- 3. Advisory locks stay useful to the warehouse itself (Flyway migrates under one), so a reader
--    must not hold them either. Only a superuser can take the built-in functions from PUBLIC; the
--    embedded warehouse does so at every start (sql/embedded/hand_over.sql).
DO $$
DECLARE
    f record;
BEGIN
    IF (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
        FOR f IN SELECT p.oid::regprocedure AS name FROM pg_catalog.pg_proc p
                 WHERE p.pronamespace = 'pg_catalog'::regnamespace AND p.proname LIKE 'pg\_%advisory%lock%'
                   AND p.proname NOT LIKE '%unlock%'
        LOOP
            EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f.name);
            EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', f.name, current_user);
        END LOOP;
    ELSIF has_function_privilege('public', 'pg_catalog.pg_advisory_lock(bigint)', 'EXECUTE') THEN
        RAISE WARNING 'not a superuser: every role can still take advisory locks in this database (the run lock is safe; Flyway''s migration lock is not)'
            USING HINT = format('As a superuser, in database %s, revoke EXECUTE on the pg_*advisory*lock* functions FROM PUBLIC and grant it to %s.',
                                current_database(), current_user);
    END IF;
END
$$;
