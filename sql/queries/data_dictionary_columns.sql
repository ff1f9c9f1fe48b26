-- The columns of one table or view, in their order, with type, keys and description.
SELECT a.attname,
       format_type(a.atttypid, a.atttypmod) AS type,
       (SELECT string_agg(CASE con.contype
                              WHEN 'p' THEN 'PK'
                              WHEN 'u' THEN 'unique'
                              ELSE 'FK ' || rn.nspname || '.' || rc.relname
                          END, ', ' ORDER BY CASE con.contype WHEN 'p' THEN 1 WHEN 'u' THEN 2 ELSE 3 END,
                                             con.conname COLLATE "C")
        FROM pg_catalog.pg_constraint con
        LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid
        LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
        WHERE con.conrelid = a.attrelid
          AND con.contype IN ('p', 'u', 'f')
          AND a.attnum = ANY (con.conkey)) AS keys,
       col_description(a.attrelid, a.attnum) AS description
FROM pg_catalog.pg_attribute a
WHERE a.attrelid = format('%I.%I', ?::text, ?::text)::regclass
  AND a.attnum > 0
  AND NOT a.attisdropped
ORDER BY a.attnum;
