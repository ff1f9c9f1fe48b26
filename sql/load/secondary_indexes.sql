-- The indexes a large file is loaded without and that are built again after it, in the same
-- transaction (Transform): every index of the facts and bridges except the primary keys, which
-- the transform itself needs. Read from the catalog, so they come back exactly as the
-- migrations made them, with their descriptions.
SELECT i.indexrelid::regclass::text AS name,
       pg_get_indexdef(i.indexrelid) AS definition,
       CASE WHEN obj_description(i.indexrelid, 'pg_class') IS NOT NULL
            THEN format('COMMENT ON INDEX %s IS %L', i.indexrelid::regclass, obj_description(i.indexrelid, 'pg_class'))
       END AS description
FROM pg_index i
WHERE i.indrelid IN ('dw.fact_request'::regclass, 'dw.bridge_request_phenomenon'::regclass,
                     'dw.bridge_request_help_question'::regclass, 'dw.bridge_request_support'::regclass)
  AND NOT i.indisprimary
  AND NOT i.indisunique
ORDER BY 1;
