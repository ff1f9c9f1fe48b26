-- Run by the embedded cluster's superuser in the warehouse database at every start; cheap when
-- there is nothing to do. Hands a warehouse built by an earlier version (everything owned by
-- "postgres", the application connected as superuser) to the application role, and takes from
-- PUBLIC what only a superuser can take.
--
-- REASSIGN OWNED BY postgres is refused (postgres owns the system catalogs), so every object of
-- the warehouse's own schemas is handed over one by one. ALTER … OWNER also rewrites the
-- object's grants, so nothing granted before is lost.
DO $$
DECLARE
    o record;
    app oid := 'warehouse'::regrole;
BEGIN
    FOR o IN SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n
             WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'public') AND n.nspname NOT LIKE 'pg\_%'
               AND n.nspowner <> app
    LOOP
        EXECUTE format('ALTER SCHEMA %I OWNER TO warehouse', o.nspname);
    END LOOP;

    FOR o IN SELECT c.oid::regclass AS name, c.relkind FROM pg_catalog.pg_class c
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
               AND c.relowner <> app AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S', 'c')
               -- sequences of identity and serial columns follow their table
               AND NOT (c.relkind = 'S' AND EXISTS (SELECT FROM pg_catalog.pg_depend d
                        WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
    LOOP
        EXECUTE format('ALTER %s %s OWNER TO warehouse',
                       CASE o.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE'
                                      WHEN 'S' THEN 'SEQUENCE' WHEN 'c' THEN 'TYPE' ELSE 'TABLE' END, o.name);
    END LOOP;

    FOR o IN SELECT p.oid::regprocedure AS name FROM pg_catalog.pg_proc p
             JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
               AND p.proowner <> app
    LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO warehouse', o.name);
    END LOOP;

    FOR o IN SELECT t.oid::regtype AS name FROM pg_catalog.pg_type t
             JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
             WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
               AND t.typowner <> app AND t.typtype IN ('e', 'd', 'r', 'm')
    LOOP
        EXECUTE format('ALTER TYPE %s OWNER TO warehouse', o.name);
    END LOOP;

    FOR o IN SELECT m.oid FROM pg_catalog.pg_largeobject_metadata m WHERE m.lomowner <> app
    LOOP
        EXECUTE format('ALTER LARGE OBJECT %s OWNER TO warehouse', o.oid);
    END LOOP;

    -- Default privileges the superuser set for its own future objects (V10 as postgres:
    -- SELECT on new mart views for warehouse_reader). It creates nothing here any more.
    FOR o IN SELECT d.defaclnamespace::regnamespace AS schema_name,
                    CASE d.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' WHEN 'f' THEN 'FUNCTIONS'
                                         WHEN 'T' THEN 'TYPES' ELSE 'SCHEMAS' END AS kind,
                    acl.grantee
             FROM pg_catalog.pg_default_acl d, LATERAL aclexplode(d.defaclacl) acl
             WHERE d.defaclrole = 'postgres'::regrole AND acl.grantee <> 0 AND acl.grantee <> d.defaclrole
    LOOP
        IF o.schema_name IS NULL OR o.schema_name::oid = 0 THEN
            EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE postgres REVOKE ALL ON %s FROM %s', o.kind, o.grantee::regrole);
        ELSE
            EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA %s REVOKE ALL ON %s FROM %s',
                           o.schema_name, o.kind, o.grantee::regrole);
        END IF;
    END LOOP;
END
$$;

-- Large objects: anybody may create them by default (and fill them with anything). Taken from
-- PUBLIC; V10 does the same when a superuser migrates.
REVOKE EXECUTE ON FUNCTION pg_catalog.lo_creat(integer), pg_catalog.lo_create(oid),
    pg_catalog.lo_from_bytea(oid, bytea) FROM PUBLIC;

-- Advisory locks: every role may take any key by default, so a BI login could hold the key
-- Flyway migrates under (or any other) and stall every command. Only the application keeps them.
DO $$
DECLARE
    f record;
BEGIN
    FOR f IN SELECT p.oid::regprocedure AS name FROM pg_catalog.pg_proc p
             WHERE p.pronamespace = 'pg_catalog'::regnamespace AND p.proname LIKE 'pg\_%advisory%lock%'
               AND p.proname NOT LIKE '%unlock%'
    LOOP
        EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f.name);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO warehouse', f.name);
    END LOOP;
END
$$;

REVOKE CREATE ON SCHEMA public FROM PUBLIC;
