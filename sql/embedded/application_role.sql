-- The embedded cluster's application role, made or repaired by its superuser at every start
-- (EmbeddedWarehouseServer). The application connects as "warehouse": it owns the warehouse
-- database and everything in it, and may create the reader roles (CREATEROLE; PostgreSQL 16+
-- lets such a role grant only roles it created itself: never pg_read_server_files,
-- pg_write_server_files or pg_execute_server_program), but it is not a superuser, so COPY … TO
-- PROGRAM, pg_read_file and server-side lo_import are refused to it.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'warehouse') THEN
        CREATE ROLE warehouse LOGIN;
    END IF;
END
$$;

ALTER ROLE warehouse LOGIN NOSUPERUSER NOCREATEDB CREATEROLE NOREPLICATION NOBYPASSRLS CONNECTION LIMIT -1;

-- Membership of a predefined role (pg_read_server_files, pg_execute_server_program, …) or of
-- a superuser would give back what the attributes above take away.
DO $$
DECLARE
    m record;
BEGIN
    FOR m IN SELECT g.rolname AS granted, a.grantor::regrole::text AS grantor
             FROM pg_catalog.pg_auth_members a
             JOIN pg_catalog.pg_roles g ON g.oid = a.roleid
             WHERE a.member = 'warehouse'::regrole
               AND (g.rolname LIKE 'pg\_%' OR g.rolsuper OR g.rolbypassrls OR g.rolreplication)
    LOOP
        EXECUTE format('REVOKE %I FROM warehouse GRANTED BY %s', m.granted, m.grantor);
    END LOOP;
END
$$;
