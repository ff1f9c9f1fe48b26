-- What the report's figures stand at: the newest change (the case system's "Laatst gewijzigd") of
-- a request in the report's population (received in the period, in the wanted status, not through
-- an excluded channel), not of the whole warehouse: a load that touched only other periods leaves
-- it, and the report's bytes, unchanged. Also what was loaded, for the register.
SELECT (SELECT max(f.last_modified)
        FROM dw.fact_request f
        JOIN dw.dim_date rd ON rd.date_key = f.received_date_key
        JOIN dw.dim_status st ON st.status_key = f.status_key
        JOIN dw.dim_channel ch ON ch.channel_key = f.channel_key
        WHERE rd.full_date BETWEEN :from AND :to
          AND st.status_code = :status
          AND NOT (ch.channel_code = ANY (string_to_array(:excluded_channels, ',')))) AS newest_version,
       (SELECT count(*) FROM etl.source_file WHERE status = 'loaded') AS files_loaded,
       (SELECT max(seen_at) FROM etl.source_file WHERE status = 'loaded') AS last_load;
