-- Every request whose newest version is not Vervallen is in the facts, once; nothing else is.
SELECT (SELECT count(*) FROM etl.request_version WHERE status_code <> 'WITHDRAWN') AS current_versions,
       (SELECT count(*) FROM dw.fact_request) AS facts,
       (SELECT count(*) FROM dw.fact_request f
         LEFT JOIN etl.request_version v ON v.request_pseudonym = f.request_pseudonym
         WHERE v.request_pseudonym IS NULL OR v.status_code = 'WITHDRAWN'
            OR v.last_modified <> f.last_modified) AS facts_out_of_step;
