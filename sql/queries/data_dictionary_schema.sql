-- The description of one schema, for the data dictionary.
SELECT obj_description(n.oid, 'pg_namespace') FROM pg_catalog.pg_namespace n WHERE n.nspname = ?;
