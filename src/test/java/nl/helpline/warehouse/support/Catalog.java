package nl.helpline.warehouse.support;

/**
 * Catalog queries for the access tests: what a login can read or call (run them on the login's own
 * connection), and which tables a schema's views read.
 */
public final class Catalog {

    /** Every relation of the database's own schemas the current user can SELECT (any column of), in a schema it may use. */
    public static final String READABLE_RELATIONS = """
            SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
              AND has_schema_privilege(n.oid, 'USAGE')
              AND CASE WHEN c.relkind = 'S' THEN has_sequence_privilege(c.oid, 'SELECT, USAGE, UPDATE')
                       WHEN c.relkind IN ('r', 'p', 'v', 'm', 'f') THEN has_any_column_privilege(c.oid, 'SELECT') END
            ORDER BY 1""";

    /** Every function outside pg_catalog and information_schema the current user could call (EXECUTE, and USAGE on its schema). */
    public static final String CALLABLE_FUNCTIONS = """
            SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND has_schema_privilege(n.oid, 'USAGE')
              AND has_function_privilege(p.oid, 'EXECUTE')
            ORDER BY 1""";

    /** The tables (not views) the views of schema ? read, through other views too; schema-qualified. */
    public static final String TABLES_BEHIND_VIEWS = """
            WITH RECURSIVE reads(relation) AS (
                SELECT d.refobjid FROM pg_class v JOIN pg_namespace n ON n.oid = v.relnamespace
                JOIN pg_rewrite w ON w.ev_class = v.oid
                JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = w.oid AND d.refclassid = 'pg_class'::regclass
                WHERE n.nspname = ? AND v.relkind IN ('v', 'm') AND d.refobjid <> v.oid
                UNION
                SELECT d.refobjid FROM reads r JOIN pg_rewrite w ON w.ev_class = r.relation
                JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = w.oid AND d.refclassid = 'pg_class'::regclass
                WHERE d.refobjid <> r.relation)
            SELECT DISTINCT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM reads r
            JOIN pg_class c ON c.oid = r.relation JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'm', 'f') ORDER BY 1""";

    private Catalog() {
    }
}
