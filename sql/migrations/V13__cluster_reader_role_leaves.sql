-- warehouse_reader (V10) is one role for the whole PostgreSQL server: granted to a login for one
-- warehouse, it read the mart of every warehouse on that server. It loses everything it had in
-- this database; R__roles_and_grants.sql gives access through two roles of this database only
-- (<database>_reader for BI tools, <database>_analyst for named staff).
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'warehouse_reader') THEN
        EXECUTE format('REVOKE ALL ON DATABASE %I FROM warehouse_reader', current_database());
        REVOKE ALL ON SCHEMA mart FROM warehouse_reader;
        REVOKE ALL ON ALL TABLES IN SCHEMA mart FROM warehouse_reader;
        ALTER DEFAULT PRIVILEGES IN SCHEMA mart REVOKE ALL ON TABLES FROM warehouse_reader;
    END IF;
END
$$;

-- Nobody connects to this database unless granted: PUBLIC connects to every database by default.
-- The migrating user keeps its own right first (as owner it has it anyway).
DO $$
BEGIN
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), current_user);
    EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
END
$$;

COMMENT ON SCHEMA mart IS
    'The warehouse at request level for named staff: views with readable names and Dutch and English labels, readable by '
    'this database''s analyst role (<database>_analyst unless configured). Pseudonymised special-category personal data. '
    'No request number, pseudonym or lineage: request_id is a surrogate. BI tools read schema released instead.';
